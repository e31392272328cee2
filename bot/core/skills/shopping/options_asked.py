"""Whether a message asks for a product's options themselves ("what sizes?", "sizes available?", "尺码有哪些"),
and which of the options said a product really has.

WHY: "sizes available?" was not read as asking for the sizes, and the "s" of "sizes" was taken for size S: the
picker said the Nike shoes "doesn't come in S" (walk9-en). And after "doesn't come in 7.5" the picker kept 7.5
as an option said, so "make it size 7" next was read as "7.5 / US 7" and matched nothing.
"""

from __future__ import annotations

import re

from bot.core.skills.shopping.products import active_variants
from store.catalog.views import ProductView

__all__ = ["WHICH_OPTIONS", "asks_for_options", "offered_options"]

# "what sizes do you have?", "which colours?", "有什么颜色", "有哪些尺码": the options themselves are asked for.
WHICH_OPTIONS = re.compile(
    r"\b(what|which)\s+(sizes?|colou?rs?|options?)\b|\bcome\s+in\s+(other|different|more)\s+(sizes|colou?rs)\b|"
    r"\b(other|different|more|another)\s+(sizes?|colou?rs?)\b|"
    # "sizes available?", "available colours", "sizes?", "sizes in stock": the list of them, not size S
    r"\b(sizes|colou?rs|options)\s+(?:are\s+|r\s+)?(?:available|avail|in\s+stock|left|there|do\s+(?:you|u)\s+have)\b|"
    r"\bavailable\s+(sizes|colou?rs|options)\b|^\W*(?:any\s+)?(sizes|colou?rs)\W*$|"
    r"(尺码|尺寸|码数|颜色)(都)?有(哪些|什么|几种|几个)|有几个码|都有什么码|"
    r"(什么|哪些|哪几种|几种|别的|其他|其它|另外的|另外|更多)(的)?(颜色|尺码|尺寸|码|款式)", re.IGNORECASE)


def asks_for_options(text: str) -> bool:
    return bool(WHICH_OPTIONS.search(text))


def offered_options(product: ProductView, wanted: set[str] | None) -> set[str] | None:
    """The options said that the product has ("8" is its "US 8"); a size it lacks narrows nothing."""
    values = {str(v).casefold() for var in active_variants(product) for v in var.attributes.values()}
    return {w for w in wanted or () if any(v == w.casefold() or v.endswith(" " + w.casefold()) for v in values)}
