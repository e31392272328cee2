"""Session 7's post-purchase walk: what shoppers type after buying (refund status, questions during a return,
orders named by what is in them) and the replies they could not accept."""

from __future__ import annotations

from pathlib import Path

from bot.core.events import UserRef
from bot.core.skills.orders.refund_status import asks_refund_status
from bot.transports.local_session import LocalSession
from store.models.orders import OrderStatus
from store.orders.views import get_order
from store.returns import get_return
from tests.bot.skills.test_orders import invoice_of
from tests.helpers.checkout_flow import Shop, deliver, latest_order, shop, texts, walk_checkout

BEA = UserRef(611, first_name="Bea", language_code="en")


async def _order(s: Shop, session: LocalSession, sku: str) -> int:
    from store.cart import add_to_cart

    async with s.uows() as uow:
        await add_to_cart(uow, BEA.id, sku, 1)
    placed = await walk_checkout(session)
    await session.pay_test(invoice_of(placed))
    return (await latest_order(s, BEA.id)).id


def test_refund_status_questions_are_told_from_return_requests() -> None:
    for said in ("refund status?", "where is my refund", "has my refund been processed", "any news on my return",
                 "did you get my return request", "退款到哪了", "退款进度怎么样了", "退货申请收到了吗", "钱退了吗"):
        assert asks_refund_status(said), said
    for said in ("I want to return the shoes", "refund please", "退货怎么退", "我要退款", "return it, it's broken",
                 "how long does the refund take"):
        assert not asks_refund_status(said), said


async def test_asking_where_the_refund_is_reports_it_and_starts_no_return(tmp_path: Path) -> None:
    # "refund status?" / "退款到哪了" read as return_or_refund and opened a new return ("Why are you returning
    # it?"); the next message ("did you get my return request") was then recorded as the return's reason.
    async with shop(tmp_path) as s:
        session = await s.shopper(BEA)
        order_id = await _order(s, session, "MUG-R")
        await deliver(s, order_id)
        none_yet = texts(await session.say("where is my refund"))
        assert "Why are you returning it" not in none_yet and "no return" in none_yet.lower(), none_yet
        assert session.find_button("Return")
        await session.say("I want to return it")
        await session.say("the handle came off")
        await session.say("submit")
        for said in ("refund status?", "did you get my return request", "any update on my refund?"):
            status = texts(await session.say(said))
            assert "Why are you returning it" not in status and "reviewing" in status, (said, status)
        async with s.uows() as uow:
            assert (await get_order(uow, order_id)).status is OrderStatus.RETURN_REQUESTED
            assert (await get_return(uow, order_id)).reason == "the handle came off"


async def test_a_question_while_the_return_asks_why_is_answered_not_taken_as_the_reason(tmp_path: Path) -> None:
    # "how do i send it back" right after "Why are you returning it?" became the reason sent to staff.
    async with shop(tmp_path) as s:
        session = await s.shopper(BEA)
        order_id = await _order(s, session, "MUG-R")
        await deliver(s, order_id)
        await session.say("I want to return it")
        asked = texts(await session.say("how do i send it back?"))
        assert "noted" not in asked and "still waiting for the reason" in asked, asked
        await session.say("it came chipped")
        await session.say("submit")
        async with s.uows() as uow:
            assert (await get_return(uow, order_id)).reason == "it came chipped"
