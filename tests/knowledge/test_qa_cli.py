"""`shopbot kb import` and `shopbot ask` (single and --batch --json) against a SQLite store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli.ask import BatchItem, parse_batch_line
from bot.cli.main import app
from tests.helpers.migrated import migrate


def test_batch_lines_are_text_or_json_objects() -> None:
    assert parse_batch_line("  ") is None
    assert parse_batch_line("how long is delivery?") == BatchItem("how long is delivery?")
    assert parse_batch_line('{"question": "fits?", "product": "P1"}') == BatchItem("fits?", "P1")
    assert parse_batch_line('{"question": 3}').error == 'the object has no "question" text'  # type: ignore[union-attr]
    assert parse_batch_line("{broken").error.startswith("invalid JSON")  # type: ignore[union-attr]


@pytest.mark.model
def test_import_then_ask_in_batch(sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    migrate(sqlite_url)
    monkeypatch.setenv("DATABASE_URL", sqlite_url)
    monkeypatch.setenv("SHOPBOT_DATA_DIR", str(tmp_path / "var"))
    kb = tmp_path / "kb.csv"
    kb.write_text("question,answer,tags\nHow long does delivery take?,3-5 business days.,shipping\n"
                  "退货政策是什么？,30天内免费退货。,returns\n", encoding="utf-8")
    runner = CliRunner()
    imported = runner.invoke(app, ["kb", "import", str(kb)])
    assert imported.exit_code == 0, imported.output
    assert "2 new questions" in imported.output

    bad = tmp_path / "bad.csv"
    bad.write_text("question,answer\n,missing question\n", encoding="utf-8")
    refused = runner.invoke(app, ["kb", "import", str(bad), "--no-merge"])
    assert refused.exit_code == 1 and "line 2: question is missing or empty" in refused.output

    batch = tmp_path / "questions.txt"
    batch.write_text('when will my parcel arrive?\n\n{"question": "可以退货吗？"}\n'
                     'who won the world cup in 1998?\n{"question": "fits?", "product": "NOPE"}\n',
                     encoding="utf-8")
    result = runner.invoke(app, ["ask", "--batch", str(batch), "--json"])
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert result.exit_code == 1  # the unknown product line
    assert [line["question"] for line in lines] == ["when will my parcel arrive?", "可以退货吗？",
                                                    "who won the world cup in 1998?", "fits?"]
    assert lines[0]["matched_question"] == "How long does delivery take?" and lines[0]["source"] == "faq"
    assert lines[1]["answer"] == "30天内免费退货。"
    assert lines[2]["answer"] is None and lines[2]["matched_question"] is None
    assert "NOPE" in lines[3]["error"]
    assert set(lines[0]) == {"question", "answer", "source", "confidence", "matched_question"}

    single = runner.invoke(app, ["ask", "How long does delivery take?"])
    assert single.exit_code == 0 and "3-5 business days." in single.output


def _seed_mug(url: str) -> None:
    import asyncio

    from store.db import create_engine, session_factory
    from store.uow import UnitOfWorkFactory
    from tests.helpers.kb_builders import add_pair, seed_product

    async def seed() -> None:
        engine = create_engine(url)
        try:
            uows = UnitOfWorkFactory(session_factory(engine))
            mug = await seed_product(uows, description="A 350 ml stoneware mug. Dishwasher and microwave safe.")
            await add_pair(uows, "How much does the Aurora mug hold?", "350 ml.", scope=mug.scope)
            await add_pair(uows, "How long does delivery take?", "3-5 business days.")
        finally:
            await engine.dispose()

    asyncio.run(seed())


@pytest.mark.model
def test_ask_scoped_to_a_product_single_and_batch(sqlite_url: str, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    migrate(sqlite_url)
    _seed_mug(sqlite_url)
    monkeypatch.setenv("DATABASE_URL", sqlite_url)
    monkeypatch.setenv("SHOPBOT_DATA_DIR", str(tmp_path / "var"))
    runner = CliRunner()
    single = runner.invoke(app, ["ask", "how many ml is it?", "--product", "P0001-BLK", "--json"])
    assert single.exit_code == 0, single.output
    line = json.loads(single.output)
    assert list(line) == ["question", "answer", "source", "confidence", "matched_question"]
    assert line["matched_question"] == "How much does the Aurora mug hold?" and line["source"] == "faq"

    batch = tmp_path / "scoped.jsonl"
    batch.write_text('{"question": "is it microwave safe", "product": "P0001"}\n'
                     'how long does delivery take\n'
                     '{"question": "how long does delivery take", "product": "P0001-BLK"}\n', encoding="utf-8")
    result = runner.invoke(app, ["ask", "--batch", str(batch), "--json"])
    assert result.exit_code == 0, result.output
    described, general, general_in_view = [json.loads(x) for x in result.output.splitlines()]
    assert described["source"] == "product_description" and "microwave" in described["answer"]
    assert described["matched_question"] is None
    assert general["matched_question"] == general_in_view["matched_question"] == "How long does delivery take?"

    human = runner.invoke(app, ["ask", "is it microwave safe", "--product", "P0001-BLK"])
    assert human.exit_code == 0 and "[product_description" in human.output and "product: P0001]" in human.output
