"""The community script replays through the same code path as ``shopbot chat --script``."""

from __future__ import annotations

from pathlib import Path

from bot.cli.chat import _script
from bot.core.events import UserRef
from bot.transports.local_session import LocalSession
from tests.helpers.community import community_bot
from tests.helpers.kb_builders import add_pair

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"


async def test_community_script_replays_end_to_end(tmp_path: Path) -> None:
    async with community_bot(tmp_path) as bot:
        assert bot.services is not None
        await add_pair(bot.services.uows, "Do you ship to Canada?", "Yes, in 5-8 business days.")
        session = LocalSession(bot, UserRef(801, first_name="Ada", language_code="en"))
        lines = (SCENARIOS / "community.txt").read_text(encoding="utf-8").splitlines()
        replies = await _script(session, lines)
        by_turn: dict[int, str] = {}
        for reply in replies:
            by_turn[reply["turn"]] = by_turn.get(reply["turn"], "") + reply["text"] + "\n"
        assert "5-8 business days" in by_turn[1] and "From our FAQ" in by_turn[1]
        assert "Thanks for the feedback" in by_turn[2]
        assert "don't know" in by_turn[3]
        assert "posted your question to our staff" in by_turn[4]
        assert "ticket T1001" in by_turn[5]
        assert "alerts are <b>on</b>" in by_turn[6]
        assert "0 points" in by_turn[7]
        assert "Your data" in by_turn[8]
        assert '"first_name": "Ada"' in by_turn[9]
