"""What a message points at among the products on screen: a name ("the uniqlo one"), the product open, a question
about it. Read by the understanding steps (bot.core.understanding) before the NLU's intent runs."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core.followups import is_price_question
from bot.core.state import Conversation
from nlu.result import ParsedEntity, ParseResult

__all__ = ["about_product_open", "asks_about_open", "brand_as_reference", "naming", "points_at_shown", "product_meant"]

# "the uniqlo one", "that macbook", "这款小米": a determiner before the name. Without one ("nike running shoes") the
# message is a new search, and looking the shown products up for it cost every search a few reads.
_NAMING = re.compile(r"\b(the|that|this|those|these)\b|这|那", re.IGNORECASE)


def about_product_open(state: Conversation) -> bool:
    return bool(state.focus_sku) or len(state.last_results) == 1


def product_meant(parse: ParseResult | None, state: Conversation) -> str | None:
    """The one product a question about "it" means: the one its reference names ("the second one"; not "them"),
    else the product open, else the only one shown; None when that is not one product."""
    ref = parse.first("reference") if parse is not None else None
    if ref is not None and ref.resolved and isinstance(ref.value, str) and "," not in ref.value:
        return ref.value
    if state.focus_sku:
        return state.focus_sku
    return state.last_results[0] if len(state.last_results) == 1 else None


def points_at_shown(parse: ParseResult) -> bool:
    """An unsure question that names one of the products shown ("第一个多少克" under five teas): about that one
    ("抱歉，我没听明白" before)."""
    ref = parse.first("reference")
    return ref is not None and ref.resolved


def asks_about_open(text: str, parse: ParseResult) -> bool:
    """A question read as "show details" that names no product and asks more than to see it ("how wide are
    they", not "what is it" or "how much is it", which the card answers). One picked by its place counts when an
    aspect of it is asked ("whats the first one made of" showed the whole card)."""
    from bot.core.skills.shopping.targets import leftover_words

    if parse.intent.name != "show_product_details" or is_price_question(text, parse):
        return False
    from bot.core.skills.shopping.aspects import aspect_asked

    # "the second one" is a request to see it, unless an aspect of it is asked ("whats the first one made of")
    by_place = aspect_asked(text) is None
    if any(e.entity in ("product", "brand", "category") or (e.entity == "reference" and e.ordinal is not None
                                                             and by_place)
           for e in parse.entities):
        return False
    return bool(leftover_words(text, parse).strip())


def _naming_spans(parse: ParseResult) -> list[ParsedEntity]:
    """What may name a product on screen: a brand, product words, or a reference nothing resolved."""
    return [e for e in parse.entities
            if e.entity in ("brand", "product") or (e.entity == "reference" and not e.resolved)]


def brand_as_reference(parse: ParseResult, sku: str, text: str) -> ParseResult:
    """The words that named a product on screen ("the uniqlo one", "the soundcore") become a resolved reference
    to it, in place of the brand and of the reference around it: handlers then treat it as "the second one"."""
    from bot.core.skills.shopping.named_on_screen import names_next_to_references

    spans = _naming_spans(parse)
    start, end = min(e.start for e in spans), max(e.end for e in spans)
    for _, s, e in names_next_to_references(text, parse):  # "north face那个": the name before it too
        start, end = min(start, s), max(end, e)
    kept = [e for e in parse.entities
            if not (e.start < end and start < e.end and e.entity in ("brand", "product", "reference"))]
    return replace(parse, entities=(*kept, ParsedEntity("reference", sku, start, end)))


def naming(text: str, parse: ParseResult) -> bool:
    """A determiner before words that may name a product on screen ("the uniqlo one", "这款小米")."""
    return bool(_NAMING.search(text)) and bool(_naming_spans(parse))
