"""Which order the shopper means: the number they typed, else the one whose items they name ("my headphones"),
else the one we talked about last, else the newest.

WHY this order of preference: a typed number is explicit; "cancel it" right after a checkout means that
order; otherwise the newest order that fits the request (only cancellable ones for "cancel", delivered ones
for "return") is the shopper's most likely meaning — and when several fit, the skill asks with buttons.
Orders of other shoppers are never found (the store's lookups are restricted to the user).
"""

from __future__ import annotations

from collections.abc import Callable

from bot.core.services import Services
from bot.core.state import Conversation
from nlu.result import ParseResult
from store.orders.views import OrderView, get_order, list_orders

__all__ = ["typed_reference", "find_order", "recent_orders"]


def typed_reference(parse: ParseResult | None, args: str = "") -> str | None:
    """An order number from the NLU entity or the command arguments ("/track SB10042")."""
    if parse is not None and (entity := parse.first("order_id")) is not None:
        return str(entity.value)
    words = args.split()
    return words[0] if words else None


async def recent_orders(services: Services, user_id: int, limit: int = 10) -> list[OrderView]:
    async with services.uows.read() as uow:
        return await list_orders(uow, user_id, limit=limit)


async def find_order(services: Services, user_id: int, state: Conversation, parse: ParseResult | None,
                     args: str = "", *, fits: Callable[[OrderView], bool] = lambda o: True,
                     ) -> tuple[OrderView | None, list[OrderView]]:
    """(the order meant, or None) and the candidates that fit (newest first) for asking with buttons.

    A typed number that is not the shopper's raises the store's NotFound (explained kindly upstream).
    """
    ref = typed_reference(parse, args)
    async with services.uows.read() as uow:
        if ref is not None:
            return await get_order(uow, ref, user_id=user_id), []
        orders = await list_orders(uow, user_id, limit=20)
    fitting = [o for o in orders if fits(o)]
    from bot.core.skills.orders.named_items import orders_named

    named = await orders_named(services, orders, parse)
    if named:
        # "cancel the headphones order" when that one has shipped: it, so the skill says why not (not another)
        fitting = [o for o in named if fits(o)]
        if not fitting:
            return named[0], []
        if len(fitting) == 1:
            return fitting[0], fitting
    if state.last_order:
        last = next((o for o in fitting if o.number == state.last_order), None)
        if last is not None:
            return last, fitting
    if len(fitting) == 1:
        return fitting[0], fitting
    return None, fitting
