"""The one place where stock changes.

Every change is a relative, conditional UPDATE (``stock = stock - :q WHERE id = :id AND stock >= :q``)
checked through RETURNING, never a read-modify-write, so concurrent buyers cannot both take the last unit
on either database. Rows are always locked in one global order (flash sales by id, then variants by id) so
two transactions touching the same rows cannot deadlock. Callers run these inside their unit of work: if
anything later fails, the rollback puts every unit back.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import cast

from sqlalchemy import Table, bindparam, select, true, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from store.errors import InsufficientStock, NotFound
from store.models.catalog import Variant
from store.models.claims import FlashSaleClaim
from store.models.orders import Order, OrderLine
from store.models.promotions import FlashSale
from store.orders.clock import as_utc

__all__ = [
    "StockItem", "ClaimRefusal", "FlashSaleTake", "reserve", "release", "take_flash_sale_units",
    "give_back_flash_sale_units", "release_order_stock", "order_stock_items",
]


@dataclass(frozen=True)
class StockItem:
    variant_id: int
    sku: str
    quantity: int


class ClaimRefusal(StrEnum):
    """Why a flash-sale unit was not given: each has its own reply."""

    SOLD_OUT = "sold_out"
    NOT_STARTED = "not_started"
    ENDED = "ended"
    PER_USER_LIMIT = "per_user_limit"
    INACTIVE = "inactive"


@dataclass(frozen=True)
class FlashSaleTake:
    flash_sale_id: int
    variant_id: int
    price_minor: int
    currency: str
    remaining: int  # flash-sale units left after this take


def _merged(items: Iterable[StockItem]) -> list[StockItem]:
    qty: dict[int, int] = defaultdict(int)
    skus: dict[int, str] = {}
    for item in items:
        if item.quantity <= 0:
            raise ValueError(f"quantity must be positive, got {item.quantity} for {item.sku}")
        qty[item.variant_id] += item.quantity
        skus[item.variant_id] = item.sku
    return [StockItem(vid, skus[vid], qty[vid]) for vid in sorted(qty)]


async def reserve(session: AsyncSession, items: Sequence[StockItem]) -> None:
    """Take every item from stock or raise InsufficientStock for the first that cannot be taken.

    On failure the caller's transaction must roll back (the unit of work does) so earlier lines return too.
    """
    for item in _merged(items):
        stmt = (
            update(Variant)
            .where(Variant.id == item.variant_id, Variant.stock >= item.quantity)
            .values(stock=Variant.stock - item.quantity)
            .returning(Variant.stock)
            .execution_options(synchronize_session=False)
        )
        if (await session.execute(stmt)).scalar_one_or_none() is None:
            left = (await session.execute(select(Variant.stock).where(Variant.id == item.variant_id))).scalar()
            raise InsufficientStock(sku=item.sku, requested=item.quantity, available=int(left or 0))


async def release(session: AsyncSession, items: Sequence[StockItem]) -> None:
    """Put units back (cancellation, expiry, restock after a return)."""
    for item in _merged(items):
        await session.execute(
            update(Variant)
            .where(Variant.id == item.variant_id)
            .values(stock=Variant.stock + item.quantity)
            .execution_options(synchronize_session=False)
        )


_SALES = cast(Table, FlashSale.__table__)
_VARIANTS = cast(Table, Variant.__table__)


# Built once: constructing statements (especially the CTE) costs more Python time than running them.
_TAKE_SALE = (
    update(_SALES)
    .where(
        _SALES.c.id == bindparam("sale_id"),
        _SALES.c.quantity_remaining >= bindparam("qty"),
        _SALES.c.is_active.is_(True),
        _SALES.c.starts_at <= bindparam("now"),
        _SALES.c.ends_at > bindparam("now"),
    )
    .values(quantity_remaining=_SALES.c.quantity_remaining - bindparam("qty"))
    .returning(_SALES.c.variant_id, _SALES.c.price_minor, _SALES.c.currency, _SALES.c.quantity_remaining,
               _SALES.c.per_user_limit)
)
_TAKEN = _TAKE_SALE.cte("taken")
_TAKE_SALE_OR_WHY = (
    select(_TAKEN.c.variant_id, _TAKEN.c.price_minor, _TAKEN.c.currency, _TAKEN.c.quantity_remaining,
           _TAKEN.c.per_user_limit, _SALES.c.starts_at, _SALES.c.ends_at, _SALES.c.is_active)
    .select_from(_SALES.outerjoin(_TAKEN, true()))
    .where(_SALES.c.id == bindparam("sale_id"))
)
_TAKE_STOCK = (
    update(_VARIANTS)
    .where(_VARIANTS.c.id == bindparam("variant_id"), _VARIANTS.c.stock >= bindparam("qty"),
           _VARIANTS.c.is_active.is_(True))
    .values(stock=_VARIANTS.c.stock - bindparam("qty"))
    .returning(_VARIANTS.c.stock)
)


async def _take_sale_row(session: AsyncSession, flash_sale_id: int, quantity: int,
                         now: datetime) -> tuple[int, int, str, int, int] | ClaimRefusal:
    """The conditional UPDATE on the sale row; on PostgreSQL the refusal reason comes in the same statement.

    PostgreSQL runs the UPDATE as a data-modifying CTE joined to the row as it was when the statement
    began, so a loser costs exactly one statement (like the raw floor). SQLite has no DML in CTEs, but every
    transaction there starts with ``BEGIN IMMEDIATE`` (the single writer lock, see ``store.db``), so a
    primary-key read first is exact: a loser costs that one read, a winner the read plus the (still
    conditional) UPDATE.
    """
    params = {"sale_id": flash_sale_id, "qty": quantity, "now": now}
    if session.get_bind().dialect.name != "postgresql":
        refusal = await _why_not(session, flash_sale_id, now, quantity)
        if refusal is not None:
            return refusal
        row = (await session.execute(_TAKE_SALE, params)).one_or_none()
        if row is None:  # pragma: no cover - impossible under SQLite's writer lock; kept as the guard
            return ClaimRefusal.SOLD_OUT
        return (row[0], row[1], row[2], row[3], row[4])
    result = (await session.execute(_TAKE_SALE_OR_WHY, params)).one_or_none()
    if result is None:
        raise NotFound("flash sale", str(flash_sale_id))
    if result[0] is None:
        return _reason(now, result[5], result[6], result[7])
    return (result[0], result[1], result[2], result[3], result[4])


async def take_flash_sale_units(
    session: AsyncSession, flash_sale_id: int, user_id: int, quantity: int, now: datetime, *,
    take_stock: bool = True,
) -> FlashSaleTake | ClaimRefusal:
    """Take units from a flash sale for one user: the sale's quantity, the user's allowance, then stock.

    The first statement is the conditional UPDATE on the flash-sale row, so once a sale is sold out a
    loser is refused before any other work (see ``_take_sale_row``). On any refusal after the first
    statement the caller must roll back (the quantity taken is then restored). Checkout passes
    ``take_stock=False`` and reserves the variant with its other lines, in variant-id order.
    """
    if quantity <= 0:
        raise ValueError("quantity must be positive")
    taken = await _take_sale_row(session, flash_sale_id, quantity, now)
    if isinstance(taken, ClaimRefusal):
        return taken
    variant_id, price_minor, currency, remaining, per_user_limit = taken
    if quantity > per_user_limit or not await _count_claim(session, flash_sale_id, user_id, quantity,
                                                           per_user_limit, now):
        return ClaimRefusal.PER_USER_LIMIT
    if not take_stock:
        return FlashSaleTake(flash_sale_id, variant_id, price_minor, currency, remaining)
    stock = (
        await session.execute(_TAKE_STOCK, {"variant_id": variant_id, "qty": quantity})
    ).scalar_one_or_none()
    if stock is None:
        return ClaimRefusal.SOLD_OUT  # the sale had units but the shelf did not (sold through checkout)
    return FlashSaleTake(flash_sale_id, variant_id, price_minor, currency, remaining)


async def _count_claim(session: AsyncSession, flash_sale_id: int, user_id: int, quantity: int,
                       limit: int, now: datetime) -> bool:
    """Add to the user's held quantity unless that would pass the limit; one atomic upsert."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    base = insert(FlashSaleClaim).values(
        flash_sale_id=flash_sale_id, user_id=user_id, quantity=quantity, created_at=now, updated_at=now
    )
    upsert = base.on_conflict_do_update(
        index_elements=[FlashSaleClaim.flash_sale_id, FlashSaleClaim.user_id],
        set_={"quantity": FlashSaleClaim.quantity + base.excluded.quantity, "updated_at": now},
        where=FlashSaleClaim.quantity + base.excluded.quantity <= limit,
    ).returning(FlashSaleClaim.quantity)
    return (await session.execute(upsert)).scalar_one_or_none() is not None


