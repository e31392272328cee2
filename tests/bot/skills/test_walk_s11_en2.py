"""Session 11's English walk (helper en2): free English from shoppers, with the real model, encoder and demo FAQ."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from bot.core.app import ShopBot
from bot.core.events import UserRef
from knowledge.encoders.fake import FakeEncoder
from knowledge.qa.importer import load_demo_faq
from knowledge.search.service import ProductSearch
from nlu.pipeline import BuiltinNLU
from store.demo.loader import load_demo
from tests.helpers.bots import started_bot
from tests.helpers.community import text_of
from tests.helpers.kb_builders import start_qa
from tests.helpers.real_nlu import build_real_nlu, real_use_encoder
from tests.helpers.shopping import Shopper


@pytest.fixture(scope="module")
def real_nlu(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> BuiltinNLU:
    return build_real_nlu(request.config, tmp_path_factory)


@asynccontextmanager
async def demo_shop(tmp_path: Path, nlu: BuiltinNLU) -> AsyncIterator[ShopBot]:
    """The demo catalog, indexed for search (keywords and a fake encoder), with the real NLU."""
    async with started_bot(tmp_path, nlu=nlu) as bot:
        assert bot.services is not None
        await load_demo(bot.services.uows, now=bot.services.clock())
        engine = ProductSearch(bot.services.uows, FakeEncoder(dim=256), tmp_path / "index", persist=False)
        await engine.start()
        bot.services.search = engine
        try:
            yield bot
        finally:
            await engine.stop()


async def test_a_damaged_parcel_without_orders_gets_the_faq_answer(tmp_path: Path, real_nlu: BuiltinNLU) -> None:
    # "my package arrived damaged" with no orders got "You have no orders to track yet": the FAQ says what to do.
    async with started_bot(tmp_path, nlu=real_nlu) as bot:
        assert bot.services is not None
        await load_demo(bot.services.uows, now=bot.services.clock())
        await load_demo_faq(bot.services.uows)
        bot.services.qa = await start_qa(bot.services.uows, encoder=real_use_encoder())
        replies = await Shopper(bot, UserRef(1101, "Ann", language_code="en")).say("my package arrived damaged")
        said = text_of(replies)
        assert "within 7 days of delivery" in said and "no orders to track" not in said, said
        assert "Talk to a person" in str(replies), replies


async def test_weight_options_say_their_unit(tmp_path: Path, real_nlu: BuiltinNLU) -> None:
    # The coffee beans' option buttons read "250 · $18.00": the option is a weight, "250 g".
    async with demo_shop(tmp_path, real_nlu) as bot:
        ann = Shopper(bot, UserRef(1102, "Ann", language_code="en"))
        await ann.say("coffee beans")
        replies = await ann.say("add the first one")
        assert "500 g · $" in str(replies) and "500 · $" not in str(replies), replies
    from bot.core.skills.shopping.words import shown_option

    assert shown_option("weight_kg", "2", "zh") == "2公斤" and shown_option("format", "Paperback", "en") == "Paperback"


async def test_a_new_quantity_typed_at_which_one_asks_again_for_it(tmp_path: Path, real_nlu: BuiltinNLU) -> None:
    # "add 2 of those" asked "Which one do you mean?"; "actually just 1" then said "Your cart is empty."
    async with demo_shop(tmp_path, real_nlu) as bot:
        ann = Shopper(bot, UserRef(1103, "Ann", language_code="en"))
        await ann.say("running shoes")
        assert "Which one do you mean?" in text_of(await ann.say("add 2 of those"))
        replies = await ann.say("actually just 1")
        said = text_of(replies)
        assert "Which one do you mean?" in said and "cart is empty" not in said, said
        assert "(quantity: 1)" in said or "quantity" not in said, said
        said = text_of(await ann.say("the second one"))
        assert "cart is empty" not in said and "× 2" not in said, said


async def test_only_in_stock_after_results_filters_that_search(tmp_path: Path, real_nlu: BuiltinNLU) -> None:
    # "only in stock" under search results listed each one's stock; it asks for the same search, in stock only.
    async with demo_shop(tmp_path, real_nlu) as bot:
        ann = Shopper(bot, UserRef(1104, "Ann", language_code="en"))
        await ann.say("running shoes")
        said = text_of(await ann.say("only in stock"))
        assert "Narrowing the results for “running shoes” to items in stock." in said, said
        assert "Showing 1–" in said and "to see its options" not in said, said
        assert bot.services is not None
    from bot.core.skills.shopping.stock_followups import asks_in_stock_only

    for text in ("only in stock", "show me only the ones in stock", "in-stock ones only", "just available ones",
                 "hide sold out items", "只看有货的"):
        assert asks_in_stock_only(text), text
    for text in ("is it in stock?", "are they in stock", "only 2 left?", "how many are in stock"):
        assert not asks_in_stock_only(text), text


async def test_not_that_something_more_of_a_kind_searches_again_with_the_wish(tmp_path: Path,
                                                                                  real_nlu: BuiltinNLU) -> None:
    # "not that, something more creative" under mugs answered "Okay! Tell me what you'd like to do next".
    async with demo_shop(tmp_path, real_nlu) as bot:
        ann = Shopper(bot, UserRef(1105, "Ann", language_code="en"))
        await ann.say("mugs")
        said = text_of(await ann.say("not that, something more creative"))
        assert "what you'd like to do next" not in said, said
        assert "“mugs creative”" in said and "Narrowing the results for “mugs”" in said, said


async def test_a_spend_and_save_offer_quoted_gets_its_tiers(tmp_path: Path, real_nlu: BuiltinNLU) -> None:
    # "spend 200 save 30 how does that work" got "Sorry, I'm not sure what you mean" with [See promotions].
    async with demo_shop(tmp_path, real_nlu) as bot:
        ann = Shopper(bot, UserRef(1106, "Ann", language_code="en"))
        for text in ("spend 200 save 30 how does that work", "how does spend more save more work?"):
            said = text_of(await ann.say(text))
            assert "$30.00 off $200.00" in said and "not sure" not in said, (text, said)


@pytest.mark.parametrize("text", ["hablas español?", "do you speak spanish", "can you reply in french?",
                                  "switch to german please", "parlez-vous français ?", "¿habla usted español?"])
async def test_asking_for_a_language_we_do_not_speak_offers_ours(tmp_path: Path, text: str) -> None:
    # "hablas español?" got "I'm a shop assistant, so I can't help with that one."
    from tests.helpers.shopping import shop_bot

    async with shop_bot(tmp_path) as bot:
        replies = await Shopper(bot, UserRef(1107, "Ann", language_code="en")).say(text)
        assert "I speak English and Chinese" in text_of(replies) and "中文" in str(replies), (text, replies)
    from bot.core.followups import asks_languages

    for said in ("is the manual in spanish?", "spanish guitar", "do you have french press coffee"):
        assert not asks_languages(said), said


def test_announcing_a_complaint_is_not_asking_about_tickets() -> None:
    # "i have a complaint" got "You have no open tickets right now": it is a new complaint, not a status question.
    from bot.core.skills.community.ticket_guards import asks_about_tickets

    for text in ("i have a complaint", "I've got a complaint about the delivery", "hi, i have a serious complaint",
                 "i got a complaint"):
        assert not asks_about_tickets(text), text
    for text in ("i have a complaint open, any update?", "do i have a ticket open?", "any news on my complaint?"):
        assert asks_about_tickets(text), text


async def test_i_have_a_complaint_starts_one(tmp_path: Path, real_nlu: BuiltinNLU) -> None:
    async with demo_shop(tmp_path, real_nlu) as bot:
        said = text_of(await Shopper(bot, UserRef(1108, "Ann", language_code="en")).say("i have a complaint"))
        assert "no open tickets" not in said, said
