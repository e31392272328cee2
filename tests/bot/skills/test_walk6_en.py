"""Session 6's English walk: clear in-shop requests the bot did not understand or answered wrongly."""

from __future__ import annotations

from pathlib import Path

from tests.bot.skills.test_shopping_wording import ANN, body
from tests.helpers.shopping import Shopper, shop_bot


def summary(replies: list) -> str:  # type: ignore[type-arg]
    """The results line ("Showing 1-4 of 9 for “running shoes” … up to $150.00"), not the "Narrowing …" header."""
    return next(line for line in body(replies).split("\n") if "for “" in line and not line.startswith("Narrowing"))


async def test_a_sort_direction_said_in_full_re_sorts_the_search_on_screen(tmp_path: Path) -> None:
    # "sort by price high to low" read "by price" as cheapest first and kept "high to low" as product words,
    # so the re-sort was refused and the NLU answered "Sorry, I'm not sure what you mean".
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        await ann.say("running shoes")
        for said in ("sort by price high to low", "price: highest to lowest", "most expensive first"):
            line = summary(await ann.say(said))
            assert "for “running shoes”" in line and "most expensive first" in line, (said, line)
        line = summary(await ann.say("sort by price low to high"))
        assert "for “running shoes”" in line and "cheapest first" in line, line


async def test_something_under_a_budget_narrows_the_list_on_screen(tmp_path: Path) -> None:
    # "something under $50" after a search searched "something", said it found nothing and showed belts and
    # duvets; it is a budget for the results on screen.
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        await ann.say("running shoes")
        line = summary(await ann.say("something under $150"))
        assert "for “running shoes”" in line and "$150.00" in line, line
        line = summary(await ann.say("ok any options below $100"))
        assert "for “running shoes”" in line and "$100.00" in line, line


async def test_asking_if_the_bot_is_a_person_answers_and_offers_one_without_a_ticket(tmp_path: Path) -> None:
    # "are you a real person or a bot" (read as talk_to_human) opened ticket T1002: "A person from our team
    # usually replies within 4 hours".
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        for said in ("are you a real human or a bot?", "am i talking to a human?"):
            replies = await ann.say(said)
            text = body(replies)
            assert "a bot" in text and "ticket" not in text, (said, text)
            assert any("Talk to a person" in b.label for r in replies for row in (r.buttons or ()) for b in row)
        assert "ticket" in body(await ann.say("I want to talk to a human"))  # asking for one still opens it


async def test_asking_which_languages_the_bot_speaks_offers_both(tmp_path: Path) -> None:
    # "do you speak chinese?" answered "I don't know the answer to that yet. Shall I ask our community?": a question
    # whether it speaks a language gets both to choose from (a request, "can you reply in chinese", switches).
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        for said in ("do you speak chinese?", "do you understand chinese?", "what languages do you speak"):
            replies = await ann.say(said)
            assert "I speak English and Chinese" in body(replies), (said, body(replies))
            assert any(b.label == "中文" for r in replies for row in (r.buttons or ()) for b in row)


async def test_what_about_another_brand_searches_the_same_kind_by_that_brand(tmp_path: Path) -> None:
    # "what about adidas" after a shoe search searched the words as said ("Sorry, I'm not sure what you mean",
    # then RC trucks and drones with a newer model).
    from tests.bot.skills.test_list_followups import BrandNLU

    async with shop_bot(tmp_path) as bot:
        bot.services.nlu = BrandNLU()  # type: ignore[union-attr]
        ann = Shopper(bot, ANN)
        await ann.say("stride running shoes under $100")
        replies = await ann.say("what about oakhide")
        line = summary(replies)
        assert "oakhide running shoes" in line.lower() and "what about" not in line.lower(), line
        assert "$100.00" in line, line  # the budget stays


async def test_asking_about_ones_ticket_shows_where_it_stands(tmp_path: Path) -> None:
    # "i already have a ticket open?" after connecting to support answered about shoe trees from earlier.
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        assert "no open tickets" in body(await ann.say("is my ticket still open?"))
        opened = body(await ann.say("I want to talk to a human"))
        number = opened.split("ticket ")[1].split(" ")[0]
        await ann.say("running shoes")
        status = body(await ann.say("i already have a ticket open?"))
        assert f"Your ticket {number} is open" in status, status


async def test_too_after_a_product_is_not_searched(tmp_path: Path) -> None:
    # "do you have a yoga block too?" searched (and showed) "yoga block too": "too" is no product word.
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        line = summary(await ann.say("running shoes too"))
        assert "for “running shoes”" in line, line


async def test_a_bought_item_and_its_fault_opens_a_complaint(tmp_path: Path) -> None:
    # "the french press, it leaks" (after asking to return something) got "I'm a shop assistant, so I can't help
    # with that one"; with the NLU reading it as a complaint it was still taken for venting ("What went wrong?").
    from tests.helpers.fake_nlu import FakeNLU
    from tests.helpers.shopping import SHOPPING_RULES

    async with shop_bot(tmp_path) as bot:
        bot.services.nlu = FakeNLU(rules=((r"\bleaks\b", "complain"), *SHOPPING_RULES))  # type: ignore[union-attr]
        told = body(await Shopper(bot, ANN).say("the french press, it leaks"))
        assert "opened complaint" in told, told
