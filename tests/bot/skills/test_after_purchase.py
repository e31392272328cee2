"""Session 7's post-purchase walk: what shoppers type after buying (refund status, questions during a return,
orders named by what is in them) and the replies they could not accept."""

from __future__ import annotations

import re
from pathlib import Path

from bot.core.events import UserRef
from bot.core.skills.community.review_start import typed_rating
from bot.core.skills.orders.named_items import english_words, names_item
from bot.core.skills.orders.refund_status import asks_refund_status
from bot.core.skills.orders.reorder import asks_reorder
from bot.transports.local_session import LocalSession
from store.models.orders import OrderStatus
from store.orders.views import get_order
from store.returns import get_return
from tests.bot.skills.test_orders import invoice_of
from tests.helpers.catalog_builders import make_product
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


def test_a_chinese_product_word_names_an_order_item_by_its_chinese_title() -> None:
    assert names_item("耳机", "JBL Tune 770NC 头戴式主动降噪蓝牙耳机")
    assert names_item("保温杯", "Yeti 保温随行杯 470毫升") and names_item("杯子", "Yeti 保温随行杯 470毫升")
    assert not names_item("耳机", "Yeti 保温随行杯 470毫升")
    assert english_words("when will my headphones arrive") == {"headphone"}


async def test_an_order_named_by_its_item_is_the_one_tracked_cancelled_and_returned(tmp_path: Path) -> None:
    # "when will my headphones arrive" showed the yoga mat ordered after them: the lookup knew only order numbers,
    # the order talked about last and the newest one.
    async with shop(tmp_path) as s:
        await make_product(s.uows, "HP", price=7999, title="Soundcore Life Q30 Wireless Headphones",
                           category="Electronics > Audio")
        session = await s.shopper(BEA)
        headphones = await _order(s, session, "HP-1")
        mug = await _order(s, session, "MUG-R")
        hp_number, mug_number = f"SB{10000 + headphones}", f"SB{10000 + mug}"
        tracked = texts(await session.say("track my headphones"))
        assert hp_number in tracked and mug_number not in tracked, tracked
        asked = texts(await session.say("cancel order with the mug please"))
        assert f"Cancel order {mug_number}" in asked, asked
        await session.press_label("No, keep it")
        await deliver(s, headphones)
        returned = texts(await session.say("I want to return the headphones"))
        assert f"Returning order {hp_number}" in returned, returned
        await session.press_label("Never mind")
        await deliver(s, mug)
        refused = texts(await session.say("cancel order of the headphones"))
        assert hp_number in refused and "delivered" in refused and mug_number not in refused, refused


def test_stars_typed_in_either_language_are_read() -> None:
    for said, n in (("5 stars, love it", 5), ("rate my shoes 4 stars", 4), ("3/5 stars", 3), ("五星 音质很好", 5),
                    ("打4分吧", 4), ("给个三颗星", 3), ("2★", 2)):
        assert typed_rating(said) == n, said
    assert typed_rating("I want to review the mug") is None and typed_rating("我想评价一下耳机") is None


async def test_a_review_of_a_named_item_asks_its_stars_and_takes_typed_stars(tmp_path: Path) -> None:
    # "I want to review the mug" asked "Which product would you like to review?" with the mug and the lamp, and
    # "5 stars, love it" then asked the same again.
    async with shop(tmp_path) as s:
        session = await s.shopper(BEA)
        lamp = await _order(s, session, "LAMP-1")
        mug = await _order(s, session, "MUG-R")
        await deliver(s, lamp)
        await deliver(s, mug)
        s.bot.services.nlu.rules.insert(0, (re.compile(r"\breview\b|\bstars?\b", re.I), "leave_review"))  # type: ignore[union-attr]
        asked = texts(await session.say("I want to review the lamp"))
        assert "How many stars for Product LAMP" in asked, asked
        words = texts(await session.say("5 stars, love it"))
        assert "★★★★★" in words and "write a few words" in words, words
        done = texts(await session.say("bright and sturdy"))
        assert "Thanks for reviewing Product LAMP" in done, done
        both = texts(await session.say("review the mug 4 stars"))
        assert "★★★★☆" in both and "write a few words" in both, both


def test_asking_to_order_the_same_again_is_told_from_adding_one_more() -> None:
    for said in ("order the same again", "reorder SB10002", "re-order my last order", "buy them again",
                 "same as last time please", "再来一单一样的", "跟上次一样再来一单", "帮我回购一下"):
        assert asks_reorder(said), said
    for said in ("add the second one", "one more please", "再买一个", "加一个", "order status", "i ordered the mug"):
        assert not asks_reorder(said), said


async def test_ordering_the_same_again_puts_that_orders_items_in_the_cart(tmp_path: Path) -> None:
    # "再来一单一样的" / "order the same again" read as an add put the product open on screen in the cart.
    async with shop(tmp_path) as s:
        session = await s.shopper(BEA)
        lamp = await _order(s, session, "LAMP-1")
        await _order(s, session, "MUG-R")
        s.bot.services.nlu.rules.insert(0, (re.compile(r"again|reorder", re.I), "add_to_cart"))  # type: ignore[union-attr]
        again = texts(await session.say("order the same again"))
        assert "now in your cart: Product MUG" in again and "LAMP" not in again, again
        named = texts(await session.say(f"reorder SB{10000 + lamp}"))
        assert f"From order SB{10000 + lamp}" in named and "Product LAMP" in named, named
        assert session.find_button("Checkout")


async def test_a_return_that_says_why_is_not_asked_why_again(tmp_path: Path) -> None:
    # "I want to return the shoes, they're too small" answered "Why are you returning it?".
    async with shop(tmp_path) as s:
        session = await s.shopper(BEA)
        order_id = await _order(s, session, "MUG-R")
        await deliver(s, order_id)
        said = "I want to return the mug, it arrived cracked"
        asked = texts(await session.say(said))
        assert "Why are you returning it" not in asked and "photos of the item" in asked, asked
        await session.say("submit")
        async with s.uows() as uow:
            assert (await get_return(uow, order_id)).reason == said


async def test_items_ordered_again_are_named_in_the_shoppers_language(tmp_path: Path) -> None:
    # "再来一单一样的" listed the items by their English titles in a Chinese chat (the order keeps the English one).
    from sqlalchemy import update

    from store.models.catalog import Product, Variant

    async with shop(tmp_path) as s:
        session = await s.shopper(BEA)
        await _order(s, session, "MUG-R")
        async with s.uows() as uow:
            product_id = (await uow.session.execute(
                Variant.__table__.select().where(Variant.sku == "MUG-R"))).one().product_id
            await uow.session.execute(update(Product).where(Product.id == product_id).values(title_zh="测试马克杯"))
            await uow.commit()
        await session.say("/language zh")
        s.bot.services.nlu.rules.insert(0, (re.compile(r"再来一单"), "add_to_cart"))  # type: ignore[union-attr]
        again = texts(await session.say("再来一单一样的"))
        assert "测试马克杯" in again and "Product MUG" not in again, again
