"""Loyalty points: balance, level, progress to the next level, and where the points came from.

Before showing anything the shopper's paid orders are synced into the ledger (idempotent), so the balance
is right even if a payment hook was missed.
"""

from __future__ import annotations

from datetime import datetime

from bot.core.callbacks import CallbackCodec, CallbackPayload
from bot.core.replies import Button, Reply, Text, keyboard
from bot.core.router import Router
from bot.core.services import Services
from bot.i18n import Translator
from store.loyalty.service import PointsEntryView, PointsView

__all__ = ["router", "level_label"]

router = Router("points")
_BAR = 10


def level_label(name: str, t: Translator) -> str:
    return {"Bronze": t("Bronze"), "Silver": t("Silver"), "Gold": t("Gold")}.get(name, name)


def _entry_label(entry: PointsEntryView, t: Translator) -> str:
    from store.models.loyalty import PointsReason
    from store.orders.views import format_order_number

    ref = entry.reference or ""
    number = format_order_number(int(ref.split(":", 1)[1])) if ref.startswith("order:") else ""
    labels = {
        PointsReason.ORDER_PAID: t("Order {number}", number=number),
        PointsReason.REFUND: t("Refund of order {number}", number=number),
        PointsReason.REVIEW: t("Product review"),
        PointsReason.COMMUNITY_ANSWER: t("Answered a shopper's question"),
        PointsReason.ADJUSTMENT: t("Adjustment by our team"),
    }
    return labels.get(entry.reason, entry.reason.value)


def _history_lines(history: list[PointsEntryView], t: Translator) -> list[str]:
    return [f"{e.delta:+d} · {_entry_label(e, t)} · {e.at:%Y-%m-%d}" for e in history]


def _summary(view: PointsView, t: Translator) -> list[str]:
    lines = [t("⭐ <b>{balance} points</b> — {level} level", balance=view.balance,
               level=level_label(view.level.name, t))]
    if view.next_level is None:
        lines.append(t("You're at our top level. Thank you for shopping with us!"))
    else:
        filled = min(_BAR, int(view.progress * _BAR))
        lines.append(t("{bar} {points} more points to {level}", bar="▰" * filled + "▱" * (_BAR - filled),
                       points=view.to_next, level=level_label(view.next_level.name, t)))
    lines.append(t("Earn 1 point per $1 you spend, 20 for a review and 10 for answering another shopper's "
                   "question. Levels: Bronze 0, Silver 500, Gold 2000."))
    return lines


async def _load(services: Services, user_id: int, now: datetime,
                limit: int) -> tuple[PointsView, list[PointsEntryView]]:
    from store.loyalty.service import points_balance, points_history, sync_order_points

    async with services.uows() as uow:
        await sync_order_points(uow, user_id, now=now)
    async with services.uows() as uow:
        return await points_balance(uow, user_id), await points_history(uow, user_id, limit=limit)


@router.intent("my_points")
@router.command("points")
async def my_points(services: Services, t: Translator, user_id: int, now: datetime,
                    codec: CallbackCodec) -> Reply:
    view, history = await _load(services, user_id, now, limit=5)
    lines = _summary(view, t)
    if history:
        lines += ["", t("<b>Latest</b>"), *_history_lines(history, t)]
    else:
        lines += ["", t("No points yet: your first paid order starts the count.")]
    buttons = keyboard([Button(t("Full history"), data=codec.encode(user_id, "pts", "h"))]) if history else ()
    return Text("\n".join(lines), buttons=buttons)


@router.button("pts")
async def points_button(payload: CallbackPayload, services: Services, t: Translator, user_id: int,
                        now: datetime) -> Reply:
    view, history = await _load(services, user_id, now, limit=50)
    lines = [t("⭐ <b>{balance} points</b> — {level} level", balance=view.balance,
               level=level_label(view.level.name, t)), "", *_history_lines(history, t)]
    return Text("\n".join(lines))
