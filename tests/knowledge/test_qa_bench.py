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
            # The FAQ has no entry for this mug; without description labels a description answer is wrong.
            {"question": "is it dishwasher safe?", "product": "P0084-CRM", "expected_question": None}]
    labelled.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    assert main(["--set", str(labelled), "--rounds", "1"]) == 0
    out = capsys.readouterr().out.splitlines()
    result = json.loads(out[-1])
    assert result["set_kind"] == "other" and not result["judged"] and result["questions"] == 4
    groups = result["groups"]
    assert groups["entry"]["questions"] == 2 and groups["entry"]["hit_at_1"] == 1.0
    assert result["cross_language"]["hit_at_1"] == 1.0
    # No description labels next to this set: "FAQ cannot answer" means nothing answers, so the mug's
    # description answer is wrong by both rules; the shop-wide off-topic question has no product at all.
    assert result["description_labelled"] == 0 and groups["none"]["questions"] == 2
    none = groups["none"]["replies"]
    assert none["description_wrong"] == 1 and none["abstained"] + none["entry_wrong"] == 1
    assert result["hit_at_1"] == result["hit_at_1_faq_only"] == round((2 + none["abstained"]) / 4, 4)
    assert any(line.startswith("hit@1 FAQ-only") for line in out)
    assert result["ask_ms"]["p50"] > 0 and result["floor_encode_ms"]["p50"] > 0 and result["first_ask_ms"]["p50"] > 0
    assert any(line.startswith("kind") for line in out)
