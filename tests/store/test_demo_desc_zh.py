"""The Chinese description tables (``desc_zh``) of the demo catalog line up with the English ones.

The builder picks the Chinese alternative by the index it drew for the English one (no extra RNG draw),
so ``desc_zh`` must have exactly the shape of ``desc``. For the departments below the Chinese also says
everything the English says (the same placeholders) with values that have a Chinese side; otherwise a
Chinese shopper reads a half-English card.
"""

from __future__ import annotations

import re
import string

import pytest

from store.demo.catalog_data import ALL_TYPES
from store.demo.catalog_spec import ProductType

CJK_OR_FULL_WIDTH = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
# A half-width , ; : ( between Chinese text: the Chinese sentences use full-width punctuation.
HALF_WIDTH_IN_CHINESE = re.compile(r"[\u4e00-\u9fff}][,;:(]|[,;:(][\u4e00-\u9fff{]")
# Fields whose values are names (brands, models) or filled by the builder from variant axes.
NEUTRAL_FIELDS = frozenset({"brand", "model", "size", "sizes", "color", "colors"})
# Latin tokens a Chinese sentence may show as they are: units and multipliers ("2 x 3 kg", "500 ml").
UNIT_TOKENS = frozenset({"g", "kg", "ml", "l", "cm", "mm", "m", "x"})
# Departments held to the stricter checks (same placeholders, Chinese values); other tables may phrase
# a sentence without a placeholder whose values are names (authors, phone models).
DEPARTMENTS = (
    "Baby",
    "Grocery & Gourmet",
    "Men's Fashion",
    "Women's Fashion",
    "Pet Supplies",
    "Shoes",
    "Sports & Outdoors",
    "Toys & Games",
)

WITH_ZH = [t for t in ALL_TYPES if t.desc_zh]
STRICT = [t for t in WITH_ZH if t.top_category in DEPARTMENTS]


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _values(ptype: ProductType, name: str) -> list[object]:
    values: list[object] = [*ptype.words.get(name, ()), *ptype.attrs.get(name, ())]
    values += [model[name] for model in ptype.models if name in model]
    return values


def test_the_listed_departments_have_chinese_descriptions() -> None:
    missing = [t.key for t in ALL_TYPES if t.top_category in DEPARTMENTS and not t.desc_zh]
    assert not missing, missing
    assert {t.top_category for t in ALL_TYPES} >= set(DEPARTMENTS)


@pytest.mark.parametrize("ptype", WITH_ZH, ids=lambda t: t.key)
def test_desc_zh_has_the_shape_of_desc(ptype: ProductType) -> None:
    assert [len(group) for group in ptype.desc_zh] == [len(group) for group in ptype.desc]
    for group, zh_group in zip(ptype.desc, ptype.desc_zh, strict=True):
        for english, chinese in zip(group, zh_group, strict=True):
            assert (english == "") == (chinese == ""), (english, chinese)
            if chinese:
                assert CJK_OR_FULL_WIDTH.search(chinese), chinese
                assert not HALF_WIDTH_IN_CHINESE.search(chinese), chinese


@pytest.mark.parametrize("ptype", STRICT, ids=lambda t: t.key)
def test_desc_zh_says_what_desc_says_with_chinese_values(ptype: ProductType) -> None:
    """A plain English value ("Leather Strap") would show in English; it must be an (english, chinese) pair."""
    for group, zh_group in zip(ptype.desc, ptype.desc_zh, strict=True):
        for english, chinese in zip(group, zh_group, strict=True):
            assert _placeholders(english) == _placeholders(chinese), (english, chinese)
    used = set().union(*(_placeholders(s) for group in ptype.desc_zh for s in group)) - NEUTRAL_FIELDS
    for name in sorted(used):
        for value in _values(ptype, name):
            if isinstance(value, str):
                words = {w.lower() for w in re.findall(r"[A-Za-z]+", value) if not w.isupper()}
                assert words <= UNIT_TOKENS, f"{ptype.key}.{name} = {value!r} has no Chinese side"
