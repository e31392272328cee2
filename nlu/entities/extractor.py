"""Runs every entity finder over a message and keeps the best non-overlapping spans.

Priority when spans overlap: order id, coupon, price, reference, size, quantity, colour, then brand/category/
product together; among equals the longer span wins. WHY greedy by priority: the finders are precise in that order
("#10042" is an order, not a quantity; "the blue one" is a reference, not a colour). One exception comes first:
digits in a count frame ("add 10000 of it") are a quantity, so a bare order-number match on them is dropped.

With a live catalogue (``DialogueContext.catalog``) its brands, categories, colours and sizes are recognised
too, and colour and size values take the catalogue's spelling ("grey", "gray", "灰色" -> "Grey").
"""

from __future__ import annotations

import re
from dataclasses import replace

from nlu.constants import EntityName, Extractor
from nlu.context import CatalogVocabulary, DialogueContext
from nlu.entities.attributes import CatalogAttributes, is_attribute_use, size_cue_spans
from nlu.entities.builtin_lexicon import LETTER_SIZES, ZH_COLORS, ZH_SIZES
from nlu.entities.gazetteer import Gazetteer
from nlu.entities.identifiers import IdentifierFinder
from nlu.entities.lexicon import Lexicon
from nlu.entities.money import find_prices
from nlu.entities.numbers import find_quantities, quantity_frames
from nlu.entities.references import find_references
from nlu.entities.span import Span
from nlu.language import has_cjk
from nlu.result import ParsedEntity

__all__ = ["EntityExtractor", "Span"]

_PRIORITY: dict[str, int] = {
    EntityName.ORDER_ID: 0,
    EntityName.COUPON_CODE: 1,
    EntityName.PRICE_MIN: 2,
    EntityName.PRICE_MAX: 2,
    EntityName.REFERENCE: 3,
    EntityName.SIZE: 4,
    EntityName.QUANTITY: 5,
    EntityName.COLOR: 6,
    # catalogue names share a tier: "running shoes" (product) beats "shoes" (category) by length
    EntityName.BRAND: 7,
    EntityName.CATEGORY: 7,
    EntityName.PRODUCT: 7,
}
_SINGLE_LETTER = re.compile(r"^[A-Za-z]$")


