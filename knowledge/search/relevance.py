"""The relevance cut: which fused candidates are *the kind of product asked for*.

RRF (hybrid.py) orders candidates but says nothing about where relevance ends: "wireless earbuds" also
pulls in wireless keyboards (one shared word) and, under a "$50" cap, they are all that survives. Any
order other than relevance (price, sales) or any filter then surfaces them. So every candidate gets an
*evidence* score relative to the best candidate of the same query, from both signals:

* ``rc``  -- its cosine divided by the best cosine of the query (vector scales move per query: typo and
  synonym queries top out at 0.15-0.25, exact names at 0.5+, so only the ratio is comparable);
* ``cov`` -- keyword coverage: the IDF-weighted share of the *product words* (the query without stated
  colour/size/brand and without price or sort words) that occur in the product's indexed text.

``evidence = rc + (w/2) * cov`` where ``w`` is the best coverage any candidate reached: when some product
contains every product word (the shopper named something the catalog names) a full keyword match is worth
half the best cosine; when nothing does (a description, a typo) the vector decides alone. A product the
query's words cannot occur in (an English-only product for a Chinese query; a Chinese title that says it
another way) has no coverage: its vector speaks for both signals, ``rc * (1 + w/2)``. The *strength* of a
candidate is its evidence over the best evidence of the query, 0..1; it is kept at ``keep_ratio``, or at
``same_kind_ratio`` if it shares a category with the strongest candidates (a dog bed listed as "sofa pet
bed" beside the other dog beds) or with the strongest product that has every product word and is close by
meaning. Both ratios were chosen on the search dev set (knowledge/eval/dev,
docs/search.md "Relevance cut").

When even the best cosine of the query is below the encoder's noise floor (``noise_floor``, the engine's
``min_cosine``), the vector found nothing: "french press" tops out at 0.13 on a business book, "法压壶" at 0.02 on a
kettlebell. Its ratios are then noise, yet they outweighed the words (rc up to 1 against ``w/2`` = 0.5): the
book, with "press" only in its publisher's name, kept 0.88 of the best evidence, and the kettlebell (壶 of 壶铃)
outranked the French press itself. So a silent vector counts for nothing and the words decide alone: the
strength is the coverage, a product of another kind needs ``keep_ratio`` of it, and a product with every word
is of the kind asked for.

The cut is computed once per query on the *unfiltered* candidates and then applied to whatever the filters
let through -- including the restricted re-search when few candidates pass the filters, and every step of
zero-result relaxation -- so a filter can shrink the list but never let weaker products in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["GateConfig", "RelevanceGate"]

# Coverage at which a product has every product word of the query (coverage is a share, 0..1).
_COMPLETE = 0.999


@dataclass(frozen=True)
class GateConfig:
    keep_ratio: float = 0.75
    same_kind_ratio: float = 0.5
    # How many of the strongest candidates define "the kind asked for" (their categories).
    kind_hits: int = 3
    # A product of another kind also needs this share of the best cosine.
    other_kind_cosine: float = 0.7


class RelevanceGate:
    """Built from the unfiltered candidates of one query; ``keeps`` judges any candidate of that query."""

    def __init__(self, cosines: Mapping[int, float], coverage: Mapping[int, float | None],
                 kinds: Mapping[int, str | None], config: GateConfig | None = None, *,
                 words_known: bool = False, noise_floor: float = 0.0) -> None:
        self.config = config or GateConfig()
        best_cosine = max([c for c in cosines.values() if c > 0], default=0.0)
        self.keyword_weight = max([c for c in coverage.values() if c is not None], default=0.0)
        # A best cosine below the noise floor while some product has the words: the vector found nothing, and
        # its ratios must not speak (with no words either, the vector is all there is).
        self.silent = best_cosine < noise_floor and self.keyword_weight > 0
        self.best_cosine = 0.0 if self.silent else best_cosine
        scale = 1.0 / self.best_cosine if self.best_cosine > 0 else 0.0
        half = self.keyword_weight / 2.0
        scored: dict[int, float] = {}
        for pid in set(cosines) | set(coverage):  # evidence(), inlined: this runs for ~200 candidates a query
            rc = max(cosines.get(pid, 0.0) * scale, 0.0)
            cov = coverage.get(pid)
            scored[pid] = rc * (1.0 + half) if cov is None else rc + half * cov
        self.best = max(scored.values(), default=0.0)
        strongest = sorted((pid for pid, e in scored.items() if e >= self.config.keep_ratio * self.best),
                           key=lambda pid: (-scored[pid], pid))[:self.config.kind_hits]
        # The strongest product that has every product word is of the kind asked for too, even when products
        # found by meaning alone outscore it ("想给狗子买个窝": the pet bed, not only the dog food nearby).
        # Its meaning must be close too (like any product of another kind): coverage skips words no product
        # has, so for "无线鼠标" (鼠标 in no text) the wireless earbuds "have every word" but are far by meaning.
        # ``words_known``: every product word is a Chinese word the catalog has, so having them all is its Chinese
        # name saying so ("浴袍" in 珊瑚绒浴袍, "摇铃" in 木质摇铃3件套), whatever the vector says: the bathrobes
        # (cosine 0.69 of the best, a baby towel's) and the rattles were cut and "浴袍" listed baby towels.
        complete = [pid for pid, c in coverage.items() if c is not None and c >= _COMPLETE and pid in scored
                    and (words_known or self.silent
                         or cosines.get(pid, 0.0) * scale >= self.config.other_kind_cosine)]
        if complete:
            strongest.append(min(complete, key=lambda pid: (-scored[pid], pid)))
        self.kinds = frozenset(k for pid in strongest if (k := kinds.get(pid)))

    def evidence(self, cosine: float | None, coverage: float | None) -> float:
        """``rc + w/2 * cov``. ``coverage`` None: the product has no text the query's words could match (an
        English-only product for a Chinese query), so its vector speaks for both signals: ``rc * (1 + w/2)``."""
        rc = max((cosine or 0.0) / self.best_cosine, 0.0) if self.best_cosine > 0 else 0.0
        half = self.keyword_weight / 2.0
        return rc * (1.0 + half) if coverage is None else rc + half * coverage

    def strength(self, cosine: float | None, coverage: float | None) -> float:
        """Evidence relative to the best evidence of the query, 0..1."""
        return self.evidence(cosine, coverage) / self.best if self.best > 0 else 0.0

    def keeps(self, cosine: float | None, coverage: float | None, kind: str | None) -> bool:
        value = self.strength(cosine, coverage)
        if kind is not None and kind in self.kinds:
            return value >= self.config.same_kind_ratio
        # Another kind than the strongest hits: the words alone must not carry it ("dress shoes" contain
        # "dress"), its meaning must be close too.
        if self.silent:  # no meaning to check: the words must carry it
            return value >= self.config.keep_ratio
        rc = max((cosine or 0.0) / self.best_cosine, 0.0) if self.best_cosine > 0 else 0.0
        return value >= self.config.keep_ratio and rc >= self.config.other_kind_cosine
