"""The colours and sizes of a product in stock, as one line ("Colours: Black, Grey · Sizes: S, M, L").

WHY a module of its own: "what sizes do you have?" about one product and "which colours?" about each product on
screen both say them (option_followups.py), which had grown past its size.
"""

from __future__ import annotations

import html

from bot.core.skills.shopping.products import active_variants
from bot.core.skills.shopping.words import option_value
from bot.i18n import Translator
from store.catalog.views import ProductView

__all__ = ["options_listed"]


def options_listed(product: ProductView, t: Translator, lang: str) -> str:
    """The colours and sizes in stock, one line each ("Colours: Black, Grey · Sizes: S, M, L")."""
    found: dict[str, list[str]] = {"colour": [], "size": []}
    for v in active_variants(product):
        if v.stock <= 0:
            continue
        for key, value in v.attributes.items():
            kind = "colour" if key in ("color", "colour") else "size" if key == "size" else None
            shown = option_value(key, str(value), lang) if kind else ""
            if kind and shown not in found[kind]:
                found[kind].append(shown)
    parts = []
    if found["colour"]:
        parts.append(t("Colours: {values}", values=html.escape(", ".join(found["colour"]))))
    if found["size"]:
        parts.append(t("Sizes: {values}", values=html.escape(", ".join(found["size"]))))
    return " · ".join(parts)
