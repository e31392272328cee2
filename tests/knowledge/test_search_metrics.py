"""The chat figures of `shopbot search eval`: precision@4 and the near-miss rate, and the language split."""

from __future__ import annotations

from pathlib import Path

from knowledge.search.evaluation import EvalSummary, near_miss, precision_at, read_languages

GRADES = {"good": 3, "close": 2, "related": 1, "trap": 0}


def test_precision_at_4_counts_grade_2_and_up_out_of_4() -> None:
    assert precision_at(["good", "close", "related", "other"], GRADES) == 0.5
    assert precision_at(["good"], GRADES) == 0.25              # empty card slots are misses
    assert precision_at([], GRADES) == 0.0


def test_near_miss_is_a_judged_zero_before_the_best_grade_3() -> None:
    assert near_miss(["trap", "good"], GRADES) == 1.0
    assert near_miss(["good", "trap"], GRADES) == 0.0
    assert near_miss(["related", "trap"], GRADES) == 1.0       # shown while the grade-3 product is not
    assert near_miss(["other"], GRADES) == 0.0                  # unjudged products are not traps
    assert near_miss(["trap"], {"close": 2, "trap": 0}) is None  # no grade-3 product: nothing to miss


def test_summary_figures_and_language_subsets(tmp_path: Path) -> None:
    runs = {"q1": ["good", "trap"], "q2": ["trap", "good"]}
    summary = EvalSummary.score(runs, {"q1": GRADES, "q2": GRADES})
    assert summary.figures()["near_miss"] == 0.5 and summary.figures()["precision@4"] == 0.25
    queries = tmp_path / "search_queries.tsv"
    queries.write_text("query\tlanguage\tkind\nq1\ten\tbare\nq2\tzh\tbare\n", encoding="utf-8")
    languages = read_languages(queries)
    assert languages == {"q1": "en", "q2": "zh"}
    assert summary.subset({q for q, lang in languages.items() if lang == "en"}).figures()["near_miss"] == 0.0
    assert read_languages(tmp_path / "missing.tsv") == {}
