"""Search flows: cards, filters and sort words, paging, references, zero results, both languages, buttons."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.core.events import ButtonPress, ChatRef, UserRef
from bot.core.replies import CallbackAnswer, Photo, Reply, Text
from tests.helpers.shopping import IMAGE_OF, Shopper, shop_bot

ANN = UserRef(201, "Ann", language_code="en")
LI = UserRef(202, "李", language_code="zh-hans")


def cards(replies: list[Reply]) -> list[str]:
    """Card captions/texts (everything with a Details button)."""
    out = []
    for r in replies:
        labels = [b.label for row in r.buttons for b in row]
        if any("Details" in lbl or "详情" in lbl for lbl in labels):
            out.append(r.caption if isinstance(r, Photo) else r.text if isinstance(r, Text) else "")
    return out


def last_text(replies: list[Reply]) -> str:
    return [r.text for r in replies if isinstance(r, Text)][-1]


async def test_search_shows_cards_with_price_stock_rating_and_buttons(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        replies = await ann.say("running shoes")
        shown = cards(replies)
        assert 2 <= len(shown) <= 4
        assert "Men&#x27;s Running Shoes" in shown[0] and "$79.99" in shown[0] and "★ 4.6" in shown[0]
        assert "In stock" in shown[0]
        labels = [b.label for row in replies[0].buttons for b in row]
        assert any("Details" in x for x in labels) and any("Add to cart" in x for x in labels)
        assert any("More like this" in x for x in labels)
        assert "Showing 1–" in last_text(replies)
        state = await bot.services.states.load(ANN.id, ANN.id)  # type: ignore[union-attr]
        assert state.last_results[:2] == ["P05", "P06"]


async def test_out_of_stock_card_has_no_add_button_and_says_so(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        replies = await Shopper(bot, ANN).say("leather chelsea boots")
        boots = next(r for r in replies if isinstance(r, Text) and "Chelsea" in r.text)
        assert "Out of stock" in boots.text
        assert not any("Add to cart" in b.label for row in boots.buttons for b in row)


async def test_product_with_image_is_a_photo_card(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        replies = await Shopper(bot, ANN).say("red ceramic coffee mug")
        photo = next(r for r in replies if isinstance(r, Photo))
        assert photo.photo == IMAGE_OF["P01"] and "Red Ceramic Coffee Mug" in photo.caption


async def test_price_filter_and_sort_words_shape_the_results(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        replies = await ann.say("mug under $11")
        assert [c.split("\n")[0] for c in cards(replies)] == ["<b>Blue Enamel Camping Mug</b>"]
        assert "up to $11.00" in last_text(replies)
        replies = await ann.say("cheapest shoes")
        prices = [float(c.split("<b>$")[1].split("</b>")[0]) for c in cards(replies)]
        assert prices == sorted(prices) and "cheapest first" in last_text(replies)


async def test_next_page_continues_the_same_query_and_updates_references(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        first = await ann.say("best selling")
        assert "Next page" in str([b.label for r in first for row in r.buttons for b in row])
        first_state = list((await bot.services.states.load(ANN.id, ANN.id)).last_results)  # type: ignore[union-attr]
        second = await ann.press("Next page")
        assert isinstance(second[0], CallbackAnswer)
        state = await bot.services.states.load(ANN.id, ANN.id)  # type: ignore[union-attr]
        assert state.last_results and not set(state.last_results) & set(first_state)
        assert "Showing 5–" in last_text(second)


async def test_zero_results_offer_alternatives_and_staff(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        replies = await ann.say("running shoes under $10")
        head = replies[0]
        assert isinstance(head, Text) and "nothing for" in head.text and "price" in head.text
        assert any("Running Shoes" in c for c in cards(replies)), "the closest alternatives are shown as cards"
        assert all("Shoes" in c for c in cards(replies)), "only products of the kind asked for"
        data = ann.button("Ask our staff", [head])
        assert last_text(await ann.press_data(data)).startswith("What would you like to ask")
        state = await bot.services.states.load(ANN.id, ANN.id)  # type: ignore[union-attr]
        assert state.pending is not None and state.pending.kind == "ask"


async def test_search_without_the_search_service_degrades_clearly(tmp_path: Path) -> None:
    async with shop_bot(tmp_path, search=False) as bot:
        replies = await Shopper(bot, ANN).say("running shoes")
        assert "not available" in last_text(replies)


async def test_search_command_and_menu_prompt(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        assert cards(await ann.say("/search yoga mat"))
        prompt = await ann.say("/search")
        assert "What are you looking for" in last_text(prompt)
        assert "Yoga Mat" in cards(await ann.say("yoga mat"))[0]


async def test_more_like_this_excludes_the_product_itself(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        replies = await ann.say("wireless noise cancelling headphones")
        more = await ann.press("More like this", [replies[0]])
        titles = cards(more)
        assert titles and not any("Noise Cancelling" in c for c in titles)


async def test_chinese_shopper_gets_chinese_titles_and_replies(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        li = Shopper(bot, LI)
        replies = await li.say("跑步鞋")
        shown = cards(replies)
        assert shown and ("跑步鞋" in shown[0] or "跑鞋" in shown[0])
        summary = last_text(replies)
        assert "显示" in summary and "Showing" not in summary
        labels = [b.label for row in replies[0].buttons for b in row]
        assert any("详情" in x for x in labels)


async def test_someone_elses_search_button_is_refused(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        replies = await ann.say("running shoes")
        data = ann.button("Add to cart", [replies[0]])
        bob = UserRef(203, "Bob", language_code="en")
        refused = await bot.handle(ButtonPress(bob, ChatRef(bob.id), data, callback_id="x"))
        assert isinstance(refused[0], CallbackAnswer) and refused[0].alert


async def test_a_colour_orders_the_products_asked_for_and_says_when_none_has_it(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        replies = await ann.say("red boots")
        titles = [c.split("\n")[0] for c in cards(replies)]
        assert titles == ["<b>Kids Rain Boots</b>", "<b>Leather Chelsea Boots</b>"]   # red first, then the other
        assert "None in" not in last_text(replies) and "No exact" not in last_text(replies)
        # No purple boots: the boots still come (never the purple yoga mat), and the bot says so.
        replies = await ann.say("purple boots")
        assert sorted(c.split("\n")[0] for c in cards(replies)) == ["<b>Kids Rain Boots</b>",
                                                                    "<b>Leather Chelsea Boots</b>"]
        assert "None in purple — here are the other colours." in last_text(replies)


async def test_chinese_colour_with_no_exact_match_keeps_the_dresses(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        replies = await Shopper(bot, LI).say("红色连衣裙")
        titles = cards(replies)
        # The only dress is blue/yellow; the red mug, T-shirt and scarf are not dresses.
        assert len(titles) == 1 and "连衣裙" in titles[0]
        assert "没有红色的，以下是其他颜色。" in last_text(replies)


async def test_cheapest_sorts_only_the_products_asked_for(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        replies = await Shopper(bot, ANN).say("cheapest mug")
        # Pens ($6.99) and the notebook ($8.99) are cheaper, and they are not mugs.
        assert [c.split("\n")[0] for c in cards(replies)] == ["<b>Blue Enamel Camping Mug</b>",
                                                             "<b>Red Ceramic Coffee Mug 350 ml</b>"]


async def test_a_stated_size_is_said_in_the_results_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Typed "hoodie size M" listed hoodies with no word about the size, as if it had been ignored: the products
    in that size come first and the line says so."""
    from nlu.result import ParsedEntity
    from tests.helpers.shopping import ShoppingNLU

    plain = ShoppingNLU._entities

    def with_sizes(self: ShoppingNLU, text: str, context: object) -> tuple[ParsedEntity, ...]:
        found = plain(self, text, context)
        sizes = tuple(ParsedEntity("size", m.group(1), m.start(1), m.end(1))
                      for m in re.finditer(r"\bsize (\d+)\b", text))
        return tuple(e for e in found if e.entity != "quantity") + sizes

    monkeypatch.setattr(ShoppingNLU, "_entities", with_sizes)
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        replies = await ann.say("running shoes size 38")
        assert "Women&#x27;s Trail Running Shoes" in cards(replies)[0]
        assert "1 in size 38 first, then the others." in last_text(replies)
        replies = await Shopper(bot, LI).say("running shoes size 42")
        assert "有42尺码的 1 件排在前面" in last_text(replies)


async def test_a_brand_asked_beside_another_with_no_match_is_named(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """"sony or beats headphones" showed Sony and other brands with no word that Beats is not carried."""
    from nlu.result import ParsedEntity
    from tests.helpers.shopping import ShoppingNLU

    plain = ShoppingNLU._entities

    def with_brands(self: ShoppingNLU, text: str, context: object) -> tuple[ParsedEntity, ...]:
        brands = tuple(ParsedEntity("brand", m.group(0).title(), m.start(), m.end())
                       for m in re.finditer(r"\b(?:sonora|boomly)\b", text))
        return plain(self, text, context) + brands

    monkeypatch.setattr(ShoppingNLU, "_entities", with_brands)
    async with shop_bot(tmp_path) as bot:
        replies = await Shopper(bot, ANN).say("sonora or beats headphones")
        texts = [r.text for r in replies if isinstance(r, Text)]
        assert "We don't carry Beats." in texts[0]
        assert "Noise Cancelling Headphones" in cards(replies)[0]
        replies = await Shopper(bot, LI).say("boomly or sonora headphones")
        texts = [r.text for r in replies if isinstance(r, Text)]
        assert "Boomly 没有符合您要求的商品。" in texts[0], texts
