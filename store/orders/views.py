"""Read side of orders: frozen views for the dialogue (never ORM objects), order numbers, timelines.

Order numbers are what shoppers see and type: ``SB`` + (10000 + id), e.g. ``SB10042``. Deriving the
number from the primary key keeps it unique without a second sequence, and it parses back for lookups.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from store.errors import NotFound
from store.models.orders import (
    Order,
    OrderEvent,
    OrderEventType,
    OrderStatus,
    PaymentMethodKind,
    ShippingOption,
)
from store.models.shipping import Shipment, TrackingEvent
from store.money import Money
from store.orders.clock import as_utc, as_utc_or_none
from store.pricing.breakdown import Adjustment
from store.pricing.snapshot import adjustments_from_snapshot
from store.uow import UnitOfWork

__all__ = [
    "ORDER_NUMBER_PREFIX", "format_order_number", "parse_order_ref", "OrderLineView", "OrderView", "GiftCardPart",
    "TimelineEntry", "to_view", "load_order", "get_order", "list_orders", "order_timeline",
]

ORDER_NUMBER_PREFIX = "SB"
_NUMBER_BASE = 10000
_NUMBER = re.compile(r"^\s*#?\s*(?:SB)?\s*(\d+)\s*$", re.IGNORECASE)


def format_order_number(order_id: int) -> str:
    return f"{ORDER_NUMBER_PREFIX}{_NUMBER_BASE + order_id}"


def parse_order_ref(ref: int | str) -> int:
    """Order id from an id or a number as a shopper writes it ("SB10042", "#10042", "sb 10042")."""
    if isinstance(ref, int):
        return ref
    match = _NUMBER.match(ref)
    if not match or int(match.group(1)) <= _NUMBER_BASE:
        raise NotFound("order", ref)
    return int(match.group(1)) - _NUMBER_BASE


@dataclass(frozen=True)
class OrderLineView:
    variant_id: int | None
    sku: str
    title: str
    quantity: int
    unit_price: Money
    list_unit_price: Money
    line_total: Money
    is_digital: bool
    flash_sale_id: int | None


@dataclass(frozen=True)
class OrderView:
    id: int
    number: str
    user_id: int
    status: OrderStatus
    currency: str
    lines: tuple[OrderLineView, ...]
    subtotal: Money
    discount: Money
    shipping: Money
    total: Money
    adjustments: tuple[Adjustment, ...]  # as agreed at checkout, each with its reason (store.pricing.snapshot)
    coupon_code: str | None
    shipping_option: ShippingOption | None
    payment_method: PaymentMethodKind | None
    address: dict[str, Any] | None
    is_digital: bool
    flash_sale_id: int | None
    stock_held: bool
    expires_at: datetime | None
    paid_at: datetime | None
    created_at: datetime
    # The gift card paying part or all of the total (a tender: ``total`` is unchanged by it).
    gift_card: GiftCardPart | None = None

    @property
    def gift_card_amount(self) -> Money:
        return self.gift_card.amount if self.gift_card is not None else Money.zero(self.currency)

    @property
    def amount_due(self) -> Money:
        """What is left to pay by invoice or in cash: the total less the gift card part."""
        return self.total - self.gift_card_amount

    @property
    def needs_delivery_details(self) -> bool:
        """A flash-sale claim is an order before the shopper picked delivery and payment."""
        return self.payment_method is None


@dataclass(frozen=True)
class GiftCardPart:
    masked: str  # "GC-…-USV9"
    amount: Money  # what the card pays of this order
    balance_after: Money | None  # left on the card right after this order took its part
    held: bool  # False once the amount went back to the card (the order was cancelled or expired unpaid)


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    kind: str  # an OrderEventType value or "tracking:<status>"
    actor: str
    params: dict[str, Any]


def _gift_card(order: Order) -> GiftCardPart | None:
    if not order.gift_card_code or not order.gift_card_minor:
        return None
    kept = (order.pricing or {}).get("gift_card") or {}
    after = kept.get("balance_after")
    balance_after = None
    if isinstance(after, dict) and after.get("currency"):
        balance_after = Money(int(after.get("amount", 0)), str(after["currency"]))
    shown = str(kept.get("masked") or "GC-…-" + order.gift_card_code.rsplit("-", 1)[-1])
    return GiftCardPart(shown, Money(order.gift_card_minor, order.currency), balance_after,
                        bool(order.gift_card_held))


def to_view(order: Order) -> OrderView:
    cur = order.currency
    return OrderView(
        id=order.id,
        number=format_order_number(order.id),
        user_id=order.user_id,
        status=OrderStatus(order.status),
        currency=cur,
        lines=tuple(
            OrderLineView(
                variant_id=line.variant_id, sku=line.sku, title=line.title, quantity=line.quantity,
                unit_price=Money(line.unit_price_minor, cur), list_unit_price=Money(line.list_unit_price_minor, cur),
                line_total=Money(line.line_total_minor, cur), is_digital=line.is_digital,
                flash_sale_id=line.flash_sale_id,
            )
            for line in order.lines
        ),
        subtotal=Money(order.subtotal_minor, cur),
        discount=Money(order.discount_minor, cur),
        shipping=Money(order.shipping_minor, cur),
        total=Money(order.total_minor, cur),
        adjustments=adjustments_from_snapshot(order.pricing, cur),
        coupon_code=order.coupon_code,
        shipping_option=order.shipping_option,
        payment_method=order.payment_method,
        address=dict(order.address) if order.address else None,
        is_digital=order.is_digital,
        flash_sale_id=order.flash_sale_id,
        stock_held=order.stock_held,
        expires_at=as_utc_or_none(order.expires_at),
        paid_at=as_utc_or_none(order.paid_at),
        created_at=as_utc(order.created_at),
        gift_card=_gift_card(order),
    )


async def load_order(session: AsyncSession, ref: int | str, *, user_id: int | None = None,
                     populate_existing: bool = False) -> Order:
    """The order with its lines; NotFound also when it belongs to someone else (no probing numbers)."""
    order_id = parse_order_ref(ref)
    stmt = select(Order).where(Order.id == order_id).options(selectinload(Order.lines))
    if populate_existing:
        stmt = stmt.execution_options(populate_existing=True)
    order = (await session.execute(stmt)).scalar_one_or_none()
    if order is None or (user_id is not None and order.user_id != user_id):
        raise NotFound("order", format_order_number(order_id) if isinstance(ref, int) else str(ref))
    return order


async def get_order(uow: UnitOfWork, ref: int | str, *, user_id: int | None = None) -> OrderView:
    return to_view(await load_order(uow.session, ref, user_id=user_id))


async def list_orders(uow: UnitOfWork, user_id: int, *, limit: int = 20,
                      statuses: frozenset[OrderStatus] | None = None) -> list[OrderView]:
    """The shopper's orders, newest first."""
    stmt = (
        select(Order).where(Order.user_id == user_id).options(selectinload(Order.lines))
        .order_by(Order.id.desc()).limit(limit)
    )
    if statuses:
        stmt = stmt.where(Order.status.in_([s.value for s in statuses]))
    return [to_view(o) for o in (await uow.session.execute(stmt)).scalars()]


