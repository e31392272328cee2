"""Flash-sale claims: the race in a community group for a few units at a special price.

Design (single transaction, no separate reservation table): a claim takes one unit from
``FlashSale.quantity_remaining`` (conditional UPDATE), counts it against the shopper's per-user limit
(conditional upsert on ``flash_sale_claims``), takes it from the variant's stock (conditional UPDATE) and
creates a ``pending_payment`` order at the flash price for the winner, all committed together. The order
is the reservation: it expires like any unpaid order, and expiry or cancellation gives the unit back to
the sale, to the shopper's allowance and to stock (``store.stock.release_order_stock``). Delivery and
payment are chosen afterwards with ``store.checkout.choose.choose_delivery``.

The first statement decides: once a sale is sold out a loser costs one statement and a rollback. On
PostgreSQL that statement is the conditional UPDATE itself (as a CTE that also returns why: sold out, not
started, ended...); on SQLite, where ``BEGIN IMMEDIATE`` already holds the single writer lock, it is a
primary-key read, followed by the conditional UPDATE only for a buyer who can still win.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from store import stock
from store.errors import NotFound
from store.models.catalog import Product, Variant
from store.models.orders import Order, OrderEventType, OrderLine, OrderStatus
from store.models.promotions import FlashSale
from store.money import Money
from store.orders import events
from store.orders.service import notice
from store.orders.views import OrderView, to_view
from store.pricing.rules import flash_sale_adjustment
from store.pricing.snapshot import adjustment_to_json
from store.stock import ClaimRefusal
from store.uow import UnitOfWork

__all__ = ["ClaimRefusal", "ClaimResult", "claim_flash_sale", "DEFAULT_EXPIRY_MINUTES"]

DEFAULT_EXPIRY_MINUTES = 30


@dataclass(frozen=True)
class ClaimResult:
    flash_sale_id: int
    user_id: int
    refusal: ClaimRefusal | None  # None = claimed
    order: OrderView | None
    remaining: int | None  # units left in the sale after a successful claim

    @property
    def claimed(self) -> bool:
        return self.refusal is None


async def claim_flash_sale(
    uow: UnitOfWork,
    flash_sale_id: int,
    user_id: int,
    quantity: int = 1,
    *,
    now: datetime,
    expiry_minutes: int = DEFAULT_EXPIRY_MINUTES,
) -> ClaimResult:
    session = uow.session
    taken = await stock.take_flash_sale_units(session, flash_sale_id, user_id, quantity, now)
    if isinstance(taken, ClaimRefusal):
        await uow.rollback()
        return ClaimResult(flash_sale_id, user_id, taken, None, None)
    row = (
        await session.execute(
            select(Variant.sku, Variant.price_minor, Product.title, Product.is_digital, FlashSale.title,
                   FlashSale.title_zh)
            .join(Product, Product.id == Variant.product_id).join(FlashSale, FlashSale.variant_id == Variant.id)
            .where(Variant.id == taken.variant_id, FlashSale.id == flash_sale_id)
        )
    ).one_or_none()
    if row is None:  # pragma: no cover - the FK makes this impossible
        raise NotFound("variant", str(taken.variant_id))
    sku, list_price, title, is_digital, sale_title, sale_title_zh = row
    cur = taken.currency
    flash_total = Money(taken.price_minor, cur).times(quantity)
    list_total = Money(list_price, cur).times(quantity)
    saving = max(0, list_total.amount - flash_total.amount)
    # The same adjustment, with the same reason, as the cart and checkout record for a flash-sale price.
    adjustment = flash_sale_adjustment(flash_sale_id, sale_title, title, Money(taken.price_minor, cur),
                                       Money(list_price, cur), quantity, sale_title_zh)
    order = Order(
        user_id=user_id, status=OrderStatus.PENDING_PAYMENT, currency=cur,
        subtotal_minor=list_total.amount, discount_minor=saving, shipping_minor=0,
        total_minor=flash_total.amount, coupon_code=None, shipping_option=None, payment_method=None,
        address=None, is_digital=bool(is_digital), flash_sale_id=flash_sale_id, stock_held=True,
        pricing={"adjustments": [adjustment_to_json(adjustment)] if saving else [], "hints": []},
        expires_at=now + timedelta(minutes=expiry_minutes), created_at=now, updated_at=now,
        lines=[OrderLine(variant_id=taken.variant_id, sku=sku, title=title, quantity=quantity,
                         unit_price_minor=taken.price_minor, list_unit_price_minor=list_price,
                         line_total_minor=flash_total.amount, is_digital=bool(is_digital),
                         flash_sale_id=flash_sale_id)],
    )
    session.add(order)
    await session.flush()
    session.add(events.claimed(order.id, events.user_actor(user_id), now, flash_sale_id=flash_sale_id,
                               quantity=quantity))
    session.add(events.stock_reserved(order.id, now, items=[(sku, quantity)]))
    await session.flush()
    view = to_view(order)
    notice(uow, order, OrderEventType.CLAIMED)
    await uow.commit()
    return ClaimResult(flash_sale_id, user_id, None, view, taken.remaining)
