"""Short follow-ups that narrow the list on screen (walk 5): brands ("anything from nike or asics"), a describing
word ("waterproof ones", "无线的") and a sort asked as a question ("最便宜的是哪个") refine the last search; each
was searched on its own and listed kids' rain boots, a rain jacket, earbuds or "没有找到“是哪个”"."""

from __future__ import annotations

from pathlib import Path

from tests.bot.skills.test_list_followups import ANN, LI, BrandNLU, body, titles
from tests.helpers.shopping import Shopper, shop_bot


async def test_two_brands_narrow_the_list_to_either(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        bot.services.nlu = BrandNLU()  # type: ignore[union-attr]
        ann = Shopper(bot, ANN)
        await ann.say("mugs and cups")
        narrowed = await ann.say("anything from hearth or trailco")
        shown = titles(narrowed)
        assert "Filters: Hearth / Trailco" in body(narrowed), body(narrowed)
        assert shown and all(t in ("<b>Red Ceramic Coffee Mug 350 ml</b>", "<b>Glass Tea Cup Set of 4</b>",
                                   "<b>Blue Enamel Camping Mug</b>") for t in shown), shown


async def test_a_describing_word_narrows_the_search_on_screen(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        await ann.say("boots")
        narrowed = body(await ann.say("waterproof ones"))
        assert "“boots waterproof”" in narrowed and "Kids Rain Boots" in narrowed, narrowed
        li = Shopper(bot, LI)
        await li.say("耳机")
        wireless = body(await li.say("无线的"))
        assert "耳机 无线" in wireless, wireless


async def test_which_is_cheapest_re_sorts_the_search_on_screen(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        li = Shopper(bot, LI)
        await li.say("马克杯")
        cheapest = body(await li.say("最便宜的是哪个"))
        assert "马克杯" in cheapest and "价格从低到高" in cheapest and "是哪个" not in cheapest, cheapest


async def test_attribute_words_alone_narrow_the_search_on_screen(tmp_path: Path) -> None:
    """walk7-zh: a measure ("要500ml左右的", "28cm的"), a size with a pattern ("S码 碎花") or a taste ("辣的")
    right after a result list was searched alone (pepper jars, a mattress, a board book); it refines that search
    and the header says so."""
    async with shop_bot(tmp_path) as bot:
        li = Shopper(bot, LI)
        await li.say("马克杯")
        measured = body(await li.say("要350ml左右的"))
        assert "“马克杯 350ml”" in measured and "在“马克杯”的结果里筛选" in measured, measured
        await li.say("马克杯")
        tasted = body(await li.say("辣的"))
        assert "“马克杯 辣”" in tasted, tasted
        await li.say("马克杯")
        sized = body(await li.say("红色 磨砂"))
        assert "“马克杯 磨砂”" in sized and "红" in sized, sized
