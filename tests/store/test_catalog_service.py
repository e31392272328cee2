"""Single-product catalog commands, views and change events."""

from __future__ import annotations

import pytest

from store.catalog import (
    ProductChanged,
    ProductInput,
    VariantInput,
    delete_product,
    get_product,
    get_variant_by_sku,
    list_categories,
    list_products,
    set_stock,
    upsert_product,
)
from store.errors import NotFound, ValidationFailed
from store.money import Money
from store.uow import UnitOfWorkFactory
from tests.helpers.catalog_builders import make_product, seed_catalog


async def test_upsert_creates_then_updates_and_emits(uow_factory: UnitOfWorkFactory) -> None:
    events: list[object] = []
    uow_factory.subscribe(events.extend)
    created = await make_product(uow_factory, "P9", skus=["P9-A", "P9-B"], price=500)
    async with uow_factory() as uow:
        updated = await upsert_product(uow, ProductInput(
            external_id="P9", title="Renamed", category_path="Home > Decor", rating_tenths=41,
            variants=[VariantInput("P9-A", Money(450, "USD"), 2, {"color": "Teal"})]))
    assert updated.id == created.id and updated.title == "Renamed" and updated.rating is not None
    assert updated.category_path == "Home > Decor"
    assert [(v.sku, v.price.amount, v.stock) for v in updated.variants] == [("P9-A", 450, 2), ("P9-B", 500, 10)]
    assert events == [ProductChanged(created.id, "P9", "upserted"), ProductChanged(created.id, "P9", "upserted")]


async def test_views_lookup_by_id_external_id_and_sku(uow_factory: UnitOfWorkFactory) -> None:
    catalog = await seed_catalog(uow_factory)
    async with uow_factory() as uow:
        by_id = await get_product(uow, catalog["mug"].id)
        by_ext = await get_product(uow, "MUG")
        variant = await get_variant_by_sku(uow, "MUG-B")
        with pytest.raises(NotFound):
            await get_variant_by_sku(uow, "NOPE")
        with pytest.raises(NotFound):
            await get_product(uow, "NOPE")
    assert by_id == by_ext and by_id.min_price == Money(1250, "USD") and by_id.total_stock == 40
    assert (variant.product_external_id, variant.product_title, variant.label()) == ("MUG", "Product MUG", "size: 1")


async def test_delete_hides_the_product_and_set_stock(uow_factory: UnitOfWorkFactory) -> None:
    await seed_catalog(uow_factory)
    events: list[object] = []
    uow_factory.subscribe(events.extend)
    async with uow_factory() as uow:
        await delete_product(uow, "LAMP")
    async with uow_factory() as uow:
        await set_stock(uow, "MUG-R", 3)
    async with uow_factory() as uow:
        listed = [p.external_id for p in await list_products(uow, 0, 10)]
        everything = [p.external_id for p in await list_products(uow, 0, 10, include_inactive=True)]
        lamp = await get_product(uow, "LAMP")
        mug = await get_variant_by_sku(uow, "MUG-R")
        with pytest.raises(ValidationFailed):
            await set_stock(uow, "MUG-R", -1)
        with pytest.raises(NotFound):
            await delete_product(uow, "GONE")
        categories = {c.path: c.product_count for c in await list_categories(uow)}
    assert listed == ["MUG", "STK"] and everything == ["MUG", "LAMP", "STK"]
    assert not lamp.is_active and not lamp.variants[0].is_active and mug.stock == 3
    assert [(e.external_id, e.kind) for e in events] == [("LAMP", "deleted"), ("MUG", "upserted")]  # type: ignore[attr-defined]
    assert categories["Home > Lighting"] == 0 and categories["Home > Kitchen > Mugs"] == 1


async def test_list_products_pages_by_id(uow_factory: UnitOfWorkFactory) -> None:
    for i in range(5):
        await make_product(uow_factory, f"X{i}")
    async with uow_factory() as uow:
        first = await list_products(uow, 0, 2)
        second = await list_products(uow, first[-1].id, 2)
        third = await list_products(uow, second[-1].id, 2)
    assert [p.external_id for p in first + second + third] == ["X0", "X1", "X2", "X3", "X4"]


async def test_invalid_product_input_is_refused(uow_factory: UnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        with pytest.raises(ValidationFailed, match="at least one variant"):
            await upsert_product(uow, ProductInput(external_id="E", title="Empty", variants=[]))
