"""Model numbers: "iPhone 15 Pro" is not "iPhone 15", and a case for one does not fit the other.

WHY: by words and by meaning, "iphone 15" and "iPhone 15 Pro" are almost the same text -- the vector puts
them side by side and BM25 finds every word of one in the other -- so "有 iphone 15 的手机壳吗" listed the
cases for the 15 Pro, and "iphone 16" listed iPhone 15 products as if they were it. A model is a *line*
(the word before the number: iphone, galaxy, pixel, pegasus) + a *number* ("15", "s24", "8a") + its
*variant* words (pro, max, plus, ultra, mini, lite, fe, se). Two models are the same product only when all
three agree.

The catalog says which lines exist: the ``model``/``phone_model``/``compatible_with`` attributes (and a
title that names a known line with a number). A query names a model when it has a known line followed by
a number ("iphone 15 pro", "iphone15", "galaxy s24"). Then (``Ranker``):

* products with the exact model come first; products of the same line with *another* model (a different
  number or variant) are left out -- when at least one exact match exists;
* when none exists ("iphone 16"), the closest products stay and ``SearchResults.missing_model`` names the
  model asked for, so the dialogue says plainly that the shop does not have it before showing them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from knowledge.search.documents import ProductDoc, attribute_values

__all__ = ["Model", "parse_models", "query_models", "product_models", "model_lines", "MODEL_ATTRIBUTES",
           "exact_model"]

MODEL_ATTRIBUTES = ("model", "phone_model", "compatible_with")
VARIANT_WORDS = frozenset({"pro", "max", "plus", "ultra", "mini", "lite", "fe", "se"})
# A line word, optional spaces or a hyphen, a number with at most one leading letter and two trailing ones ("15",
# "s24", "8a", "770nc"; a generation after letters: "wh-1000xm5"), then any variant words.
_MODEL = re.compile(r"(?<![0-9a-z])([a-z][a-z\-]*[a-z])(?:\s*|-)([a-z]?\d{1,4}(?:[a-z]{1,2}\d{1,2})?[a-z]{0,2})"
                    r"(?![0-9a-z])"
                    r"((?:\s*(?:\+|(?:pro|max|plus|ultra|mini|lite|fe|se)(?![0-9a-z])))*)")
# Words that come before a number without being a product line ("size 8", "under 100", "pack 3").
_NOT_LINES = frozenset({
    "size", "sizes", "under", "over", "below", "above", "pack", "set", "of", "for", "with", "and", "to", "up",
    "ages", "age", "us", "uk", "eu", "usd", "top", "the", "a", "an", "in", "at", "by", "x", "no", "only",
    "than", "about", "around", "between", "from", "less", "more", "max", "min", "series", "gen", "version",
})


# (line, number, variant words)
ModelKey = tuple[str, str, frozenset[str]]


@dataclass(frozen=True)
class Model:
    line: str
    number: str
    variants: frozenset[str]
    # How it was written (for the reply: "iPhone 16").
    surface: str

    @property
    def key(self) -> ModelKey:
        return (self.line, self.number, self.variants)


def _variants(tail: str) -> frozenset[str]:
    words = tail.lower().replace("+", " plus ").split()
    return frozenset(w for w in words if w in VARIANT_WORDS)


@lru_cache(maxsize=65536)
def parse_models(text: str, lines: frozenset[str] | None = None) -> tuple[Model, ...]:
    """The models named in ``text``; only of ``lines`` when given (a query: lines the catalog has)."""
    lowered = text.lower()
    found = []
    for m in _MODEL.finditer(lowered):
        line = m.group(1).split("-")[-1]
        if line in _NOT_LINES or line in VARIANT_WORDS:
            continue
        if lines is not None and line not in lines:
            continue
        number = m.group(2)
        if number.isalpha() or (not number[0].isdigit() and not m.group(0)[len(m.group(1)):].startswith(" ")):
            continue
        found.append(Model(line, number, _variants(m.group(3)), text[m.start():m.end()].strip()))
    return tuple(found)


@lru_cache(maxsize=65536)
def _doc_models(values: tuple[str, ...], title: str, lines: frozenset[str]) -> frozenset[ModelKey]:
    keys = {m.key for value in values for m in parse_models(value)}
    keys |= {m.key for m in parse_models(title, lines)}
    return frozenset(keys)


def _attribute_models(doc: ProductDoc) -> tuple[str, ...]:
    return tuple(v for key in MODEL_ATTRIBUTES for v in attribute_values(doc.attributes.get(key)))


def model_lines(docs: Iterable[ProductDoc]) -> frozenset[str]:
    """The product lines of a catalog: the line words of its model attributes."""
    return frozenset(m.line for doc in docs for value in _attribute_models(doc) for m in parse_models(value))


def product_models(doc: ProductDoc, lines: frozenset[str]) -> frozenset[ModelKey]:
    """The models a product is or fits (its attributes, and known lines with a number in its title)."""
    return _doc_models(_attribute_models(doc), doc.title, lines)


# A number and its generation typed apart ("wh-1000 xm5", "wh 1000 xm5"): one model number.
_SPLIT_NUMBER = re.compile(r"(?<=\d)[\s-]+(?=[a-z]{1,2}\d{1,2}(?![0-9a-z]))", re.I)


def query_models(text: str, lines: frozenset[str]) -> tuple[Model, ...]:
    """The models a query names: a line the catalog has, followed by a number (its generation suffix may be typed
    apart: "wh-1000 xm5" is the WH-1000XM5, not a "wh-1000" the shop lacks)."""
    return parse_models(_SPLIT_NUMBER.sub("", text), lines) if lines else ()


def narrow_to_model(pids: list[int], docs: dict[int, ProductDoc], text: str,
                    lines: frozenset[str]) -> tuple[list[int], str | None]:
    """The products (in relevance order) for a query that names a model, and the model asked for when the
    catalog has none of it.

    With an exact match anywhere in the catalog: the exact ones first, the others of the same line left out
    (a case "for iPhone 15 Pro" does not fit an iPhone 15), products of no such line after them. Without one:
    the same products, and the model as written ("iphone 16") so the dialogue can say the shop lacks it.
    """
    models = query_models(text, lines)
    if not models:
        return pids, None
    wanted = {m.key for m in models}
    asked = {m.line for m in models}

    def kind(doc: ProductDoc) -> int:
        """0 = the model asked for, 1 = no model of these lines, 2 = another model of the same line."""
        have = product_models(doc, lines)
        if have & wanted:
            return 0
        return 2 if any(line in asked for line, _, _ in have) else 1

    kinds = {pid: kind(docs[pid]) for pid in pids}
    if any(k == 0 for k in kinds.values()):
        return sorted((pid for pid in pids if kinds[pid] < 2), key=lambda pid: kinds[pid]), None
    if any(kind(doc) == 0 for doc in docs.values()):
        # The catalog has it, the relevance cut did not keep it: do not claim it is missing.
        return pids, None
    return pids, models[0].surface


def exact_model(pids: list[int], docs: dict[int, ProductDoc], text: str, lines: frozenset[str]) -> frozenset[int]:
    """The products that are (or fit) the model a query names ("phone case for iphone 15" -> the iPhone 15
    cases); empty when it names none.

    WHY: ``narrow_to_model`` puts them first in relevance order, but "cheapest first" re-sorted every candidate
    by price and a case for the Pixel 8a (no iPhone model, so not left out) came before every iPhone 15 case.
    A sort keeps them as a group ahead of the rest (knowledge/search/engine.py)."""
    models = query_models(text, lines)
    if not models:
        return frozenset()
    wanted = {m.key for m in models}
    return frozenset(pid for pid in pids if product_models(docs[pid], lines) & wanted)
