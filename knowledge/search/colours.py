"""Colour families: which catalog colours are *close* to the colour a shopper asked for.

Why: catalogs name shades ("Burgundy", "Coral", "Sage"), shoppers name basic colours ("red", "绿色"). A
shopper who asks for a red dress in a shop with only burgundy and coral dresses wants those first, then the
other dresses -- never a red lipstick. So a stated colour is a *preference* over the products of the kind
asked for (knowledge/search/preferences.py), and this module grades a product's colours against it:

* ``EXACT``: the product comes in that colour;
* ``CLOSE``: it comes in a shade of it (``CLOSE_COLOURS``) or in a compound whose last word is it
  ("dusty blue" for "blue");
* ``OTHER``: neither.

The tables are deliberately small. ``CLOSE_COLOURS`` lists the shades of a basic colour: a shade asked
for by name ("burgundy") is close to its basic colour and that colour's other shades. ``ACCEPTABLE`` is
one-way: "black" accepts charcoal and navy (dark neutrals a shopper would take), "navy" does not accept
black. Chinese colour words map to the English names (the NLU already
does this for messages; this covers ``--colour 红色`` and catalogs with Chinese colour values), the shades' too
(knowledge/text/colour_names.py).
"""

from __future__ import annotations

import re
from enum import IntEnum
from functools import cache

from knowledge.text.colour_names import SHADES_ZH, ZH_SHADES

__all__ = ["ColourMatch", "CLOSE_COLOURS", "ACCEPTABLE", "canonical_colour", "close_colours", "colour_match"]


class ColourMatch(IntEnum):
    EXACT = 0
    CLOSE = 1
    OTHER = 2


CLOSE_COLOURS: dict[str, tuple[str, ...]] = {
    "red": ("burgundy", "wine", "maroon", "crimson", "scarlet", "cherry", "ruby", "brick", "rust", "oxblood",
            "claret", "cranberry", "raspberry", "coral", "terracotta"),
    "pink": ("blush", "rose", "rose gold", "coral", "fuchsia", "magenta", "salmon", "hot pink", "dusty pink",
             "mauve", "peach", "raspberry"),
    "orange": ("coral", "terracotta", "rust", "peach", "apricot", "amber", "tangerine", "burnt orange", "copper"),
    "yellow": ("mustard", "gold", "lemon", "amber", "butter", "ochre"),
    "green": ("sage", "olive", "mint", "emerald", "forest", "lime", "jade", "army", "moss", "hunter", "khaki",
              "teal"),
    "blue": ("navy", "sky blue", "light blue", "baby blue", "powder blue", "cobalt", "royal blue", "denim",
             "indigo", "teal", "turquoise", "aqua", "midnight", "steel blue"),
    "purple": ("lavender", "lilac", "violet", "plum", "mauve", "aubergine", "grape", "magenta"),
    "brown": ("tan", "camel", "chocolate", "coffee", "walnut", "oak", "cognac", "mocha", "taupe", "chestnut",
              "khaki", "bronze", "copper", "rust"),
    "beige": ("cream", "ivory", "natural", "sand", "oatmeal", "ecru", "stone", "khaki", "camel", "taupe",
              "off-white", "tan"),
    "grey": ("charcoal", "graphite", "slate", "silver", "ash", "stone", "heather", "dark grey", "light grey"),
    "silver": ("grey", "stainless steel", "chrome", "platinum", "gunmetal"),
    "gold": ("rose gold", "yellow", "champagne", "brass", "bronze"),
}

# Colours a shopper would accept for these, which are not their shades: "black" takes charcoal and navy,
# but a shopper asking for navy does not want black. Used one way only.
ACCEPTABLE: dict[str, tuple[str, ...]] = {
    "white": ("cream", "ivory", "off-white", "natural", "snow", "pearl", "beige", "ecru", "oatmeal"),
    "black": ("charcoal", "graphite", "jet", "onyx", "midnight", "navy", "dark grey"),
}

_ALIASES: dict[str, str] = {
    "gray": "grey", "dark gray": "dark grey", "light gray": "light grey", "multicolor": "multicolour",
    "红": "red", "红色": "red", "大红": "red", "酒红": "burgundy", "酒红色": "burgundy", "粉": "pink", "粉色": "pink",
    "粉红": "pink", "粉红色": "pink", "橙": "orange", "橙色": "orange", "橘色": "orange", "黄": "yellow",
    "黄色": "yellow", "绿": "green", "绿色": "green", "军绿": "olive", "军绿色": "olive", "蓝": "blue",
    "蓝色": "blue", "藏青": "navy", "藏青色": "navy", "藏蓝": "navy", "藏蓝色": "navy", "海军蓝": "navy",
    "天蓝": "sky blue", "天蓝色": "sky blue", "紫": "purple", "紫色": "purple", "棕": "brown", "棕色": "brown",
    "咖啡色": "brown", "褐色": "brown", "米色": "beige", "米白": "cream", "米白色": "cream", "奶油色": "cream",
    "白": "white", "白色": "white", "黑": "black", "黑色": "black", "灰": "grey", "灰色": "grey",
    "深灰": "charcoal", "深灰色": "charcoal", "银": "silver", "银色": "silver", "金": "gold", "金色": "gold",
    "玫瑰金": "rose gold", "卡其": "khaki", "卡其色": "khaki", "驼色": "camel",
}


_BASIC = frozenset({*CLOSE_COLOURS, *ACCEPTABLE, "gray"})
_SHADES = frozenset({s for shades in (*CLOSE_COLOURS.values(), *ACCEPTABLE.values()) for s in shades} | set(SHADES_ZH))


def canonical_colour(name: str) -> str:
    """Lower-case English name of a colour ("Gray" -> "grey", "红色" -> "red", "鼠尾草绿" -> "sage"); a shade said
    with its basic colour is the shade ("sage green" -> "sage", "navy blue" -> "navy", as catalogs name them)."""
    key = " ".join(name.strip().lower().split())
    if key in _ALIASES or key in ZH_SHADES:
        return _ALIASES.get(key) or ZH_SHADES[key]
    words = key.split()
    if len(words) > 1 and words[-1] in _BASIC and (shade := " ".join(words[:-1])) in _SHADES:
        return shade
    return key


@cache
def close_colours(colour: str) -> frozenset[str]:
    """The shades a shopper asking for ``colour`` would take (not including ``colour`` itself)."""
    wanted = canonical_colour(colour)
    close: set[str] = set(CLOSE_COLOURS.get(wanted, ())) | set(ACCEPTABLE.get(wanted, ()))
    for basic, shades in CLOSE_COLOURS.items():
        if wanted in shades:  # a shade asked for by name: its basic colour and that colour's shades
            close.add(basic)
            close.update(shades)
    close.discard(wanted)
    return frozenset(close)


_WORD = re.compile(r"[a-z]+")


def colour_match(wanted: str, colours: frozenset[str] | set[str]) -> ColourMatch:
    """How a product's colours (lower-case, as ``ProductDoc.colours``) meet the colour asked for."""
    target = canonical_colour(wanted)
    names = {canonical_colour(c) for c in colours}
    if target in names:
        return ColourMatch.EXACT
    close = close_colours(target)
    for name in names:
        if name in close:
            return ColourMatch.CLOSE
        words = _WORD.findall(name)
        if len(words) > 1 and words[-1] == target:  # "dusty blue", "pale pink"
            return ColourMatch.CLOSE
    return ColourMatch.OTHER
