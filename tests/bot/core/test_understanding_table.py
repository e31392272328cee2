"""The understanding steps (bot.core.understanding) find their skills by name in the router: a misspelt or
renamed hook would silently never run, so every name in the table must be one the shipped router serves."""

from __future__ import annotations

from bot.core.skills.registry import build_router
from bot.core.understanding import AFTER_PARSE, BEFORE_PARSE, FOLLOW_UPS, Hook


def test_every_hook_in_the_table_is_served_by_the_router() -> None:
    intents = build_router().intents
    names = [step.name for step in (*BEFORE_PARSE, *AFTER_PARSE) if isinstance(step, Hook)] + list(FOLLOW_UPS)
    assert len(names) > 10
    assert [name for name in names if name not in intents] == []

