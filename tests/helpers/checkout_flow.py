"""Builders for the order-skill tests: a started bot with a seeded catalog, a settable clock, a shopper with
a filled cart, the checkout walked through buttons, and staff moves (pack, ship, deliver) through the store."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from bot.core.app import ShopBot
from bot.core.events import UserRef
from bot.transports.local_session import LocalSession
from store.cart import add_to_cart
from store.catalog import ProductView
from store.models.orders import Order
from store.orders.service import pack_order
from store.orders.views import OrderView, get_order, list_orders
from store.shipping.service import refresh_tracking, ship_order
from store.shipping.simulated import SimulatedCarrier
from store.users import AddressInput, save_address
from tests.helpers.bots import started_bot
from tests.helpers.catalog_builders import seed_catalog
from tests.helpers.fake_nlu import DEFAULT_RULES, FakeNLU
from tests.helpers.order_builders import NOW

__all__ = ["RULES", "Clock", "Shop", "shop", "walk_checkout", "texts", "deliver", "ship", "latest_order", "labels",
           "order_count", "save_addresses", "button_data"]

RULES: tuple[tuple[str, str], ...] = (
    (r"\b(invoice|receipt|发票)\b", "get_invoice"),
    (r"\b(change my order|modify|修改订单)\b", "modify_order"),
    (r"\b(addresses|address book|地址)\b", "manage_address"),
    (r"^(pay|how do i pay|付款)\b", "pay"),
    *DEFAULT_RULES,
)


class Clock:
    """A settable clock for the bot's services (deterministic expiry and tracking)."""

    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass
class Shop:
    bot: ShopBot
    catalog: dict[str, ProductView]
    clock: Clock

    @property
    def uows(self) -> Any:
        assert self.bot.services is not None
        return self.bot.services.uows

    async def shopper(self, user: UserRef, *items: tuple[str, int]) -> LocalSession:
        """A local chat for ``user`` (registered by a first message) with ``items`` (SKU, qty) in the cart."""
        session = LocalSession(self.bot, user)
        await session.say("hello")
        for sku, qty in items:
            async with self.uows() as uow:
                await add_to_cart(uow, user.id, sku, qty)
        return session


@asynccontextmanager
async def shop(tmp_path: Path, **settings: Any) -> AsyncIterator[Shop]:
    async with started_bot(tmp_path, nlu=FakeNLU(RULES), **settings) as bot:
        assert bot.services is not None
        clock = Clock()
        bot.services.clock = clock
        yield Shop(bot, await seed_catalog(bot.services.uows), clock)


def texts(replies: list[dict[str, Any]]) -> str:
    return "\n".join(r["text"] for r in replies)


async def walk_checkout(session: LocalSession, *, shipping: str = "Standard", method: str = "Card",
                        address: str = "Ada Lovelace, 12 Analytical Way, Springfield, 62701, US",
                        checkout_text: str = "checkout") -> list[dict[str, Any]]:
    """checkout -> new address -> confirm -> shipping -> payment method; returns the last replies."""
    await session.say(checkout_text)
    await session.press_label("New address")
    await session.say(address)
    await session.press_label("Use this address")
    await session.press_label(shipping)
    return await session.press_label(method)


async def latest_order(shop_: Shop, user_id: int) -> OrderView:
    async with shop_.uows() as uow:
        return (await list_orders(uow, user_id, limit=1))[0]


async def ship(shop_: Shop, order_id: int) -> None:
    async with shop_.uows() as uow:
        await pack_order(uow, order_id, "staff:1", now=shop_.clock())
    async with shop_.uows() as uow:
        await ship_order(uow, order_id, SimulatedCarrier(), "staff:1", now=shop_.clock())


async def deliver(shop_: Shop, order_id: int) -> OrderView:
    """Ship, then let the simulated carrier's timeline run to delivery."""
    await ship(shop_, order_id)
    shop_.clock.advance(hours=60)
    async with shop_.uows() as uow:
        await refresh_tracking(uow, order_id, shop_.clock())
    async with shop_.uows() as uow:
        return await get_order(uow, order_id)


def labels(replies: list[dict[str, Any]]) -> list[str]:
    """Every button label of the local chat's replies."""
    return [b["label"] for r in replies for row in r["buttons"] for b in row]


async def order_count(s: Shop) -> int:
    async with s.uows() as uow:
        return int((await uow.session.execute(select(func.count()).select_from(Order))).scalar_one())


async def save_addresses(s: Shop, user: UserRef, *addresses: AddressInput) -> None:
    for address in addresses:
        async with s.uows() as uow:
            await save_address(uow, user.id, address, s.clock())


def button_data(session: LocalSession, label: str) -> str:
    data = session.find_button(label)
    assert data is not None, (label, session.latest)
    return data
