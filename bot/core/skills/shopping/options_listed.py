"""The colours and sizes of a product in stock, as one line ("Colours: Black, Grey · Sizes: S, M, L").

Sizes come smallest first (size_order.py), not in the order the variants were stored.

WHY a module of its own: "what sizes do you have?" about one product and "which colours?" about each product on
screen both say them (option_followups.py), which had grown past its size.
"""

from __future__ import annotations

import html

from bot.core.skills.shopping.products import active_variants
from bot.core.skills.shopping.size_order import size_key
from bot.core.skills.shopping.words import option_value
from bot.i18n import Translator
from store.catalog.views import ProductView

__all__ = ["options_listed"]


def options_listed(product: ProductView, t: Translator, lang: str) -> str:
    """The colours and sizes in stock, one line each ("Colours: Black, Grey · Sizes: S, M, L")."""
    found: dict[str, list[str]] = {"colour": [], "size": []}
    sizes: set[str] = set()
    for v in active_variants(product):
        if v.stock <= 0:
            continue
        for key, value in v.attributes.items():
            if key in ("color", "colour") and (shown := option_value(key, str(value), lang)) not in found["colour"]:
                found["colour"].append(shown)
            elif key == "size":
                sizes.add(str(value))
    found["size"] = list(dict.fromkeys(option_value("size", s, lang) for s in sorted(sizes, key=size_key)))
    parts = []
    if found["colour"]:
        parts.append(t("Colours: {values}", values=html.escape(", ".join(found["colour"]))))
    if found["size"]:
        parts.append(t("Sizes: {values}", values=html.escape(", ".join(found["size"]))))
    return " · ".join(parts)
