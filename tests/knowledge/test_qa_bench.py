"""`python -m bench.ask`: which set it measured, and a real (tiny) run ending in one JSON line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.ask import main, set_kind
from knowledge.qa.evaluation import DEV_SET, JUDGED_SET, SCOPE_SET, TUNING_SET


def test_sets_are_labelled_by_kind(tmp_path: Path) -> None:
    assert set_kind(JUDGED_SET) == "judged" and set_kind(DEV_SET) == "dev" and set_kind(TUNING_SET) == "tuning"
    assert set_kind(SCOPE_SET) == "tuning"
    assert set_kind(Path("knowledge/eval/dev/../dev/ask.jsonl")) in ("dev", "other")  # relative to the cwd
    assert set_kind(tmp_path / "ask.jsonl") == "other"


@pytest.mark.model
def test_bench_reports_quality_latency_and_its_floor(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    labelled = tmp_path / "mine.jsonl"
    rows = [{"question": "how long until my parcel arrives?", "product": None,
             "expected_question": "How long does delivery take?", "also_ok": ["多久能收到货？"]},
            {"question": "这个充电宝能带上飞机吗", "product": "P0035-BLK", "cross_language": True,
             "expected_question": "Can I take the Xiaomi 20000 mAh Power Bank on a plane?"},
            {"question": "what is the boiling point of lead?", "product": None, "expected_question": None},
            # The FAQ has no entry for this mug, its description answers: counted wrong, and reported.
            {"question": "is it dishwasher safe?", "product": "P0084-CRM", "expected_question": None}]
    labelled.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    assert main(["--set", str(labelled), "--rounds", "1"]) == 0
    out = capsys.readouterr().out.splitlines()
    result = json.loads(out[-1])
    assert result["set_kind"] == "other" and not result["judged"] and result["questions"] == 4
    assert result["hit_at_1_answerable"] == 1.0 and result["hit_at_1_cross_language"] == 1.0
    unanswerable = result["unanswerable"]
    assert unanswerable["questions"] == 2 and unanswerable["answered_from_description"] == 1
    assert unanswerable["abstained"] + unanswerable["answered_from_an_entry"] == 1  # no product: no description
    assert result["hit_at_1_abstain"] == unanswerable["abstained"] / 2
    assert result["hit_at_1"] == round((2 + unanswerable["abstained"]) / 4, 4)
    # Next to hit@1: the description answers to "FAQ cannot answer" questions, and hit@1 if they were right.
    assert result["null_answered_from_description"] == 1 and result["answerable_answered_from_description"] == 0
    assert result["hit_at_1_if_those_right"] == round((3 + unanswerable["abstained"]) / 4, 4)
    assert any("1 of the 2 questions labelled 'FAQ cannot answer' got a description answer" in line for line in out)
    assert result["ask_ms"]["p50"] > 0 and result["floor_encode_ms"]["p50"] > 0 and result["first_ask_ms"]["p50"] > 0
    assert any(line.startswith("kind") for line in out)
