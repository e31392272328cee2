"""A started bot with the 30-product bilingual fixture catalog, real product search over the fake encoder, and a
keyword NLU that also finds the shopping entities (prices, colours, sizes, "it"): fast shopping-flow tests."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from bot.core.app import ShopBot
from bot.core.events import ButtonPress, ChatRef, Event, TextMessage, UserRef
from bot.core.replies import Reply
from knowledge.encoders.fake import FakeEncoder
from knowledge.search.service import ProductSearch
from nlu.result import ParsedEntity, ParseResult
from store.catalog import upsert_product
from tests.helpers.bots import started_bot
from tests.helpers.fake_nlu import DEFAULT_RULES, FakeNLU
from tests.helpers.search_catalog import FIXTURE, product_input, seed_fixture

__all__ = ["ShoppingNLU", "shop_bot", "Shopper", "IMAGE_OF"]

SHOPPING_RULES: tuple[tuple[str, str], ...] = (
    (r"\b(make it|change (it|that|the \w+) to|set (it|the \w+) to)\b|改成|改为", "update_cart"),
    (r"加入购物车|加到购物车|放进购物车", "add_to_cart"),
    (r"删除|去掉|移除", "remove_from_cart"),
    (r"^(看看)?(我的)?购物车$|查看购物车", "view_cart"),
    (r"推荐", "recommend"),
    (r"优惠券|优惠码", "apply_coupon"),
    (r"活动|促销|优惠", "list_promotions"),
    (r"\b(tell me more|details)\b|详情", "show_product_details"),
    *DEFAULT_RULES,
)

_COLOURS = {"red": "red", "blue": "blue", "black": "black", "white": "white", "purple": "purple", "红色": "red",
            "蓝色": "blue", "黑色": "black", "白色": "white", "紫色": "purple"}
_PRICE = re.compile(r"\b(under|below|less than|over|above|more than)\s*\$?(\d+)\b|(\d+)\s*(?:元|块)?以下", re.I)
_IT = re.compile(r"\b(it|this one|that one)\b|它|这个", re.I)

IMAGE_OF = {"P01": "https://img.example/p01.jpg", "P09": "images/P09.png"}


class ShoppingNLU(FakeNLU):
    """FakeNLU plus price filters (minor units, USD), colours, sizes and "it" = the product in focus."""

    def __init__(self) -> None:
        super().__init__(rules=SHOPPING_RULES)

    def _entities(self, text: str, context: Any) -> tuple[ParsedEntity, ...]:
        found = list(super()._entities(text, context))
        prices: list[ParsedEntity] = []
        for m in _PRICE.finditer(text):
            if m.group(2):
                name = "price_max" if m.group(1).lower() in ("under", "below", "less than") else "price_min"
                prices.append(ParsedEntity(name, int(m.group(2)) * 100, m.start(), m.end(), currency="USD"))
            else:
                prices.append(ParsedEntity("price_max", int(m.group(3)) * 100, m.start(), m.end(), currency="USD"))
        found = [e for e in found if not (e.entity == "quantity" and any(p.start <= e.start < p.end for p in prices))]
        found += prices
        lowered = text.lower()
        for word, value in _COLOURS.items():
            i = lowered.find(word)
            if i >= 0:
                found.append(ParsedEntity("color", value, i, i + len(word)))
        focus = getattr(context, "focus", None)
        it = _IT.search(text)
        if it and focus and not any(e.entity == "reference" for e in found):
            found.append(ParsedEntity("reference", focus, it.start(), it.end()))
        return tuple(found)

    async def parse(self, text: str, context: Any = None, vector: Any = None) -> ParseResult:
        result = await super().parse(text, context, vector)
        return replace(result, language="zh" if re.search(r"[\u4e00-\u9fff]", text) else "en")


@asynccontextmanager
async def shop_bot(tmp_path: Path, *, search: bool = True, more: Callable[[Any], Awaitable[Any]] | None = None,
                   **settings: Any) -> AsyncIterator[ShopBot]:
    """The fixture catalog (plus what ``more`` adds, given the unit-of-work factory) indexed for search."""
    encoder = FakeEncoder(dim=256)
    async with started_bot(tmp_path, nlu=ShoppingNLU(), encoder=encoder, **settings) as bot:
        assert bot.services is not None
        uows = bot.services.uows
        await seed_fixture(uows)
        if more is not None:
            await more(uows)
        for p in FIXTURE:
            if p.external_id in IMAGE_OF:
                async with uows() as uow:
                    await upsert_product(uow, replace(product_input(p), image_url=IMAGE_OF[p.external_id]))
        engine = None
        if search:
            engine = ProductSearch(uows, encoder, tmp_path / "index", persist=False, log_zero_results=True)
            await engine.start()
            bot.services.search = engine
        try:
            yield bot
        finally:
            if engine is not None:
                await engine.stop()


class Shopper:
    """Sends messages and presses buttons as one user, keeping the latest replies to press by label."""

    def __init__(self, bot: ShopBot, user: UserRef, chat: ChatRef | None = None) -> None:
        self.bot, self.user, self.chat = bot, user, chat or ChatRef(user.id)
        self.latest: list[Reply] = []
        self._n = 0

    async def send(self, event: Event) -> list[Reply]:
        self.latest = await self.bot.handle(event)
        return self.latest

    async def say(self, text: str) -> list[Reply]:
        self._n += 1
        return await self.send(TextMessage(self.user, self.chat, text, message_id=self._n))

    def button(self, label: str, replies: list[Reply] | None = None) -> str:
        pool = [b for r in (replies if replies is not None else self.latest) for row in r.buttons for b in row]
        for match in (lambda lbl: lbl == label, lambda lbl: label.casefold() in lbl.casefold()):
            for b in pool:
                if match(b.label) and b.data:
                    return b.data
        raise AssertionError(f"no button {label!r} in {[b.label for b in pool]}")

    async def press(self, label: str, replies: list[Reply] | None = None) -> list[Reply]:
        return await self.press_data(self.button(label, replies))

    async def press_data(self, data: str) -> list[Reply]:
        self._n += 1
        return await self.send(ButtonPress(self.user, self.chat, data, callback_id=f"cb{self._n}", message_id=self._n))
