"""Issue digital items when an order is paid, void them when it is fully refunded, and read them back.

``issue_digital_items`` runs inside the payment's transaction: the order becomes paid and its items exist in
the same commit, so a paid order never lacks them, and ``(order_line_id, unit)`` being unique means a
second delivery of the same order cannot issue a second set (the payment itself is applied once by
``store.payments.capture``). E-book files are only named here (an unguessable folder under the media
directory); ``store.digital.files.ensure_files`` writes them outside the transaction.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from store.digital.codes import new_code
from store.digital.kinds import classify
from store.models.catalog import Category, Product, Variant
from store.models.digital import DigitalItem, DigitalKind, DigitalStatus, GiftCardEntry, GiftCardEntryKind
from store.models.orders import Order, OrderLine
from store.money import Money
from store.orders import events
from store.orders.clock import as_utc, as_utc_or_none
from store.orders.views import format_order_number, load_order
from store.uow import UnitOfWork

__all__ = ["DigitalFile", "DigitalItemView", "issue_digital_items", "void_digital_items", "order_digital_items",
           "EBOOK_FORMATS"]

# The formats an e-book is delivered in (what the demo catalog promises: "EPUB and PDF").
EBOOK_FORMATS: tuple[tuple[str, str], ...] = (("epub", "application/epub+zip"), ("pdf", "application/pdf"))


@dataclass(frozen=True)
class DigitalFile:
    path: str  # relative to the media directory
    name: str  # the file name the buyer sees
    media_type: str


@dataclass(frozen=True)
class DigitalItemView:
    id: int
    order_id: int
    order_number: str
    kind: DigitalKind
    sku: str
    title: str
    unit: int
    code: str | None
    value: Money | None
    balance: Money | None  # what is left on a gift card (None for anything else)
    files: tuple[DigitalFile, ...]
    status: DigitalStatus
    created_at: datetime
    voided_at: datetime | None
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def active(self) -> bool:
        return self.status is DigitalStatus.ACTIVE


def _slug(title: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", title.casefold().removesuffix(" (e-book)")).strip("-")
    return slug[:60].rstrip("-") or "e-book"


def _files(title: str) -> list[dict[str, str]]:
    folder = f"digital/{secrets.token_urlsafe(16)}"
    slug = _slug(title)
    return [{"path": f"{folder}/{slug}.{ext}", "name": f"{slug}.{ext}", "media_type": media}
            for ext, media in EBOOK_FORMATS]


async def issue_digital_items(session: AsyncSession, order: Order, now: datetime) -> int:
    """Create the items of ``order``'s digital lines (one per unit); returns how many were issued (0 if the
    order already has them). Call inside the transaction that marks the order paid."""
    if await session.scalar(select(func.count(DigitalItem.id)).where(DigitalItem.order_id == order.id)):
        return 0
    rows = await session.execute(
        select(OrderLine, Variant.attributes, Product.attributes, Product.description, Product.brand, Category.path)
        .outerjoin(Variant, Variant.id == OrderLine.variant_id)
        .outerjoin(Product, Product.id == Variant.product_id)
        .outerjoin(Category, Category.id == Product.category_id)
        .where(OrderLine.order_id == order.id, OrderLine.is_digital.is_(True))
        .order_by(OrderLine.id))
    issued: list[tuple[str, str]] = []
    cards: list[DigitalItem] = []
    number = format_order_number(order.id)
    for line, variant_attrs, product_attrs, description, brand, path in rows:
        kind, value = classify(product_attrs or {}, variant_attrs or {}, path)
        for unit in range(1, line.quantity + 1):
            item = DigitalItem(order_id=order.id, order_line_id=line.id, user_id=order.user_id, unit=unit, kind=kind,
                               sku=line.sku, title=line.title, created_at=now, status=DigitalStatus.ACTIVE,
                               files=[], details={})
            if kind is DigitalKind.EBOOK:
                attrs = product_attrs or {}
                item.files = _files(line.title)
                item.details = {"author": str(attrs.get("author") or ""), "publisher": brand or "",
                                "description": description or "", "pages": attrs.get("pages"),
                                "language": str(attrs.get("language") or "English"), "order_number": number}
            else:
                item.code = new_code(kind)
                if value is not None:
                    item.value_minor, item.value_currency = value.amount, value.currency
                    if kind is DigitalKind.GIFT_CARD:
                        item.balance_minor = value.amount  # spent through store.giftcards only
            session.add(item)
            cards.append(item)
            issued.append((line.sku, kind.value))
    if issued:
        await session.flush()
        for card in cards:  # a card's history starts with its face value
            if card.balance_minor is not None and card.value_currency is not None:
                session.add(GiftCardEntry(item_id=card.id, order_id=order.id, kind=GiftCardEntryKind.ISSUED,
                                          change_minor=card.balance_minor, balance_after_minor=card.balance_minor,
                                          currency=card.value_currency, actor=events.SYSTEM, reason="issued",
                                          created_at=now))
        session.add(events.digital_delivered(order.id, now, items=issued))
    return len(issued)


async def void_digital_items(session: AsyncSession, order_id: int, actor: str, now: datetime, *,
                             reason: str) -> int:
    """Void the order's active items (a full refund): codes stop counting, files are no longer offered."""
    result = await session.execute(
        update(DigitalItem)
        .where(DigitalItem.order_id == order_id, DigitalItem.status == DigitalStatus.ACTIVE)
        .values(status=DigitalStatus.VOIDED, voided_at=now, void_reason=reason[:300])
        .returning(DigitalItem.id)
        .execution_options(synchronize_session=False))
    count = len(result.all())
    if count:
        session.add(events.digital_voided(order_id, actor, now, count=count, reason=reason))
    return count


def _view(item: DigitalItem) -> DigitalItemView:
    value = Money(item.value_minor, item.value_currency) if item.value_minor and item.value_currency else None
    balance = (Money(item.balance_minor, item.value_currency)
               if item.balance_minor is not None and item.value_currency else None)
    files = tuple(DigitalFile(str(f["path"]), str(f["name"]), str(f["media_type"])) for f in item.files or ())
    return DigitalItemView(item.id, item.order_id, format_order_number(item.order_id), DigitalKind(item.kind),
                           item.sku, item.title, item.unit, item.code, value, balance, files,
                           DigitalStatus(item.status), as_utc(item.created_at), as_utc_or_none(item.voided_at),
                           dict(item.details or {}))


async def order_digital_items(uow: UnitOfWork, ref: int | str, *, user_id: int | None) -> list[DigitalItemView]:
    """The order's digital items in line order; NotFound when the order is not ``user_id``'s."""
    order = await load_order(uow.session, ref, user_id=user_id)
    rows = await uow.session.scalars(select(DigitalItem).where(DigitalItem.order_id == order.id)
                                     .order_by(DigitalItem.order_line_id, DigitalItem.unit))
    return [_view(item) for item in rows]

