from __future__ import annotations

import pytest

from bot.core.replies import Text
from bot.core.router import Router


def test_handlers_must_ask_for_known_names() -> None:
    r = Router("x")
    with pytest.raises(TypeError, match="injectable"):

        @r.intent("greet")
        async def bad(nonsense: int) -> None:
            return None


def test_duplicate_registration_is_an_error() -> None:
    a, b = Router("a"), Router("b")

    @a.intent("greet")
    async def one() -> Text:
        return Text("1")

    @b.intent("greet")
    async def two() -> Text:
        return Text("2")

    with pytest.raises(ValueError, match="greet"):
        Router("root").include(a, b)


def test_registry_composes_all_skills_without_clashes() -> None:
    from bot.core.skills.registry import build_router

    root = build_router()
    assert "help" in root.commands and "help" in root.intents
