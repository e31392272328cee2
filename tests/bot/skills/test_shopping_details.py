"""Product details, deep links (/start p_SKU, /start promo_ID) and inline mode."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from bot.core.events import ChatRef, InlineQuery, UserRef
from bot.core.replies import InlineAnswer, Photo, Reply, Text
from store.money import Money
from store.pricing.admin import save_flash_sale
from tests.helpers.shopping import Shopper, shop_bot

ANN = UserRef(401, "Ann", language_code="en")
LI = UserRef(402, "李", language_code="zh-hans")


def body(replies: list[Reply]) -> str:
    return "\n".join(r.caption if isinstance(r, Photo) else r.text for r in replies if isinstance(r, Photo | Text))


async def test_details_by_reference_show_description_options_and_variant_buttons(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        await ann.say("running shoes")
        replies = await ann.say("tell me more about the first one")
        text = body(replies)
        assert "Cushioned road running shoes" in text and "<b>Options</b>" in text
        assert "Black / 42 — $79.99 — 10 in stock" in text
        labels = [b.label for row in replies[-1].buttons for b in row]
        assert sum("Black" in x or "Blue" in x for x in labels) == 6
        added = await ann.press("Blue / 43")
        assert "Added 1 ×" in body(added)


async def test_details_button_and_photo(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        replies = await ann.say("red ceramic coffee mug")
        details = await ann.press("Details", [replies[0]])
        photo = next(r for r in details if isinstance(r, Photo))
        assert "dishwasher safe" in photo.caption
        assert any("Add to cart" in b.label for row in photo.buttons for b in row)


async def test_deep_link_opens_a_product_by_sku_or_id(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        for link in ("/start p_P05-BLA-42", "/start p_P05"):
            assert "Men&#x27;s Running Shoes" in body(await ann.say(link))
        state = await bot.services.states.load(ANN.id, ANN.id)  # type: ignore[union-attr]
        assert state.focus_sku == "P05"
        assert "no longer available" in body(await ann.say("/start p_GONE-1"))
        assert "Welcome to our shop" in body(await ann.say("/start"))
        assert "Welcome to our shop" in body(await ann.say("/start ref_friend42"))


async def test_deep_link_opens_a_flash_sale(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        services = bot.services
        assert services is not None
        now = services.clock()
        async with services.uows() as uow:
            sale = await save_flash_sale(uow.session, title="Mug madness", sku="P01-RED", price=Money(699, "USD"),
                                         quantity=30, starts_at=now - timedelta(minutes=1),
                                         ends_at=now + timedelta(hours=3), per_user_limit=2)
            await uow.commit()
        ann = Shopper(bot, ANN)
        replies = await ann.say(f"/start promo_{sale}")
        text = body(replies)
        assert "Mug madness" in text and "$6.99" in text and "30 of 30 left" in text and "Limit 2" in text
        added = await ann.press("Add to cart", replies)
        assert "Cart total: <b>$6.99</b>" in body(added)
        ended = await ann.say("/start promo_9999")
        assert "has ended" in body(ended)


async def test_inline_query_lists_products_with_deep_links(tmp_path: Path) -> None:
    async with shop_bot(tmp_path, ) as bot:
        replies = await bot.handle(InlineQuery(ANN, ChatRef(ANN.id), query="running shoes", query_id="q1"))
        answer = replies[0]
        assert isinstance(answer, InlineAnswer) and answer.results
        first = answer.results[0]
        assert first.title == "Men's Running Shoes" and "$79.99" in first.description
        assert first.deep_link is not None
        assert first.deep_link.startswith("https://t.me/shopbot?start=p_P05")
        assert first.deep_link in first.message_text
        best = await bot.handle(InlineQuery(ANN, ChatRef(ANN.id), query="", query_id="q2"))
        assert isinstance(best[0], InlineAnswer) and best[0].results[0].title == "Cotton Crew Neck T-Shirt"
        assert best[0].next_offset == "20"
        page2 = await bot.handle(InlineQuery(ANN, ChatRef(ANN.id), query="", query_id="q3", offset="20"))
        assert isinstance(page2[0], InlineAnswer) and len(page2[0].results) == 10 and page2[0].next_offset == ""


async def test_inline_query_in_chinese_uses_chinese_titles(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        replies = await bot.handle(InlineQuery(LI, ChatRef(LI.id), query="耳机", query_id="q1"))
        answer = replies[0]
        assert isinstance(answer, InlineAnswer) and answer.results
        assert any("耳机" in r.title for r in answer.results)
        assert "在商店中打开" in answer.results[0].message_text


async def test_details_in_chinese(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        li = Shopper(bot, LI)
        await li.say("跑步鞋")
        text = body(await li.say("第一个的详情"))
        assert "男士跑步鞋" in text and "可选款式" in text
