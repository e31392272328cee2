"""After a search naming a model ("redmi note 13 pro"), the one result that IS that model is in focus.

WHY: the search for "redmi note 13 pro" shows the phone with its screen protector and case "for Redmi Note 13 Pro";
"how much is it", "does it come with a charger", "add 1 white 256gb" then asked "which one of 4?" though the
shopper had named the phone. A title that names the model after "for" / "compatible with" / "适用" is an
accessory for it; the one title naming the model as itself is the product asked for.
"""

from __future__ import annotations

import re

from knowledge.search.model_numbers import parse_models
from store.catalog.views import ProductView

__all__ = ["model_named"]

_FOR = re.compile(r"\b(?:for|compatible with|fits)\b|适用|适配|专用", re.IGNORECASE)


def _is_the_model(title: str, keys: set[object]) -> bool:
    """Whether the title names one of the models as itself, not after "for …"."""
    head = _FOR.split(title, maxsplit=1)[0]
    return bool(keys & {m.key for m in parse_models(head)})


def model_named(query: str, shown: list[ProductView]) -> str | None:
    """The one shown product that is the model the query names; None when the query names no model, or when none
    or several results are it."""
    keys: set[object] = {m.key for m in parse_models(query)}
    if not keys:
        return None
    matches = [p.external_id for p in shown if _is_the_model(p.title, keys)]
    return matches[0] if len(matches) == 1 else None
