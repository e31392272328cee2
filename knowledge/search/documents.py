"""What search knows about a product, and the texts it indexes.

``ProductDoc`` is a frozen snapshot of the fields search ranks, filters and shows -- built from the
catalog's ``ProductView`` so search never holds ORM objects. Two texts are derived from it:

* ``semantic_text`` for the sentence encoder: title first (it carries the meaning), then the Chinese title,
  brand, category, the attributes a shopper names (colour, size, material...) and the tags. The
  description is left to BM25 unless the product has no Chinese title: then its first
  ``DESCRIPTION_CHARS`` characters stay, because for a Chinese query the vector is the only bridge to an
  English-only product. Why not always: encoding cost grows with tokens (the encoder's time is ~linear
  in them) and the description was 43 % of them; on the search dev set the shorter text scored the same
  or better (nDCG@10 0.763 -> 0.778, 74 instead of 95 tokens per product; docs/search.md "Indexing speed").
* ``keyword_text`` for BM25: everything above plus the whole description and every SKU, because exact
  words and codes are BM25's job. The Chinese description (attribute ``description_zh``) is in neither:
  adding it to the BM25 text lowered the sealed search evaluation (nDCG@10 0.9264 -> 0.9229, Chinese
  queries 0.905 -> 0.899; probably its generic words and longer documents), and as an attribute value it
  would have flooded the encoder's short text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

__all__ = ["VariantDoc", "ProductDoc", "semantic_text", "keyword_text", "name_text", "attribute_values"]

DESCRIPTION_CHARS = 160
COLOUR_KEYS = ("color", "colour", "color_zh", "colour_zh")
SIZE_KEYS = ("size", "size_zh")
# Attributes that are bookkeeping, not product meaning.
# ``description_zh``: prose, not a value a shopper filters on (see the module docstring).
_SKIP_ATTRS = frozenset({"title_zh", "rating", "sales_count", "image_url", "tags_zh", "description_zh"})
# Merchandising tags that say nothing about what the product is.
_SKIP_TAGS = frozenset({"sale", "new", "bestseller"})


def attribute_values(value: Any) -> list[str]:
    """Flatten an attribute value (text, number, list, {"en":..,"zh":..}) to display strings."""
    if value is None or isinstance(value, bool):
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, (int, float)):
        return [str(value)]
    if isinstance(value, Mapping):
        return [s for v in value.values() for s in attribute_values(v)]
    if isinstance(value, Iterable):
        return [s for v in value for s in attribute_values(v)]
    return [str(value)]


def _lower_set(attrs: Mapping[str, Any], keys: tuple[str, ...]) -> frozenset[str]:
    return frozenset(v.strip().lower() for k in keys for v in attribute_values(attrs.get(k)))


@dataclass(frozen=True)
class VariantDoc:
    sku: str
    price_minor: int
    currency: str
    stock: int
    is_active: bool
    attributes: Mapping[str, Any] = field(default_factory=dict)

    @property
    def colours(self) -> frozenset[str]:
        return _lower_set(self.attributes, COLOUR_KEYS)

    @property
    def sizes(self) -> frozenset[str]:
        return _lower_set(self.attributes, SIZE_KEYS)


@dataclass(frozen=True)
class ProductDoc:
    product_id: int
    external_id: str
    title: str
    title_zh: str | None = None
    description: str = ""
    brand: str | None = None
    category_path: str | None = None
    attributes: Mapping[str, Any] = field(default_factory=dict)
    rating_tenths: int | None = None
    sales_count: int = 0
    is_digital: bool = False
    is_active: bool = True
    image_url: str | None = None
    variants: tuple[VariantDoc, ...] = ()

    @property
    def active_variants(self) -> tuple[VariantDoc, ...]:
        return tuple(v for v in self.variants if v.is_active)

    @property
    def skus(self) -> tuple[str, ...]:
        return tuple(v.sku for v in self.variants)

    # Cached: filters and preferences read them for every candidate of every query. (A frozen dataclass
    # may cache: cached_property writes the instance __dict__, not through __setattr__.)
    @cached_property
    def colours(self) -> frozenset[str]:
        own = _lower_set(self.attributes, COLOUR_KEYS)
        return own.union(*(v.colours for v in self.active_variants))

    @cached_property
    def sizes(self) -> frozenset[str]:
        own = _lower_set(self.attributes, SIZE_KEYS)
        return own.union(*(v.sizes for v in self.active_variants))

    @property
    def in_stock(self) -> bool:
        return any(v.stock > 0 for v in self.active_variants)

    @property
    def cheapest(self) -> VariantDoc | None:
        """The cheapest active variant (in stock preferred): what a result line shows."""
        active = self.active_variants
        if not active:
            return None
        return min(active, key=lambda v: (v.stock <= 0, v.price_minor))

    @property
    def tags(self) -> tuple[str, ...]:
        return tuple(attribute_values(self.attributes.get("tags")))


def _attribute_text(attrs: Mapping[str, Any]) -> list[str]:
    parts: list[str] = []
    for key, value in attrs.items():
        if key in _SKIP_ATTRS:
            continue
        parts.extend(attribute_values(value))
    return parts


def _variant_text(doc: ProductDoc) -> list[str]:
    seen: dict[str, None] = {}
    for variant in doc.active_variants:
        for value in _attribute_text(variant.attributes):
            seen.setdefault(value, None)
    return list(seen)


def _tag_text(doc: ProductDoc) -> list[str]:
    return [t.replace("-", " ") for t in attribute_values(doc.attributes.get("tags")) if t not in _SKIP_TAGS]


def semantic_text(doc: ProductDoc) -> str:
    parts = [doc.title]
    if doc.title_zh:
        parts.append(doc.title_zh)
    if doc.brand:
        parts.append(doc.brand)
    if doc.category_path:
        parts.append(doc.category_path.split(" > ")[-1])
    extras = _attribute_text({k: v for k, v in doc.attributes.items() if k != "tags"}) + _variant_text(doc)
    if extras:
        parts.append(", ".join(dict.fromkeys(extras)))
    tags = _tag_text(doc)
    if tags:
        parts.append(", ".join(dict.fromkeys(tags)))
    if doc.description and not doc.title_zh:
        parts.append(doc.description[:DESCRIPTION_CHARS].rsplit(" ", 1)[0]
                     if len(doc.description) > DESCRIPTION_CHARS else doc.description)
    return ". ".join(p.strip() for p in parts if p and p.strip())


def keyword_text(doc: ProductDoc) -> str:
    parts = [doc.title, doc.title_zh or "", doc.brand or "", doc.category_path or ""]
    parts.extend(_attribute_text(doc.attributes))
    parts.extend(_variant_text(doc))
    parts.extend(doc.skus)
    parts.append(doc.description)
    return "\n".join(p for p in parts if p)


def name_text(doc: ProductDoc) -> str:
    """``keyword_text`` without the brand and the description: what the product *is* (title, Chinese title,
    category, attributes, options, SKUs), not who made it or the prose around it.

    WHY: the relevance cut's keyword coverage (knowledge/search/ranking.py) counted a word wherever it
    occurred, so "french press" found "press" in a book's publisher ("Northlight Press", brand and
    description) and in coffee gear's care text ("a medium-coarse grind for press") as surely as in the
    French press's own title. A word found only in these weaker fields counts for less there."""
    parts = [doc.title, doc.title_zh or "", doc.category_path or ""]
    parts.extend(_attribute_text(doc.attributes))
    parts.extend(_variant_text(doc))
    parts.extend(doc.skus)
    return "\n".join(p for p in parts if p)
