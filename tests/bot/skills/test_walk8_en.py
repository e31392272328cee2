"""Session 8's English walk: free English typed by a tester (greetings, texting, questions about a product)."""

from __future__ import annotations

from pathlib import Path

from bot.core.greeting_lead import without_greeting
from bot.core.skills.community.named_question import candidate_names, named_product
from bot.core.skills.shopping.have_asked import asked_product
from tests.bot.skills.test_shopping_wording import ANN, body
from tests.helpers.fake_nlu import FakeNLU
from tests.helpers.shopping import SHOPPING_RULES, Shopper, shop_bot

# The real model was unsure of these (search 0.48, join_group 0.26): the fake NLU's fallback ranks search first.
_UNSURE_OF_HAVE = FakeNLU(rules=((r"\bdo (?:u|you)(?: guys)? (?:have|sell)\b", "__fallback__"), *SHOPPING_RULES))


async def test_a_greeting_and_do_u_have_a_product_searches_it(tmp_path: Path) -> None:
    # "hi do u have the bose soundlink flex" got "Sorry, I'm not sure what you mean" with [Search products]
    # [Join our groups], though the speaker is in the catalog.
    async with shop_bot(tmp_path) as bot:
        bot.services.nlu = _UNSURE_OF_HAVE  # type: ignore[union-attr]
        ann = Shopper(bot, ANN)
        text = body(await ann.say("hi do u have the boomly portable bluetooth speaker"))
        assert "Portable Bluetooth Speaker" in text and "not sure" not in text, text
        # Not in the catalog: searched all the same, and the results say so above the closest items.
        text = body(await Shopper(bot, ANN.__class__(601, "Bo", language_code="en")).say(
            "hey there! do you guys sell yoga blocks?"))
        assert "not sure" not in text and "Yoga Mat" in text, text
        assert "don't carry “yoga blocks”" in text, text


def test_the_product_words_of_an_availability_question() -> None:
    for said, words in (("hi do u have the bose soundlink flex", "bose soundlink flex"),
                        ("hey, got any yoga blocks?", "yoga blocks"),
                        ("good morning! do you carry the kindle paperwhite", "kindle paperwhite"),
                        ("you guys have airpods pro in stock?", "airpods pro")):
        assert asked_product(said) == words, said
    # About the product on screen, or the shop itself: not a product to search.
    for said in ("do you have it in black", "do u have free shipping", "do you have a store in london",
                 "is there a size guide", "hi"):
        assert asked_product(said) is None, said


async def _matcha(uows: object) -> None:
    from tests.helpers.catalog_builders import make_product

    await make_product(uows, "P90", title="Ceremonial Matcha Green Tea Powder, 50 g",  # type: ignore[arg-type]
                       category="Grocery > Tea > Green Tea", attributes={"best_before_months": 24})


async def test_a_question_naming_a_product_at_its_end_is_about_that_product(tmp_path: Path) -> None:
    # "whats the best before date on the matcha" (read as a recommendation) searched "on": a hoodie, UNO, an e-book.
    from tests.helpers.kb_builders import start_qa

    async with shop_bot(tmp_path, more=_matcha) as bot:
        assert bot.services is not None
        bot.services.qa = await start_qa(bot.services.uows)
        bot.services.nlu = FakeNLU(rules=((r"^whats?\b|^how\b", "recommend"), *SHOPPING_RULES))
        ann = Shopper(bot, ANN)
        text = body(await ann.say("whats the best before date on the matcha"))
        assert "24 months" in text and "found nothing" not in text, text
        # Said otherwise, the same figure of the listing ("I don't know that about … Matcha yet" before).
        text = body(await ann.say("what is the expiry date of the matcha?"))
        assert "shelf life: 24 months" in text, text
        # Not in the listing: said of that product, with staff to ask.
        text = body(await ann.say("how many cups can you make with the matcha?"))
        assert "Ceremonial Matcha" in text and ("I don't know that about" in text or "doesn't say" in text), text
    for said, name in (("whats the best before date on the matcha", "matcha"),
                       ("how much caffeine is in the matcha?", "matcha"),
                       ("what is the battery life of the bose speaker", "bose speaker")):
        assert named_product(said) == name, said
    for said in ("what about the matcha", "how much is shipping for the tent", "how much is the price of the mug",
                 "can i return the matcha?"):
        assert named_product(said) is None, said


