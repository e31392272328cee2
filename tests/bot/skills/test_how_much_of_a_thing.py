""""how much storage does it have", "how much ram", "how much does it weigh" with a product open ask about that
figure, not its price: they showed the product's card again (read as "how much is it"), testers s9-en."""

from __future__ import annotations

from pathlib import Path

from bot.core.followups import asks_how_much_of
from tests.bot.skills.test_shopping_wording import ANN, body
from tests.helpers.shopping import Shopper, shop_bot


def test_how_much_of_a_thing_is_not_a_price() -> None:
    for text in ("how much storage does it have", "how much ram does it have?", "how much does it weigh",
                 "how much battery life does it get", "how much water does it hold", "how much space is there"):
        assert asks_how_much_of(text), text
    for text in ("how much is it", "how much?", "how much for two", "how much does it cost", "how much are they",
                 "how much is the 256gb one", "how much do these cost", "how much"):
        assert not asks_how_much_of(text), text


async def test_how_much_storage_with_a_product_open_is_a_question_not_its_card(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, ANN)
        await ann.say("/start p_P09")
        reply = body(await ann.say("how much storage does it have?"))
        assert "$199.99" not in reply and "In stock" not in reply, reply
        price = body(await ann.say("how much is it?"))
        assert "$199.99" in price, price


def test_a_figure_that_differs_by_option_lists_the_options() -> None:
    from bot.core.skills.community.listing_answers import _options_of
    from bot.core.skills.shopping.aspects import aspect_asked
    from store.catalog.views import ProductView, VariantView
    from store.money import Money

    def variant(i: int, storage: str) -> VariantView:
        return VariantView(id=i, sku=f"PH-{i}", price=Money(44999, "USD"), stock=3,
                           attributes={"color": "Navy", "storage": storage}, is_active=True, product_id=1,
                           product_external_id="PH", product_title="Phone", image_url=None, is_digital=False)

    phone = ProductView(id=1, external_id="PH", title="Phone 5G", title_zh=None, description="", brand="B",
                        category_path="Phones", attributes={}, image_url=None, rating_tenths=None, sales_count=0,
                        is_digital=False, is_active=True, variants=(variant(1, "128GB"), variant(2, "256GB")))
    storage = aspect_asked("how much storage does it have")
    assert storage is not None and _options_of(storage, phone) == ["128GB", "256GB"]
