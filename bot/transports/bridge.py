"""Event in, replies out, with the guarantees Telegram needs whatever the core does.

- Updates of one conversation (user, chat) run one at a time in arrival order (see ordering); payments and
  inline queries never wait behind them: a pre-checkout must be answered within Telegram's deadline.
- Every callback query is answered once per delivery, even when the core or a send fails (otherwise the
  shopper's button spins for seconds).
- Every pre-checkout query is answered: the core's answer, or ok=False with an apology on any failure.
"""

from __future__ import annotations

import logging
from typing import Protocol

from bot.core.events import ButtonPress, Event, InlineQuery, PreCheckout
from bot.core.replies import Reply
from bot.transports.ordering import KeyedLocks
from bot.transports.outbox import Delivery, Outbox
from bot.transports.texts import transport_text

__all__ = ["Core", "Bridge"]

log = logging.getLogger("shopbot.transports.bridge")


class Core(Protocol):
    async def handle(self, event: Event) -> list[Reply]: ...


class Bridge:
    def __init__(self, core: Core, outbox: Outbox) -> None:
        self.core, self.outbox = core, outbox
        self._locks = KeyedLocks()

    async def handle(self, event: Event) -> None:
        if isinstance(event, PreCheckout | InlineQuery):
            await self._handle(event)
            return
        async with self._locks.hold((event.user.id, event.chat.id)):
            await self._handle(event)

    async def _handle(self, event: Event) -> None:
        done = Delivery()
        try:
            try:
                replies = await self.core.handle(event)
            except Exception:
                log.exception("core failed on %s (update %s)", type(event).__name__, event.update_id)
                replies = []
            done = await self.outbox.deliver(event, replies)
        finally:
            await self._guarantee(event, done)

    async def _guarantee(self, event: Event, done: Delivery) -> None:
        calls = self.outbox.calls
        try:
            if isinstance(event, ButtonPress) and event.callback_id and not done.callback_answered:
                await calls.answer_callback(event.callback_id, "", False)
            elif isinstance(event, PreCheckout) and not done.pre_checkout_answered:
                await calls.answer_pre_checkout(
                    event.query_id, False, transport_text("checkout_unavailable", event.user.language_code))
        except Exception:
            # Already answered by an earlier delivery of the same update, or Telegram is unreachable.
            log.warning("could not answer %s %s", type(event).__name__, event.update_id, exc_info=True)

    async def answer_unreadable_callback(self, callback_id: str) -> None:
        """A callback query the adapter could not turn into an event is still answered."""
        try:
            await self.outbox.calls.answer_callback(callback_id, "", False)
        except Exception:
            log.warning("could not answer callback %s", callback_id, exc_info=True)

    async def answer_unreadable(self, update: object) -> None:
        """An update the library could not even parse: answer the queries in it that wait for an answer."""
        if not isinstance(update, dict):
            return
        cq, pq = update.get("callback_query"), update.get("pre_checkout_query")
        if isinstance(cq, dict) and isinstance(cq.get("id"), str):
            await self.answer_unreadable_callback(cq["id"])
        if isinstance(pq, dict) and isinstance(pq.get("id"), str):
            sender = pq.get("from")
            language = sender.get("language_code") if isinstance(sender, dict) else None
            try:
                await self.outbox.calls.answer_pre_checkout(
                    pq["id"], False, transport_text("checkout_unavailable", language if isinstance(language, str)
                                                    else None))
            except Exception:
                log.warning("could not answer pre-checkout %s", pq["id"], exc_info=True)
