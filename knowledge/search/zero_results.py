"""When a search finds nothing: log it for the shop owner and offer the nearest alternatives.

Alternatives come from loosening the filters step by step (colour, size, stock, price, brand, category:
see ``SearchFilters.relaxations``) and, when that still finds nothing, from meaning alone (nearest
vectors with no relevance threshold). Either way the results carry ``ask_staff=True`` so the dialogue
offers a human: the alternatives are "closest we have", not an answer.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import datetime

from sqlalchemy import func, select

from knowledge.encoders.base import Vectors
from knowledge.search.engine import SearchEngine
from knowledge.search.filters import Relaxation
from knowledge.search.models import SearchHit, SearchQuery, SearchResults
from store.models.search_log import ZeroResultQuery
from store.uow import UnitOfWork

__all__ = ["find_alternatives", "with_alternatives", "record_zero_result", "ZeroResultSummary",
           "zero_result_report"]


def find_alternatives(engine: SearchEngine, query: SearchQuery,
                      vector: Vectors | None) -> tuple[tuple[SearchHit, ...], tuple[Relaxation, ...]]:
    relaxed: list[Relaxation] = []
    for kind, filters in query.filters.relaxations():
        relaxed.append(kind)
        found = engine.search_vector(replace(query, filters=filters), vector)
        if found.hits:
            return found.hits, tuple(relaxed)
    if vector is None:
        return (), tuple(relaxed)
    return tuple(engine.nearest(vector, query.limit)), tuple(relaxed)


def with_alternatives(engine: SearchEngine, results: SearchResults, vector: Vectors | None) -> SearchResults:
    """``results`` unchanged if it has hits, else the same empty answer plus alternatives and ask_staff."""
    if results.hits:
        return results
    alternatives, relaxed = find_alternatives(engine, results.query, vector)
    return replace(results, alternatives=alternatives, relaxed=relaxed, ask_staff=True)


def _normalize(text: str) -> str:
    return " ".join(text.lower().split())[:1000]


async def record_zero_result(uow: UnitOfWork, results: SearchResults) -> None:
    """Store one zero-result query; commits its own small transaction."""
    query = results.query
    uow.session.add(ZeroResultQuery(
        query=query.text[:1000], normalized=_normalize(query.text), language=query.language,
        filters={k: v for k, v in asdict(query.filters).items() if v not in (None, False)},
        user_id=query.user_id, alternatives_shown=len(results.alternatives),
    ))
    await uow.commit()


@dataclass(frozen=True)
class ZeroResultSummary:
    query: str
    count: int
    last_seen: datetime


async def zero_result_report(uow: UnitOfWork, limit: int = 50) -> list[ZeroResultSummary]:
    """The most frequent queries that found nothing, for the owner: what to stock or how to retitle."""
    stmt = (
        select(ZeroResultQuery.normalized, func.count(), func.max(ZeroResultQuery.created_at))
        .group_by(ZeroResultQuery.normalized)
        .order_by(func.count().desc(), func.max(ZeroResultQuery.created_at).desc())
        .limit(limit)
    )
    rows = (await uow.session.execute(stmt)).all()
    return [ZeroResultSummary(str(q), int(n), last) for q, n, last in rows]
