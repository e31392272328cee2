"""Which catalog product a question names ("is the bodum mug dishwasher safe?"), when none is in view.

Without this, such a question is shop-wide and the ranker may serve another product's look-alike entry
(the Hearth & Kiln mug's "dishwasher safe" answer, calling the Bodum mug porcelain). A named product makes
the question product-scoped: its own entries, then its description, then shop-wide entries.

A product is named by
* its **brand plus a word of its title's name part** (before the first comma: "bodum" + "mug"; the Chinese
  "Muji的拖鞋" matches "slippers" by word vector), best overlap among the brand's products, IDF-weighted
  over all titles; a one-word brand alone is not enough (brands such as "Deli" or "Wonderful" are
  ordinary words), a brand of several words, or one long word, that has a single product is ("yankee
  candle");
* or, without a brand, a **distinctive title word**: a model name that at most ``MAX_NAMED`` products
  mention anywhere in their titles or descriptions, that no shop-wide FAQ entry uses, and that is long
  (``MIN_NAME_CHARS``) or has a digit ("chambord", "forerunner", "wh-1000xm5"; not "ticket" or "station",
  which are in a board game's and a charger's names but mostly mean something else).

A brand of several words is matched by all of them, or by one that no other brand has ("fenwick" for
Fenwick Pottery).

More than ``MAX_NAMED`` equally good products ("the uniqlo shirt") name nothing in particular. The lookup is
in memory (a few hundred titles: microseconds per question); ``QAService`` loads it at start and re-reads a
product when a committed ``ProductChanged`` names it.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from knowledge.qa.words import WordVectors

__all__ = ["CatalogNames", "NamedProduct", "ProductName", "MAX_NAMED", "SOFT_TITLE_MATCH"]

MAX_NAMED = 3
MIN_NAME_CHARS = 8
# A Chinese word names an English title word at this word-vector cosine (杯子 ~ mug 0.76, 拖鞋 ~ slipper
# 0.59 after stemming, 插座 ~ plug 0.64; 盖子 ~ mug 0.53). Only the brand's products' words are compared.
SOFT_TITLE_MATCH = 0.58


@dataclass(frozen=True)
class ProductName:
    product_id: int
    external_id: str
    title: str
    brand: str | None
    description: str = ""


@dataclass(frozen=True)
class NamedProduct:
    product_ids: tuple[int, ...]
    external_ids: tuple[str, ...]
    # The question's words that named it: they say which product, not what is asked about it.
    tokens: frozenset[str]


def _head(title: str) -> str:
    """The name part of a title, before the first comma: "Le Creuset Cast Iron Sauté Pan with Lid" of
    "..., 24 cm, Oven Safe to 260°C" (the rest are specifications, which questions ask about: "is it oven
    safe?" must not name the pan)."""
    return title.split(",")[0]


def _han(token: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in token)


class CatalogNames:
    def __init__(self, tokenizer: Callable[[str], list[str]], words: WordVectors | None = None) -> None:
        self.tokenizer = tokenizer
        self.words = words
        self._products: dict[int, ProductName] = {}
        self._reserved: frozenset[str] = frozenset()
        self._stale = True
        self._brands: dict[tuple[str, ...], list[int]] = {}
        self._title_words: dict[int, frozenset[str]] = {}
        self._by_word: dict[str, list[int]] = {}
        self._idf: dict[str, float] = {}
        self._brand_words: dict[str, tuple[str, ...]] = {}

    def __len__(self) -> int:
        return len(self._products)

    def replace_all(self, products: Iterable[ProductName]) -> None:
        self._products = {p.product_id: p for p in products}
        self._stale = True

    def upsert(self, product: ProductName) -> None:
        self._products[product.product_id] = product
        self._stale = True

    def remove(self, product_id: int) -> None:
        if self._products.pop(product_id, None) is not None:
            self._stale = True

    def reserve(self, words: Iterable[str]) -> None:
        """Words of shop-wide entries: they never name a product on their own ("gift", "card")."""
        self._reserved = frozenset(words)
        self._stale = True

    def _rebuild(self) -> None:
        brands: dict[tuple[str, ...], list[int]] = {}
        title_words: dict[int, frozenset[str]] = {}
        df: Counter[str] = Counter()
        anywhere: Counter[str] = Counter()  # products whose title or description has the word
        for p in self._products.values():
            brand = tuple(t for t in self.tokenizer(p.brand or "") if len(t) > 1)
            if brand:
                brands.setdefault(brand, []).append(p.product_id)
            words = frozenset(t for t in self.tokenizer(_head(p.title)) if not t.isdigit() and t not in brand)
            title_words[p.product_id] = words
            df.update(words)
            anywhere.update(words | set(self.tokenizer(p.description)))
        n = max(1, len(self._products))
        self._idf = {t: math.log(1.0 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}
        by_word: dict[str, list[int]] = {}
        for pid, words in title_words.items():
            for t in words:
                if anywhere[t] <= MAX_NAMED:
                    by_word.setdefault(t, []).append(pid)
        # A word of a several-word brand that no other brand has names the brand on its own.
        owners: dict[str, set[tuple[str, ...]]] = {}
        for brand in brands:
            for t in brand:
                owners.setdefault(t, set()).add(brand)
        self._brand_words = {t: next(iter(b)) for t, b in owners.items()
                             if len(b) == 1 and len(t) >= 4 and not any(c.isdigit() for c in t)}
        self._brands, self._title_words, self._by_word = brands, title_words, by_word
        self._stale = False

    def find(self, tokens: Sequence[str]) -> NamedProduct | None:
        """The product(s) the question names, or None. May encode a few title words (blocking)."""
        if self._stale:
            self._rebuild()
        present = set(tokens)
        matched = [b for b in self._brands if all(t in present for t in b)]
        matched += [self._brand_words[t] for t in present if t in self._brand_words and t not in self._reserved]
        matched = list(dict.fromkeys(matched))
        # "Hearth & Kiln" beats a brand made of one of its words.
        matched = [b for b in matched if not any(set(b) < set(o) for o in matched)]
        best: tuple[float, list[int], set[str]] = (0.0, [], set())
        for brand in matched:
            score, pids, used = self._best_of(self._brands[brand], present)
            if score <= 0 and len(self._brands[brand]) == 1 and (len(brand) > 1 or len(brand[0]) >= MIN_NAME_CHARS):
                score, pids, used = 1e-6, list(self._brands[brand]), set()
            if score > best[0]:
                best = (score, pids, used | set(brand))
            elif score == best[0] and score > 0:
                best = (score, best[1] + pids, best[2] | used | set(brand))
        if not best[1]:
            best = self._distinctive(present)
        pids = sorted(set(best[1]))
        if not pids or len(pids) > MAX_NAMED:
            return None
        return NamedProduct(tuple(pids), tuple(self._products[p].external_id for p in pids), frozenset(best[2]))

    def title_tokens(self, product_id: int, tokens: Sequence[str]) -> set[str]:
        """The question's words that refer to this product (its brand or title words; Chinese words by
        meaning): "mug" and 杯子 in a question about a mug in view. May encode a few words (blocking)."""
        if self._stale:
            self._rebuild()
        product = self._products.get(product_id)
        if product is None:
            return set()
        words = self._title_words[product_id] | {t for t in self.tokenizer(product.brand or "") if len(t) > 1}
        present = set(tokens)
        used = {t for t in present if t in words}
        used.update(self._soft_matches([product_id], present).get(product_id, {}))
        return used

    def _best_of(self, pids: list[int], present: set[str]) -> tuple[float, list[int], set[str]]:
        soft = self._soft_matches(pids, present)
        best: tuple[float, list[int], set[str]] = (0.0, [], set())
        for pid in pids:
            words = self._title_words[pid]
            used = {t for t in present if t in words}
            score = sum(self._idf.get(t, 0.0) for t in used)
            for q, (title_word, match) in soft.get(pid, {}).items():
                if q not in used:
                    score += self._idf.get(title_word, 0.0) * match
                    used.add(q)
            if score <= 0:
                continue
            if score > best[0] + 1e-9:
                best = (score, [pid], used)
            elif abs(score - best[0]) <= 1e-9:
                best = (score, [*best[1], pid], best[2] | used)
        return best

    def _soft_matches(self, pids: list[int], present: set[str]) -> dict[int, dict[str, tuple[str, float]]]:
        """Chinese question words matched to English title words by word vector."""
        han = sorted(t for t in present if _han(t))
        if not han or self.words is None:
            return {}
        vocab = sorted({t for pid in pids for t in self._title_words[pid] if not _han(t)})
        if not vocab:
            return {}
        self.words.prime(vocab)
        sims = self.words.matrix(han) @ self.words.matrix(vocab).T
        index = {t: i for i, t in enumerate(vocab)}
        out: dict[int, dict[str, tuple[str, float]]] = {}
        for pid in pids:
            cols = [index[t] for t in self._title_words[pid] if t in index]
            if not cols:
                continue
            for row, q in enumerate(han):
                j = int(np.argmax(sims[row, cols]))
                cos = float(sims[row, cols[j]])
                if cos >= SOFT_TITLE_MATCH:
                    out.setdefault(pid, {})[q] = (vocab[cols[j]], cos)
        return out

    def _distinctive(self, present: set[str]) -> tuple[float, list[int], set[str]]:
        votes: Counter[int] = Counter()
        used: set[str] = set()
        for t in present:
            pids = self._by_word.get(t, [])
            if not pids or len(pids) > MAX_NAMED or t in self._reserved or _han(t):
                continue
            if len(t) < MIN_NAME_CHARS and not any(c.isdigit() for c in t):
                continue
            used.add(t)
            for pid in pids:
                votes[pid] += 1
        if not votes:
            return 0.0, [], set()
        top = max(votes.values())
        return float(top), [p for p, v in votes.items() if v == top], used
