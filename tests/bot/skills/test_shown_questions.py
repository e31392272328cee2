"""Follow-up questions about the products already shown (a team walk, turn by turn): which of them wins on
something ("which has better battery", "哪个续航最长"), a question about one of them ("is the second one good for
running?", "第二个防水吗"), and who "this" is when only one can be meant, or none."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from bot.core.app import ShopBot
from bot.core.events import UserRef
from bot.core.replies import Reply
from bot.core.state import Conversation
from store.catalog import ProductInput, VariantInput, upsert_product
from store.knowledge_base_records import ProductScope
from store.models.knowledge_base import AnswerSource
from store.money import Money
from tests.helpers.bots import started_bot
from tests.helpers.community import COMMUNITY_RULES, Person, text_of
from tests.helpers.fake_nlu import FakeNLU

ANN = UserRef(801, "Ann", language_code="en")
LI = UserRef(802, "李", language_code="zh-hans")

_EAR = ("Up to {h} hours of listening per charge. Ear tips in three sizes give a secure fit. "
        "Rated IPX{x} against sweat and splashes, not for swimming.")
EARBUDS = (  # (sku, title, title_zh, price in cents, battery h, ipx)
    ("E1", "Aero Buds True Wireless Earbuds", "Aero 真无线耳机", 9999, 8, 4),
    ("E2", "Brio Pods True Wireless Earbuds", "Brio 真无线耳机", 4999, 10, 2),
    ("E3", "Coda Air True Wireless Earbuds", "Coda 真无线耳机", 24999, 6, 5),
)


async def _product(bot: ShopBot, sku: str, title: str, price: int, *, title_zh: str | None = None,
                   description: str = "", attributes: dict[str, Any] | None = None) -> int:
    assert bot.services is not None
    async with bot.services.uows() as uow:
        view = await upsert_product(uow, ProductInput(
            external_id=sku, title=title, title_zh=title_zh, description=description, attributes=attributes or {},
            variants=[VariantInput(f"{sku}-1", Money(price, "USD"), 10, {})]))
        await uow.commit()
    return view.id


@asynccontextmanager
async def earbuds_bot(tmp_path: Path, rules: tuple[tuple[str, str], ...] = COMMUNITY_RULES) -> AsyncIterator[ShopBot]:
    from tests.helpers.kb_builders import start_qa

    async with started_bot(tmp_path, nlu=FakeNLU(rules)) as bot:
        assert bot.services is not None
        for sku, title, title_zh, price, hours, ipx in EARBUDS:
            await _product(bot, sku, title, price, title_zh=title_zh, description=_EAR.format(h=hours, x=ipx),
                           attributes={"battery_life_h": hours, "ipx": ipx, "connectivity": "Bluetooth 5.3"})
        bot.services.qa = await start_qa(bot.services.uows)
        yield bot


async def _shown(bot: ShopBot, user: UserRef, **state: Any) -> Person:
    assert bot.services is not None
    await bot.services.states.save(user.id, user.id, Conversation(last_results=["E1", "E2", "E3"], **state))
    return Person(bot, user)


async def _focus(bot: ShopBot, user: UserRef) -> str | None:
    assert bot.services is not None
    return (await bot.services.states.load(user.id, user.id)).focus_sku


def _labels(replies: list[Reply]) -> list[str]:
    return [b.label for r in replies for row in getattr(r, "buttons", ()) for b in row]


async def test_which_of_those_shown_wins_is_answered_from_their_listings(tmp_path: Path) -> None:
    """"which has better battery" searched the whole shop (a phone, a label maker); "which of these is waterproof"
    got another product's FAQ entry; "which is the cheapest of these" offered to ask staff."""
    async with earbuds_bot(tmp_path) as bot:
        ann = await _shown(bot, ANN)
        battery = await ann.say("which has better battery")
        said = text_of(battery)
        assert "Longest battery life" in said and "Brio Pods" in said and "10 h" in said, said
        assert said.index("Aero Buds") < said.index("Coda Air")  # the runners-up in order: 8 h, then 6 h
        assert any("Brio Pods" in b for b in _labels(battery)), _labels(battery)
        assert await _focus(bot, ANN) == "E2"  # "is it in stock?" next is about the winner
        water = text_of(await ann.say("which of these is waterproof"))
        assert "Coda Air" in water.split("\n")[0] and "IPX5" in water, water
        cheapest = text_of(await ann.say("which is the cheapest of these"))
        assert "Cheapest" in cheapest and "Brio Pods" in cheapest.split("\n")[0] and "$49.99" in cheapest, cheapest
        lighter = text_of(await ann.say("which one is lighter"))
        assert "don't say anything about weight" in lighter, lighter  # no listing states it: no guess


