"""Reviews: only buyers of delivered goods, one per shopper and product, the product rating follows."""

from __future__ import annotations

import pytest

from store.catalog.queries import get_product
from store.errors import ValidationFailed
from store.loyalty.levels import REVIEW_POINTS
from store.loyalty.service import points_balance
from store.models.orders import OrderStatus
from store.reviews.errors import NotABuyer
from store.reviews.service import leave_review, product_reviews, reviewable_products
from store.uow import UnitOfWorkFactory
from tests.helpers.community_builders import order_in_status
from tests.helpers.order_builders import NOW, make_item, make_user


async def test_only_buyers_of_delivered_goods_review(uow_factory: UnitOfWorkFactory) -> None:
    await make_user(uow_factory, 1)
    await make_user(uow_factory, 2)
    item = await make_item(uow_factory, title="Trail shoes")
    await order_in_status(uow_factory, 1, (item, 1), status=OrderStatus.SHIPPED)
    with pytest.raises(NotABuyer):  # not delivered yet
        async with uow_factory() as uow:
            await leave_review(uow, 1, item.product_id, 5, "great", now=NOW)
    with pytest.raises(NotABuyer):  # never bought it
        async with uow_factory() as uow:
            await leave_review(uow, 2, item.product_id, 1, "bad", now=NOW)
    async with uow_factory() as uow:
        assert await reviewable_products(uow, 1) == []


async def test_review_updates_rating_and_earns_points_once(uow_factory: UnitOfWorkFactory) -> None:
    await make_user(uow_factory, 1)
    await make_user(uow_factory, 2)
    item = await make_item(uow_factory, title="Trail shoes")
    order = await order_in_status(uow_factory, 1, (item, 1))
    await order_in_status(uow_factory, 2, (item, 1))
    async with uow_factory() as uow:
        products = await reviewable_products(uow, 1)
    assert [(p.product_id, p.order_id, p.rating) for p in products] == [(item.product_id, order.id, None)]
    async with uow_factory() as uow:
        first = await leave_review(uow, 1, item.product_id, 4, "  comfy   and light ", now=NOW)
    assert first.text == "comfy and light" and first.points_awarded == REVIEW_POINTS
    async with uow_factory() as uow:
        await leave_review(uow, 2, item.product_id, 1, "fell apart", now=NOW)
    async with uow_factory() as uow:
        again = await leave_review(uow, 1, item.product_id, 5, "", now=NOW)  # replaces the first one
    assert again.id == first.id and again.points_awarded == 0
    async with uow_factory() as uow:
        product = await get_product(uow, item.product_id)
        reviews = await product_reviews(uow, item.product_id)
        balance = (await points_balance(uow, 1)).balance
    assert product.rating_tenths == 30 and len(reviews) == 2
    assert balance == REVIEW_POINTS
    async with uow_factory() as uow:
        assert (await reviewable_products(uow, 1))[0].rating == 5
    with pytest.raises(ValidationFailed):
        async with uow_factory() as uow:
            await leave_review(uow, 1, item.product_id, 6, "", now=NOW)
