"""A shopper's export holds their data; erasure deletes personal data and anonymises what accounting keeps."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from store.knowledge_pending import record_pending_question
from store.loyalty.service import sync_order_points
from store.models.orders import Order, OrderStatus
from store.models.reviews import Review
from store.privacy.erase import erase_user_data
from store.privacy.export import EXPORT_SECTIONS, export_user_data
from store.reviews.service import leave_review
from store.subscriptions import set_subscribed
from store.support.service import open_ticket
from store.uow import UnitOfWorkFactory
from store.users import get_user
from tests.helpers.community_builders import order_in_status
from tests.helpers.order_builders import NOW, fill_cart, make_item, make_user


async def _shopper_with_everything(uows: UnitOfWorkFactory) -> int:
    await make_user(uows, 1, name="Grace")
    item = await make_item(uows, title="Teapot")
    order = await order_in_status(uows, 1, (item, 1), status=OrderStatus.DELIVERED)
    await fill_cart(uows, 1, (item, 3))
    async with uows() as uow:
        await leave_review(uow, 1, item.product_id, 5, "lovely teapot", now=NOW)
    async with uows() as uow:
        await open_ticket(uow, user_id=1, chat_id=1, subject="where is my lid", now=NOW)
    async with uows() as uow:
        await sync_order_points(uow, 1, now=NOW)
    async with uows() as uow:
        await set_subscribed(uow, 1, True, now=NOW)
    async with uows() as uow:
        await record_pending_question(uow, asker_id=1, chat_id=1, text="is the lid glass?")
    return order.id


async def test_export_contains_the_users_data(uow_factory: UnitOfWorkFactory) -> None:
    await _shopper_with_everything(uow_factory)
    async with uow_factory() as uow:
        doc = await export_user_data(uow, 1, now=NOW)
    assert set(EXPORT_SECTIONS) <= set(doc)
    assert doc["profile"]["first_name"] == "Grace"
    assert doc["addresses"][0]["city"] == "Springfield"
    assert doc["cart"][0]["quantity"] == 3
    assert doc["orders"][0]["status"] == "delivered" and doc["orders"][0]["address"]["line1"]
    assert doc["tickets"][0]["messages"][0]["text"] == "where is my lid"
    assert doc["reviews"][0]["text"] == "lovely teapot"
    assert doc["points"]["balance"] > 0 and doc["promotions"]["subscribed"] is True
    assert doc["questions"][0]["text"] == "is the lid glass?"
    json.dumps(doc)  # JSON-ready as is


async def test_erase_deletes_personal_data_and_keeps_orders_anonymised(uow_factory: UnitOfWorkFactory) -> None:
    order_id = await _shopper_with_everything(uow_factory)
    async with uow_factory() as uow:
        report = await erase_user_data(uow, 1, now=NOW)
    assert report.addresses >= 1 and report.tickets == 1 and report.reviews_anonymised == 1
    async with uow_factory() as uow:
        doc = await export_user_data(uow, 1, now=NOW)
        order = await uow.session.get(Order, order_id)
        address = order.address if order is not None else None
        review = (await uow.session.execute(select(Review.user_id, Review.text, Review.rating))).one()
        user = await get_user(uow, 1)
        orders_left = (await uow.session.execute(select(func.count(Order.id)))).scalar_one()
    for section in ("addresses", "cart", "tickets", "reviews", "questions"):
        assert doc[section] == [], section
    assert doc["points"]["balance"] == 0 and doc["promotions"]["subscribed"] is False
    assert user.first_name == "" and user.username is None
    assert orders_left == 1 and address == {"country": "US"}
    assert tuple(review) == (None, "", 5)
