from __future__ import annotations

import asyncio
from pathlib import Path

from bot.core.events import UserRef
from bot.core.jobs import Job, JobRunner, expire_orders_job
from store.models.orders import OrderStatus
from tests.helpers.checkout_flow import latest_order, shop, walk_checkout
from tests.helpers.order_builders import variant_stock

ADA = UserRef(701, first_name="Ada")


async def test_expiry_job_cancels_unpaid_orders_and_releases_stock(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(ADA, ("MUG-R", 3))
        await walk_checkout(session)
        order = await latest_order(s, ADA.id)
        assert order.lines[0].variant_id is not None
        held = await variant_stock(s.uows, order.lines[0].variant_id)
        assert s.bot.services is not None
        assert await expire_orders_job(s.bot.services) == []  # still inside its payment window
        s.clock.advance(minutes=31)
        assert await expire_orders_job(s.bot.services) == [order.id]
        assert (await latest_order(s, ADA.id)).status is OrderStatus.CANCELLED
        assert await variant_stock(s.uows, order.lines[0].variant_id) == held + 3
        assert await expire_orders_job(s.bot.services) == []  # idempotent


async def test_runner_survives_a_failing_run_and_stops_cleanly(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        assert s.bot.services is not None
        ran = asyncio.Event()
        calls: list[int] = []

        async def flaky(services: object) -> None:
            calls.append(1)
            if len(calls) == 1:
                raise RuntimeError("database hiccup")
            ran.set()

        runner = JobRunner(s.bot.services, (Job("flaky", 0.0, flaky),))
        runner.start()
        await ran.wait()  # the second run happened although the first raised
        await runner.stop()
        assert len(calls) >= 2


async def test_shopbot_starts_jobs_only_when_asked(tmp_path: Path) -> None:
    from bot.core.app import ShopBot
    from tests.helpers.bots import make_settings
    from tests.helpers.fake_nlu import FakeNLU
    from tests.helpers.migrated import migrate_async

    settings = make_settings(tmp_path)
    await migrate_async(settings.database_url)
    async with ShopBot(settings, nlu=FakeNLU(), encoder=None, search=None, qa=None) as quiet:
        assert quiet._jobs is None
    bot = ShopBot(settings, nlu=FakeNLU(), encoder=None, search=None, qa=None, jobs=True)
    async with bot:
        assert bot._jobs is not None and bot._jobs._tasks
        tasks = list(bot._jobs._tasks)
    assert bot._jobs is None and all(task.done() for task in tasks)
