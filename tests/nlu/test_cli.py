"""The `shopbot nlu` commands end to end (real multilingual encoder, small training set)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli.main import app

pytestmark = pytest.mark.model


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_data_dir: Path) -> Path:
    monkeypatch.setenv("SHOPBOT_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("EMBEDDING_MODEL", "use-multilingual")
    monkeypatch.delenv("NLU_BACKEND", raising=False)
    return small_data_dir


def test_train_parse_batch_and_eval(env: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    data = ["--data-dir", str(env)]
    trained = runner.invoke(app, ["nlu", "train", *data])
    assert trained.exit_code == 0, trained.output
    assert "34" not in trained.output.split("intents")[0][-4:]  # the small set has 5 intents
    assert "5 intents" in trained.output

    single = runner.invoke(app, ["nlu", "parse", "where is my order #10042", "--json", *data])
    assert single.exit_code == 0, single.output
    obj = json.loads(single.output)
    assert set(obj) >= {"text", "intent", "confidence", "ranking", "entities"}
    assert obj["intent"] == "track_order"
    assert set(obj["ranking"][0]) == {"intent", "confidence"}
    assert obj["entities"] == [{"entity": "order_id", "value": "10042", "start": 18, "end": 24}]

    batch_file = tmp_path / "msgs.txt"
    batch_file.write_text("hello\n我的快递到哪了\nadd two to cart\n", encoding="utf-8")
    batch = runner.invoke(app, ["nlu", "parse", "--batch", str(batch_file), "--json", *data])
    assert batch.exit_code == 0, batch.output
    lines = [json.loads(line) for line in batch.output.splitlines()]
    assert [line["text"] for line in lines] == ["hello", "我的快递到哪了", "add two to cart"]
    assert lines[2]["entities"] == [{"entity": "quantity", "value": 2, "start": 4, "end": 7}]

    report = tmp_path / "report.json"
    evaluated = runner.invoke(
        app, ["nlu", "eval", "--folds", "3", "--heldout", str(env / "en_small.yml"), "--json-out", str(report), *data]
    )
    assert evaluated.exit_code == 0, evaluated.output
    assert "cv3" in evaluated.output and "heldout/en" in evaluated.output and "macro-F1" in evaluated.output
    cv, held = json.loads(report.read_text(encoding="utf-8"))
    assert set(cv["languages"]) == {"en", "zh"} and held["n"] == 30


def test_bad_input_is_a_clear_error(env: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    both = runner.invoke(app, ["nlu", "parse"])
    assert both.exit_code == 2 and "either TEXT or --batch" in both.output
    missing = runner.invoke(app, ["nlu", "train", "--data-dir", str(tmp_path / "nope")])
    assert missing.exit_code == 2 and "does not exist" in missing.output
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "en.yml").write_text('version: "3.1"\nnlu:\n- intent: x\n  examples: |\n    - [a](\n', encoding="utf-8")
    broken = runner.invoke(app, ["nlu", "train", "--data-dir", str(bad)])
    assert broken.exit_code == 1 and "en.yml:5" in broken.output
