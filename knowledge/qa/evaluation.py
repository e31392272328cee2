"""Measure Q&A quality: a demo knowledge base in a scratch database, a labelled question set, hit@1.

Shared by the tuning run (knowledge/qa/tune.py: our tuning sets plus the development set) and the benchmark
(bench/ask.py: the sealed judged set by default, or the dev set). A labelled line is ``{"question",
"product": sku|null, "expected_question": text|null, "also_ok": [...], "cross_language": bool}``; null
means the right reply is "I don't know". Our tuning sets may also say ``"expected_source":
"product_description"`` when the product's description holds the answer, with ``"expected_sentence"``
(text, or a list of texts, one of which the answering sentence must contain), and ``"kind"`` (what the
question tests: ``off_topic``, ``other_topic_described`` ...; tuning reports each kind).

hit@1: the answer's matched question is the expected one (or in ``also_ok``), or the bot correctly
abstained, or (our tuning sets only) it answered from the description where that was expected, with the
expected sentence when one is given.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from knowledge.qa.answer import Answer
from knowledge.qa.importer import DEMO_FAQ, load_demo_faq
from store.models.knowledge_base import AnswerSource
from store.uow import UnitOfWorkFactory

__all__ = ["LabelledQuestion", "read_labelled", "is_hit", "demo_store", "TUNING_SET", "SCOPE_SET", "JUDGED_SET",
           "DEV_SET"]

_ROOT = Path(__file__).resolve().parents[1]
TUNING_SET = _ROOT / "qa" / "data" / "tuning.jsonl"
# Off-topic and near-miss questions, product questions on topics the product's own entry does not cover,
# and questions naming a product with none in view (written for the confidence to learn to abstain).
SCOPE_SET = _ROOT / "qa" / "data" / "tuning_scope.jsonl"
JUDGED_SET = _ROOT / "eval" / "ask_judged.jsonl"
DEV_SET = _ROOT / "eval" / "dev" / "ask.jsonl"


@dataclass(frozen=True)
class LabelledQuestion:
    line: int
    question: str
    product: str | None
    expected_question: str | None
    expected_source: AnswerSource | None = None
    # Other FAQ questions whose answers the judges also accept (e.g. the same entry in the other language).
    also_ok: tuple[str, ...] = ()
    # The only answering entry is in the other language (a Chinese question about an English-only entry).
    cross_language: bool = False
    # Our tuning sets: the description sentence that answers (one of these texts), and what is tested.
    expected_sentence: tuple[str, ...] = ()
    kind: str = ""

    @property
    def answerable(self) -> bool:
        return bool(self.expected_question or self.expected_source)


def read_labelled(path: Path) -> list[LabelledQuestion]:
    items: list[LabelledQuestion] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        data = json.loads(line)
        source = data.get("expected_source")
        sentence = data.get("expected_sentence") or ()
        items.append(LabelledQuestion(n, data["question"], data.get("product") or None,
                                      data.get("expected_question") or None,
                                      AnswerSource(source) if source else None,
                                      tuple(data.get("also_ok") or ()), bool(data.get("cross_language")),
                                      (sentence,) if isinstance(sentence, str) else tuple(sentence),
                                      str(data.get("kind") or "")))
    return items


def is_hit(item: LabelledQuestion, answer: Answer) -> bool:
    if item.expected_source is AnswerSource.PRODUCT_DESCRIPTION:
        if answer.source is AnswerSource.PRODUCT_DESCRIPTION:
            text = (answer.answer or "").lower()
            return not item.expected_sentence or any(s.lower() in text for s in item.expected_sentence)
        return answer.matched_question is not None and answer.matched_question in item.also_ok
    if item.expected_question is None:
        return answer.answer is None
    accepted = {item.expected_question, *item.also_ok}
    return answer.answer is not None and answer.matched_question in accepted


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
