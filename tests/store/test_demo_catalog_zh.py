"""Chinese product descriptions (``desc_zh`` -> attribute ``description_zh``) in the generated demo catalog.

The Chinese text must come for free: the builder reuses the alternative index it drew for the English
sentence, so adding translations changes no product, price, stock or id (the eval qrels refer to them).
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import pytest

from store.demo import (
    catalog_data_beauty,
    catalog_data_bedding_bath,
    catalog_data_books,
    catalog_data_electronics,
    catalog_data_gift_cards,
    catalog_data_home_kitchen,
    catalog_data_home_living,
    catalog_data_office,
    catalog_data_phones,
)
from store.demo.catalog_builder import build_catalog
from store.demo.catalog_data import ALL_TYPES
from store.demo.catalog_spec import ProductType
from store.demo.catalog_zh import check_parallel
from store.demo.errors import CatalogBuildError
from store.demo.palette import COLORS

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")  # Chinese characters and punctuation
TRANSLATED_FILES = (catalog_data_electronics, catalog_data_phones, catalog_data_home_kitchen,
                    catalog_data_home_living, catalog_data_bedding_bath, catalog_data_beauty, catalog_data_books,
                    catalog_data_gift_cards, catalog_data_office)

MUG = ProductType(
    key="mug", label="Mug", path="Home > Kitchen > Mugs", count=12, brands=("Acme", "Bodum"),
    titles=("{brand} {finish} Mug {n}",), price=(5, 20),
    desc=(("A {finish} mug.", "Glazed {finish} mug.", "Hand-made {finish} mug."),
          ("", "Comes in {colors}.", "Sizes {sizes}."),
          ("Dishwasher safe.",)),
    desc_zh=(("{finish}马克杯。", "上釉{finish}马克杯。", "手工{finish}马克杯。"),
             ("", "有{colors}可选。", "尺寸：{sizes}。"),
             ("可用洗碗机清洗。",)),
    words={"finish": (("Matte", "哑光"), ("Glossy", "亮面"))},
    attrs={"n": tuple(range(1, 40))},
    variants={"color": ("Black", "White", "Navy"), "size": ("Small", "Medium", "Large")},
    zh="{brand} {finish}马克杯",
)


def _without(rows: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    return [{**r, "attributes": {k: v for k, v in r["attributes"].items() if k != key}} for r in rows]


def test_chinese_descriptions_draw_nothing_from_the_rng() -> None:
    plain = dataclasses.replace(MUG, desc_zh=())
    with_zh = build_catalog(types=[MUG, dataclasses.replace(MUG, key="mug2")])
    without = build_catalog(types=[plain, dataclasses.replace(plain, key="mug2")])
    assert _without(with_zh, "description_zh") == without
    assert all("description_zh" not in r["attributes"] for r in without)


def test_the_chinese_description_is_the_same_pick_in_chinese() -> None:
    opening = {"A": "", "Glazed": "上釉", "Hand-made": "手工"}
    for row in build_catalog(types=[MUG]):
        en, zh = row["description"], row["attributes"]["description_zh"]
        finish = "哑光" if "Matte" in en else "亮面"
        assert zh.startswith(opening[en.split()[0]] + finish + "马克杯。"), (en, zh)
        assert ("Comes in" in en) == ("可选" in zh) and ("Sizes" in en) == ("尺寸" in zh), (en, zh)
        assert zh.endswith("可用洗碗机清洗。")
        # Plain English option values (colours, size words) are given in Chinese, never in English.
        assert not re.search(r"Black|White|Navy|Small|Medium|Large|Matte|Glossy", zh), zh


def test_the_whole_catalog_is_unchanged_apart_from_the_chinese_descriptions() -> None:
    stripped = [dataclasses.replace(t, desc_zh=()) for t in ALL_TYPES]
    assert _without(build_catalog(), "description_zh") == build_catalog(types=stripped)


@pytest.mark.parametrize("ptype", [t for t in ALL_TYPES if t.desc_zh], ids=lambda t: t.key)
def test_desc_zh_mirrors_desc(ptype: ProductType) -> None:
    check_parallel(ptype)
    for group in ptype.desc_zh:
        assert all(CJK.search(text) for text in group if text), group
        # Chinese sentences, Chinese punctuation: no ASCII sentence ends.
        assert not any(re.search(r"[\u4e00-\u9fff][,.;:]", text) for text in group), group


def test_a_desc_zh_that_does_not_mirror_desc_is_refused() -> None:
    with pytest.raises(CatalogBuildError, match="groups"):
        check_parallel(dataclasses.replace(MUG, desc_zh=MUG.desc_zh[:2]))
    with pytest.raises(CatalogBuildError, match="alternatives"):
        check_parallel(dataclasses.replace(MUG, desc_zh=(MUG.desc_zh[0][:2], *MUG.desc_zh[1:])))
    with pytest.raises(CatalogBuildError, match="empty"):
        check_parallel(dataclasses.replace(MUG, desc_zh=(MUG.desc_zh[0], ("x", "有", "尺寸"), MUG.desc_zh[2])))


@pytest.mark.parametrize("module", TRANSLATED_FILES, ids=lambda m: m.__name__.rsplit("_data_", 1)[-1])
def test_every_product_type_of_these_categories_has_a_chinese_description(module: Any) -> None:
    assert [t.key for t in module.TYPES if not t.desc_zh] == []


def test_products_with_desc_zh_carry_a_chinese_description_without_english_colours() -> None:
    keys = {t.key for t in ALL_TYPES if t.desc_zh}
    labels = {t.label for t in ALL_TYPES if t.key in keys}
    rows = [r for r in build_catalog() if r["attributes"]["product_type"] in labels]
    assert rows
    colours = re.compile(r"\b(?:" + "|".join(map(re.escape, COLORS)) + r")\b")
    for row in rows:
        zh = row["attributes"].get("description_zh", "")
        assert CJK.search(zh), row["product_id"]
        assert not colours.search(zh), (row["product_id"], zh)
