"""The shopping scenarios replayed through the chat CLI's ``--script`` path (LocalSession + ``_script``)."""

from __future__ import annotations

from pathlib import Path

from bot.cli.chat import _script
from bot.core.events import UserRef
from bot.transports.local_session import LocalSession
from tests.helpers.shopping import shop_bot

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"


def lines(name: str) -> list[str]:
    return (SCENARIOS / name).read_text(encoding="utf-8").splitlines()


async def test_english_shopping_scenario(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        session = LocalSession(bot, UserRef(601, "Ann", language_code="en"))
        out = await _script(session, lines("shopping.txt"))
    by_turn: dict[int, str] = {}
    for reply in out:
        by_turn[reply["turn"]] = by_turn.get(reply["turn"], "") + "\n" + reply["text"]
    assert "Filters: up to $100.00" in by_turn[1]
    assert "Which option" in by_turn[2]
    assert "Added 1 ×" in by_turn[3] and "2 in your cart" in by_turn[4]
    assert "Your cart" in by_turn[5] and "2 × $89.99" in by_turn[5]
    assert "quantity set to 3" in by_turn[8]
    assert "Removed <b>Women" in by_turn[9] and "Running" not in by_turn[9].split("Removed")[1].split("\n", 1)[1]
    assert "No promotions" in by_turn[10]


async def test_chinese_shopping_scenario(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        session = LocalSession(bot, UserRef(602, "李", language_code="zh"))
        out = await _script(session, lines("shopping_zh.txt"))
    text = "\n".join(r["text"] for r in out)
    assert "男士跑步鞋" in text and "您要哪一款" in text and "已将 1 件" in text and "您的购物车" in text


async def test_a_script_can_press_the_buttons_the_previous_run_ended_with(tmp_path: Path) -> None:
    """State persists between ``--script`` runs; the last reply's buttons do too, so a script may start with
    "[Next page]" where the previous one stopped."""
    from bot.cli.chat import _latest_file, _load_latest, _save_latest

    saved = _latest_file(tmp_path, 603)
    async with shop_bot(tmp_path) as bot:
        first = LocalSession(bot, UserRef(603, "Ann", language_code="en"))
        await _script(first, ["yoga mat"])
        _save_latest(saved, first.latest)
        second = LocalSession(bot, UserRef(603, "Ann", language_code="en"))
        second.latest = _load_latest(saved)
        out = await _script(second, ["[Add to cart]"])
    assert "Which option" in out[0]["text"]
    assert _load_latest(tmp_path / "missing.json") == []
