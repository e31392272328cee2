"""Aspects the fixed list (``aspects.ASPECTS``) does not know, read from the products shown: an attribute they
have that the message names ("which one burns longest" and the candles' ``burn_time_h``; "which has the most
pages"; "哪个燃烧时间最长"), or a feature the message asks them to have ("do any of these have wireless charging").

WHY: the catalogue has a hundred attribute keys and the shoppers' features are open-ended; "which one burns
longest" under four candles fell to "Sorry, I didn't catch that" and "do any of these have wireless charging"
offered to ask staff, while the answer was on the cards ("Wireless Charging Case" in two titles).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.core.skills.shopping.aspects import Aspect
from bot.core.skills.shopping.attributes import HIDDEN, attribute_name
from bot.i18n import Translator
from store.catalog.views import ProductView

__all__ = ["attribute_aspect", "feature_aspect"]

# Key words too general to say which attribute is meant ("time" of burn_time, "life" of battery_life).
_GENERIC = frozenset({"time", "life", "size", "count", "range", "type", "with", "high"})
_WORD = re.compile(r"[a-z]+", re.IGNORECASE)


def _same_word(said: str, key_word: str) -> bool:
    """"burns" for ``burn``, "pages" for ``pages``: one the start of the other (four letters at least)."""
    return said.startswith(key_word) or key_word.startswith(said)


def attribute_aspect(text: str, products: Sequence[ProductView], t: Translator) -> Aspect | None:
    """A number attribute of the shown products that a word of the message names (by its key's words in
    English, by its label in Chinese), as an aspect to rank them on; None when the message names none."""
    said = {w.casefold() for w in _WORD.findall(text) if len(w) >= 4}
    keys = dict.fromkeys(k for p in products for k, v in p.attributes.items()
                         if k not in HIDDEN and isinstance(v, int | float) and not isinstance(v, bool))
    for key in keys:
        label = attribute_name(key, t)
        words = [w for w in key.split("_") if len(w) >= 4 and w not in _GENERIC]
        named_zh = t.language == "zh" and len(label) >= 2 and label in text  # "燃烧时间" of burn_time_h
        if named_zh or any(_same_word(s, w) for w in words for s in said):
            what = label.casefold() if t.language != "zh" else label
            return Aspect(what, re.compile(re.escape(label), re.IGNORECASE), "number", (key,),
                          most=t("Most {what}", what=what), least=t("Least {what}", what=what))
    return None


# "do any of these have wireless charging", "which ones come with a case", "which supports fast charging"
_FEATURE = re.compile(r"\b(?:have|has|with|come with|comes with|support|supports|include|includes|got)\s+"
                      r"(?:an?\s+|the\s+|any\s+)?(?P<f>[a-z0-9][a-z0-9 -]{2,30}?)\s*[?.!]*$", re.IGNORECASE)
_NOT_FEATURE = re.compile(r"^(?:it|them|one|ones|that|this|these|those|stock|you|me|us)\b", re.IGNORECASE)


def feature_aspect(text: str) -> Aspect | None:
    """The feature asked for, to look for word for word in the titles and descriptions (hyphen or space alike)."""
    m = _FEATURE.search(text.strip())
    if m is None or _NOT_FEATURE.match(m.group("f")):
        return None
    feature = m.group("f").strip()
    words = [re.escape(w) for w in re.split(r"[\s-]+", feature) if w]
    pattern = re.compile(r"\b" + r"[\s-]*".join(words) + r"\b", re.IGNORECASE)
    return Aspect(feature, pattern, "flag", (), pattern)
