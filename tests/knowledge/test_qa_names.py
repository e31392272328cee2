"""A question that names a catalog product with none in view is about that product: its own Q&A, then its
description, never another product's look-alike entry."""

from __future__ import annotations

import pytest

from knowledge.encoders.base import Encoder
from knowledge.qa import DEFAULT_CONFIG
from knowledge.qa.names import CatalogNames, ProductName
from knowledge.qa.tokens import qa_tokenize
from store.knowledge_base_records import ProductScope
from store.models.catalog import Product, Variant
from store.models.knowledge_base import AnswerSource
from store.uow import UnitOfWorkFactory
from tests.helpers.kb_builders import add_pair, start_qa

CATALOG = [
    ProductName(1, "P1", "Hearth & Kiln Glossy Porcelain Coffee Mug, 300 ml, Set of 2", "Hearth & Kiln"),
    ProductName(2, "P2", "Bodum Glossy Ceramic Coffee Mug, 350 ml, Set of 2", "Bodum"),
    ProductName(3, "P3", "Bodum Chambord French Press Coffee Maker, 1 L, Borosilicate Glass", "Bodum"),
    ProductName(4, "P4", "Le Creuset Ceramic Mug with Handle, 350 ml", "Le Creuset"),
    ProductName(5, "P5", "Le Creuset Stoneware Mug with Handle, 450 ml", "Le Creuset"),
    ProductName(6, "P6", "Le Creuset Cast Iron Sauté Pan with Lid, 24 cm, Oven Safe to 260°C", "Le Creuset"),
    ProductName(7, "P7", "Deli Thermal Receipt Printer", "Deli"),
    ProductName(8, "P8", "Ticket to Ride Board Game, 2-5 Players", "Days of Wonder",
                "Ticket to Ride for 2-5 players aged 8+."),
    ProductName(9, "P9", "Yankee Candle Vanilla Bean Scented Candle, 300 g", "Yankee Candle"),
]


def _names() -> CatalogNames:
    names = CatalogNames(qa_tokenize)
    names.replace_all(CATALOG)
    return names


def _find(names: CatalogNames, question: str) -> tuple[str, ...] | None:
    found = names.find(qa_tokenize(question))
    return found.external_ids if found else None


def test_brand_and_product_word_name_one_product() -> None:
    names = _names()
    assert _find(names, "is the bodum mug dishwasher safe?") == ("P2",)
    assert _find(names, "what grind for the bodum french press?") == ("P3",)
    assert _find(names, "can the hearth & kiln mug go in the microwave?") == ("P1",)


def test_words_after_the_titles_first_comma_do_not_name() -> None:
    # "Oven Safe" is a specification of the pan, and "safe" is what the question asks about.
    assert _find(_names(), "is the le creuset mug dishwasher safe?") == ("P4", "P5")


def test_ordinary_words_do_not_name_a_product() -> None:
    names = _names()
    assert _find(names, "is the deli open on sundays?") is None  # a one-word brand alone
    assert _find(names, "do you sell concert tickets?") is None  # a short word of one title
    assert _find(names, "is the mug dishwasher safe?") is None  # four mugs: which one?
    assert _find(names, "is the chambord dishwasher safe?") == ("P3",)  # a model name
    assert _find(names, "does the yankee candle come with a lid?") == ("P9",)  # a brand with one product


def test_the_lookup_follows_catalog_changes() -> None:
    names = _names()
    names.upsert(ProductName(2, "P2", "Bodum Bistro Travel Tumbler, 350 ml", "Bodum"))
    assert _find(names, "is the bodum mug dishwasher safe?") is None
    assert _find(names, "is the bodum tumbler dishwasher safe?") == ("P2",)
    names.remove(3)
    assert _find(names, "what grind for the bodum french press?") is None


async def _product(uow_factory: UnitOfWorkFactory, external_id: str, title: str, brand: str,
                   description: str) -> ProductScope:
    async with uow_factory() as uow:
        product = Product(external_id=external_id, title=title, brand=brand, description=description, attributes={})
        variant = Variant(sku=f"{external_id}-STD", price_minor=1299, currency="USD", stock=5, attributes={})
        product.variants.append(variant)
        uow.session.add(product)
        await uow.session.flush()
        scope = ProductScope(product_id=product.id, variant_id=variant.id, external_id=external_id)
        await uow.commit()
    return scope


@pytest.mark.model
async def test_a_named_product_is_answered_from_its_own_texts(uow_factory: UnitOfWorkFactory,
                                                              use_encoder: Encoder) -> None:
    glossy = await _product(uow_factory, "P1", "Hearth & Kiln Glossy Porcelain Coffee Mug, 300 ml", "Hearth & Kiln",
                            "A 300 ml porcelain mug. Each piece is glazed by hand.")
    await _product(uow_factory, "P2", "Bodum Glossy Ceramic Coffee Mug, 350 ml", "Bodum",
                   "Thick-walled ceramic keeps coffee hot for longer. Dishwasher and microwave safe.")
    entry = "Is the Hearth & Kiln Glossy Porcelain Coffee Mug dishwasher safe?"
    await add_pair(uow_factory, entry, "Yes. It is porcelain and dishwasher safe.", scope=glossy)
    await add_pair(uow_factory, "How long does delivery take?", "3-5 business days in the US.")
    qa = await start_qa(uow_factory, encoder=use_encoder, config=DEFAULT_CONFIG)
    bodum = await qa.ask("is the bodum mug dishwasher safe?")
    assert bodum.matched_question != entry  # never the other mug's entry ("it is porcelain")
    assert bodum.source is AnswerSource.PRODUCT_DESCRIPTION and bodum.answer == "Dishwasher and microwave safe."
    assert bodum.product_scoped and bodum.product_external_id == "P2"
    assert (await qa.ask("can the hearth & kiln mug go in the dishwasher?")).matched_question == entry
