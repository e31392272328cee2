"""Small wording helpers every screen shares: a label cut at a word boundary, and option values (colours,
sizes) in Chinese.

WHY colour names from the NLU lexicon: the NLU maps "酒红色" to the catalogue's English value "burgundy", so the
same table read backwards says a filter or a variant's colour the way a Chinese shopper said it. The lexicon
knows the colours shoppers type; the catalogue also has designer shades ("Sage", "Terracotta", "Walnut"), so
those have their own names here. Sizes: letter sizes (S, M, XL) and bare numbers (waist 32) read the same in
Chinese shops and stay as they are; words around them ("US 9", "6-12 Months", "Queen") are translated. Other
option words ("Paperback", "Large") are shown through the display glossary (``knowledge/text/values_zh.py``).
"""

from __future__ import annotations

import re
from functools import cache

from knowledge.text.colour_names import SHADES_ZH
from knowledge.text.values_zh import value_zh
from nlu.entities.builtin_lexicon import ZH_COLORS

__all__ = ["short_label", "colour_name", "size_name", "option_value", "shown_option"]

# Catalogue colours the NLU lexicon does not list (British spellings, designer shades, materials as colours).
_MORE_COLOURS = {
    "grey": "灰色", "gray": "灰色", "sage": "鼠尾草绿", "lavender": "薰衣草紫", "teal": "蓝绿色", "cream": "奶油色",
    "terracotta": "陶土色", "charcoal": "炭灰色", "blush": "浅粉色", "coral": "珊瑚色",
    "stainless steel": "不锈钢色", "natural": "原色", "mustard": "芥末黄", "tan": "棕褐色", "walnut": "胡桃木色",
    "oak": "橡木色", "mint": "薄荷绿",
}

# Sizes made of words: the whole value, or a word before a number ("US 9" -> "美码 9").
_SIZE_WORDS = {
    "newborn": "新生儿", "standard": "标准", "twin": "单人", "full": "双人", "queen": "大号双人",
    "king": "特大号双人", "one size": "均码", "free size": "均码",
}
_SIZE_PREFIX = {"us": "美码", "uk": "英码", "eu": "欧码", "kids": "童码", "toddler": "幼童码", "youth": "青少年码",
                "size": "", "waist": "腰围"}
_MONTHS = re.compile(r"^(\d+)\s*-\s*(\d+)\s*months?$", re.IGNORECASE)
_PREFIXED = re.compile(r"^([A-Za-z]+)\s+(\d+(?:\.\d+)?)$")


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
    for en, zh in _MORE_COLOURS.items():
        names.setdefault(en, zh)
    for en, zhs in SHADES_ZH.items():  # the other shades catalogs name ("oatmeal" -> 燕麦色)
        names.setdefault(en, zhs[0])
    return names


def colour_name(value: str, lang: str) -> str:
    """A colour value as the shopper reads it ("burgundy" -> "酒红色" in Chinese; unknown ones unchanged).
    Two-tone values ("Black/White") are named part by part."""
    if lang != "zh":
        return value
    names = _zh_colours()
    key = value.strip().casefold()
    if key in names:
        return names[key]
    parts = re.split(r"\s*[/&]\s*", value.strip())
    if len(parts) > 1 and all(p.casefold() in names for p in parts):
        return "/".join(names[p.casefold()] for p in parts)
    return value


def size_name(value: str, lang: str) -> str:
    """A size as the shopper reads it ("US 9" -> "美码 9", "6-12 Months" -> "6-12个月"; "M" and "32" unchanged)."""
    if lang != "zh":
        return value
    text = value.strip()
    if text.casefold() in _SIZE_WORDS:
        return _SIZE_WORDS[text.casefold()]
    if (months := _MONTHS.match(text)) is not None:
        return f"{months.group(1)}-{months.group(2)}个月"
    if (prefixed := _PREFIXED.match(text)) is not None and prefixed.group(1).casefold() in _SIZE_PREFIX:
        word = _SIZE_PREFIX[prefixed.group(1).casefold()]
        return f"{word} {prefixed.group(2)}" if word else f"{prefixed.group(2)}号"
    return value


def option_value(key: str, value: str, lang: str) -> str:
    """One variant option (``key`` is the attribute: colour, size...) in the shopper's language."""
    if key in ("color", "colour"):
        return colour_name(value, lang)
    if key == "size":
        return size_name(value, lang)
    return value


def shown_option(key: str, value: str, lang: str) -> str:
    """One variant option as shown on buttons, stock lists and cart lines: colours and sizes by name, other
    words through the display glossary ("Paperback" -> "平装"). Display only: a typed option is matched with
    ``option_value`` (``picker_typed.py``), so which option a shopper's words pick is unchanged."""
    from knowledge.qa.facts import key_unit

    unit = key_unit(key) if re.fullmatch(r"\d+(?:\.\d+)?", value.strip()) else None
    if unit is not None:  # "weight_g": 250 is "250 g" ("250克"), not a bare number on the option button
        return f"{value.strip()}{unit[1]}" if lang == "zh" else f"{value.strip()} {unit[0]}"
    if lang != "zh" or key in ("color", "colour", "size"):
        return option_value(key, value, lang)
    return value_zh(value, key)