def _reason(now: datetime, starts_at: datetime, ends_at: datetime, is_active: bool) -> ClaimRefusal:
    if not is_active:
        return ClaimRefusal.INACTIVE
    if as_utc(now) < as_utc(starts_at):
        return ClaimRefusal.NOT_STARTED
    if as_utc(now) >= as_utc(ends_at):
        return ClaimRefusal.ENDED
    return ClaimRefusal.SOLD_OUT


async def _why_not(session: AsyncSession, flash_sale_id: int, now: datetime,
                   quantity: int) -> ClaimRefusal | None:
    """Why the sale cannot give ``quantity`` units now (None = it can), from one primary-key read."""
    row = (
        await session.execute(
            select(_SALES.c.starts_at, _SALES.c.ends_at, _SALES.c.is_active, _SALES.c.quantity_remaining)
            .where(_SALES.c.id == flash_sale_id)
        )
    ).one_or_none()
    if row is None:
        raise NotFound("flash sale", str(flash_sale_id))
    reason = _reason(now, row[0], row[1], row[2])
    if reason is not ClaimRefusal.SOLD_OUT or row[3] < quantity:
        return reason
    return None


async def give_back_flash_sale_units(session: AsyncSession, flash_sale_id: int, user_id: int,
                                     quantity: int, now: datetime) -> None:
    """Return units of a cancelled or expired claim to the sale and to the user's allowance."""
    await session.execute(
        update(FlashSale)
        .where(FlashSale.id == flash_sale_id)
        .values(quantity_remaining=FlashSale.quantity_remaining + quantity)
        .execution_options(synchronize_session=False)
    )
    await session.execute(
        update(FlashSaleClaim)
        .where(FlashSaleClaim.flash_sale_id == flash_sale_id, FlashSaleClaim.user_id == user_id,
               FlashSaleClaim.quantity >= quantity)
        .values(quantity=FlashSaleClaim.quantity - quantity, updated_at=now)
        .execution_options(synchronize_session=False)
    )


