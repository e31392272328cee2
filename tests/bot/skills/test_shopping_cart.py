"""Adding and cart flows: references, variants, quantities, -/+/remove buttons (edits), text changes, clearing,
offers and hints in the cart, stock and currency errors, Chinese."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.core.events import UserRef
from bot.core.replies import CallbackAnswer, Edit, Reply, Text
from store.cart import add_to_cart, get_cart
from store.catalog.service import set_stock
from store.money import Money
from store.pricing.admin import save_flash_sale, save_offer
from tests.helpers.catalog_builders import make_product
from tests.helpers.shopping import Shopper, shop_bot

ANN = UserRef(301, "Ann", language_code="en")
LI = UserRef(302, "李", language_code="zh-hans")


def texts(replies: list[Reply]) -> list[str]:
    return [r.text for r in replies if isinstance(r, Text | Edit)]


async def cart_of(bot: object, user_id: int) -> dict[str, int]:
    services = bot.services  # type: ignore[attr-defined]
    async with services.uows() as uow:
        cart = await get_cart(uow, user_id, datetime.now(UTC))
    return {ln.sku: ln.quantity for ln in cart.lines}


async def test_add_the_second_one_asks_the_variant_then_confirms_with_total(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        await ann.say("running shoes")
        ask = await ann.say("add the second one")
        assert "Which option of <b>Women&#x27;s Trail Running Shoes</b>" in texts(ask)[0]
        done = await ann.press("Pink / 38")
        assert isinstance(done[0], CallbackAnswer)
        assert "Added 1 ×" in texts(done)[0] and "$89.99" in texts(done)[0]
        labels = [b.label for row in done[-1].buttons for b in row]
        assert "View cart" in " ".join(labels) and "Checkout" in " ".join(labels)
        assert bot.dispatcher is not None
        checkout = ann.button("Checkout")
        assert checkout.startswith("co:start~")
        assert await cart_of(bot, ANN.id) == {"P06-PIN-38": 1}


async def test_card_button_opens_the_variant_picker_and_plus_minus_edit_the_message(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        replies = await ann.say("stainless steel water bottle")
        card = replies[0]
        added = await ann.press("Add to cart", [card])
        # two colours: the card's button opens the variant picker
        assert "Which option" in texts(added)[0]
        await ann.press("Black")
        plus = await ann.press("➕")
        assert isinstance(plus[-1], Edit) and "2 in your cart" in plus[-1].text
        minus = await ann.press("➖")
        assert isinstance(minus[-1], Edit) and "1 in your cart" in minus[-1].text
        gone = await ann.press("➖")
        assert isinstance(gone[-1], Edit) and "Removed" in gone[-1].text
        assert await cart_of(bot, ANN.id) == {}


async def test_cart_lines_buttons_and_text_changes(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        await ann.say("red ceramic coffee mug")
        await ann.say("add the first one")
        await ann.say("hardcover notebook")
        await ann.say("add 2 of the first one")
        assert await cart_of(bot, ANN.id) == {"P01-RED": 1, "P26-BLA": 2}
        cart = await ann.say("/cart")
        body = texts(cart)[0]
        assert "Red Ceramic Coffee Mug" in body and "× $12.99" in body and "Total:" in body
        plus = await ann.press("➕")  # first line
        assert isinstance(plus[-1], Edit) and "2 × $12.99 = <b>$25.98</b>" in plus[-1].text
        removed = await ann.press("🗑")
        assert isinstance(removed[0], CallbackAnswer) and "Removed" in removed[0].text
        assert isinstance(removed[-1], Edit) and "Coffee Mug" not in removed[-1].text
        changed = await ann.say("make it 5")
        assert "quantity set to 5" in texts(changed)[0]
        assert (await cart_of(bot, ANN.id))["P26-BLA"] == 5
        await ann.say("red ceramic coffee mug")
        await ann.say("add the first one")
        gone = await ann.say("remove the notebook")
        assert "Removed <b>Hardcover Notebook" in texts(gone)[0]
        assert set(await cart_of(bot, ANN.id)) == {"P01-RED"}


async def test_clear_cart_asks_first(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        await ann.say("yoga mat")
        await ann.say("add the first one purple")
        await ann.say("show my cart")
        ask = await ann.press("Clear")
        assert isinstance(ask[-1], Edit) and "Remove everything" in ask[-1].text
        keep = await ann.press("No, keep it")
        assert "Yoga Mat" in keep[-1].text  # type: ignore[attr-defined]
        await ann.press("Clear")
        cleared = await ann.press("Yes, clear it")
        assert "cart is empty" in cleared[-1].text  # type: ignore[attr-defined]
        assert await cart_of(bot, ANN.id) == {}


async def test_offers_flash_prices_and_hints_are_explained_in_the_cart(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        services = bot.services
        assert services is not None
        now = services.clock()
        async with services.uows() as uow:
            await save_offer(uow.session, "Spend $100, save $10", [(Money(10000, "USD"), Money(1000, "USD")),
                                                                    (Money(30000, "USD"), Money(5000, "USD"))])
            await save_flash_sale(uow.session, title="Headphones deal", sku="P09-BLA", price=Money(14999, "USD"),
                                  quantity=5, starts_at=now - timedelta(minutes=5), ends_at=now + timedelta(hours=2))
            await uow.commit()
        ann = Shopper(bot, ANN)
        found = await ann.say("wireless noise cancelling headphones")
        assert "flash sale (was $199.99)" in found[0].caption  # type: ignore[attr-defined]
        await ann.say("add the first one black")
        await ann.say("running shoes")
        await ann.say("add the first one")
        await ann.press("Black / 42")
        body = texts(await ann.say("/cart"))[0]
        assert "Headphones deal" in body and "$149.99 instead of $199.99" in body
        assert "Add $20.01 more to save $10.00" in body
        body = texts(await ann.say("make it 2"))[0]
        assert "Spend $100, save $10" in body and "-$10.00" in body
        assert "Add $140.02 more to save $50.00" in body


async def test_out_of_stock_and_too_many_are_refused_kindly(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        await ann.say("scented soy candle")
        services = bot.services
        assert services is not None
        async with services.uows() as uow:
            await set_stock(uow, "P23-WHI", 2)
        refused = await ann.say("add 5 of the first one")
        assert "only 2 of" in texts(refused)[0]
        async with services.uows() as uow:
            await set_stock(uow, "P23-WHI", 0)
        sold_out = await ann.say("add the first one")
        assert "out of stock" in texts(sold_out)[0]


async def test_currency_mismatch_is_explained(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        services = bot.services
        assert services is not None
        await make_product(services.uows, "STK", price=50, currency="XTR", category="Digital > Stickers",
                           skus=["STK-1"], title="Sticker pack")
        assert services.search is not None
        await services.search.wait_idle()
        ann = Shopper(bot, ANN)
        await ann.say("yoga mat")
        await ann.say("add the first one purple")
        await ann.say("sticker pack")
        refused = await ann.say("add the first one")
        assert "priced in XTR but your cart is in USD" in texts(refused)[0]


async def test_dangling_reference_and_unknown_product(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        assert "Which product do you mean" in texts(await ann.say("add the second one"))[0]
        await ann.say("yoga mat")
        assert "couldn't find" in texts(await ann.say("add zzqx wibblefrotz"))[0]


async def test_unknown_sku_button_is_explained(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        assert bot.dispatcher is not None
        data = bot.dispatcher.codec.encode(ANN.id, "add", "NOPE-1", 1)
        replies = await ann.press_data(data)
        assert isinstance(replies[0], CallbackAnswer) and "NOPE-1" in texts(replies)[0]


async def test_chinese_add_and_cart(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        li = Shopper(bot, LI)
        await li.say("瑜伽垫")
        added = await li.say("把第一个加入购物车")
        assert "您要哪一款" in texts(added)[0]
        done = await li.press("紫色")  # the catalogue says "Purple"; a Chinese shopper reads 紫色
        assert "已将 1 件" in texts(done)[0] and "瑜伽垫" in texts(done)[0] and "(紫色)" in texts(done)[0]
        cart = texts(await li.say("购物车"))[0]
        assert "您的购物车" in cart and "瑜伽垫" in cart and "合计" in cart and "(紫色)" in cart


async def test_cart_survives_and_shows_empty_state(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        empty = await ann.say("/cart")
        assert "cart is empty" in texts(empty)[0]
        services = bot.services
        assert services is not None
        async with services.uows() as uow:
            await add_to_cart(uow, ANN.id, "P26-BLA", 3)
        assert "3 × $8.99" in texts(await ann.say("/cart"))[0]
