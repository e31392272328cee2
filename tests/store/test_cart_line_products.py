"""A cart line carries its product (id, shop id, Chinese title): the cart view links and names every line in the
shopper's language from the one read of the cart, not a second read per product."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.core.skills.shopping.cart_view import line_infos
from store.cart import add_to_cart, get_cart
from store.catalog import ProductInput, VariantInput, upsert_product
from store.money import Money
from store.uow import UnitOfWorkFactory
from store.users import ensure_user

NOW = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)


async def test_cart_lines_know_their_product_and_chinese_title(uow_factory: UnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        kettle = await upsert_product(uow, ProductInput(
            external_id="KET", title="Electric Kettle", title_zh="电热水壶", category_path="Home > Kitchen",
            variants=[VariantInput("KET-1", Money(2999, "USD"), 5, {})]))
        await upsert_product(uow, ProductInput(external_id="MUG", title="Mug", category_path="Home > Kitchen",
                                               variants=[VariantInput("MUG-1", Money(999, "USD"), 5, {})]))
        await ensure_user(uow, 7, "Li")
    for sku in ("KET-1", "MUG-1"):
        async with uow_factory() as uow:
            await add_to_cart(uow, 7, sku, 1)
    async with uow_factory.read() as uow:
        cart = await get_cart(uow, 7, NOW)
    ket, mug = cart.lines
    assert (ket.product_id, ket.product_external_id, ket.title_zh) == (kettle.id, "KET", "电热水壶")
    assert [(i.product_external_id, i.title) for i in line_infos(cart, "zh")] == [("KET", "电热水壶"), ("MUG", "Mug")]
    assert [i.title for i in line_infos(cart, "en")] == ["Electric Kettle", "Mug"]
