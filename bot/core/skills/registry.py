"""The one place feature routers are composed (aiogram's multi-file bot, without aiogram)."""

from __future__ import annotations

from bot.core.router import Router

__all__ = ["build_router"]


def build_router() -> Router:
    from bot.core.skills import general

    root = Router("root")
    root.include(general.router)
    from bot.core.skills import checkout, orders  # order skills: checkout, payments, orders, returns, addresses
    from bot.core.skills.checkout import address_form  # the pending-step rule of both address forms

    root.include(checkout.router, orders.router, address_form.rules)
    from bot.core.skills import shopping  # search, details, cart, coupons, promotions, recommend, inline

    root.include(shopping.router)
    from bot.core.skills import community  # Q&A, groups, flash claims, support, points, reviews, privacy

    root.include(community.router)
    return root
