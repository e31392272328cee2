"""The one place feature routers are composed (aiogram's multi-file bot, without aiogram)."""

from __future__ import annotations

from bot.core.router import Router

__all__ = ["build_router"]


def build_router() -> Router:
    from bot.core.skills import general

    root = Router("root")
    root.include(general.router)
    return root