async def test_which_of_those_shown_in_chinese(tmp_path: Path) -> None:
    async with earbuds_bot(tmp_path) as bot:
        li = await _shown(bot, LI)
        longest = text_of(await li.say("哪个续航最长"))
        assert "续航最长" in longest and "Brio 真无线耳机" in longest.split("\n")[0] and "10" in longest, longest
        lightest = text_of(await li.say("这几个哪个最轻"))
        assert "Brio" not in lightest.split("\n")[0] and "重量" in lightest, lightest  # said that none states it
        water = text_of(await li.say("哪个防水"))
        assert "Coda 真无线耳机" in water.split("\n")[0] and "IPX5" in water, water
        # "这些里面哪个最受欢迎" listed the shop's best sellers: 受欢迎 / 热门 ask which sells most, as 畅销 does
        for said in ("这些里面哪个最受欢迎", "哪个最热门"):
            popular = text_of(await li.say(said))
            assert "销量" in popular and "热销商品" not in popular, (said, popular)


async def test_a_question_about_one_shown_product_is_answered_from_its_listing(tmp_path: Path) -> None:
    """"is the second one good for running?" got the title back as the answer; "the 3rd one - is it durable?" a
    sentence about ear tips; "第二个防水吗" "I don't know" though the listing states IPX2."""
    async with earbuds_bot(tmp_path) as bot:
        ann = await _shown(bot, ANN)
        running = text_of(await ann.say("is the second one good for running?"))
        assert "Brio Pods" in running and "sweat" in running, running
        durable = text_of(await ann.say("the third one - is it durable?"))
        assert "doesn't say anything about durability" in durable and "Coda Air" in durable, durable
        assert "Up to 6 hours" in durable  # what it does say
        li = await _shown(bot, LI)
        water = text_of(await li.say("第二个防水吗？"))
        assert "Brio 真无线耳机" in water and "IPX2" in water, water


async def test_a_product_question_with_nothing_shown_asks_which_product(tmp_path: Path) -> None:
    """"防水吗" with nothing on screen or open got the FAQ entry of some earbuds, as if they were in focus."""
    async with earbuds_bot(tmp_path) as bot:
        assert bot.services is not None and bot.services.qa is not None
        from tests.helpers.kb_builders import add_pair

        scope = ProductScope(product_id=1, external_id="E1")
        await add_pair(bot.services.uows, "防水吗？", "不可以。它的防水等级是IPX4。", scope=scope)
        await add_pair(bot.services.uows, "Is it waterproof?", "No, it is rated IPX4.", scope=scope)
        await bot.services.qa.refresh()
        li = Person(bot, LI)
        asked = text_of(await li.say("防水吗？"))
        assert "IPX4" not in asked and "哪件商品" in asked, asked
        asked = text_of(await Person(bot, ANN).say("is it waterproof?"))
        assert "IPX4" not in asked and "Which product" in asked, asked


async def test_this_after_a_sort_is_the_one_on_top(tmp_path: Path) -> None:
    """"这个能带上飞机吗" right after the shopper had the list sorted asked "您说的是哪一件？"."""
    async with earbuds_bot(tmp_path) as bot:
        li = await _shown(bot, LI, last_query="耳机", last_filters={"sort": "price_asc"})
        answer = text_of(await li.say("这个防水吗？"))
        assert "哪一件" not in answer and "Aero 真无线耳机" in answer and "IPX4" in answer, answer


async def test_one_products_own_entry_is_not_shop_policy(tmp_path: Path) -> None:
    """With a backpack open, "能带上飞机吗" got a power bank's own entry ("可以随身携带登机…20000毫安"), stated
    as the shop's answer."""
    rules = ((r"飞机", "__fallback__"), *COMMUNITY_RULES)
    async with earbuds_bot(tmp_path, rules) as bot:
        assert bot.services is not None and bot.services.qa is not None
        from tests.helpers.kb_builders import add_pair

        bank = await _product(bot, "PB", "Volt 20000 mAh Power Bank", 3599)
        await _product(bot, "BP", "Trail 28 L Daypack", 14895, description="A 28 L daypack with a padded hip belt.")
        await add_pair(bot.services.uows, "能带上飞机吗？", "可以随身携带登机。20000毫安低于航空公司的限制。",
                       source=AnswerSource.FAQ, scope=ProductScope(product_id=bank, external_id="PB"))
        await bot.services.qa.refresh()
        li = Person(bot, LI)
        await bot.services.states.save(LI.id, LI.id, Conversation(focus_sku="BP"))
        answer = text_of(await li.say("能带上飞机吗"))
        assert "20000" not in answer and "Trail 28 L Daypack" in answer, answer


async def test_the_answer_to_which_is_cheapest_is_in_focus_after_the_sort(tmp_path: Path) -> None:
    """"最便宜的是哪个" re-sorts the search on screen; "它防水吗" next asked "您说的是哪一件？" though the answer to
    the question was the first card."""
    from tests.helpers.shopping import Shopper, shop_bot

    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        li = Shopper(bot, LI)
        await li.say("shoes")
        await li.say("最便宜的是哪个")
        state = await bot.services.states.load(LI.id, LI.id)
        assert state.last_filters.get("sort") == "price_asc" and state.focus_sku == state.last_results[0], state
        await li.say("按价格从低到高排")  # an order asked for, no question: nothing is picked
        assert (await bot.services.states.load(LI.id, LI.id)).focus_sku is None


