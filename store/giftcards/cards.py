"""A gift card's code and balance: finding a code in what a shopper typed, loading the card, and the only two
ways its balance changes (taken by an order, given back), each leaving a ``gift_card_entries`` row.

WHY a conditional UPDATE: ``balance_minor = balance_minor - :a WHERE id = :id AND balance_minor >= :a`` checked
through RETURNING is atomic on SQLite and PostgreSQL, exactly like stock, so however many orders race for one
card the balance never goes below zero and each loser learns what is left (the CHECK constraint backs it up).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from store.digital.codes import ALPHABET
from store.giftcards.errors import GiftCardError, GiftCardRefusal
from store.models.digital import DigitalItem, DigitalKind, DigitalStatus, GiftCardEntry, GiftCardEntryKind
from store.money import Money

__all__ = ["GiftCardView", "find_code", "looks_like_gift_code", "normalize_code", "masked", "load_card",
           "card_view", "check_usable", "take_balance", "give_back"]

# "GC-7K2M-QX9P-ABCD-EFGH" as people paste or type it: any case, dashes, spaces or nothing between groups.
_FIND = re.compile(r"(?<![A-Za-z0-9])G[\s\-_]*C(?:[\s\-_]*[A-Za-z0-9]){16}(?![A-Za-z0-9])", re.IGNORECASE)
# "GC-12", "gc 7k2m…": a GC with a separator, or GC and 12+ symbols, is meant as a gift card, even mistyped.
_SHAPE = re.compile(r"^\s*GC(?:[\s\-_]+[A-Za-z0-9][\s\-_A-Za-z0-9]*|[A-Za-z0-9]{12,})\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class GiftCardView:
    id: int
    code: str
    value: Money  # the face value
    balance: Money
    status: DigitalStatus

    @property
    def masked(self) -> str:
        return masked(self.code)


def normalize_code(text: str) -> str:
    """"gc 7k2m qx9p abcd efgh" -> "GC-7K2M-QX9P-ABCD-EFGH"; anything else upper-cased without spaces."""
    raw = "".join(c for c in text.upper() if c.isalnum())
    if len(raw) != 18 or not raw.startswith("GC"):
        return "".join(text.split()).upper()
    body = raw[2:]
    return "-".join(["GC", *(body[i:i + 4] for i in range(0, 16, 4))])


def find_code(text: str) -> str | None:
    """The first gift-card code in a message, normalised (None when there is none)."""
    match = _FIND.search(text)
    return normalize_code(match.group(0)) if match else None


def looks_like_gift_code(text: str) -> bool:
    """A "GC…" token (even a mistyped one): it is meant as a gift card, never as a coupon."""
    return bool(_SHAPE.match(text))


def masked(code: str) -> str:
    """The code as shown in summaries: its last group only ("GC-…-USV9"); the full code is a bearer secret."""
    return f"GC-…-{code.rsplit('-', 1)[-1]}" if code.count("-") >= 2 else code


def _well_formed(code: str) -> bool:
    parts = code.split("-")
    return (len(parts) == 5 and parts[0] == "GC"
            and all(len(p) == 4 and all(c in ALPHABET for c in p) for p in parts[1:]))


async def load_card(session: AsyncSession, code: str) -> DigitalItem:
    """The gift card with this code (normalised first); GiftCardError NOT_A_CODE or UNKNOWN otherwise."""
    normal = normalize_code(code)
    if not _well_formed(normal):
        raise GiftCardError(normal, GiftCardRefusal.NOT_A_CODE)
    card = await session.scalar(select(DigitalItem).where(DigitalItem.code == normal,
                                                          DigitalItem.kind == DigitalKind.GIFT_CARD))
    if card is None or card.value_minor is None or card.value_currency is None:
        raise GiftCardError(normal, GiftCardRefusal.UNKNOWN)
    return card


def card_view(card: DigitalItem) -> GiftCardView:
    assert card.code is not None and card.value_currency is not None
    currency = card.value_currency
    balance = card.balance_minor if card.balance_minor is not None else card.value_minor or 0
    return GiftCardView(card.id, card.code, Money(card.value_minor or 0, currency), Money(balance, currency),
                        DigitalStatus(card.status))


def check_usable(view: GiftCardView, currency: str) -> None:
    """Refuse a void or empty card, or one in another currency than the cart's/order's."""
    if view.status is not DigitalStatus.ACTIVE:
        raise GiftCardError(view.code, GiftCardRefusal.VOIDED)
    if view.balance.currency != currency:
        raise GiftCardError(view.code, GiftCardRefusal.WRONG_CURRENCY, currency=view.balance.currency,
                            order_currency=currency)
    if view.balance.amount <= 0:
        raise GiftCardError(view.code, GiftCardRefusal.EMPTY, balance=view.balance)


def _entry(card_id: int, order_id: int | None, kind: GiftCardEntryKind, change: int, after: int, currency: str,
           actor: str, now: datetime, reason: str) -> GiftCardEntry:
    return GiftCardEntry(item_id=card_id, order_id=order_id, kind=kind, change_minor=change,
                         balance_after_minor=after, currency=currency, actor=actor, reason=reason[:300],
                         created_at=now)


async def take_balance(session: AsyncSession, card_id: int, amount: Money, *, order_id: int, actor: str,
                       now: datetime, reason: str = "order") -> Money:
    """Take ``amount`` off an active card for ``order_id``; returns the balance after. Raises GiftCardError
    (BALANCE_CHANGED with what is left, or VOIDED) when the card cannot give it: the caller rolls back."""
    if amount.amount <= 0:
        raise ValueError("a gift card amount must be positive")
    after = (await session.execute(
        update(DigitalItem)
        .where(DigitalItem.id == card_id, DigitalItem.status == DigitalStatus.ACTIVE,
               DigitalItem.value_currency == amount.currency, DigitalItem.balance_minor >= amount.amount)
        .values(balance_minor=DigitalItem.balance_minor - amount.amount)
        .returning(DigitalItem.balance_minor)
        .execution_options(synchronize_session=False))).scalar_one_or_none()
    if after is None:
        card = card_view(await session.get_one(DigitalItem, card_id, populate_existing=True))
        if card.status is not DigitalStatus.ACTIVE:
            raise GiftCardError(card.code, GiftCardRefusal.VOIDED)
        raise GiftCardError(card.code, GiftCardRefusal.BALANCE_CHANGED, balance=card.balance)
    session.add(_entry(card_id, order_id, GiftCardEntryKind.SPENT, -amount.amount, int(after), amount.currency,
                       actor, now, reason))
    return Money(int(after), amount.currency)


async def give_back(session: AsyncSession, card_id: int, amount: Money, kind: GiftCardEntryKind, *,
                    order_id: int | None, actor: str, now: datetime, reason: str) -> Money:
    """Put ``amount`` back on the card (a cancelled, expired or refunded order); returns the balance after.

    A card voided in the meantime gets its balance back too but stays void: its value was refunded already.
    """
    if amount.amount <= 0:
        raise ValueError("a gift card amount must be positive")
    after = (await session.execute(
        update(DigitalItem)
        .where(DigitalItem.id == card_id, DigitalItem.value_currency == amount.currency,
               DigitalItem.balance_minor.is_not(None))
        .values(balance_minor=DigitalItem.balance_minor + amount.amount)
        .returning(DigitalItem.balance_minor)
        .execution_options(synchronize_session=False))).scalar_one()
    balance = int(after or 0)  # never None: the WHERE matched a card with a balance
    session.add(_entry(card_id, order_id, kind, amount.amount, balance, amount.currency, actor, now, reason))
    return Money(balance, amount.currency)

