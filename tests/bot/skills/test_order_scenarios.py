from __future__ import annotations

from pathlib import Path

from bot.cli.chat import _script
from bot.core.events import UserRef
from tests.helpers.checkout_flow import shop

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"


async def test_checkout_script_replays_end_to_end(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await s.shopper(UserRef(801, first_name="Ada", language_code="en"), ("MUG-R", 1))
        lines = (SCENARIOS / "checkout.txt").read_text(encoding="utf-8").splitlines()
        replies = await _script(session, lines)
        by_turn: dict[int, str] = {}
        for reply in replies:
            by_turn[reply["turn"]] = by_turn.get(reply["turn"], "") + reply["text"] + "\n"
        assert "step 1 of 3" in by_turn[1]
        assert "Is this address right?" in by_turn[3]
        assert "step 2 of 3" in by_turn[4] and "step 3 of 3" in by_turn[5]
        assert "is placed" in by_turn[6] and any(r["invoice"] for r in replies if r["turn"] == 6)
        assert "Payment received" in by_turn[7]
        assert "SB10001" in by_turn[8] and "paid" in by_turn[8]
        assert "tracking number as soon as it ships" in by_turn[9]
        assert "Invoice — order SB10001" in by_turn[10] and "Total: $18.49" in by_turn[10]