async def test_an_attribute_or_feature_of_those_shown_is_compared_too(tmp_path: Path) -> None:
    """"which one burns longest" under candles fell to "Sorry, I didn't catch that"; "do any of these have wireless
    charging" offered to ask staff while one title said "Wireless Charging Case"; "哪些…" asked "which one?"."""
    async with earbuds_bot(tmp_path) as bot:
        for sku, title, hours, washable in (("C1", "Fig Candle", 40, True), ("C2", "Sage Candle", 55, False)):
            await _product(bot, sku, title, 2500, attributes={"burn_time_h": hours, "dishwasher_safe": washable})
        await _product(bot, "E4", "Dune True Wireless Earbuds, Wireless Charging Case", 8999)
        assert bot.services is not None
        await bot.services.states.save(ANN.id, ANN.id, Conversation(last_results=["C1", "C2"]))
        ann = Person(bot, ANN)
        burns = text_of(await ann.say("which one burns longest"))
        assert "Sage Candle" in burns.split("\n")[0] and "55 h" in burns, burns
        await bot.services.states.save(LI.id, LI.id, Conversation(last_results=["C1", "C2"]))
        safe = text_of(await Person(bot, LI).say("哪些可以用洗碗机洗"))
        assert "Fig Candle: 是" in safe and "Sage Candle: 否" in safe, safe
        await bot.services.states.save(ANN.id, ANN.id, Conversation(last_results=["E1", "E4"]))
        charging = text_of(await ann.say("do any of these have wireless charging?"))
        assert "Dune True Wireless Earbuds" in charging and "Aero Buds" in charging and "yes" in charging, charging
        assert "not stated" in charging  # Aero Buds' listing does not say it


def test_the_aspect_asked_is_the_specific_one() -> None:
    """"which one has the biggest screen" compared the phones' capacity (none stated) instead of their screens."""
    from bot.core.skills.shopping.aspects import aspect_asked

    for said, name in (("which one has the biggest screen", "screen size"), ("哪个屏幕最大", "screen size"),
                       ("which has the biggest battery", "battery life"), ("which one is the biggest", "capacity"),
                       ("is there a night light", None), ("does it run small?", None),
                       # session 8: "how big is it" under the French press's card got "I don't know that about …"
                       ("how big is it", "capacity"), ("is it good for 4 ppl", "capacity"),
                       ("how many cups does it make", "capacity"), ("how big is the screen", "screen size"),
                       ("what is the expiry date of the matcha?", "shelf life"), ("when does it expire", "shelf life"),
                       ("how long does the battery last", "battery life")):
        aspect = aspect_asked(said)
        assert (aspect.name if aspect else None) == name, said


async def test_what_another_attribute_says_about_it_is_quoted(tmp_path: Path) -> None:
    """"is the third one waterproof?" under daypacks said the listing says nothing about it, though its material
    is "Recycled nylon, water-repellent coating"."""
    async with earbuds_bot(tmp_path) as bot:
        await _product(bot, "BP", "Trail 28 L Daypack", 14895, description="A 28 L daypack with a padded hip belt.",
                       attributes={"material": "Recycled nylon, water-repellent coating", "capacity_l": 28})
        assert bot.services is not None
        await bot.services.states.save(ANN.id, ANN.id, Conversation(last_results=["E1", "E2", "BP"]))
        answer = text_of(await Person(bot, ANN).say("is the third one waterproof?"))
        assert "water-repellent coating" in answer and "doesn't say" not in answer, answer


async def test_the_cheapest_one_picks_the_first_of_the_sorted_list(tmp_path: Path) -> None:
    """"最便宜的那个" under power banks listed the shop's promotions."""
    from tests.helpers.shopping import Shopper, shop_bot

    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        li = Shopper(bot, LI)
        await li.say("shoes")
        picked = text_of(await li.say("最便宜的那个"))
        assert "价格从低到高" in picked, picked
        state = await bot.services.states.load(LI.id, LI.id)
        assert state.focus_sku == state.last_results[0], state


async def test_how_long_it_keeps_drinks_hot_is_read_from_the_listing(tmp_path: Path) -> None:
    """"这个保温多久" with a travel mug open got "avoid sudden temperature shocks …" as the answer."""
    async with earbuds_bot(tmp_path) as bot:
        await _product(bot, "TM", "Vacuum Travel Mug", 2699, title_zh="保温随行杯",
                       description="Avoid sudden temperature shocks. Keeps drinks hot for 6 hours and cold for 12.")
        assert bot.services is not None
        await bot.services.states.save(LI.id, LI.id, Conversation(focus_sku="TM"))
        answer = text_of(await Person(bot, LI).say("这个保温多久？"))
        assert "hot for 6 hours" in answer and "temperature shocks" not in answer, answer


async def test_a_superlative_asked_alone_is_about_those_shown(tmp_path: Path) -> None:
    # walk9-en: "biggest screen?" under two TVs searched the shop and showed screen protectors
    async with earbuds_bot(tmp_path) as bot:
        ann = await _shown(bot, ANN)
        said = text_of(await ann.say("longest battery?"))
        assert "Longest battery life" in said and "Brio Pods" in said.split("\n")[0], said
