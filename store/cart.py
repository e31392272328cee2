"""The shopper's cart, persisted (one per user) so it survives restarts and follows them between chats.

Adding checks what a shopper can act on right away: the SKU exists and is on sale, the quantity is 1..99 and
within stock (counting what is already in the cart), and the cart stays in one currency (a cart is paid in one
go: Telegram Stars goods cannot share it with USD goods). Stock is not held here; checkout reserves it.
Mutating functions commit; ``get_cart`` prices the cart with the stored coupon (leniently: a coupon that no
longer applies shows up as a hint) and says what the stored gift card would pay (or why it no longer can).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select

from store.catalog.queries import load_variant_views
from store.catalog.views import VariantView
from store.errors import CartCurrencyMismatch, CartQuantityInvalid, InsufficientStock, NotFound
from store.giftcards.errors import GiftCardError
from store.giftcards.service import GiftCardUse, lenient_quote
from store.models.cart import Cart, CartLine
from store.models.catalog import Product, Variant
from store.models.users import User
from store.money import Money
from store.pricing.breakdown import PriceBreakdown
from store.pricing.engine import cart_items, price_cart_items
from store.uow import UnitOfWork

__all__ = [
    "MAX_QUANTITY", "CartItem", "CartLineView", "CartView", "add_to_cart", "set_quantity", "remove_from_cart",
    "clear_cart", "get_cart",
]

MAX_QUANTITY = 99


@dataclass(frozen=True)
class CartItem:
    """What changed: the line's SKU and its quantity now (0 = removed)."""

    sku: str
    title: str
    quantity: int


@dataclass(frozen=True)
class CartLineView:
    variant_id: int
    sku: str
    title: str
    attributes: Mapping[str, Any]
    quantity: int
    unit_price: Money  # list price
    line_total: Money  # what the line costs after flash-sale prices
    stock_available: int
    image_url: str | None
    is_available: bool  # on sale and enough stock for the quantity
    on_flash_sale: bool
    # Its product, so a cart view needs no second read to link or name it in Chinese.
    product_id: int = 0
    product_external_id: str = ""
    title_zh: str | None = None


@dataclass(frozen=True)
class CartView:
    user_id: int
    currency: str | None
    lines: tuple[CartLineView, ...]
    coupon_code: str | None
    breakdown: PriceBreakdown | None  # None for an empty cart
    gift_card_code: str | None = None
    gift_card: GiftCardUse | None = None  # what the stored card pays of the total (no shipping yet)
    gift_card_problem: GiftCardError | None = None  # why the stored card pays nothing now

    @property
    def left_to_pay(self) -> Money | None:
        if self.breakdown is None:
            return None
        return self.gift_card.left_to_pay if self.gift_card is not None else self.breakdown.total

    @property
    def item_count(self) -> int:
        return sum(line.quantity for line in self.lines)

    @property
    def is_empty(self) -> bool:
        return not self.lines


async def _variant(uow: UnitOfWork, sku: str) -> tuple[Variant, str]:
    row = (await uow.session.execute(
        select(Variant, Product.title).join(Product, Variant.product_id == Product.id)
        .where(Variant.sku == sku.strip(), Variant.is_active.is_(True), Product.is_active.is_(True)))).first()
    if row is None:
        raise NotFound("variant", sku)
    return row[0], row[1]


async def _cart(uow: UnitOfWork, user_id: int, create: bool) -> Cart | None:
    cart = await uow.session.scalar(select(Cart).where(Cart.user_id == user_id))
    if cart is None and create:
        if await uow.session.get(User, user_id) is None:
            raise NotFound("user", str(user_id))
        cart = Cart(user_id=user_id)
        uow.session.add(cart)
        await uow.session.flush()
    return cart


async def _currency_of(uow: UnitOfWork, cart: Cart, except_variant: int) -> str | None:
    return await uow.session.scalar(
        select(Variant.currency).join(CartLine, CartLine.variant_id == Variant.id)
        .where(CartLine.cart_id == cart.id, CartLine.variant_id != except_variant).limit(1))


async def _line(uow: UnitOfWork, cart: Cart, variant_id: int) -> CartLine | None:
    return await uow.session.scalar(
        select(CartLine).where(CartLine.cart_id == cart.id, CartLine.variant_id == variant_id))


def _check_quantity(sku: str, quantity: int) -> None:
    if not 1 <= quantity <= MAX_QUANTITY:
        raise CartQuantityInvalid(sku, quantity, MAX_QUANTITY)


async def _cart_for(uow: UnitOfWork, user_id: int, sku: str) -> tuple[Variant, str, Cart]:
    """The variant to put in the user's cart (created if needed), refusing a second currency in one cart."""
    variant, title = await _variant(uow, sku)
    cart = await _cart(uow, user_id, create=True)
    assert cart is not None
    currency = await _currency_of(uow, cart, variant.id)
    if currency is not None and currency != variant.currency:
        raise CartCurrencyMismatch(variant.sku, currency, variant.currency)
    return variant, title, cart


async def add_to_cart(uow: UnitOfWork, user_id: int, sku: str, quantity: int = 1) -> CartItem:
    """Add ``quantity`` of ``sku`` (merging with the same SKU already in the cart)."""
    _check_quantity(sku, quantity)
    variant, title, cart = await _cart_for(uow, user_id, sku)
    line = await _line(uow, cart, variant.id)
    total = quantity + (line.quantity if line else 0)
    _check_quantity(variant.sku, total)
    if total > variant.stock:
        raise InsufficientStock(variant.sku, total, variant.stock)
    if line is None:
        uow.session.add(CartLine(cart_id=cart.id, variant_id=variant.id, quantity=total))
    else:
        line.quantity = total
    await uow.commit()
    return CartItem(variant.sku, title, total)


