"""Colour and size entities: cues, words that are colours or sizes only in some uses, and the live catalogue's
values (every colour and size of the demo catalogue) in English and Chinese."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nlu.context import CatalogVocabulary, DialogueContext
from nlu.entities.extractor import EntityExtractor
from nlu.entities.lexicon import Lexicon
from nlu.factory import DEFAULT_DATA_DIR
from nlu.training_data import load_training_data

DEMO_CATALOG = Path(__file__).resolve().parents[2] / "store" / "demo" / "catalog.json"


@pytest.fixture(scope="module")
def extractor() -> EntityExtractor:
    return EntityExtractor(Lexicon.from_training_data(load_training_data(DEFAULT_DATA_DIR)))


def _demo_values(key: str) -> list[str]:
    rows = json.loads(DEMO_CATALOG.read_text(encoding="utf-8"))
    return sorted({str(r["attributes"][key]) for r in rows if r.get("attributes", {}).get(key) is not None})


@pytest.fixture(scope="module")
def demo() -> DialogueContext:
    return DialogueContext(catalog=CatalogVocabulary.build(colors=_demo_values("color"), sizes=_demo_values("size")))


def values(extractor: EntityExtractor, text: str, entity: str, ctx: DialogueContext | None = None) -> list[object]:
    return [e.value for e in extractor.extract(text, ctx) if e.entity == entity]


@pytest.mark.parametrize(
    ("text", "size"),
    [("M码", "M"), ("要M码的", "M"), ("XL号", "XL"), ("L码的", "L"), ("xs码", "XS"), ("2XL码", "XXL"),
     ("我要XL的", "XL"), ("size m", "M")],
)
def test_letter_sizes_with_a_size_word(extractor: EntityExtractor, text: str, size: str) -> None:
    assert values(extractor, text, "size") == [size]


@pytest.mark.parametrize("text", ["L型沙发", "S级品质", "M记汉堡"])
def test_a_letter_before_shape_or_grade_words_is_no_size(extractor: EntityExtractor, text: str) -> None:
    assert values(extractor, text, "size") == []


def test_latin_words_next_to_chinese_are_found(extractor: EntityExtractor) -> None:
    ctx = DialogueContext(catalog=CatalogVocabulary.build(brands=["Anker"]))
    assert values(extractor, "anker充电宝", "brand", ctx) == ["Anker"]
    assert values(extractor, "bored", "color") == []  # still whole words among Latin letters


@pytest.mark.parametrize(
    ("text", "entity"),
    [("clear my cart", "color"), ("face cream for dry skin", "color"), ("mint condition", "color"),
     ("gold member benefits", "color"), ("I want a full refund", "size"), ("double check my order", "size"),
     ("standard shipping", "size"), ("is it a single piece", "size")],
)
def test_words_with_another_sense_are_not_attributes(extractor: EntityExtractor, text: str, entity: str) -> None:
    assert values(extractor, text, entity) == []


@pytest.mark.parametrize(
    ("text", "entity", "value"),
    [("do you have it in cream", "color", "cream"), ("cream cardigan", "color", "cream"),
     ("clear phone case", "color", "clear"), ("full size sheets", "size", "full"),
     ("queen bed sheets", "size", "queen"), ("size twin", "size", "twin")],
)
def test_the_same_words_with_a_cue_are(extractor: EntityExtractor, text: str, entity: str, value: str) -> None:
    assert values(extractor, text, entity) == [value]


def test_a_bare_guarded_word_is_the_answer_only_with_a_product_in_focus(extractor: EntityExtractor) -> None:
    assert values(extractor, "cream", "color") == []
    assert values(extractor, "cream", "color", DialogueContext(focus="SKU-1")) == ["cream"]


@pytest.mark.parametrize(
    ("text", "value"),
    [("鼠尾草绿卫衣", "sage"), ("有腮红色的吗", "blush"), ("炭灰色外套", "charcoal"), ("奶油色的", "cream"),
     ("珊瑚色泳衣", "coral"), ("陶土色花盆", "terracotta")],
)
def test_chinese_names_of_catalogue_shades(extractor: EntityExtractor, text: str, value: str) -> None:
    assert values(extractor, text, "color") == [value]


def test_colours_take_the_catalogues_spelling(extractor: EntityExtractor) -> None:
    ctx = DialogueContext(catalog=CatalogVocabulary.build(colors=["Grey", "Sage"]))
    for text in ("grey hoodie", "gray hoodie", "灰色卫衣"):
        assert values(extractor, text, "color", ctx) == ["Grey"]
    assert values(extractor, "grey hoodie", "color") == ["gray"]  # no catalogue: the lexicon's value
    assert values(extractor, "navy hoodie", "color", ctx) == ["navy"]  # not in this catalogue: unchanged


def test_colours_and_sizes_only_the_catalogue_knows(extractor: EntityExtractor) -> None:
    assert values(extractor, "zorbleen hoodie", "color") == []
    ctx = DialogueContext(catalog=CatalogVocabulary.build(colors=["Zorbleen"], sizes=["Tall 34"]))
    assert values(extractor, "zorbleen hoodie", "color", ctx) == ["Zorbleen"]
    assert values(extractor, "jeans tall 34", "size", ctx) == ["Tall 34"]


# Chinese words for the demo catalogue's colours; None where Chinese shoppers have no word of their own
ZH_COLOUR = {
    "Beige": "米色", "Black": "黑色", "Blue": "蓝色", "Blush": "腮红色", "Brown": "棕色", "Burgundy": "酒红色",
    "Camel": "驼色", "Charcoal": "炭灰色", "Clear": "透明", "Coral": "珊瑚色", "Cream": "奶油色", "Gold": "金色",
    "Green": "绿色", "Grey": "灰色", "Khaki": "卡其色", "Lavender": "薰衣草紫", "Mint": "薄荷绿", "Mustard": "芥末黄",
    "Natural": "原木色", "Navy": "藏青色", "Oak": "橡木色", "Olive": "橄榄绿", "Orange": "橙色", "Pink": "粉色",
    "Purple": "紫色", "Red": "红色", "Rose Gold": "玫瑰金", "Sage": "鼠尾草绿", "Silver": "银色", "Sky Blue": "天蓝色",
    "Stainless Steel": "不锈钢色", "Tan": "棕褐色", "Teal": "水鸭蓝", "Terracotta": "陶土色", "Walnut": "胡桃木色",
    "White": "白色", "Yellow": "黄色",
}


def test_every_demo_colour_in_english_and_chinese(extractor: EntityExtractor, demo: DialogueContext) -> None:
    colours = _demo_values("color")
    assert set(colours) == set(ZH_COLOUR)  # a new demo colour needs its Chinese word here
    for colour in colours:
        assert values(extractor, f"do you have it in {colour.lower()}", "color", demo) == [colour], colour
        assert values(extractor, f"有{ZH_COLOUR[colour]}的吗", "color", demo) == [colour], colour


# Chinese for the demo catalogue's sizes, where one exists (US shoe, kids' and bed sizes Queen/King have none)
ZH_SIZE = {"M": "M码", "L": "L码", "S": "S码", "XS": "XS码", "XL": "XL码", "XXL": "XXL码", "Twin": "单人床",
           "Full": "双人床", "Newborn": "新生儿", "Standard": "标准码", "0-3 Months": "0-3个月",
           "3-6 Months": "3-6个月", "6-12 Months": "6-12个月", "12-18 Months": "12-18个月", "18-24 Months": "18-24个月"}


def test_every_demo_size_in_english_and_chinese(extractor: EntityExtractor, demo: DialogueContext) -> None:
    for size in _demo_values("size"):
        text = f"do you have it in size {size}" if not size.lower().startswith("size") else f"got it in {size}"
        assert values(extractor, text, "size", demo) == [size], size
        if size.isdigit():
            assert values(extractor, f"有{size}码的吗", "size", demo) == [size], size
        elif size in ZH_SIZE:
            assert values(extractor, f"有{ZH_SIZE[size]}的吗", "size", demo) == [size], size


def test_a_typo_marked_as_a_colour_takes_the_catalogues_spelling(extractor: EntityExtractor,
                                                                   demo: DialogueContext) -> None:
    # the training data marks "blak" as a colour; left as typed, "blak ones only" filtered on a colour that no
    # product has and found nothing
    assert values(extractor, "blak ones only", "color", demo) == ["Black"]
    assert values(extractor, "blak ones only", "color") == ["blak"]  # no catalogue: nothing to respell to
