"""`shopbot search` and `shopbot index rebuild` through typer's CliRunner, with the fake encoder."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from bot.cli.main import app

runner = CliRunner()


def test_single_query_table_and_json(shop: Path) -> None:
    result = runner.invoke(app, ["search", "red", "coffee", "mug"])
    assert result.exit_code == 0, result.output
    assert "P01" in result.output
    result = runner.invoke(app, ["search", "running shoes", "--json", "--limit", "2", "--max-price", "80"])
    line = json.loads(result.output.strip().splitlines()[-1])
    assert line["query"] == "running shoes"
    ids = [r["product_id"] for r in line["results"]]
    assert ids[0] == "P05" and "P06" not in ids and len(ids) <= 2
    assert set(line["results"][0]) == {"product_id", "sku", "title", "score"}


def test_batch_keeps_order_one_line_per_query(shop: Path) -> None:
    batch = shop / "queries.txt"
    batch.write_text("yoga mat\n\n降噪耳机\nP13-BLA\n", encoding="utf-8")
    result = runner.invoke(app, ["search", "--batch", str(batch), "--json", "--limit", "3"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.output.strip().splitlines() if x.startswith("{")]
    assert [x["query"] for x in lines] == ["yoga mat", "", "降噪耳机", "P13-BLA"]
    assert lines[0]["results"][0]["product_id"] == "P19" and lines[1]["results"] == []
    assert lines[2]["results"][0]["product_id"] == "P09"
    assert lines[3]["results"][0]["sku"].startswith("P13")


def test_eval_prints_metrics_and_maps_skus_to_products(shop: Path) -> None:
    qrels = shop / "qrels.tsv"
    qrels.write_text("yoga mat\tP19-PUR\t3\nyoga mat\tP19-GRE\t2\nrunning shoes\tP05-BLA-42\t3\n"
                     "running shoes\tP06-GRE-38\t2\nrunning shoes\tNOPE-1\t1\n", encoding="utf-8")
    result = runner.invoke(app, ["search", "eval", "--qrels", str(qrels), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output.strip().splitlines()[-1])
    assert figures["queries"] == 2 and figures["mrr"] == 1.0 and figures["recall@50"] == 1.0
    assert 0.9 < figures["ndcg@10"] <= 1.0 and figures["unknown_skus"] == ["NOPE-1"]
    human = runner.invoke(app, ["search", "eval", "--qrels", str(qrels)])
    assert "nDCG@10" in human.output and "MRR" in human.output


def test_bad_input_is_explained(shop: Path) -> None:
    bad = shop / "bad.tsv"
    bad.write_text("only two\tfields\n", encoding="utf-8")
    result = runner.invoke(app, ["search", "eval", "--qrels", str(bad)])
    assert result.exit_code == 2 and "query<TAB>sku<TAB>grade" in result.output
    assert runner.invoke(app, ["search", "mug", "--sort", "cheapest"]).exit_code == 2
    assert runner.invoke(app, ["search", "mug", "--max-price", "abc"]).exit_code == 2
    assert runner.invoke(app, ["search"]).exit_code == 2


def test_index_rebuild_then_search_uses_the_saved_index(shop: Path) -> None:
    result = runner.invoke(app, ["index", "rebuild", "--quiet"])
    assert result.exit_code == 0, result.output
    assert "Indexed 30 products" in result.output
    assert (shop / "index" / "products" / "vectors.faiss").exists()
    result = runner.invoke(app, ["search", "tent", "--json"])
    assert json.loads(result.output.strip().splitlines()[-1])["results"][0]["product_id"] == "P21"


def test_batch_reads_price_sort_and_colour_words_like_the_dialogue(shop: Path) -> None:
    batch = shop / "queries.txt"
    batch.write_text("mug under $11\ncheapest mug\npurple boots\n", encoding="utf-8")
    result = runner.invoke(app, ["search", "--batch", str(batch), "--json"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.output.strip().splitlines() if x.startswith("{")]
    assert [r["product_id"] for r in lines[0]["results"]] == ["P02"]               # the price became a filter
    assert [r["product_id"] for r in lines[1]["results"]] == ["P02", "P01"]        # cheapest first, mugs only
    assert {r["product_id"] for r in lines[2]["results"]} == {"P07", "P08"}        # a colour never filters
    typed = runner.invoke(app, ["search", "--batch", str(batch), "--json", "--as-typed"])
    first = json.loads(next(x for x in typed.output.splitlines() if x.startswith("{")))
    assert "P01" in [r["product_id"] for r in first["results"]]                   # as typed: no price filter
    # An explicit flag is a hard filter on top of what the words say.
    flagged = runner.invoke(app, ["search", "boots", "--json", "--colour", "red"])
    assert [r["product_id"] for r in json.loads(flagged.output.strip().splitlines()[-1])["results"]] == ["P08"]


def test_eval_reports_chat_figures_and_a_language_split(shop: Path) -> None:
    qrels = shop / "search_qrels.tsv"
    qrels.write_text("query\tsku\tgrade\nyoga mat\tP19-PUR\t3\nyoga mat\tP24-BLA\t0\n瑜伽垫\tP19-PUR\t3\n",
                     encoding="utf-8")
    (shop / "search_queries.tsv").write_text("query\tlanguage\tkind\nyoga mat\ten\tbare\n瑜伽垫\tzh\tbare\n",
                                             encoding="utf-8")
    result = runner.invoke(app, ["search", "eval", "--qrels", str(qrels), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output.strip().splitlines()[-1])
    assert figures["precision@4"] == 0.25 and figures["near_miss"] == 0.0 and figures["read_as"] == "dialogue"
    assert set(figures["by_language"]) == {"en", "zh"} and figures["by_language"]["zh"]["queries"] == 1
    human = runner.invoke(app, ["search", "eval", "--qrels", str(qrels)])
    assert "precision@4" in human.output and "near-miss" in human.output and "\nzh " in human.output
