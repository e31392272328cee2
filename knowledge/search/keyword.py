"""BM25 keyword index (``bm25s``) that follows single-product changes without a full rebuild.

bm25s builds an immutable sparse score matrix (fast to query, memory-mappable), but cannot add or drop
one document. So the index is two-level:

* the *main* bm25s index built at rebuild time; a changed or deleted product's row is masked out;
* a small *delta* of changed/new products, scored here with the same BM25 formula (Lucene variant,
  k1=1.5, b=0.75) and the main index's statistics (document count, document frequencies, average length),
  so delta scores are on the same scale as main scores and the two lists merge by score.

When the delta grows past ``merge_threshold`` the owner calls ``merge()`` (a rebuild from the tokens it
keeps), normally in a background thread. Tokens come from ``knowledge.text.tokenize``: the same analysis
for documents and queries, including jieba for Chinese.
"""

from __future__ import annotations

import json
import math
import os
import threading
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from knowledge.search.code_forms import code_forms, squashed_codes
from knowledge.text.spelling import Speller

__all__ = ["KeywordIndex", "K1", "B"]

K1 = 1.5
B = 0.75
_DIR = "bm25"
_META = "keyword.json"


class KeywordIndex:
    def __init__(self) -> None:
        self._retriever: Any = None
        self._row_ids: list[int] = []          # main row -> product id
        self._rows: dict[int, int] = {}        # product id -> main row (live rows only)
        self._alive: np.ndarray[Any, np.dtype[np.float32]] = np.zeros(0, dtype=np.float32)
        self._df: dict[str, int] = {}
        self._n = 0
        self._avgdl = 1.0
        self._delta: dict[int, list[str]] = {}
        self._speller: Speller | None = None
        # Squashed code ("wh1000xm5") -> the catalog's codes written so ("wh-1000xm5"); built on first use.
        self._codes: dict[str, tuple[str, ...]] | None = None
        self._lock = threading.RLock()

    # ---- building -------------------------------------------------------------------------------
    @classmethod
    def build(cls, ids: Sequence[int], tokens: Sequence[list[str]]) -> KeywordIndex:
        index = cls()
        index._build_main(list(ids), list(tokens))
        return index

    def _build_main(self, ids: list[int], tokens: list[list[str]]) -> None:
        import bm25s

        if len(ids) != len(tokens):
            raise ValueError("ids and tokens differ in length")
        retriever = None
        if ids:
            retriever = bm25s.BM25(k1=K1, b=B, method="lucene")
            retriever.index(tokens, show_progress=False)
        df: Counter[str] = Counter()
        for toks in tokens:
            df.update(set(toks))
        with self._lock:
            self._retriever = retriever
            self._row_ids = ids
            self._rows = {pid: row for row, pid in enumerate(ids)}
            self._alive = np.ones(len(ids), dtype=np.float32)
            self._df = dict(df)
            self._n = len(ids)
            self._avgdl = max(1.0, sum(len(t) for t in tokens) / len(tokens)) if tokens else 1.0
            self._delta = {}
            self._speller = None
            self._codes = None

    def upsert(self, product_id: int, tokens: list[str]) -> None:
        with self._lock:
            self._mask_main(product_id)
            self._delta[product_id] = tokens

    def remove(self, product_id: int) -> None:
        with self._lock:
            self._mask_main(product_id)
            self._delta.pop(product_id, None)

    def _mask_main(self, product_id: int) -> None:
        row = self._rows.pop(product_id, None)
        if row is not None:
            self._alive[row] = 0.0

    @property
    def delta_size(self) -> int:
        return len(self._delta)

    def needs_merge(self, merge_threshold: int | None = None) -> bool:
        limit = merge_threshold if merge_threshold is not None else max(500, self._n // 20)
        return len(self._delta) > limit or len(self._rows) < self._n * 3 // 4

    def merge(self, ids: Sequence[int], tokens: Sequence[list[str]]) -> None:
        """Replace everything with a fresh main index over the given live documents."""
        self._build_main(list(ids), list(tokens))

    # ---- searching ------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._rows) + len(self._delta)

    def __contains__(self, product_id: object) -> bool:
        return product_id in self._rows or product_id in self._delta

    def warm_up(self) -> None:
        """Build the spelling corrector now (its Chinese readings take ~1 s per 10k words), not on a query."""
        self.spelling([], "中文")

    def spelling(self, tokens: list[str], text: str) -> list[str]:
        """Catalog words for the query's misspelt words (knowledge/text/spelling.py); built on first use from
        the main index's vocabulary and rebuilt after a merge."""
        return list(dict.fromkeys(self.spelling_fixes(tokens, text).values()))

    def spelling_fixes(self, tokens: list[str], text: str) -> dict[str, str]:
        """Each misspelt word of the query -> the catalog word meant (``Speller.fixes``)."""
        speller = self._speller
        if speller is None:
            with self._lock:
                speller = self._speller = self._speller or Speller(self._df)
        return speller.fixes(tokens, text)

    def code_forms(self, tokens: Sequence[str]) -> list[str]:
        """The catalog's codes that the query's tokens spell another way (knowledge/search/code_forms.py)."""
        codes = self._codes
        if codes is None:
            with self._lock:
                codes = self._codes = self._codes or squashed_codes(self._df)
        return code_forms(tokens, codes)

    def document_frequency(self, token: str) -> int:
        """How many main-index products contain ``token`` (0 for a word the catalog never uses)."""
        return self._df.get(token, 0)

    def _idf(self, token: str) -> float:
        df = self._df.get(token, 0)
        n = max(self._n, 1)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def _delta_scores(self, query: list[str], allowed: Collection[int] | None) -> list[tuple[int, float]]:
        if not self._delta:
            return []
        avgdl = self._avgdl if self._n else max(1.0, sum(map(len, self._delta.values())) / len(self._delta))
        weights = {t: self._idf(t) for t in set(query)}
        counts = Counter(query)
        out: list[tuple[int, float]] = []
        for pid, toks in self._delta.items():
            if allowed is not None and pid not in allowed:
                continue
            tf = Counter(toks)
            norm = K1 * (1 - B + B * len(toks) / avgdl)
            score = sum(counts[t] * w * tf[t] / (norm + tf[t]) for t, w in weights.items() if tf[t])
            if score > 0:
                out.append((pid, score))
        return out

    def _main_scores(self, query: list[str], k: int,
                     allowed: Collection[int] | None) -> list[tuple[int, float]]:
        if self._retriever is None:
            return []
        token_ids = self._retriever.get_tokens_ids(query)
        if not token_ids:
            return []
        scores = np.asarray(self._retriever.get_scores_from_ids(token_ids), dtype=np.float32)
        scores = scores * self._alive
        if allowed is not None:
            mask = np.zeros_like(scores)
            rows = [self._rows[p] for p in allowed if p in self._rows]
            mask[rows] = 1.0
            scores *= mask
        hits = np.flatnonzero(scores > 0)
        if len(hits) > k:
            hits = hits[np.argpartition(-scores[hits], k - 1)[:k]]
        return [(self._row_ids[int(r)], float(scores[r])) for r in hits]

    def coverage(self, query: list[str], ids: Collection[int],
                 named: Mapping[int, Collection[str]] | None = None, weak: float = 1.0) -> dict[int, float]:
        """For each product in ``ids``: the IDF-weighted share of the distinct query tokens its text contains.

        Read from the postings of the query's own tokens (bm25s keeps, per token, the sorted rows that
        contain it), so the cost is a binary search of the candidates in each token's posting list, not a
        pass over the catalog. Used by the relevance cut (knowledge/search/relevance.py). ``named``: a
        product's tokens in its name fields (documents.name_text); a token it has only elsewhere (brand,
        description) counts ``weak`` of its weight."""
        terms = list(dict.fromkeys(query))
        out = dict.fromkeys(ids, 0.0)
        if not terms or not out:
            return out
        with self._lock:
            fresh = {pid: set(self._delta[pid]) for pid in out if pid in self._delta}
            # A word no product contains (a typo, a word the catalog never uses) tells products apart no
            # better than nothing: it does not count, so "scented candel" is judged on "scented".
            weights = {t: self._idf(t) for t in terms
                       if self._df.get(t, 0) > 0 or any(t in toks for toks in fresh.values())}
            total = sum(weights.values())
            if total <= 0:
                return out
            if self._retriever is not None:
                pids = [p for p in out if p in self._rows]
                if pids:
                    rows = np.asarray([self._rows[p] for p in pids], dtype=np.int64)
                    indptr, indices = self._retriever.scores["indptr"], self._retriever.scores["indices"]
                    share = np.zeros(len(rows))
                    for term, weight in weights.items():
                        tid = self._retriever.vocab_dict.get(term)
                        if tid is None:
                            continue
                        posting = indices[int(indptr[tid]):int(indptr[tid + 1])]
                        if len(posting) == 0:
                            continue
                        at = np.minimum(np.searchsorted(posting, rows), len(posting) - 1)
                        factors = np.asarray([_factor(term, pid, named, weak) for pid in pids])
                        share += np.where(posting[at] == rows, weight * factors, 0.0)
                    for pid, value in zip(pids, share.tolist(), strict=True):
                        out[pid] = value / total
            for pid, present in fresh.items():
                out[pid] = sum(w * _factor(t, pid, named, weak) for t, w in weights.items() if t in present) / total
        return out

    def search(self, query: list[str], k: int, allowed: Collection[int] | None = None) -> list[tuple[int, float]]:
        """Top ``k`` (product id, BM25 score) with score > 0, best first."""
        if not query or k <= 0:
            return []
        with self._lock:
            merged = self._main_scores(query, k, allowed) + self._delta_scores(query, allowed)
        merged.sort(key=lambda pair: (-pair[1], pair[0]))
        return merged[:k]

    # ---- persistence ----------------------------------------------------------------------------
    def save(self, directory: Path) -> None:
        """Persist the main index; the delta is folded in first by the owner (``merge``) if non-empty."""
        target = directory / _DIR
        tmp = directory / (_DIR + ".tmp")
        with self._lock:
            tmp.mkdir(parents=True, exist_ok=True)
            if self._retriever is not None:
                self._retriever.save(str(tmp), show_progress=False)
            meta = {"row_ids": self._row_ids, "alive": self._alive.astype(bool).tolist(), "df": self._df,
                    "n": self._n, "avgdl": self._avgdl,
                    "delta": {str(k): v for k, v in self._delta.items()}}
            (tmp / _META).write_text(json.dumps(meta, ensure_ascii=False))
        if target.exists():
            old = directory / (_DIR + ".old")
            os.replace(target, old)
            os.replace(tmp, target)
            _rmtree(old)
        else:
            os.replace(tmp, target)

    @staticmethod
    def exists(directory: Path) -> bool:
        return (directory / _DIR / _META).exists()

    @classmethod
    def load(cls, directory: Path, *, mmap: bool = True) -> KeywordIndex:
        import bm25s

        target = directory / _DIR
        meta = json.loads((target / _META).read_text())
        index = cls()
        if meta["row_ids"]:
            index._retriever = bm25s.BM25.load(str(target), mmap=mmap, load_corpus=False)
        index._row_ids = [int(x) for x in meta["row_ids"]]
        alive = np.asarray(meta["alive"], dtype=bool)
        index._alive = alive.astype(np.float32)
        index._rows = {pid: row for row, pid in enumerate(index._row_ids) if alive[row]}
        index._df = {str(k): int(v) for k, v in meta["df"].items()}
        index._n = int(meta["n"])
        index._avgdl = float(meta["avgdl"])
        index._delta = {int(k): list(v) for k, v in meta["delta"].items()}
        return index


def _factor(term: str, pid: int, named: Mapping[int, Collection[str]] | None, weak: float) -> float:
    """1 for a token in the product's name fields (or when they are not given), else ``weak``."""
    return 1.0 if named is None or pid not in named or term in named[pid] else weak


def _rmtree(path: Path) -> None:
    import shutil

    shutil.rmtree(path, ignore_errors=True)
