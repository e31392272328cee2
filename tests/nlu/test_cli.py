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


DEV = """\
version: "3.1"
nlu:
- intent: greet
  examples: |
    - good evening
    - 晚上好
- intent: track_order
  examples: |
    - has parcel 10099 left yet
    - 包裹还没到
"""


def test_train_parse_batch_and_eval(env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import nlu.artifact
    import nlu.model

    runner = CliRunner()
    data = ["--data-dir", str(env)]
    trained = runner.invoke(app, ["nlu", "train", *data])
    assert trained.exit_code == 0, trained.output
    assert "34" not in trained.output.split("intents")[0][-4:]  # the small set has 5 intents
    assert "5 intents" in trained.output

    single = runner.invoke(app, ["nlu", "parse", "where is my order #10042", "--json", *data])
    assert single.exit_code == 0, single.output
    obj = json.loads(single.output)
    assert list(obj) == ["text", "intent", "confidence", "ranking", "entities"]  # exactly, in this order
    assert obj["intent"] == "track_order"
    assert all(list(r) == ["intent", "confidence"] for r in obj["ranking"])
    assert obj["entities"] == [{"entity": "order_id", "value": "10042", "start": 18, "end": 24}]
    assert list(obj["entities"][0]) == ["entity", "value", "start", "end"]

    loads: list[Path] = []
    real_load = nlu.artifact.load_model

    def counting_load(model_dir: Path) -> nlu.model.NLUModel:
        loads.append(model_dir)
        return real_load(model_dir)

    monkeypatch.setattr(nlu.artifact, "load_model", counting_load)
    batch_file = tmp_path / "msgs.txt"
    batch_file.write_text("hello\n我的快递到哪了\nadd two to cart\n", encoding="utf-8")
    batch = runner.invoke(app, ["nlu", "parse", "--batch", str(batch_file), "--json", *data])
    assert batch.exit_code == 0, batch.output
    assert len(loads) == 1  # the model is loaded once for the whole batch
    lines = [json.loads(line) for line in batch.output.splitlines()]
    assert [line["text"] for line in lines] == ["hello", "我的快递到哪了", "add two to cart"]
    assert all(list(line) == ["text", "intent", "confidence", "ranking", "entities"] for line in lines)
    assert lines[2]["entities"] == [{"entity": "quantity", "value": 2, "start": 4, "end": 7}]

    report = tmp_path / "report.json"
    dev = tmp_path / "dev.yml"
    dev.write_text(DEV, encoding="utf-8")
    tests = ["--heldout", str(env / "en_small.yml"), "--heldout", str(env / "zh_small.yml"), "--dev", str(dev)]
    evaluated = runner.invoke(app, ["nlu", "eval", "--folds", "3", *tests, "--json-out", str(report), *data])
    assert evaluated.exit_code == 0, evaluated.output
    out = evaluated.output
    assert "cv3" in out and "en_small/en" in out and "zh_small/zh" in out and "macro-F1" in out
    assert "dev (used for error analysis)/zh" in out
    assert "en_small: messages not found verbatim in the training data: 0 of 30" in out
    reports = json.loads(report.read_text(encoding="utf-8"))
    assert [r["name"] for r in reports] == ["cv3", "en_small", "zh_small", "dev (used for error analysis)"]
    assert set(reports[0]["languages"]) == {"en", "zh"} and reports[1]["n"] == 30 and reports[3]["n"] == 4
    assert set(reports[3]["per_intent_f1"]) == {"greet", "track_order"}


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
