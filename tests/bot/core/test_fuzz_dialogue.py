"""Fuzz the whole dialogue (every skill, the real router) with hypothesis: random text, emoji, very long
messages, malformed and foreign button data, forged payment payloads. The bot must never hit an internal
error (the apology with an error id), must always answer a button, and garbage must not move stock, create
orders or payments."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from bot.core.app import ShopBot
from bot.core.events import ButtonPress, ChatKind, ChatRef, PaymentSucceeded, PreCheckout, TextMessage, UserRef
from bot.core.replies import CallbackAnswer, PreCheckoutAnswer, Text
from bot.core.state import Conversation
from store.models.cart import CartLine
from store.models.catalog import Variant
from store.models.orders import Order
from store.models.payments import Payment
from tests.helpers.shopping import shop_bot

USERS = [UserRef(900 + i, first_name=f"U{i}", language_code=lang) for i, lang in enumerate(["en", "zh-hans"])]
CHATS = [ChatRef(900), ChatRef(-100900, ChatKind.SUPERGROUP, "Deals")]
APOLOGY = ("something went wrong", "出了点问题")

texts = st.one_of(
    st.text(max_size=200),
    st.text(alphabet=st.sampled_from(list("abc 加入购物车第二个😀🛒/@#$%0123456789\n")), max_size=60),
    st.sampled_from(["/start p_NOPE", "/start promo_999999", "/start p_", "/cart", "/orders", "/track 99999999",
                     "/coupon", "/coupon NOPE", "add the second one", "remove it", "checkout", "/cancel",
                     "make it 0", "make it 99999", "加入购物车", "第二个", "/language xx", "/privacy", "/ask"]),
    st.builds(lambda n: "long " * n, st.integers(min_value=500, max_value=3000)),
)
buttons = st.one_of(st.text(max_size=70),
                    st.builds(lambda p, a: f"{p}:{a}~AAAAAA", st.sampled_from(["add", "cart", "co", "claim", "tk"]),
                              st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-", max_size=20)))


class Harness:
    def __init__(self, tmp_path: Path) -> None:
        self.loop = asyncio.new_event_loop()
        self._cm = shop_bot(tmp_path)
        self.bot: ShopBot = self.loop.run_until_complete(self._cm.__aenter__())
        self.update_id = 0

    def run(self, coro: Any) -> Any:
        return self.loop.run_until_complete(coro)

    def counts(self) -> tuple[int, int, int]:
        async def read() -> tuple[int, int, int]:
            assert self.bot.services is not None
            async with self.bot.services.uows() as uow:
                stock = (await uow.session.execute(select(func.sum(Variant.stock)))).scalar_one()
                orders = (await uow.session.execute(select(func.count(Order.id)))).scalar_one()
                payments = (await uow.session.execute(select(func.count(Payment.id)))).scalar_one()
            return int(stock), int(orders), int(payments)

        return self.run(read())

    def cart_lines(self) -> int:
        async def read() -> int:
            assert self.bot.services is not None
            async with self.bot.services.uows() as uow:
                return int((await uow.session.execute(select(func.count(CartLine.id)))).scalar_one())

        return self.run(read())

    def intact(self, user: UserRef, chat: ChatRef) -> None:
        """The conversation state still loads as a valid model, and every cart line is a real, positive one."""
        async def check() -> None:
            services = self.bot.services
            assert services is not None
            state = await services.states.load(user.id, chat.id)
            Conversation.model_validate(state.model_dump())
            async with services.uows() as uow:
                bad = (await uow.session.execute(
                    select(func.count(CartLine.id)).outerjoin(Variant, Variant.id == CartLine.variant_id)
                    .where((CartLine.quantity <= 0) | (Variant.id.is_(None))))).scalar_one()
            assert bad == 0

        self.run(check())

    def close(self) -> None:
        self.run(self._cm.__aexit__(None, None, None))
        self.loop.close()


@pytest.fixture(scope="module")
def harness(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Harness]:
    h = Harness(tmp_path_factory.mktemp("fuzz"))
    yield h
    h.close()


def _no_internal_error(replies: list[Any]) -> None:
    for reply in replies:
        text = getattr(reply, "text", "") or ""
        assert not any(a in text for a in APOLOGY), f"internal error: {text}"


FUZZ = settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                        HealthCheck.too_slow], deadline=None)


@FUZZ
@given(text=texts, user=st.sampled_from(USERS), chat=st.sampled_from(CHATS), mention=st.booleans())
def test_any_text_never_breaks_the_bot(harness: Harness, text: str, user: UserRef, chat: ChatRef,
                                       mention: bool) -> None:
    before = harness.counts()
    harness.update_id += 1
    event = TextMessage(user, chat if chat.is_group else ChatRef(user.id), text, mentions_bot=mention,
                        update_id=harness.update_id)
    replies = harness.run(harness.bot.handle(event))
    _no_internal_error(replies)
    stock, orders, payments = harness.counts()
    assert (orders, payments) == before[1:]
    assert stock == before[0]  # carts never reserve stock; only checkout does, and it needs several steps
    harness.intact(user, event.chat)


@FUZZ
@given(data=buttons, user=st.sampled_from(USERS))
def test_any_button_data_is_answered_and_changes_nothing(harness: Harness, data: str, user: UserRef) -> None:
    before, lines = harness.counts(), harness.cart_lines()
    replies = harness.run(harness.bot.handle(ButtonPress(user, ChatRef(user.id), data, callback_id="cb")))
    _no_internal_error(replies)
    assert any(isinstance(r, CallbackAnswer) for r in replies)
    assert harness.counts() == before and harness.cart_lines() == lines  # unsigned data moves nothing
    harness.intact(user, ChatRef(user.id))


@FUZZ
@given(payload=st.text(max_size=200), amount=st.integers(min_value=-10, max_value=10**9),
       currency=st.sampled_from(["USD", "XTR", "EUR", "", "usd"]), charge=st.text(min_size=1, max_size=40))
def test_forged_payments_are_refused_and_never_applied(harness: Harness, payload: str, amount: int,
                                                      currency: str, charge: str) -> None:
    user = USERS[0]
    before, lines = harness.counts(), harness.cart_lines()
    answer = harness.run(harness.bot.handle(PreCheckout(user, ChatRef(user.id), query_id="q", payload=payload,
                                                        total_amount=amount, currency=currency)))
    assert [a.ok for a in answer if isinstance(a, PreCheckoutAnswer)] == [False]
    replies = harness.run(harness.bot.handle(PaymentSucceeded(
        user, ChatRef(user.id), payload=payload, total_amount=amount, currency=currency,
        provider_charge_id=charge, telegram_charge_id=charge)))
    _no_internal_error(replies)
    assert harness.counts()[1:] == before[1:] and harness.cart_lines() == lines
    assert not any(isinstance(r, Text) and "Payment received" in r.text for r in replies)
    harness.intact(user, ChatRef(user.id))