async def order_stock_items(session: AsyncSession, order_id: int) -> list[tuple[StockItem, int | None]]:
    """The order's lines as stock items, with the flash sale each came from (if any)."""
    rows = (
        await session.execute(
            select(OrderLine.variant_id, OrderLine.sku, OrderLine.quantity, OrderLine.flash_sale_id)
            .where(OrderLine.order_id == order_id, OrderLine.variant_id.is_not(None))
            .order_by(OrderLine.variant_id)
        )
    ).all()
    return [(StockItem(int(vid or 0), sku, qty), fs) for vid, sku, qty, fs in rows if vid is not None]


async def release_order_stock(session: AsyncSession, order_id: int, user_id: int, now: datetime, *,
                              flash_units: bool = True) -> list[StockItem]:
    """Give an order's units back exactly once; returns what was released ([] if already released).

    The ``stock_held`` flag flips with a conditional UPDATE, so a cancel racing an expiry (or a retried
    job) releases nothing the second time. ``flash_units`` returns flash-sale units to the sale too (an
    unpaid claim that lapsed); a restock after a return does not reopen a finished sale.
    """
    flipped = (
        await session.execute(
            update(Order)
            .where(Order.id == order_id, Order.stock_held.is_(True))
            .values(stock_held=False)
            .returning(Order.id)
            .execution_options(synchronize_session=False)
        )
    ).scalar_one_or_none()
    if flipped is None:
        return []
    lines = await order_stock_items(session, order_id)
    if flash_units:
        per_sale: dict[int, int] = defaultdict(int)
        for item, flash_sale_id in lines:
            if flash_sale_id is not None:
                per_sale[flash_sale_id] += item.quantity
        for flash_sale_id in sorted(per_sale):
            await give_back_flash_sale_units(session, flash_sale_id, user_id, per_sale[flash_sale_id], now)
    items = [item for item, _ in lines]
    await release(session, items)
    return items

