"""A pending step keeps its open-ended answers, but a clearly navigational message leaves it (bot.core.pending).

The first part runs with the keyword fake NLU (rules chosen to read answers the way the real model misreads
them: a postcode as an order number, a long return reason as tracking); the second with the real built-in model
on the shipped training data, because the answers that must not escape are exactly the ones it misreads.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest

from bot.core.events import UserRef
from bot.core.pending import NAVIGATIONAL, is_cancel, is_short, leaves
from bot.core.router import DEFAULT_RULE
from bot.core.skills.registry import build_router
from bot.core.state import Conversation
from bot.i18n import translator
from bot.transports.local_session import LocalSession
from nlu.pipeline import BuiltinNLU
from tests.helpers.bots import started_bot
from tests.helpers.catalog_builders import seed_catalog
from tests.helpers.checkout_flow import RULES, Clock, Shop, deliver, latest_order, texts, walk_checkout
from tests.helpers.fake_nlu import FakeNLU
from tests.helpers.real_nlu import build_real_nlu

ADA = UserRef(601, first_name="Ada", language_code="en")
LI = UserRef(602, first_name="李", language_code="zh-hans")

# Answers the real model reads as navigational intents, written as keyword rules.
MISREADS = (
    (r"^\d{5}$", "track_order"),  # a postcode reads as an order number
    (r"\b(review)\b", "leave_review"),
    *RULES,
)
# The search path's reply in these bots (they have no search engine).
NO_SEARCH_MESSAGE = "Product search is not available right now. Please try again in a moment, or ask our staff."
NO_SEARCH = NO_SEARCH_MESSAGE[:30]


@asynccontextmanager
async def shop_with(tmp_path: Path, nlu: Any, **settings: Any) -> AsyncIterator[Shop]:
    async with started_bot(tmp_path, nlu=nlu, **settings) as bot:
        assert bot.services is not None
        clock = Clock()
        bot.services.clock = clock
        yield Shop(bot, await seed_catalog(bot.services.uows), clock)


async def state_of(shop_: Shop, user: UserRef) -> Conversation:
    assert shop_.bot.services is not None
    return await shop_.bot.services.states.load(user.id, user.id)


def press(shop_: Shop, user: UserRef, prefix: str, *args: object) -> str:
    assert shop_.bot.dispatcher is not None
    return shop_.bot.dispatcher.codec.encode(user.id, prefix, *args)


async def delivered_order(shop_: Shop, session: LocalSession) -> int:
    placed = await walk_checkout(session)
    await session.pay_test(next(r["invoice"] for r in placed if r["invoice"]))
    order = await latest_order(shop_, session.user.id)
    await deliver(shop_, order.id)
    return order.id


# -- the rule itself -------------------------------------------------------------------------------------------

def test_every_rule_names_a_pending_step_and_keeps_only_navigational_intents() -> None:
    router = build_router()
    assert set(router.pending_rules) <= set(router.pending)
    for kind, rule in router.pending_rules.items():
        extra = rule.keeps - NAVIGATIONAL - {"ask_question"}
        assert not extra, f"{kind} keeps {extra}: only navigational intents can leave a step, so keeping others is moot"
    assert {"co_address", "addr_new", "ret_reason", "ret_photo", "rv_text", "tk_new", "tk_reply", "qa_answer",
            "ask"} <= set(router.pending_rules)
    assert router.pending_rules["tk_reply"].closed and router.pending_rules["qa_answer"].closed


def test_cancel_words_and_short_messages() -> None:
    assert all(is_cancel(w) for w in ("cancel", "Cancel!", " stop. ", "never mind", "取消", "算了"))
    assert not any(is_cancel(w) for w in ("cancel my order", "stop sign", "取消订单"))
    assert is_short("where is my order?") and is_short("我的订单到哪了")
    assert not is_short("Shipping was slow and I had to track my order for weeks, but the mug is great")
    assert not is_short("物流太慢了，我查了两个星期的快递才收到，但是杯子质量很好，推荐购买")


# -- with the keyword NLU -------------------------------------------------------------------------------------

async def test_the_search_prompt_lets_navigation_through_and_keeps_product_queries(tmp_path: Path) -> None:
    async with shop_with(tmp_path, FakeNLU(RULES)) as s:
        session = await s.shopper(ADA, ("MUG-R", 1))
        assert "What are you looking for" in texts(await session.say("/search"))
        cart = texts(await session.say("show my cart"))
        assert "Product MUG" in cart and NO_SEARCH not in cart
        assert (await state_of(s, ADA)).pending is None
        await session.press(press(s, ADA, "menu", "search"))  # the [🔎 Search] button
        assert NO_SEARCH in texts(await session.say("red shoes"))  # a query is still searched


async def test_the_coupon_prompt_lets_an_order_question_through(tmp_path: Path) -> None:
    async with shop_with(tmp_path, FakeNLU(RULES)) as s:
        session = await s.shopper(ADA, ("MUG-R", 1))
        assert "coupon code" in texts(await session.say("/coupon"))
        reply = texts(await session.say("where is my order"))
        assert "no orders to track" in reply and "coupon" not in reply.lower()
        assert (await state_of(s, ADA)).pending is None
        await session.say("/coupon")
        assert "WELCOME99" in texts(await session.say("WELCOME99"))  # a code is still tried as a code


async def test_a_bare_cancel_leaves_any_prompt(tmp_path: Path) -> None:
    async with shop_with(tmp_path, FakeNLU(RULES)) as s:
        session = await s.shopper(ADA)
        for prompt in ("/search", "/coupon", "/ask"):
            await session.say(prompt)
            assert "cancelled" in texts(await session.say("cancel"))
            assert (await state_of(s, ADA)).pending is None


async def test_the_address_form_keeps_a_postcode_and_comes_back_after_a_detour(tmp_path: Path) -> None:
    async with shop_with(tmp_path, FakeNLU(MISREADS)) as s:
        session = await s.shopper(ADA)
        await session.say("my addresses")
        await session.press_label("Add an address")
        for answer in ("Ada Lovelace", "12 Main St", "Springfield"):
            await session.say(answer)
        assert "postcode" in texts(session.latest).lower()
        assert "country" in texts(await session.say("62701")).lower()  # not "track order 62701"
        detour = texts(await session.say("where is my order"))
        assert "no orders to track" in detour and "still adding your new address" in detour
        assert "country" in detour.lower()
        pending = (await state_of(s, ADA)).pending
        assert pending is not None and pending.kind == "addr_new"
        assert pending.data["fields"]["postcode"] == "62701"
        assert "Is this address right" in texts(await session.say("US"))
        assert "Saved" in texts(await session.press_label("Save this address"))


async def test_checkouts_address_step_keeps_checkout_and_comes_back_after_the_cart(tmp_path: Path) -> None:
    async with shop_with(tmp_path, FakeNLU(RULES)) as s:
        session = await s.shopper(ADA, ("MUG-R", 1))
        await session.say("checkout")
        await session.press_label("New address")
        await session.say("Ada Lovelace, 12 Analytical Way, Springfield, 62701, US")
        again = texts(await session.say("checkout"))  # not a restart that would lose the address typed
        assert "step 1 of 3" not in again and "Ada Lovelace" in again
        detour = texts(await session.say("show my cart"))
        assert "Product MUG" in detour and "still waiting for the delivery address" in detour
        assert "Ada Lovelace" in detour and "Is this address right" in detour
        pending = (await state_of(s, ADA)).pending
        assert pending is not None and pending.kind == "co_address"
        assert "Saved to your addresses" in texts(await session.press(press(s, ADA, "co", "ok")))


async def test_a_long_return_reason_that_mentions_tracking_stays_the_reason(tmp_path: Path) -> None:
    async with shop_with(tmp_path, FakeNLU(MISREADS)) as s:
        session = await s.shopper(ADA, ("MUG-R", 1))
        order_id = await delivered_order(s, session)
        await session.press(press(s, ADA, "ret", order_id))
        reason = "I had to track the parcel for two weeks and then the handle came off on the first day"
        assert "noted" in texts(await session.say(reason))
        pending = (await state_of(s, ADA)).pending
        assert pending is not None and pending.kind == "ret_photo" and pending.data["reason"] == reason
        detour = texts(await session.say("track my parcel"))  # short: leaves, and the return waits for Submit
        assert "isn't sent yet" in detour
        assert "received" in texts(await session.say("submit"))


async def test_a_review_keeps_its_text_and_a_short_detour_drops_it(tmp_path: Path) -> None:
    async with shop_with(tmp_path, FakeNLU(MISREADS)) as s:
        session = await s.shopper(ADA, ("MUG-R", 1))
        order_id = await delivered_order(s, session)
        product_id = s.catalog["mug"].id
        await session.press(press(s, ADA, "rv", "s", product_id, order_id, 2))
        detour = texts(await session.say("my orders"))
        assert "Thanks for reviewing" not in detour and (await state_of(s, ADA)).pending is None
        await session.press(press(s, ADA, "rv", "s", product_id, order_id, 2))
        long_text = "Had to track my order for ages, then the handle broke in a week. Would not buy again"
        assert "Thanks for reviewing" in texts(await session.say(long_text))


async def test_a_support_request_about_an_order_stays_a_support_request(tmp_path: Path) -> None:
    async with shop_with(tmp_path, FakeNLU(RULES)) as s:
        session = await s.shopper(ADA, ("MUG-R", 1))
        await session.say("/support")
        assert "opened ticket" in texts(await session.say("where is my order? it is a week late"))
        await session.press_label("Add details")
        assert "opened ticket" not in texts(await session.say("track it please"))  # tk_reply: closed
        assert (await state_of(s, ADA)).pending is None
        await session.say("/support")
        cart = texts(await session.say("show my cart"))
        assert "Product MUG" in cart and "opened ticket" not in cart


async def test_the_question_prompt_keeps_questions_the_nlu_reads_as_other_intents(tmp_path: Path) -> None:
    async with shop_with(tmp_path, FakeNLU(RULES)) as s:
        session = await s.shopper(ADA, ("MUG-R", 1))
        await session.say("/ask")
        assert "a person can help with your question" in texts(await session.say("how do i pay by card"))
        await session.say("/ask")
        cart = texts(await session.say("show my cart"))
        assert "Product MUG" in cart and "a person can help" not in cart


# -- with the real built-in model -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def real_nlu(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> BuiltinNLU:
    return build_real_nlu(request.config, tmp_path_factory)


@pytest.mark.model
@pytest.mark.slow
async def test_real_model_navigation_leaves_prompts_and_queries_stay(tmp_path: Path, real_nlu: BuiltinNLU) -> None:
    async with shop_with(tmp_path, real_nlu) as s:
        for user, leaving in ((ADA, ("show my cart", "what's in my basket")), (LI, ("查看购物车",))):
            session = await s.shopper(user, ("MUG-R", 1))
            searching = translator(user.language_code)(NO_SEARCH_MESSAGE)
            for text in leaving:
                await session.say("/search")
                reply = texts(await session.say(text))
                assert searching not in reply and "MUG" in reply, (text, reply)
            for query in ("red shoes", "help desk lamp", "usb c charger 65w", "蓝牙耳机"):
                await session.say("/search")
                assert searching in texts(await session.say(query)), query
            for text in ("where is my order", "my orders", "我的订单到哪了"):
                await session.say("/coupon")
                reply = texts(await session.say(text))
                assert "coupon" not in reply.lower() and "优惠券" not in reply, (text, reply)


@pytest.mark.model
@pytest.mark.slow
async def test_real_model_keeps_address_answers_in_the_form(tmp_path: Path, real_nlu: BuiltinNLU) -> None:
    async with shop_with(tmp_path, real_nlu) as s:
        session = await s.shopper(ADA)
        start = press(s, ADA, "addr", "add")
        for answers in (["12 Main St, Springfield", "Ada Lovelace", "62701", "US"],
                        ["Ada Lovelace", "12 Main St", "Springfield", "62701", "US"],
                        ["Room 4, 221B Baker Street, London, NW1 6XE, GB", "Ada Lovelace"],  # no name: asked
                        ["张三，北京市朝阳区建国路88号，100022，中国", "北京"]):
            await session.press(start)
            for answer in answers:
                reply = texts(await session.say(answer))
                assert "still adding" not in reply, (answer, reply)
                pending = (await state_of(s, ADA)).pending
                assert pending is not None and pending.kind == "addr_new", (answer, reply)
            assert "Is this address right" in reply, answers
        detour = texts(await session.say("where is my order"))
        assert "no orders to track" in detour and "still adding your new address" in detour


@pytest.mark.model
@pytest.mark.slow
async def test_real_model_keeps_reviews_and_return_reasons(tmp_path: Path, real_nlu: BuiltinNLU) -> None:
    """The step rules of reviews and returns against the real model's readings, then one review and one return
    end to end."""
    router = build_router()
    stays = {
        "rv_text": ["terrible, broke in a week", "the strap broke after two days, very disappointed",
                    "Returned it, terrible quality", "5 stars, my kids love it", "great product, love it",
                    "Shipping was slow and I had to track my order for weeks, but the product is great",
                    "质量太差了，用了一周就坏了"],
        "ret_reason": ["arrived damaged", "it's the wrong size", "I don't need it anymore",
                       "it came broken, I want my money back", "I want a refund", "质量有问题，要退款"],
    }
    leaves_ = ["where is my order", "show my cart", "show my orders", "我的订单到哪了"]
    for kind, answers in stays.items():
        rule = router.pending_rules.get(kind, DEFAULT_RULE)
        for text in answers:
            parse = await real_nlu.parse(text)
            assert not leaves(rule, parse, text), (kind, text, parse.intent)
        for text in leaves_:
            parse = await real_nlu.parse(text)
            assert leaves(rule, parse, text), (kind, text, parse.intent)
    async with shop_with(tmp_path, real_nlu) as s:
        session = await s.shopper(ADA, ("MUG-R", 1))
        order_id = await delivered_order(s, session)
        await session.press(press(s, ADA, "rv", "s", s.catalog["mug"].id, order_id, 1))
        assert "Thanks for reviewing" in texts(await session.say("terrible, broke in a week"))
        await session.press(press(s, ADA, "ret", order_id))
        assert "noted" in texts(await session.say("it came broken, I want my money back"))
        detour = texts(await session.say("where is my order"))
        assert "isn't sent yet" in detour
