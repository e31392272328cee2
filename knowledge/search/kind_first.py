"""How many of the first results are the kind asked for, when the ones after them are only close to it.

WHY: "电饭煲" listed the one rice cooker, then two kettles and rice noodles under "“电饭煲”共 7 件", as if all seven
were rice cookers; "女士羽绒服" the one women's down jacket, then wool coats and sweaters. The relevance cut keeps
close neighbours on purpose (a shopper may well take one), but the dialogue must say where the kind ends: "前 1 件
是“电饭煲”，之后是相近的商品". Judged with kind_absent.py's tests of what a result *is* (its name ends with the kind,
names it, or is made of it), on the first page only, when the first result is the kind and none after the run is.
This only adds a note: which products are found and their order stay as they are.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from knowledge.search.kind_absent import (
    _HAN_RUN,
    _is_kind,
    _names_it,
    _of_a_quality,
    asked_kind,
    without_brands,
)
from knowledge.search.models import SearchResults
from knowledge.text.tokenize import has_han

if TYPE_CHECKING:
    from knowledge.search.engine import SearchEngine

__all__ = ["with_kind_first"]


def with_kind_first(engine: SearchEngine, results: SearchResults) -> SearchResults:
    """``results`` with ``kind_first`` (the kind, how many) set when only the first hits of the page are the kind."""
    query = results.query
    if query.offset > 0 or results.missing_kind or results.missing_model or len(results.hits) < 2:
        return results
    text = query.product_text if query.product_text is not None else query.text
    asked = asked_kind(without_brands(text, engine.brands()))
    if asked is None:
        return results
    docs = [engine.docs[h.product_id] for h in results.hits if h.product_id in engine.docs]
    kinds = [_is_kind(asked, d) or _names_it(asked, d) or _of_a_quality(asked, d) for d in docs]
    count = kinds.index(False) if False in kinds else len(kinds)
    if count == 0 or count == len(kinds) or any(kinds[count:]):
        return results
    return replace(results, kind_first=(_named(asked.phrase, text, docs[0].title_zh), count))


def _named(phrase: str, text: str, title_zh: str | None) -> str:
    """The kind as the shopper and the first result both say it: jieba reads 充电宝 as 充电 + 宝, and "前 3 件是“宝”"
    named nothing; the longest end of the query's Chinese that a Chinese word of the first result's title ends with."""
    runs, names = _HAN_RUN.findall(text), _HAN_RUN.findall(title_zh or "")
    if not has_han(phrase) or not runs:
        return phrase
    said = runs[-1]
    ends = [said[i:] for i in range(len(said))
            if said[i:].endswith(phrase) and any(name.endswith(said[i:]) for name in names)]
    return ends[0] if ends else phrase
