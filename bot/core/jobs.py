"""Periodic jobs of a running bot: today, expiring unpaid orders so their reserved stock goes back on sale.

WHY a plain asyncio loop and not APScheduler/cron: there is one job, it runs every minute, and it is
idempotent (``expire_unpaid_orders`` only moves orders still ``pending_payment`` past ``expires_at``), so
missed or doubled runs across workers are harmless. A task in the bot's own event loop shares its database
engine, stops with it (``ShopBot.stop`` cancels it) and needs no extra dependency or process. Each run is
guarded: an error is logged and the loop keeps going, so a database hiccup never kills the schedule.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from bot.core.services import Services

__all__ = ["Job", "JobRunner", "expire_orders_job", "default_jobs"]

log = logging.getLogger("shopbot.jobs")


@dataclass(frozen=True)
class Job:
    name: str
    every_seconds: float
    run: Callable[[Services], Awaitable[object]]


async def expire_orders_job(services: Services) -> list[int]:
    from store.orders.service import expire_unpaid_orders

    async with services.uows() as uow:
        expired = await expire_unpaid_orders(uow, services.clock())
    if expired:
        log.info("expired %d unpaid order(s): %s", len(expired), expired)
    return expired


def default_jobs() -> tuple[Job, ...]:
    return (Job("expire_unpaid_orders", 60.0, expire_orders_job),)


@dataclass
class JobRunner:
    services: Services
    jobs: tuple[Job, ...] = field(default_factory=default_jobs)
    _tasks: list[asyncio.Task[None]] = field(default_factory=list)

    def start(self) -> None:
        if self._tasks:
            return
        self._tasks = [asyncio.create_task(self._loop(job), name=f"shopbot-job-{job.name}") for job in self.jobs]

    async def stop(self) -> None:
        tasks, self._tasks = self._tasks, []
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def run_once(self, job: Job) -> None:
        try:
            await job.run(self.services)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("job %s failed; it runs again in %.0f s", job.name, job.every_seconds)

    async def _loop(self, job: Job) -> None:
        while True:
            await self.run_once(job)  # first run at start-up: catches up on orders that expired while down
            await asyncio.sleep(job.every_seconds)
