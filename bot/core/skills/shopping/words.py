"""Small wording helpers every screen shares: a label cut at a word boundary, and colour names in Chinese.

WHY colour names from the NLU lexicon: the NLU maps "酒红色" to the catalogue's English value "burgundy", so the
same table read backwards says a filter or a variant's colour the way a Chinese shopper said it.
"""

from __future__ import annotations

from functools import cache

from nlu.entities.builtin_lexicon import ZH_COLORS

__all__ = ["short_label", "colour_name"]


def short_label(text: str, limit: int = 32) -> str:
    """``text`` in at most ``limit`` characters, cut after a whole word (or CJK character) with "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    space = cut.rfind(" ")
    if space >= limit // 2 and not any("\u4e00" <= c <= "\u9fff" for c in cut[space:]):
        cut = cut[:space]
    return cut.rstrip(" ,.;:-–—/(") + "…"


@cache
def _zh_colours() -> dict[str, str]:
    names: dict[str, str] = {}
    # Prefer the full form ("红色" over "红") for each English value.
    for zh, en in sorted(ZH_COLORS.items(), key=lambda kv: (not kv[0].endswith("色"), len(kv[0]))):
        names.setdefault(en.casefold(), zh)
    return names


def colour_name(value: str, lang: str) -> str:
    """A colour value as the shopper reads it ("burgundy" -> "酒红色" in Chinese; unknown ones unchanged)."""
    if lang != "zh":
        return value
    return _zh_colours().get(value.strip().casefold(), value)
