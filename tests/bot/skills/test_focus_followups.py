"""Follow-ups about what is on screen: an option of the product in view, a bare "the first one", a question
about "it". Each of these once reached the wrong product (found by walking the real stack)."""

from __future__ import annotations

from pathlib import Path

from bot.core.followups import is_bare_reference
from nlu.result import ParsedEntity, ParseResult
from tests.bot.skills.test_shopping_wording import ANN, LI, body
from tests.helpers.shopping import Shopper, shop_bot


async def cart_text(bot: object) -> str:
    return body(await Shopper(bot, ANN).say("/cart"))  # type: ignore[arg-type]


async def test_an_option_of_the_product_in_view_is_added_not_searched_for(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        await ann.say("running shoes")  # the results on screen: shoes
        await ann.say("/start p_P13")  # then the phone case is opened
        added = body(await ann.say("add 2 of the black ones"))
        # "black" named an option of the case in view; searching for it put another product in the cart
        assert "Smartphone Case" in added and "Black" in added, added
        cart = await cart_text(bot)
        assert "2 × " in cart and "Running" not in cart, cart


def _parse(text: str, ref: str, intent: str = "remove_from_cart") -> ParseResult:
    from nlu.result import IntentScore

    start = text.index(ref)
    entity = ParsedEntity("reference", "P05", start, start + len(ref), ordinal=1)
    return ParseResult(text=text, intent=IntentScore(intent, 0.6), entities=(entity,))


def test_what_counts_as_only_pointing() -> None:
    for text, ref in (("the first one", "first"), ("2nd one pls", "2nd"), ("第一个", "第一"), ("第一个吧", "第一"),
                      ("just the second one please!", "second")):
        assert is_bare_reference(text, _parse(text, ref)), text
    for text, ref in (("remove the first one", "first"), ("add the second one", "second"), ("要第一个", "第一"),
                      ("is the first one waterproof?", "first"), ("the first one in black", "first")):
        assert not is_bare_reference(text, _parse(text, ref)), text


async def test_the_first_one_on_its_own_opens_that_card(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        await ann.say("running shoes")
        state = await bot.services.states.load(ANN.id, ANN.id)  # type: ignore[union-attr]
        first = state.last_results[0]
        card = await ann.say("the first one")
        assert "Your cart is empty" not in body(card) and "Running Shoes" in body(card), body(card)
        after = await bot.services.states.load(ANN.id, ANN.id)  # type: ignore[union-attr]
        assert after.focus_sku == first
        assert "Your cart is empty" in await cart_text(bot)  # nothing was added or removed


async def _two_products_one_with_a_charger_entry(bot: object) -> None:
    from store.models.knowledge_base import AnswerSource
    from tests.helpers.kb_builders import add_pair, seed_product

    uows = bot.services.uows  # type: ignore[attr-defined]
    await seed_product(uows)  # P0001, the Aurora Ceramic Mug
    laptop = await seed_product(uows, "P0002", "P0002-SLV", title="Nimbus 14 Laptop",
                                description="A 14 inch laptop with 16 GB of RAM.")
    await add_pair(uows, "Does it come with a charger?", "Yes, a 65W USB-C charger is in the box.",
                   source=AnswerSource.STAFF, scope=laptop.scope)
    await bot.services.qa.refresh()  # type: ignore[attr-defined]


async def test_a_question_about_it_with_several_shown_asks_which_one_first(tmp_path: Path) -> None:
    from bot.core.state import Conversation
    from tests.helpers.community import Person, community_bot, text_of

    async with community_bot(tmp_path) as bot:
        assert bot.services is not None
        await _two_products_one_with_a_charger_entry(bot)
        await bot.services.states.save(ANN.id, ANN.id, Conversation(last_results=["P0001", "P0002"]))
        ann = Person(bot, ANN)
        asked = await ann.say("does it come with a charger?")
        # the laptop's own entry must not answer for an "it" that may be the mug
        assert "65W" not in text_of(asked) and "Which one" in text_of(asked), text_of(asked)
        mug = await ann.press("1. Aurora Ceramic Mug", asked)
        assert "65W" not in text_of(mug) and "Aurora Ceramic Mug" in text_of(mug), text_of(mug)
        laptop = await ann.press("2. Nimbus 14 Laptop", asked)
        assert "65W USB-C charger" in text_of(laptop), text_of(laptop)


async def test_a_question_naming_no_product_is_about_the_one_open(tmp_path: Path) -> None:
    from bot.core.state import Conversation
    from tests.helpers.community import Person, community_bot, text_of

    async with community_bot(tmp_path) as bot:
        assert bot.services is not None
        await _two_products_one_with_a_charger_entry(bot)
        await bot.services.states.save(ANN.id, ANN.id, Conversation(focus_sku="P0001"))
        answer = text_of(await Person(bot, ANN).say("comes with a charger?"))  # no "it": the mug is open
        assert "65W" not in answer and "Aurora Ceramic Mug" in answer, answer


def _buttons(replies: list) -> list[str]:  # type: ignore[type-arg]
    return [b.label for r in replies for row in getattr(r, "buttons", ()) for b in row]


async def test_a_colour_on_its_own_asks_about_the_product_open(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        await ann.say("/start p_P15")  # the cotton tee: White, Black, Red; S to XL
        black = await ann.say("any in black?")
        labels = _buttons(black)
        assert labels and all("Black" in b for b in labels if b.startswith("🛒")), labels
        assert "Cotton Crew Neck T-Shirt" in body(black)
        await ann.say("/start p_P13")  # the phone case: Black, Clear
        red = body(await ann.say("in red?"))
        assert "doesn&#x27;t come in" in red or "doesn't come in" in red, red
        assert "Black" in red and "Clear" in red  # what it does come in
        options = await ann.say("what colours do you have?")
        assert {"Black", "Clear"} <= {b.split(" · ")[0].removeprefix("🛒 ") for b in _buttons(options)}
        assert "Colours: Black, Clear" in body(options), body(options)  # said, not only offered as buttons


async def test_a_price_range_on_its_own_narrows_the_search_on_screen(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        shoes = body(await ann.say("running shoes"))
        assert "Women&#x27;s Trail Running Shoes" in shoes or "Trail Running" in shoes
        cheaper = body(await ann.say("under $85"))
        assert "for “running shoes”" in cheaper and "Men" in cheaper and "Trail" not in cheaper, cheaper


async def test_one_sold_out_option_is_not_the_product_sold_out(tmp_path: Path) -> None:
    from sqlalchemy import update

    from store.models.catalog import Product, Variant

    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        async with bot.services.uows() as uow:
            case = (await uow.session.execute(
                Product.__table__.select().where(Product.external_id == "P13"))).one()
            await uow.session.execute(update(Variant).where(
                Variant.product_id == case.id, Variant.attributes["color"].as_string() == "Black").values(stock=0))
            await uow.commit()
        ann = Shopper(bot, ANN)
        await ann.say("/start p_P13")
        replies = await ann.say("add the black one")
        said = body(replies)
        assert "sold out" in said and "out of stock right now" not in said, said
        assert any("Clear" in label for label in _buttons(replies))  # the option still in stock is offered


async def test_asking_about_reviews_shows_them_and_asking_a_price_shows_the_card(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        await ann.say("/start p_P09")  # the headphones, rated 4.7
        for asked in ("any reviews for this one?", "how many stars does it have"):
            said = body(await ann.say(asked))
            assert "4.7" in said and "Headphones" in said and "once they're delivered" not in said, (asked, said)
        await ann.say("running shoes")
        state = await bot.services.states.load(ANN.id, ANN.id)  # type: ignore[union-attr]
        second = state.last_results[1]
        await ann.say("how much is the second one")
        after = await bot.services.states.load(ANN.id, ANN.id)  # type: ignore[union-attr]
        assert after.focus_sku == second  # its card (price first) was shown


async def test_chinese_reviews_questions_show_the_reviews_of_the_product_talked_about(tmp_path: Path) -> None:
    """"有差评吗", "好评率多少", "买了的人都说啥" answered "reviews once it's delivered" (a review to write)."""
    async with shop_bot(tmp_path) as bot:
        li = Shopper(bot, LI)
        await li.say("running shoes")
        several = body(await li.say("有差评吗"))
        assert "哪一件" in several and "送达" not in several, several  # several shown, none open: which one
        first = body(await li.say("第一个评价怎么样"))
        for asked in ("有差评吗", "好评率多少", "买了的人都说啥"):  # still the first one
            said = body(await li.say(asked))
            assert said.split("\n")[0] == first.split("\n")[0] and "评分" in said and "送达" not in said, said


async def test_an_option_of_a_listed_product_and_only_one_colour_of_the_list(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann, li = Shopper(bot, ANN), Shopper(bot, LI)
        await ann.say("phone case")
        asked = body(await ann.say("does the first one come in red?"))
        assert "doesn" in asked and "red" in asked.lower(), asked  # about the first result's options, not a new search
        await li.say("running shoes")
        only_black = body(await li.say("只要黑色的"))
        assert "“running shoes”" in only_black and "Trail" not in only_black, only_black  # the pink/grey pair goes


def test_which_results_a_comparison_names() -> None:
    from bot.core.skills.shopping.compare import positions_named, wants_comparison

    assert positions_named("compare the first two") == [0, 1] and positions_named("对比一下前两个") == [0, 1]
    assert positions_named("which is better, the 1st or the 3rd?") == [0, 2]
    assert positions_named("比较第二个和第四个") == [1, 3]
    assert wants_comparison("the sony vs the bose") and not wants_comparison("the second one please")


async def test_compare_the_first_two_puts_them_side_by_side(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann, li = Shopper(bot, ANN), Shopper(bot, LI)
        await ann.say("running shoes")
        state = await bot.services.states.load(ANN.id, ANN.id)  # type: ignore[union-attr]
        assert len(state.last_results) >= 2
        replies = await ann.say("compare the first two")
        said = body(replies)
        assert "Side by side" in said and "Running Shoes" in said and "Cheaper: " in said, said
        assert said.count("$") >= 2 and len(_buttons(replies)) == 2  # a details button for each
        await li.say("running shoes")
        # a comparison that names no results is not about them
        assert "Side by side" not in body(await ann.say("what's the difference between standard and express?"))
        assert "Side by side" in body(await ann.say("compare them"))
        zh = body(await li.say("对比一下前两个"))
        assert "对比" in zh and "男士跑步鞋" in zh and "更便宜" in zh, zh


def test_chinese_add_words_are_not_product_words() -> None:
    from bot.core.skills.shopping.targets import leftover_words

    assert leftover_words("加两个黑色的到购物车", None) == "黑色"  # "加" and "到" searched as a product: "加 到"
    assert leftover_words("加湿器", None) == "加湿器"  # but a humidifier keeps its 加


async def test_shop_questions_stay_shop_wide_and_english_shoppers_get_no_chinese_answer(tmp_path: Path) -> None:
    from bot.core.state import Conversation
    from store.models.knowledge_base import AnswerSource
    from tests.helpers.community import Person, community_bot, text_of
    from tests.helpers.kb_builders import add_pair, seed_product

    async with community_bot(tmp_path) as bot:
        assert bot.services is not None
        uows = bot.services.uows
        buds = await seed_product(uows, "P0003", "P0003-BLK", title="Vibe Earbuds", description="Small earbuds.")
        await add_pair(uows, "How long does shipping take?", "Standard shipping takes 3-5 business days.")
        await add_pair(uows, "How long did shipping take for you?", "My order to Toronto took 9 days.",
                       source=AnswerSource.SHOPPER, scope=buds.scope)
        await add_pair(uows, "防水吗？", "不可以，只防汗水。", source=AnswerSource.STAFF, scope=buds.scope)
        await bot.services.qa.refresh()  # type: ignore[union-attr]
        await bot.services.states.save(ANN.id, ANN.id, Conversation(focus_sku="P0003"))
        ann = Person(bot, ANN)
        shipping = text_of(await ann.say("how long does shipping take?"))
        assert "3-5 business days" in shipping, shipping  # the shop's answer, not a shopper's on the product
        await bot.services.states.save(ANN.id, ANN.id, Conversation(focus_sku="P0003"))
        typo = text_of(await ann.say("how long does shippin take?"))  # a typo is still a shop topic
        assert "3-5 business days" in typo, typo
        await bot.services.states.save(ANN.id, ANN.id, Conversation(focus_sku="P0003"))
        waterproof = text_of(await ann.say("is it waterproof?"))
        assert "防水" not in waterproof and "只防" not in waterproof, waterproof  # unreadable for her: not served


async def test_what_is_the_price_with_a_product_open_shows_it(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        await ann.say("/start p_P13")
        said = body(await ann.say("what is the price?"))
        assert "Smartphone Case" in said and "$19.99" in said, said


async def test_an_unclear_question_with_a_product_open_is_asked_about_it(tmp_path: Path) -> None:
    """"how much storage" / "are there bigger packs" with a product open were below the NLU's threshold and got
    "Sorry, I'm not sure what you mean"; they are questions about that product."""
    from bot.core.state import Conversation
    from tests.helpers.community import Person, community_bot, text_of
    from tests.helpers.kb_builders import seed_product

    async with community_bot(tmp_path) as bot:
        assert bot.services is not None
        await seed_product(bot.services.uows, "P0003", "P0003-BLK", title="Vibe Earbuds", description="Small.")
        await bot.services.qa.refresh()  # type: ignore[union-attr]
        await bot.services.states.save(ANN.id, ANN.id, Conversation(focus_sku="P0003"))
        asked = text_of(await Person(bot, ANN).say("how asdf is the storage"))  # "asdf": the fake's fallback
        assert "Vibe Earbuds" in asked and "not sure what you mean" not in asked, asked
        await bot.services.states.save(ANN.id, ANN.id, Conversation())  # nothing open: still a clarifying question
        assert "Vibe Earbuds" not in text_of(await Person(bot, ANN).say("how asdf is the storage"))


async def test_add_it_after_an_option_question_adds_that_option(tmp_path: Path) -> None:
    """"in black?" -> "Yes, it comes in Black" -> "add it" asked "which option?" again."""
    from store.cart import get_cart

    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        await ann.say("/start p_P13")  # the phone case: Black, Clear
        await ann.say("any in black?")
        added = body(await ann.say("add it"))
        assert "Added 1" in added and "Black" in added, added
        assert bot.services is not None
        async with bot.services.uows.read() as uow:
            cart = await get_cart(uow, ANN.id, bot.services.clock())
        assert [line.sku for line in cart.lines] == ["P13-BLA"]
