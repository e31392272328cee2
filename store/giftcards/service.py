"""Gift cards in the cart: apply a code, see what it pays, remove it. The balance is only *quoted* here; it is
taken at checkout (``store.giftcards.orders``), in the order's own transaction.

The rule (docs/pricing.md, next to the stacking rule): a gift card is money already paid, a **tender**, not a
discount. Offers, coupons and their minimum spends are computed exactly as without it; the card then pays
``min(balance, total)`` of what is left, shipping included, and the rest is paid the usual way. A card pays
only in its own currency, never for other gift cards, and a void or empty card pays nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from store.digital.kinds import is_gift_card
from store.giftcards.cards import GiftCardView, card_view, check_usable, load_card, masked, normalize_code
from store.giftcards.errors import GiftCardError, GiftCardRefusal
from store.models.cart import Cart
from store.models.catalog import Category, Product, Variant
from store.money import Money
from store.uow import UnitOfWork

__all__ = ["GiftCardUse", "gift_card_titles", "quote_gift_card", "lenient_quote", "apply_gift_card",
           "remove_gift_card"]


@dataclass(frozen=True)
class GiftCardUse:
    """What a card pays of ``total``: ``applied`` now, ``balance_after`` left on it, ``left_to_pay`` by other means."""

    card: GiftCardView
    total: Money
    applied: Money

    @property
    def code(self) -> str:
        return self.card.code

    @property
    def masked(self) -> str:
        return masked(self.card.code)

    @property
    def balance_after(self) -> Money:
        return self.card.balance - self.applied

    @property
    def left_to_pay(self) -> Money:
        return self.total - self.applied

    @property
    def covers_all(self) -> bool:
        return self.applied.amount == self.total.amount


async def gift_card_titles(session: AsyncSession, variant_ids: Sequence[int]) -> list[str]:
    """Titles of the gift cards (digital or printed) among these variants: a gift card cannot pay for them."""
    if not variant_ids:
        return []
    rows = await session.execute(
        select(Product.title, Product.attributes, Variant.attributes, Category.path)
        .join(Variant, Variant.product_id == Product.id)
        .outerjoin(Category, Category.id == Product.category_id)
        .where(Variant.id.in_(list(variant_ids))))
    return sorted({title for title, product_attrs, variant_attrs, path in rows
                   if is_gift_card(product_attrs or {}, path)})


async def quote_gift_card(session: AsyncSession, code: str, total: Money,
                          variant_ids: Sequence[int]) -> GiftCardUse:
    """What the card ``code`` pays of ``total`` (the items and shipping after every discount); raises
    GiftCardError when it cannot pay anything."""
    card = card_view(await load_card(session, code))
    check_usable(card, total.currency)
    if await gift_card_titles(session, variant_ids):
        raise GiftCardError(card.code, GiftCardRefusal.GIFT_CARDS_IN_CART)
    applied = Money(min(card.balance.amount, total.amount), total.currency)
    return GiftCardUse(card, total, applied)


async def lenient_quote(session: AsyncSession, code: str | None, total: Money,
                        variant_ids: Sequence[int]) -> tuple[GiftCardUse | None, GiftCardError | None]:
    """The stored card's use, or why it stopped applying (emptied by another order, voided...), never raising."""
    if not code:
        return None, None
    try:
        return await quote_gift_card(session, code, total, variant_ids), None
    except GiftCardError as exc:
        return None, exc


async def apply_gift_card(uow: UnitOfWork, user_id: int, code: str, total: Money | None = None) -> GiftCardUse:
    """Check ``code`` against the shopper's cart and keep it on the cart; raises GiftCardError.

    ``total`` is what the card would pay against (the caller's priced cart, shipping included at checkout);
    by default the cart's total without shipping.
    """
    from store.models.base import utcnow
    from store.pricing.engine import cart_items, price_cart

    cart, items = await cart_items(uow.session, user_id)
    if cart is None or not items:
        raise GiftCardError(normalize_code(code), GiftCardRefusal.EMPTY_CART)
    if total is None:
        total = (await price_cart(uow, user_id, now=utcnow())).total
    use = await quote_gift_card(uow.session, code, total, [variant_id for variant_id, _ in items])
    cart.gift_card_code = use.code
    await uow.commit()
    return use


async def remove_gift_card(uow: UnitOfWork, user_id: int) -> None:
    await uow.session.execute(update(Cart).where(Cart.user_id == user_id).values(gift_card_code=None))
    await uow.commit()