class EntityExtractor:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._ids = IdentifierFinder(
            lexicon.regexes.get(EntityName.ORDER_ID, ()), lexicon.regexes.get(EntityName.COUPON_CODE, ())
        )
        self._static = Gazetteer(self._static_terms(), case_sensitive=self._case_sensitive())
        self._catalog_key: CatalogVocabulary | None = None
        self._catalog: Gazetteer | None = None
        self._attributes: CatalogAttributes | None = None

    def _static_terms(self) -> list[tuple[str, str, str]]:
        lex = self.lexicon
        # built-in words first: the first mapping of a surface wins, and these carry canonical English values
        terms: list[tuple[str, str, str]] = [(EntityName.COLOR, k, v) for k, v in ZH_COLORS.items()]
        terms += [(EntityName.SIZE, k, v) for k, v in {**ZH_SIZES, **LETTER_SIZES}.items()]
        for name in (EntityName.COLOR, EntityName.SIZE):
            for surface in [*lex.lookups.get(name, ()), *lex.annotated.get(name, ())]:
                if name == EntityName.SIZE and re.fullmatch(r"[\d.x]+", surface):
                    continue  # bare numbers are sizes only after a cue ("size 42", "42码")
                terms.append((name, surface, lex.canonical(surface)))
        for synonym, canonical in lex.synonyms.items():
            if canonical in lex.lookups.get(EntityName.COLOR, ()):
                terms.append((EntityName.COLOR, synonym, canonical))
            elif (
                canonical in lex.lookups.get(EntityName.SIZE, ())
                and not re.fullmatch(r"[\d.x]+", synonym)
                and not re.fullmatch(r"[\d.]+", canonical)
            ):
                # a synonym of a bare number is not a size: annotated quantities ("a dozen" -> "12") are
                # synonyms too, and 12 is also a shoe size
                terms.append((EntityName.SIZE, synonym, canonical))
        for name in (EntityName.BRAND, EntityName.CATEGORY, EntityName.PRODUCT):
            terms += [(name, s, lex.canonical(s)) for s in lex.annotated.get(name, ())]
        return terms

    def _case_sensitive(self) -> list[str]:
        sizes = [*self.lexicon.lookups.get(EntityName.SIZE, ())]
        singles = [s for s in sizes if _SINGLE_LETTER.match(s)] + ["S", "M", "L"]
        return [s.upper() for s in singles]

    def _catalog_gazetteer(
        self, vocab: CatalogVocabulary | None
    ) -> tuple[Gazetteer | None, CatalogAttributes | None]:
        if vocab is None or vocab.is_empty:
            return None, None
        if vocab is not self._catalog_key:
            attributes = CatalogAttributes.of(vocab)
            terms: list[tuple[str, str, str]] = [(EntityName.BRAND, k, v) for k, v in vocab.brands.items()]
            terms += [(EntityName.CATEGORY, k, v) for k, v in vocab.categories.items()]
            terms += [(EntityName.PRODUCT, w, w) for w in vocab.product_words if len(w) > 2 or has_cjk(w)]
            terms += attributes.terms()
            self._catalog, self._attributes, self._catalog_key = Gazetteer(terms), attributes, vocab
        return self._catalog, self._attributes

    def candidates(self, text: str, context: DialogueContext | None = None) -> list[Span]:
        currency = (context.currency if context and context.currency else None) or ("CNY" if has_cjk(text) else "USD")
        frames = quantity_frames(text)
        spans = [
            s
            for s in self._ids.find(text)
            if not (s.entity == EntityName.ORDER_ID and _bare_digits(text, s) and _in_frame(s, frames))
        ]
        spans += [*find_prices(text, currency), *find_references(text, context)]
        spans += find_quantities(text)
        spans += size_cue_spans(text, self.lexicon.canonical)
        catalog, attributes = self._catalog_gazetteer(context.catalog if context else None)
        if catalog is not None:
            spans += [Span(h.entity, h.value, h.start, h.end, Extractor.CATALOG, 0.95) for h in catalog.find(text)]
        spans += [Span(h.entity, h.value, h.start, h.end, Extractor.LOOKUP, 0.85) for h in self._static.find(text)]
        focus = bool(context and (context.focus or len(context.last_results) == 1))
        spans = [s for s in spans if is_attribute_use(text, s, spans, focus)]
        if attributes is not None:
            spans = [_respelt(s, attributes) for s in spans]
        return spans

    def extract(self, text: str, context: DialogueContext | None = None) -> tuple[ParsedEntity, ...]:
        chosen: list[Span] = []
        ranked = sorted(
            self.candidates(text, context),
            key=lambda s: (_PRIORITY.get(s.entity, 99), -(s.end - s.start), -s.confidence, s.start),
        )
        for span in ranked:
            if span.end > span.start and not any(span.overlaps(c) for c in chosen):
                chosen.append(span)
        return tuple(s.to_entity() for s in sorted(chosen, key=lambda s: s.start))


def _bare_digits(text: str, span: Span) -> bool:
    """An order-number match with no order cue of its own (no "#", no "SB" prefix)."""
    return text[span.start : span.end].isdigit()


def _in_frame(span: Span, frames: list[tuple[int, int]]) -> bool:
    return any(start <= span.start and span.end <= end for start, end in frames)


def _respelt(span: Span, attributes: CatalogAttributes) -> Span:
    if span.entity not in (EntityName.COLOR, EntityName.SIZE) or not isinstance(span.value, str):
        return span
    value = attributes.canonical(span.entity, span.value)
    return span if value == span.value else replace(span, value=value)
