"""Measure Q&A quality: a demo knowledge base in a scratch database, a labelled question set, hit@1.

Shared by the tuning run (knowledge/qa/tune.py: our tuning sets plus the development set) and the benchmark
(bench/ask.py: the sealed judged set by default, or the dev set). A labelled line is ``{"question",
"product": sku|null, "expected_question": text|null, "also_ok": [...], "cross_language": bool}``; null
means the right reply is "I don't know". Our tuning sets may also say ``"expected_source":
"product_description"`` when the product's description holds the answer, with ``"expected_sentence"``
(text, or a list of texts, one of which the answering sentence must contain), and ``"kind"`` (what the
question tests: ``off_topic``, ``other_topic_described`` ...; tuning reports each kind).

The dev and judged sets also have description labels (``ask_description_labels.jsonl`` in their folder):
whether the product's description answers each product-scoped question, and with which text. hit@1 is the
fair rule of ``judge.py``: the expected entry (or ``also_ok``), or a description answer holding a labelled
span, or abstaining when neither the FAQ nor the description answers; ``is_hit_faq_only`` is the rule
used before those labels.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from knowledge.qa.importer import DEMO_FAQ, load_demo_faq
from knowledge.qa.judge import LabelledQuestion, is_hit, is_hit_faq_only, read_labelled, summarize
from store.uow import UnitOfWorkFactory

__all__ = ["LabelledQuestion", "read_labelled", "is_hit", "is_hit_faq_only", "summarize", "demo_store",
           "TUNING_SET", "SCOPE_SET", "JUDGED_SET", "DEV_SET"]

_ROOT = Path(__file__).resolve().parents[1]
TUNING_SET = _ROOT / "qa" / "data" / "tuning.jsonl"
# Off-topic and near-miss questions, product questions on topics the product's own entry does not cover,
# and questions naming a product with none in view (written for the confidence to learn to abstain).
SCOPE_SET = _ROOT / "qa" / "data" / "tuning_scope.jsonl"
JUDGED_SET = _ROOT / "eval" / "ask_judged.jsonl"
DEV_SET = _ROOT / "eval" / "dev" / "ask.jsonl"


@asynccontextmanager
async def demo_store(workdir: Path, faq: Path = DEMO_FAQ) -> AsyncIterator[UnitOfWorkFactory]:
    """A scratch SQLite store holding the demo catalog and the demo FAQ."""
    from store.catalog.importer import import_catalog
    from store.db import create_engine, session_factory
    from store.demo.loader import CATALOG_FILE
    from store.migrate import upgrade_async

    url = f"sqlite:///{workdir / 'qa-eval.sqlite3'}"
    await upgrade_async(url)
    engine = create_engine(url)
    try:
        uows = UnitOfWorkFactory(session_factory(engine))
        async with uows() as uow:
            await import_catalog(uow, CATALOG_FILE, default_currency="USD", source="qa-eval", actor="qa-eval")
        await load_demo_faq(uows, faq)
        yield uows
    finally:
        await engine.dispose()
