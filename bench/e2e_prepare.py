"""The end-to-end bench's store, prepared in a child process before anything is timed (bench/e2e.py).

WHY a module of its own: the preparation is ``shopbot demo``'s plus seeded orders and one start of ShopBot (the
search index built, the NLU trained), none of which is measured; bench/e2e.py keeps the phases that are.
"""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path
from typing import Any

__all__ = ["prepare"]


async def _seed_orders(settings: Any, shoppers: list[int]) -> int:
    """A cash-on-delivery order for each given shopper, so order history and tracking show real orders."""
    from store.cart import add_to_cart
    from store.checkout.service import checkout
    from store.db import create_engine, session_factory
    from store.demo.loader import CATALOG_FILE
    from store.models.base import utcnow
    from store.models.orders import PaymentMethodKind, ShippingOption
    from store.uow import UnitOfWorkFactory
    from store.users import AddressInput, ensure_user, save_address

    rows = json.loads(CATALOG_FILE.read_text(encoding="utf-8"))
    skus = [r["sku"] for r in rows if int(r.get("stock") or 0) >= 100 and not str(r["category"]).startswith("Gift")]
    engine = create_engine(settings.database_url)
    try:
        uows = UnitOfWorkFactory(session_factory(engine))
        for i, user in enumerate(shoppers):
            async with uows() as uow:
                await ensure_user(uow, user, first_name="Ann", language="en")
            async with uows() as uow:
                await add_to_cart(uow, user, skus[i % len(skus)], 1)
            async with uows() as uow:
                address = await save_address(uow, user, AddressInput(name="Ann Lee", line1="1 Main St",
                                                                     city="Seattle", country="US"))
            async with uows() as uow:
                await checkout(uow, user, address_id=address.id, shipping_option=ShippingOption.STANDARD,
                               payment_method=PaymentMethodKind.CASH_ON_DELIVERY, now=utcnow())
    finally:
        await engine.dispose()
    return len(shoppers)


async def _prepare_async(cfg: dict[str, Any]) -> dict[str, Any]:
    from bot.settings import Settings
    from store.migrate import upgrade_async

    t0 = time.perf_counter()
    settings = Settings(data_dir=Path(cfg["data_dir"]), database_url_setting=cfg["database"])
    if cfg["fake_nlu"]:
        await upgrade_async(settings.database_url)
        return {"seconds": time.perf_counter() - t0, "orders": 0, "build_s": 0.0}
    from bot.cli.demo import prepare_demo
    from bot.core.app import ShopBot

    await prepare_demo(settings)
    orders = await _seed_orders(settings, cfg["order_users"])
    t1 = time.perf_counter()
    async with ShopBot(settings):  # builds and saves the search index, trains the NLU model if missing
        pass
    return {"seconds": time.perf_counter() - t0, "orders": orders, "build_s": time.perf_counter() - t1}


def prepare(cfg: dict[str, Any], out: Any) -> None:
    import logging

    logging.basicConfig(level=logging.WARNING)
    out.send(asyncio.run(_prepare_async(cfg)))
