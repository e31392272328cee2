"""A follow-up that only asks for another order re-sorts the search on screen, whatever the NLU reads."""

from __future__ import annotations

from pathlib import Path

from tests.bot.skills.test_shopping_wording import ANN, LI, body
from tests.helpers.shopping import Shopper, shop_bot


def summary(replies: list) -> str:  # type: ignore[type-arg]
    return next(line for line in body(replies).split("\n") if "for “" in line)


async def test_any_cheaper_ones_re_sorts_the_last_search(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        first = summary(await ann.say("running shoes"))
        again = await ann.say("any cheaper ones?")  # the fake NLU reads this as a search for "ones"
        line = summary(again)
        assert "for “running shoes”" in line and "cheapest first" in line, line
        assert first.split(" of ")[1].split(" ")[0] == line.split(" of ")[1].split(" ")[0]  # same products
        best = summary(await ann.say("show me the best rated"))
        assert "for “running shoes”" in best and "best rated first" in best


async def test_chinese_follow_up_and_what_is_not_a_follow_up(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        li = Shopper(bot, LI)
        await li.say("running shoes")
        cheaper = body(await li.say("有没有便宜点的"))
        assert "“running shoes”" in cheaper and "价格从低到高" in cheaper
        # New product words are a new search, not a re-sort of the last one.
        assert "“running shoes”" not in body(await li.say("cheapest mugs"))


async def test_without_a_search_on_screen_it_is_not_a_follow_up(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        replies = await Shopper(bot, ANN).say("cheapest")
        assert "Sorted: cheapest first" in body(replies)  # the browse path, as before


async def test_more_ways_of_asking_for_cheaper(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann, li = Shopper(bot, ANN), Shopper(bot, LI)
        await ann.say("running shoes")
        for said in ("sort by price", "smth cheaper pls", "that's too expensive"):
            line = summary(await ann.say(said))
            assert "for “running shoes”" in line and "cheapest first" in line, (said, line)
        await li.say("running shoes")
        assert "价格从低到高" in body(await li.say("太贵了，有没有便宜点的"))


async def test_the_most_popular_ones_re_sorts_the_results_by_sales(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        await ann.say("running shoes")
        line = summary(await ann.say("show the most popular ones"))
        assert "for “running shoes”" in line and "best sellers first" in line, line


async def test_chinese_order_words_around_the_sort_re_sort_too(tmp_path: Path) -> None:
    """Typed "按价格从低到高排" under "耳机 100刀以内" replied "促销提醒已关闭" (alerts off): the "排" left after the
    order words made it no re-sort, and the NLU guessed unsubscribe."""
    async with shop_bot(tmp_path) as bot:
        li = Shopper(bot, LI)
        await li.say("running shoes")
        for text in ("按价格从低到高排", "从便宜到贵排一下", "价格从低到高"):
            line = body(await li.say(text))
            assert "“running shoes”" in line and "价格从低到高" in line, (text, line)


async def test_sort_said_with_its_direction_re_sorts_the_search(tmp_path: Path) -> None:
    # walk6-zh: "按价格从低到高排" was not taken as a sort ("排" was left over) and "从贵到便宜" sorted cheapest first
    async with shop_bot(tmp_path) as bot:
        ann, li = Shopper(bot, ANN), Shopper(bot, LI)
        await li.say("running shoes")
        for said, order in (("按价格从低到高排", "价格从低到高"), ("从贵到便宜", "价格从高到低"),
                            ("便宜的排前面", "价格从低到高"), ("贵的排前面", "价格从高到低")):
            reply = body(await li.say(said))
            assert "“running shoes”" in reply and order in reply, (said, reply)
        await ann.say("running shoes")
        line = summary(await ann.say("sort by price high to low"))
        assert "for “running shoes”" in line and "most expensive first" in line, line


async def test_that_kind_and_a_count_around_cheap_still_re_sorts(tmp_path: Path) -> None:
    # walk6-zh: "要两个那种 便宜的" after mugs showed the offers page, whose flash sales became the list on
    # screen, and "第二个来两个" then added two blenders
    async with shop_bot(tmp_path) as bot:
        li = Shopper(bot, LI)
        await li.say("running shoes")
        reply = body(await li.say("要两个那种 便宜的"))
        assert "“running shoes”" in reply and "价格从低到高" in reply, reply
        assert "“running shoes”" not in body(await li.say("便宜的二手相机"))  # product words: a new search
