"""The shipped judged sets still point at things that exist (the demo catalog or FAQ can drift)."""

from __future__ import annotations

import json
from pathlib import Path

from knowledge.search.evaluation import read_qrels

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT / "knowledge" / "eval"


def test_search_qrels_reference_demo_skus_and_cover_both_languages() -> None:
    skus = {row["sku"] for row in json.loads((ROOT / "store/demo/catalog.json").read_text(encoding="utf-8"))}
    qrels = read_qrels(EVAL / "search_qrels.tsv")
    assert len(qrels) >= 100
    assert {sku for judged in qrels.values() for sku in judged} <= skus
    assert sum(any("\u4e00" <= ch <= "\u9fff" for ch in q) for q in qrels) >= 40


def test_ask_judged_set_references_faq_questions() -> None:
    faq = {e["question"] for e in json.loads((ROOT / "knowledge/demo/faq.json").read_text(encoding="utf-8"))}
    lines = [json.loads(x) for x in (EVAL / "ask_judged.jsonl").read_text(encoding="utf-8").splitlines() if x]
    assert len(lines) >= 150
    for item in lines:
        for expected in [item["expected_question"], *item.get("also_ok", [])]:
            assert expected is None or expected in faq, expected
    assert sum(item["expected_question"] is None for item in lines) >= 30
