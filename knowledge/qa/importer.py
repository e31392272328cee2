"""Import question/answer pairs into the knowledge base: all or nothing, every problem with its line.

Like the catalog import, the whole file is validated first (fields, then SKUs against the catalog) and
written in one transaction, so a bad row never leaves half a file behind. Re-importing the same file adds
nothing (exact duplicates are recognised by the store). With a started ``QAService`` the import also merges
near-duplicate questions -- against the knowledge base and against earlier rows of the same file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from knowledge.encoders.base import Vectors, encode_async
from knowledge.qa.dedupe import find_duplicate
from knowledge.qa.errors import ImportProblem, KBImportError
from knowledge.qa.import_rows import KBRow, read_rows
from knowledge.qa.retrieval import QAService
from store.errors import NotFound
from store.knowledge_base import resolve_scope, stage_question_with_answer
from store.knowledge_base_records import NewPair, ProductScope, detect_language
from store.uow import UnitOfWork, UnitOfWorkFactory

__all__ = ["ImportResult", "import_kb", "load_demo_faq", "DEMO_FAQ"]

DEMO_FAQ = Path(__file__).resolve().parents[1] / "demo" / "faq.json"


@dataclass(frozen=True)
class ImportResult:
    rows: int
    questions_created: int
    merged: int  # rows that joined an existing question (exact or near-duplicate)
    answers_added: int
    unchanged: int  # rows already in the knowledge base


async def _scopes(uow: UnitOfWork, rows: list[KBRow]) -> tuple[dict[str, ProductScope], list[ImportProblem]]:
    scopes: dict[str, ProductScope] = {}
    problems: list[ImportProblem] = []
    for row in rows:
        if row.sku is None or row.sku in scopes:
            continue
        try:
            scopes[row.sku] = await resolve_scope(uow, row.sku)
        except NotFound:
            problems.extend(ImportProblem(r.line, f"unknown product or SKU {row.sku!r}")
                            for r in rows if r.sku == row.sku)
    return scopes, problems


class _NearDuplicates:
    """Finds the question a row should merge into: a known one, or an earlier row of this file."""

    def __init__(self, service: QAService, vectors: Vectors) -> None:
        self.service = service
        self.vectors = vectors
        self.seen: list[tuple[int, int | None, str, int]] = []  # (row index, product id, language, question id)

    def target(self, i: int, product_id: int | None, language: str) -> int | None:
        vector = self.vectors[i]
        known = find_duplicate(self.service.index, vector, language=language, product_id=product_id,
                               threshold=self.service.config.dedupe_threshold)
        if known is not None:
            return known.id
        best_id, best = None, self.service.config.dedupe_threshold
        for j, pid, lang, qid in self.seen:
            if pid == product_id and lang == language:
                sim = float(np.dot(self.vectors[j], vector))
                if sim >= best:
                    best_id, best = qid, sim
        return best_id

    def remember(self, i: int, product_id: int | None, language: str, question_id: int) -> None:
        self.seen.append((i, product_id, language, question_id))


async def import_kb(uow_factory: UnitOfWorkFactory, path: Path, *, service: QAService | None = None,
                    created_by: int | None = None) -> ImportResult:
    """Validate and import ``path``; raises ``KBImportError`` (nothing written) listing every problem."""
    rows, problems = read_rows(path)
    if problems:
        raise KBImportError(str(path), problems)
    near = None
    if service is not None and service.started:
        await service.refresh()
        vectors = await encode_async(service.query_encoder, [r.question for r in rows])
        near = _NearDuplicates(service, vectors)
    created = merged = added = unchanged = 0
    async with uow_factory() as uow:
        scopes, problems = await _scopes(uow, rows)
        if problems:
            raise KBImportError(str(path), sorted(problems, key=lambda p: p.line))
        for i, row in enumerate(rows):
            scope = scopes.get(row.sku) if row.sku else None
            pid, language = (scope.product_id if scope else None), detect_language(row.question)
            target = near.target(i, pid, language) if near else None
            result = await stage_question_with_answer(uow, NewPair(
                question=row.question, answer=row.answer, source=row.source, scope=scope, tags=row.tags,
                created_by=created_by, author_id=created_by, language=language, merge_into=target))
            for wording in row.phrasings:  # other wordings of the same entry: phrasings of it, not new questions
                await stage_question_with_answer(uow, NewPair(
                    question=wording, answer=row.answer, source=row.source, scope=scope, tags=row.tags,
                    created_by=created_by, author_id=created_by, language=detect_language(wording),
                    merge_into=result.question_id))
            if near is not None and not result.merged:
                near.remember(i, pid, language, result.question_id)
            created += not result.merged
            merged += result.merged and result.new_answer
            added += result.new_answer
            unchanged += not result.new_answer
        await uow.commit()
    if service is not None and service.started:
        await service.refresh()
    return ImportResult(rows=len(rows), questions_created=created, merged=merged, answers_added=added,
                        unchanged=unchanged)


async def load_demo_faq(uow_factory: UnitOfWorkFactory, path: Path = DEMO_FAQ) -> int:
    """Load the demo FAQ (the demo command calls this after loading the demo catalog).

    Idempotent: returns how many question/answer pairs this call added -- 0 when it was loaded before.
    The demo FAQ is curated, so its entries are kept as written (no near-duplicate merging).
    """
    result = await import_kb(uow_factory, path)
    return result.answers_added