async def test_a_greeting_or_thanks_before_a_request_is_read_without_it(tmp_path: Path) -> None:
    # "good morning, is the vitamix still on sale?" got "Sorry, I didn't catch that", and "thx, add 2 pls" looked
    # for a product called "thx": the greeting pulled the NLU's reading of the request.
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        text = body(await ann.say("hey, show me coffee mugs"))
        assert "Coffee Mug" in text, text
        assert "What are you shopping for" in body(await ann.say("hi"))  # a greeting alone is still greeted
    for said, read in (("good morning, is the vitamix still on sale?", "is the vitamix still on sale?"),
                       ("hi do u have the bose soundlink flex", "do u have the bose soundlink flex"),
                       ("thx, add 2 pls", "add 2 pls"), ("Hello! I need a tent", "I need a tent"),
                       ("hey guys what deals do you have", "what deals do you have"),
                       ("lol ok show me the cheapest blender", "ok show me the cheapest blender")):
        assert without_greeting(said) == read, said
    for said in ("hi", "hi there!", "thanks so much!", "thank you, bye", "hello kitty backpack", "yo-yo toy",
                 "morning coffee mug"):
        assert without_greeting(said) == said, said


async def test_can_i_get_it_in_a_colour_asks_about_the_product_open(tmp_path: Path) -> None:
    # "can i get it in black" under the French press's card (it comes in Black) got "I don't know that about
    # Bodum Chambord… yet": "can i get" / "i want" are asking words around the option, like "any in black?".
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        await ann.say("/start p_P15")  # the cotton tee: White, Black, Red
        for said in ("can i get it in black", "i want it in black"):
            replies = await ann.say(said)
            labels = [b.label for r in replies for row in (r.buttons or ()) for b in row if b.label.startswith("🛒")]
            assert labels and all("Black" in b for b in labels), (said, labels)


async def test_a_question_naming_a_product_after_its_verb_is_about_that_product(tmp_path: Path) -> None:
    # "does the yoga mat come with a strap" (nothing on screen) got another product's description sentence;
    # "does the french press come in other colours" got a sentence about grinding coffee.
    from tests.helpers.kb_builders import start_qa

    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        bot.services.qa = await start_qa(bot.services.uows)
        bot.services.nlu = FakeNLU(rules=((r"^(?:does|is)\b", "ask_question"), *SHOPPING_RULES))
        text = body(await Shopper(bot, ANN).say("does the yoga mat come with a strap"))
        assert "Yoga Mat 6 mm" in text, text
        state = await bot.services.states.load(ANN.id, ANN.id)
        assert state.focus_sku == "P19" and state.last_question["sku"] == "P19", state  # asked about the mat
        replies = await Shopper(bot, ANN.__class__(602, "Cy", language_code="en")).say(
            "does the cotton t-shirt come in other colours")
        assert "White, Black, Red" in body(replies), body(replies)
    assert candidate_names("does the yoga mat come with a strap")[-2:] == ["yoga mat", "yoga"]
    assert candidate_names("is the first one waterproof") == ["first one", "first"]  # the hook declines "one"
    assert candidate_names("does it come with a strap") == []


def test_the_diff_between_two_shown_is_a_comparison() -> None:
    # "wats the diff between the jbl and the bose" under a list of speakers got "I don't know the answer to that".
    from bot.core.skills.shopping.compare import wants_comparison

    for said in ("wats the diff between the jbl and the bose", "whats the differences between the first two",
                 "what's the difference between them"):
        assert wants_comparison(said), said
    assert not wants_comparison("i can't tell them apart")


async def test_an_order_asked_of_the_whole_shop_lists_it_in_that_order(tmp_path: Path) -> None:
    # "cn u show me ur best sellers" searched “cn u show me ur”: "We don't carry …" and a bike lock.
    async with shop_bot(tmp_path) as bot:
        text = body(await Shopper(bot, ANN).say("cn u show me ur best sellers"))
        assert "don't carry" not in text and "found nothing" not in text, text
        assert "Cotton Crew Neck T-Shirt" in text, text  # the fixture's best seller (900 sold)
