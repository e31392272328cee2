"""Checkout and payments: cart -> address -> shipping -> payment method -> order and invoice, plus
Telegram's pre-checkout and successful-payment events. ``router`` is what the registry includes."""

from __future__ import annotations

from bot.core.router import Router
from bot.core.skills.checkout import digital, flow, gift_card, paying, typed

__all__ = ["router"]

router = Router("checkout+payments").include(flow.router, paying.router, digital.router, gift_card.router,
                                               typed.router)
