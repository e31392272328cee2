"""`shopbot chat --script FILE --json` as the team runs it: the command itself (options, one JSON object per
reply, the documented keys), and a second run that continues the first (state and the last reply's buttons)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from bot.cli.main import app
from tests.helpers.shopping import ShoppingNLU

runner = CliRunner()


@pytest.fixture(autouse=True)
def keyword_nlu(monkeypatch: pytest.MonkeyPatch) -> None:
    async def fake_nlu(*args: Any, **kwargs: Any) -> ShoppingNLU:
        return ShoppingNLU()  # the keyword NLU: this test is about the command, not understanding

    monkeypatch.setattr("bot.core.nlu_setup.load_nlu", fake_nlu)


def _replies(output: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_script_json_and_a_second_run_that_continues(shop: Path) -> None:
    first = shop / "first.txt"
    first.write_text("running shoes\n# a comment line is skipped\n[ℹ️ Details]\n", encoding="utf-8")
    result = runner.invoke(app, ["chat", "--script", str(first), "--json", "--user", "4242"])
    assert result.exit_code == 0, result.output
    replies = _replies(result.output)
    assert {"turn", "text", "buttons", "photo", "invoice"} <= set(replies[0])
    assert [r["turn"] for r in replies][0] == 1 and replies[-1]["turn"] == 2
    assert any("Running Shoes" in r["text"] for r in replies if r["turn"] == 1)
    details = [r for r in replies if r["turn"] == 2]
    assert details and any(label.startswith("🛒") for r in details for row in r["buttons"] for label in row)
    assert all(isinstance(row, list) and all(isinstance(b, str) for b in row) for r in replies for row in r["buttons"])

    headphones = shop / "headphones.txt"
    headphones.write_text("noise cancelling headphones\n", encoding="utf-8")
    shown = _replies(runner.invoke(app, ["chat", "--script", str(headphones), "--json", "--user", "4141"]).output)
    photos = [r["photo"] for r in shown if r["photo"]]
    assert photos and all(p.startswith("file://") and p.endswith("images/P09.png") for p in photos), photos

    # A second process-like run: the same user continues (presses a button the first run ended with).
    second = shop / "second.txt"
    second.write_text("[🔁 More like this]\n", encoding="utf-8")
    again = runner.invoke(app, ["chat", "--script", str(second), "--json", "--user", "4242"])
    assert again.exit_code == 0, again.output
    more = _replies(again.output)
    assert more and "expired" not in " ".join(r["text"] for r in more).lower(), more

    # Another user has no such buttons: the press is explained, not crashed on.
    other = runner.invoke(app, ["chat", "--script", str(second), "--json", "--user", "4343"])
    assert other.exit_code == 0 and _replies(other.output)


def test_chinese_replies_and_bad_language(shop: Path) -> None:
    script = shop / "zh.txt"
    script.write_text("跑步鞋\n", encoding="utf-8")
    result = runner.invoke(app, ["chat", "--script", str(script), "--json", "--user", "77", "--language", "zh"])
    assert result.exit_code == 0, result.output
    assert any("跑步鞋" in r["text"] for r in _replies(result.output))
    bad = runner.invoke(app, ["chat", "--script", str(script), "--json", "--language", "fr"])
    assert bad.exit_code != 0 and "--language" in bad.output
