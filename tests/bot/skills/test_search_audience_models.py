"""Search replies for a stated audience ("for women", "女款") and for a model number ("iphone 15 pro", "iphone 16"):
found walking the demo store -- men's shoes after the one women's shoe, a case for the wrong phone model, and
iPhone 15 products shown for "iphone 16" without a word."""

from __future__ import annotations

from pathlib import Path

from bot.core.events import UserRef
from bot.core.replies import Photo, Reply, Text
from store.catalog import upsert_product
from store.catalog.service import ProductInput, VariantInput
from store.money import Money
from tests.helpers.shopping import Shopper, shop_bot

ANN = UserRef(211, "Ann", language_code="en")
LI = UserRef(212, "李", language_code="zh-hans")


def titles(replies: list[Reply]) -> list[str]:
    out = []
    for r in replies:
        labels = [b.label for row in r.buttons for b in row]
        if any("Details" in lbl or "详情" in lbl for lbl in labels):
            text = r.caption if isinstance(r, Photo) else r.text if isinstance(r, Text) else ""
            out.append(text.split("\n")[0])
    return out


async def test_running_shoes_for_women_leave_out_the_mens_also_when_cheaper(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        shown = titles(await ann.say("running shoes for women"))
        assert shown and shown[0] == "<b>Women&#x27;s Trail Running Shoes</b>"
        assert not any("Men&#x27;s" in t for t in shown)
        shown = titles(await ann.say("show me cheaper ones"))
        assert shown and not any("Men&#x27;s" in t for t in shown)
        li = Shopper(bot, LI)
        shown = titles(await li.say("女士跑步鞋"))
        assert shown and shown[0] == "<b>女士越野跑鞋</b>" and not any("男士" in t for t in shown)


def _phone_product(external_id: str, title: str, price: int, **attributes: str) -> ProductInput:
    return ProductInput(external_id=external_id, title=title, title_zh=None, description=title,
                        category_path="Electronics > Phones & Cases", brand="Lumo", rating_tenths=45, sales_count=10,
                        attributes=dict(attributes),
                        variants=[VariantInput(f"{external_id}-STD", Money(price, "USD"), 5, {})])


async def test_a_model_number_is_matched_exactly_and_a_missing_one_is_named(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        async with bot.services.uows() as uow:
            for product in (
                _phone_product("M1", "Lumo Nova 12 Smartphone", 69900, model="Nova 12"),
                _phone_product("M2", "Lumo Nova 12 Pro Smartphone", 99900, model="Nova 12 Pro"),
                _phone_product("M3", "Clear Case for Nova 12", 1999, compatible_with="Nova 12"),
                _phone_product("M4", "Clear Case for Nova 12 Pro", 1999, compatible_with="Nova 12 Pro"),
            ):
                await upsert_product(uow, product)
        assert bot.services.search is not None
        await bot.services.search.wait_idle()
        ann = Shopper(bot, ANN)
        shown = titles(await ann.say("clear case for nova 12"))
        assert shown == ["<b>Clear Case for Nova 12</b>"] or (
            shown[0] == "<b>Clear Case for Nova 12</b>" and "<b>Clear Case for Nova 12 Pro</b>" not in shown)
        replies = await ann.say("lumo nova 13 smartphone")
        first = next(r for r in replies if isinstance(r, Text))
        assert first.text.startswith("We don't have nova 13.") and not titles([first])
        assert titles(replies)   # the closest ones follow
        replies = await Shopper(bot, LI).say("有 nova 13 手机吗")
        assert any(isinstance(r, Text) and r.text.startswith("我们没有 nova 13") for r in replies)


def test_a_model_named_after_a_product_keeps_its_number() -> None:
    """"ok what about iphone 15 pro": the NLU's product entity was "iPhone 15" and the leftover words lost the
    number ("iphone pro"), so the details opened a case for the iPhone 15."""
    from bot.core.skills.shopping.targets import _names_another_model, leftover_words

    assert leftover_words("ok what about nova 12 pro", None) == "nova 12 pro"
    assert leftover_words("add 2 of them", None) == "" and leftover_words("add 2 mugs", None) == "mugs"
    assert _names_another_model("ok what about nova 12 pro", "Nova 12")
    assert not _names_another_model("tell me about the nova 12", "Nova 12")
