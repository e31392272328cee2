""""is the money taken when I order or when it ships?" with nothing on screen got "Which product do you mean? Search
for it first": the "it" (the order) was read as a product, though the question is about ordering and shipping and
nothing was shown or open. A shop-wide question goes to the shop's answers; "is it waterproof?" with nothing shown
still asks which product.

The phrasings are this file's own.
"""

from __future__ import annotations

from pathlib import Path

from bot.core.events import UserRef
from tests.helpers.bots import started_bot
from tests.helpers.community import text_of
from tests.helpers.kb_builders import add_pair, start_qa
from tests.helpers.shopping import Shopper

ANN = UserRef(591, "Ann", language_code="en")


async def test_it_in_a_question_about_ordering_is_no_product(tmp_path: Path) -> None:
    async with started_bot(tmp_path) as bot:
        services = bot.services
        assert services is not None
        await add_pair(services.uows, "When will I be charged for my order?",
                       "When you pay the order's invoice in the chat.", tags=("payment", "charge", "timing"))
        await add_pair(services.uows, "Do you ship to Canada?", "Yes, we ship to Canada.", tags=("shipping",))
        services.qa = await start_qa(services.uows)
        ann = Shopper(bot, ANN)
        charged = text_of(await ann.say("is my card charged when i order or once it ships?"))
        assert "invoice" in charged and "Which product" not in charged, charged
        canada = text_of(await ann.say("does it ship to canada?"))
        assert "Canada" in canada and "Which product" not in canada, canada
        waterproof = text_of(await ann.say("is it waterproof?"))
        assert "Which product" in waterproof, waterproof


async def test_expediting_with_a_product_open_is_the_shops_question(tmp_path: Path) -> None:
    """"能加急吗" (can it be sped up?) with the mug just ordered still open was asked of the mug: "I don't know that
    about the Muji mug". Express delivery is the shop's to answer."""
    from bot.core.events import UserRef as _User
    from tests.helpers.kb_builders import seed_product

    li = _User(592, "李", language_code="zh-hans")
    async with started_bot(tmp_path) as bot:
        services = bot.services
        assert services is not None
        await seed_product(services.uows, "P0001", "P0001-BLK")
        await add_pair(services.uows, "下单后还能改成加急快递吗？", "已下的订单不能改配送方式。", tags=("shipping",))
        services.qa = await start_qa(services.uows)
        state = await services.states.load(li.id, li.id)
        state.focus_sku = "P0001"
        await services.states.save(li.id, li.id, state)
        asked = text_of(await Shopper(bot, li).say("能加急吗？"))
        assert "配送方式" in asked, asked


async def test_shipping_for_this_with_a_list_shown_is_the_shops_answer(tmp_path: Path) -> None:
    """"how much will shipping be for this?" with two speakers shown asked "Which one do you mean?": shipping costs
    the same whichever it is, so the shop's answer comes at once. "is this one waterproof?" still asks which."""
    from tests.helpers.shopping import shop_bot

    async with shop_bot(tmp_path) as bot:
        services = bot.services
        assert services is not None
        await add_pair(services.uows, "How much is shipping?", "Standard shipping is $5.99, free from $50.",
                       tags=("shipping", "cost"))
        services.qa = await start_qa(services.uows)
        ann = Shopper(bot, ANN)
        await ann.say("running shoes")
        shipping = text_of(await ann.say("how much will shipping be for this?"))
        assert "$5.99" in shipping and "Which one" not in shipping, shipping
        waterproof = text_of(await ann.say("is this one waterproof?"))
        assert "Which one" in waterproof, waterproof
