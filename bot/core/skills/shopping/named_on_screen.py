"""A product on screen named by its brand or a word of its title: "what sizes does the uniqlo one come in",
"any reviews for the soundcore?", "how much are the On ones", "is the macbook in stock" with a list shown.

WHY: the follow-ups (options, stock, reviews, price) and the Q&A act on the product in focus or on a reference
("the second one"); a brand is neither, so with several results shown they asked "which one do you mean?" or
answered for another product of that brand from the whole catalogue. When exactly one of the results on screen
has the brand the message names, that one is the product talked about: this step puts it in focus and lets the
message go on to whatever handles it. Two results of that brand: nothing is guessed.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.shopping.products import products_named
from bot.core.skills.shopping.targets import leftover_words
from bot.core.state import Conversation
from knowledge.text.brands import BRAND_ALIASES
from nlu.result import ParsedEntity, ParseResult
from store.catalog.views import ProductView

__all__ = ["router", "focus_by_name", "brand_in_reference", "names_next_to_references"]

router = Router("shopping.named_on_screen")

_MAX_SHOWN = 8


@router.intent("focus_by_name")
async def focus_by_name(text: str, parse: ParseResult | None, services: Services, state: Conversation) -> None:
    """Not an NLU intent: a step the dispatcher runs after the NLU; it only moves the focus, never replies.
    The name is a brand entity, or a word of a reference nothing resolved ("the uniqlo one": the reference
    swallows the brand)."""
    if parse is None or len(state.last_results) < 2 or _NARROWING.search(text):
        return  # "show me nike only": narrows the list (option_followups), points at nothing
    if any(e.entity == "reference" and e.resolved and e.ordinal is not None for e in parse.entities):
        return  # "the second one" says which
    wanted = {str(e.value).strip().casefold() for e in parse.entities if e.entity == "brand"}
    words: set[str] = set()  # product words ("is the macbook in stock"): a word of exactly one shown title
    for e in parse.entities:
        if e.entity in ("reference", "product") and not (e.entity == "reference" and e.resolved) \
                and parse.text == text:
            said = {w.casefold() for w in re.findall(r"[\w'&-]+", text[e.start:e.end])} - _REFERENCE_WORDS
            wanted |= said if e.entity == "reference" else set()
            words |= said
    if not wanted and not words:
        return
    shown = [p for p in await products_named(services.uows, state.last_results[:_MAX_SHOWN]) if p is not None]
    matches = [p.external_id for p in shown if (p.brand or "").strip().casefold() in wanted]
    if not matches and words:
        matches = [p.external_id for p in shown if words <= _title_words(p.title)]
    if len(matches) != 1:
        said_next = names_next_to_references(text, parse)
        matches = [p.external_id for p in shown if any(_names(name, p) for name, _, _ in said_next)]
    if len(matches) == 1:
        state.focus_sku = matches[0]


def names_next_to_references(text: str, parse: ParseResult) -> list[tuple[str, int, int]]:
    """The name said right before (or, with nothing before, right after) a reference nothing resolved, with the
    span of name and reference together: "north face那个黑色M码有吗", "德龙那个有黑色吗", "还是要那个德龙".
    WHY: Chinese puts the name in front of "那个", outside the reference's span (English "the uniqlo one" has it
    inside), and a catalogue brand the lexicon does not spell that way ("north face" for The North Face, 德龙
    for De'Longhi) is no brand entity, so "which one?" was asked with one North Face jacket on screen."""
    if parse.text != text:
        return []
    names = []
    for e in parse.entities:
        if e.entity != "reference" or e.resolved:
            continue
        head = _CLAUSE_END.split(text[:e.start])[-1]
        before = leftover_words(head, None).strip()
        if before:
            at = head.casefold().find(before.split()[0].casefold())
            names.append((before, e.start - len(head) + max(at, 0), e.end))
            continue
        tail = _CLAUSE_END.split(text[e.end:])[0]
        token = tail.split()[0] if tail.split() else ""
        after = leftover_words(token, None).strip()
        if after:
            names.append((after, e.start, e.end + tail.find(token) + len(token)))
    return names


def _names(said: str, product: ProductView) -> bool:
    """Whether ``said`` names the product: its brand (with or without a leading "the", or its Chinese name),
    every word of it in the English title, or a Chinese phrase of the Chinese title."""
    said = said.strip().casefold()
    brand = (product.brand or "").strip().casefold()
    if not said or not brand and not product.title:
        return False
    alias = BRAND_ALIASES.get(said)
    if brand and (said in (brand, brand.removeprefix("the ")) or (alias is not None and alias.casefold() == brand)):
        return True
    if _CJK.search(said):
        return len(said) >= 2 and said in (product.title_zh or "").casefold()
    return set(said.split()) <= _title_words(product.title)


def brand_in_reference(text: str, parse: ParseResult, brands: dict[str, str]) -> ParseResult | None:
    """"the marshall one" when no product on screen is a Marshall: the reference nothing resolved swallowed a
    catalogue brand, so the brand becomes the entity (the search on screen narrows to it, or an add searches for
    it) in place of a reference that can only ask "which one?". WHY: the shopper often means a product of that
    brand that a filter left out ("portable speaker under 100" hid the $169.99 Marshall), and the message fell
    to "didn't catch that". None when the reference holds no brand."""
    if parse.text != text:
        return None
    for e in parse.entities:
        if e.entity != "reference" or e.resolved:
            continue
        said = " ".join(w for w in re.findall(r"[\w'&-]+", text[e.start:e.end].casefold())
                        if w not in _REFERENCE_WORDS)
        brand = brands.get(said) if said else None
        if brand is not None:
            at = text.casefold().index(said, e.start)
            kept = tuple(x for x in parse.entities if x is not e)
            entity = ParsedEntity("brand", brand, at, at + len(said))
            return replace(parse, entities=tuple(sorted((*kept, entity), key=lambda x: x.start)))
    return None


def _title_words(title: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[\w'&-]+", title)}


_CJK = re.compile(r"[\u4e00-\u9fff]")
_CLAUSE_END = re.compile(r"[，,。.!！?？;；]")
_NARROWING = re.compile(r"\b(only|just)\b|只要|只看|只", re.IGNORECASE)
_REFERENCE_WORDS = frozenset({"the", "that", "this", "one", "ones", "these", "those", "them", "it"})