async def order_timeline(uow: UnitOfWork, ref: int | str, *, user_id: int | None = None) -> list[TimelineEntry]:
    """Order history and carrier milestones merged in time order (what "where is my order?" shows)."""
    order_id = (await load_order(uow.session, ref, user_id=user_id)).id
    events = (
        await uow.session.execute(select(OrderEvent).where(OrderEvent.order_id == order_id).order_by(OrderEvent.id))
    ).scalars()
    entries = [
        TimelineEntry(as_utc(e.created_at), OrderEventType(e.type).value, e.actor, dict(e.params or {}))
        for e in events
        if e.type is not OrderEventType.TRACKING_UPDATED  # the carrier rows below say it in more detail
    ]
    tracking = (
        await uow.session.execute(
            select(TrackingEvent, Shipment.carrier, Shipment.tracking_number)
            .join(Shipment, Shipment.id == TrackingEvent.shipment_id)
            .where(Shipment.order_id == order_id)
            .order_by(TrackingEvent.occurred_at, TrackingEvent.id)
        )
    ).all()
    for event, carrier, number in tracking:
        entries.append(TimelineEntry(
            as_utc(event.occurred_at), f"tracking:{event.status.value}", f"carrier:{carrier}",
            {"description": event.description, "location": event.location, "tracking_number": number},
        ))
    entries.sort(key=lambda e: e.at)
    return entries
