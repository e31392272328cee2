"""A name in an add means the product the shopper was shown with that name (walk 9: "ok add the ESR one", with the
ESR iPhone 15 Pro case shown before another list, added an ESR screen protector for the iPhone 15 never shown;
"add the buds" with the Galaxy Buds2 Pro on screen said there was no "buds" in the shop)."""

from __future__ import annotations

from pathlib import Path

from bot.core.app import ShopBot
from bot.core.events import UserRef
from store.catalog import ProductInput, VariantInput, upsert_product
from store.money import Money
from tests.helpers.bots import started_bot
from tests.helpers.community import COMMUNITY_RULES, Person, text_of
from tests.helpers.fake_nlu import FakeNLU

ANN = UserRef(831, "Ann", language_code="en")

PRODUCTS = (  # (sku, title, brand)
    ("E1", "ESR Magnetic Ring Case for iPhone 15 Pro, Drop Tested", "ESR"),
    ("E2", "ESR Tempered Glass Screen Protector for iPhone 15, 2-Pack", "ESR"),
    ("S1", "Spigen Rugged Armor Case for iPhone 15 Pro", "Spigen"),
    ("O1", "Herman Miller Sayl Office Chair", "Herman Miller"),
    ("O2", "Blundstone 500 Chelsea Boots", "Blundstone"),
    ("B1", "Samsung Galaxy Buds2 Pro True Wireless Earbuds", "Samsung"),
    ("P1", "Samsung Galaxy S24 Unlocked Smartphone", "Samsung"),
)


async def _stock(bot: ShopBot) -> None:
    services = bot.services
    assert services is not None
    async with services.uows() as uow:
        for sku, title, brand in PRODUCTS:
            await upsert_product(uow, ProductInput(external_id=sku, title=title, description="", brand=brand,
                                                   variants=[VariantInput(f"{sku}-1", Money(1599, "USD"), 10, {})]))
        await uow.commit()


async def test_a_name_means_the_product_seen_before_another_list(tmp_path: Path) -> None:
    async with started_bot(tmp_path, nlu=FakeNLU(COMMUNITY_RULES)) as bot:
        assert bot.services is not None
        await _stock(bot)
        states, ann = bot.services.states, Person(bot, ANN)
        state = await states.load(ANN.id, ANN.id)
        state.last_results = ["E1", "S1"]
        await states.save(ANN.id, ANN.id, state)
        await ann.say("hello")  # the cases are seen
        state = await states.load(ANN.id, ANN.id)
        state.last_results = ["O1", "O2"]  # another list replaced them
        await states.save(ANN.id, ANN.id, state)
        said = text_of(await ann.say("ok add the ESR one"))
        assert "ESR Magnetic Ring Case" in said and "Screen Protector" not in said, said


async def test_a_word_glued_to_a_model_number_names_it(tmp_path: Path) -> None:
    async with started_bot(tmp_path, nlu=FakeNLU(COMMUNITY_RULES)) as bot:
        assert bot.services is not None
        await _stock(bot)
        state = await bot.services.states.load(ANN.id, ANN.id)
        state.last_results = ["B1", "P1"]
        await bot.services.states.save(ANN.id, ANN.id, state)
        said = text_of(await Person(bot, ANN).say("add the buds"))
        assert "Galaxy Buds2 Pro" in said and "Added" in said, said


async def test_add_it_after_a_sort_adds_the_one_on_top(tmp_path: Path) -> None:
    """"cheapest one" sorted the cases; "add it" then asked which of the four (walk 9 e16f)."""
    async with started_bot(tmp_path, nlu=FakeNLU(COMMUNITY_RULES)) as bot:
        assert bot.services is not None
        await _stock(bot)
        state = await bot.services.states.load(ANN.id, ANN.id)
        state.last_results, state.last_query, state.last_filters = ["S1", "E1", "E2"], "case", {"sort": "price_asc"}
        await bot.services.states.save(ANN.id, ANN.id, state)
        said = text_of(await Person(bot, ANN).say("add it"))
        assert "Spigen Rugged Armor" in said and "Added" in said, said


def test_the_model_searched_for_is_the_product_not_its_accessories() -> None:
    """"redmi note 13 pro" showed the phone, its screen protector and case "for Redmi Note 13 Pro": "how much is it"
    next asked which of four (walk 9 e04f)."""
    from bot.core.skills.shopping.model_focus import model_named
    from store.catalog.views import ProductView

    def product(sku: str, title: str) -> ProductView:
        return ProductView(id=len(sku), external_id=sku, title=title, title_zh=None, description="", brand=None,
                           category_path=None, attributes={}, image_url=None, rating_tenths=None, sales_count=0,
                           is_digital=False, is_active=True, variants=())

    shown = [product("R1", "Xiaomi Redmi Note 13 Pro Unlocked Smartphone, 6.67-inch Display"),
             product("R2", "ESR Tempered Glass Screen Protector for Redmi Note 13 Pro, 3-Pack"),
             product("R3", "Harbor & Vale Vegan Leather Folio Case for Redmi Note 13 Pro"),
             product("R4", "Apple iPhone 15 Pro Unlocked Smartphone")]
    assert model_named("redmi note 13 pro", shown) == "R1"
    assert model_named("phone case", shown) is None  # no model named
    assert model_named("iphone 15", shown) is None  # the iPhone 15 Pro is not the iPhone 15