async def set_quantity(uow: UnitOfWork, user_id: int, sku: str, quantity: int) -> CartItem:
    """Set the quantity of a SKU in the cart; 0 removes it (a SKU not yet in the cart is added)."""
    if quantity == 0:
        return await remove_from_cart(uow, user_id, sku)
    _check_quantity(sku, quantity)
    variant, title, cart = await _cart_for(uow, user_id, sku)
    if quantity > variant.stock:
        raise InsufficientStock(variant.sku, quantity, variant.stock)
    line = await _line(uow, cart, variant.id)
    if line is None:
        uow.session.add(CartLine(cart_id=cart.id, variant_id=variant.id, quantity=quantity))
    else:
        line.quantity = quantity
    await uow.commit()
    return CartItem(variant.sku, title, quantity)


async def change_quantity(uow: UnitOfWork, user_id: int, sku: str, delta: int) -> CartItem:
    """Change a line's quantity by ``delta`` (the cart's -/+ buttons), reading the quantity in the transaction
    that writes it: two quick presses, or two devices, add up instead of both setting "what I saw + 1", and one
    transaction does what a read and a set did. Down to 0 removes the line; more is refused when the variant
    is off sale or short of stock (less never is); NotFound when the SKU is not in the cart."""
    # FOR UPDATE: on PostgreSQL the line stays locked until commit, so concurrent presses queue instead of
    # losing one another's change (a test races five); on SQLite BEGIN IMMEDIATE's writer lock does the same.
    row = (await uow.session.execute(
        select(CartLine, Variant, Product.title, Product.is_active)
        .join(Cart, CartLine.cart_id == Cart.id).join(Variant, CartLine.variant_id == Variant.id)
        .join(Product, Variant.product_id == Product.id)
        .where(Cart.user_id == user_id, Variant.sku == sku.strip())
        .with_for_update(of=CartLine))).first()
    if row is None:
        raise NotFound("cart line", sku)
    line, variant, title, product_active = row
    quantity = max(0, min(line.quantity + delta, MAX_QUANTITY))
    if quantity > line.quantity:
        if not (variant.is_active and product_active):
            raise NotFound("variant", variant.sku)
        if quantity > variant.stock:
            raise InsufficientStock(variant.sku, quantity, variant.stock)
    if quantity == 0:
        await uow.session.delete(line)
    else:
        line.quantity = quantity
    await uow.commit()
    return CartItem(variant.sku, title, quantity)


async def remove_from_cart(uow: UnitOfWork, user_id: int, sku: str) -> CartItem:
    """Remove a SKU (also one that has since gone off sale); NotFound if it is not in the cart."""
    row = (await uow.session.execute(
        select(CartLine, Variant.sku, Product.title)
        .join(Cart, CartLine.cart_id == Cart.id).join(Variant, CartLine.variant_id == Variant.id)
        .join(Product, Variant.product_id == Product.id)
        .where(Cart.user_id == user_id, Variant.sku == sku.strip()))).first()
    if row is None:
        raise NotFound("cart line", sku)
    await uow.session.delete(row[0])
    await uow.commit()
    return CartItem(row[1], row[2], 0)


async def clear_cart(uow: UnitOfWork, user_id: int) -> None:
    """Empty the cart and drop its coupon. Commits; checkout calls it as its last write."""
    cart = await _cart(uow, user_id, create=False)
    if cart is None:
        return
    await uow.session.execute(delete(CartLine).where(CartLine.cart_id == cart.id))
    cart.coupon_code = None
    cart.gift_card_code = None
    await uow.commit()


async def get_cart(uow: UnitOfWork, user_id: int, now: datetime) -> CartView:
    cart, items = await cart_items(uow.session, user_id)
    if cart is None or not items:
        return CartView(user_id, None, (), cart.coupon_code if cart else None, None,
                        cart.gift_card_code if cart else None)
    variants: dict[int, VariantView] = await load_variant_views(uow.session, [v for v, _ in items])
    breakdown = await price_cart_items(uow.session, user_id, items, stored_coupon=cart.coupon_code, now=now)
    lines = []
    for variant_id, quantity in items:
        v = variants[variant_id]
        priced = [ln for ln in breakdown.lines if ln.variant_id == variant_id]
        lines.append(CartLineView(
            variant_id=variant_id, sku=v.sku, title=v.product_title, attributes=v.attributes, quantity=quantity,
            unit_price=v.price, line_total=sum((ln.line_total for ln in priced), Money.zero(v.price.currency)),
            stock_available=v.stock if v.is_active else 0, image_url=v.image_url,
            is_available=v.is_active and v.stock >= quantity,
            on_flash_sale=any(ln.flash_sale_id is not None for ln in priced),
            product_id=v.product_id, product_external_id=v.product_external_id, title_zh=v.product_title_zh,
        ))
    use, problem = await lenient_quote(uow.session, cart.gift_card_code, breakdown.total, [v for v, _ in items])
    return CartView(user_id, breakdown.currency, tuple(lines), cart.coupon_code, breakdown, cart.gift_card_code,
                    use, problem)
