"""The committed demo catalog is valid, reproducible from its builder, and drawable as product images.

The catalog is data other parts of shopbot are built on (demo loader, promotions, FAQ, search), so these
tests pin its contract: import-format keys, unique SKUs, money scale per currency, digital goods in Stars,
Chinese titles, and that ``python -m store.demo.catalog_builder`` still reproduces the committed bytes.
"""

from __future__ import annotations

import io
import json
import re
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from store.demo.catalog_builder import CATALOG_PATH, build_catalog, main, render_catalog
from store.demo.catalog_data import ALL_TYPES
from store.demo.errors import ImageRenderError
from store.demo.images import IMAGE_SIZE, render_product_image, write_demo_images
from store.demo.palette import color_info

KEYS = {
    "product_id",
    "sku",
    "title",
    "description",
    "category",
    "brand",
    "price",
    "currency",
    "stock",
    "attributes",
    "image_url",
}
FAQ_PATH = Path(__file__).resolve().parents[2] / "knowledge" / "demo" / "faq.json"
CJK = re.compile(r"[\u4e00-\u9fff]")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

Row = dict[str, Any]


@pytest.fixture(scope="module")
def rows() -> list[Row]:
    data = json.loads(CATALOG_PATH.read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return data


@pytest.fixture(scope="module")
def products(rows: list[Row]) -> dict[str, list[Row]]:
    grouped: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        grouped[row["product_id"]].append(row)
    return dict(grouped)


def test_rows_have_exactly_the_import_format_keys(rows: list[Row]) -> None:
    assert rows and all(set(row) == KEYS for row in rows)
    assert all(isinstance(row["attributes"], dict) for row in rows)


def test_skus_are_unique_and_well_formed(rows: list[Row]) -> None:
    skus = [row["sku"] for row in rows]
    assert len(skus) == len(set(skus))
    for row in rows:
        assert re.fullmatch(r"[A-Z0-9-]{1,24}", row["sku"]), row["sku"]
        assert row["sku"].startswith(row["product_id"] + "-")
        assert re.fullmatch(r"P\d{4}", row["product_id"])


def test_catalog_size_and_category_tree(rows: list[Row], products: dict[str, list[Row]]) -> None:
    assert len(products) >= 520 and len(rows) >= 1200
    tops = {row["category"].split(" > ")[0] for row in rows}
    assert len(tops) >= 12
    assert all(2 <= len(row["category"].split(" > ")) <= 3 for row in rows)
    types_per_top: dict[str, set[str]] = defaultdict(set)
    for skus in products.values():
        types_per_top[skus[0]["category"].split(" > ")[0]].add(skus[0]["attributes"]["product_type"])
    assert all(len(types) >= 8 for types in types_per_top.values()), types_per_top


def test_many_products_have_variants_that_differ_by_their_own_attributes(
    products: dict[str, list[Row]]
) -> None:
    with_variants = [skus for skus in products.values() if len(skus) > 1]
    assert len(with_variants) >= len(products) // 3
    for skus in with_variants:  # each SKU of a product is told apart by some attribute, price or both
        keys = {(json.dumps(r["attributes"], sort_keys=True), r["price"]) for r in skus}
        assert len(keys) == len(skus), skus[0]["product_id"]
    assert any(len({r["price"] for r in skus}) > 1 for skus in with_variants)  # own prices
    assert any(len({r["stock"] for r in skus}) > 1 for skus in with_variants)  # own stock


def test_variants_share_product_fields_and_titles_are_unique(products: dict[str, list[Row]]) -> None:
    shared = ("title", "description", "category", "brand", "image_url")
    for skus in products.values():
        assert all(all(row[k] == skus[0][k] for k in shared) for row in skus)
        assert all(row["attributes"]["rating"] == skus[0]["attributes"]["rating"] for row in skus)
    titles = [skus[0]["title"] for skus in products.values()]
    assert len(titles) == len(set(titles))
    assert all(2 <= skus[0]["description"].count(". ") + 1 <= 5 for skus in products.values())


def test_prices_have_the_scale_of_their_currency(rows: list[Row]) -> None:
    for row in rows:
        assert isinstance(row["price"], str)
        price = Decimal(row["price"])
        assert price > 0
        if row["currency"] == "USD":
            assert price.as_tuple().exponent == -2, row["price"]
        else:
            assert row["currency"] == "XTR" and price.as_tuple().exponent == 0, row
    assert any(Decimal(row["price"]) > 300 for row in rows if row["currency"] == "USD")  # instalment-worthy


def test_digital_goods_are_priced_in_stars(products: dict[str, list[Row]]) -> None:
    digital = [skus for skus in products.values() if skus[0]["attributes"].get("digital") is True]
    assert len(digital) >= 8
    for skus in products.values():
        is_digital = skus[0]["attributes"].get("digital") is True
        assert all((row["currency"] == "XTR") == is_digital for row in skus)
        if is_digital:
            assert all(row["stock"] >= 100_000 for row in skus)
    tops = {skus[0]["category"].split(" > ")[0] for skus in digital}
    assert tops == {"Gift Cards", "Books & E-books"}


def test_stock_levels_cover_out_of_stock_low_and_plenty(rows: list[Row]) -> None:
    stocks = [row["stock"] for row in rows]
    assert all(isinstance(s, int) and s >= 0 for s in stocks)
    assert any(s == 0 for s in stocks) and any(1 <= s <= 5 for s in stocks) and any(s >= 10 for s in stocks)
    assert any("flash-sale" in row["attributes"]["tags"] for row in rows)


def test_attributes_are_well_typed(rows: list[Row]) -> None:
    for row in rows:
        attrs = row["attributes"]
        rating = Decimal(str(attrs["rating"]))
        assert 1 <= rating <= 5 and rating * 10 == int(rating * 10)
        assert isinstance(attrs["sales_count"], int) and attrs["sales_count"] >= 0
        assert attrs["tags"] and all(isinstance(t, str) and t for t in attrs["tags"])
        if "color" in attrs:
            assert color_info(attrs["color"]) is not None, attrs["color"]


def test_every_product_has_a_chinese_title(products: dict[str, list[Row]]) -> None:
    """Chinese shoppers must never get an English-only card: every product carries a ``title_zh``."""
    untitled = [pid for pid, skus in products.items() if not skus[0]["attributes"].get("title_zh")]
    assert not untitled, untitled
    for skus in products.values():
        title_zh = skus[0]["attributes"]["title_zh"]
        assert isinstance(title_zh, str) and CJK.search(title_zh), title_zh
        assert all(row["attributes"]["title_zh"] == title_zh for row in skus)


def test_every_product_type_has_a_chinese_title_template() -> None:
    """New vocabulary tables must come with a ``zh`` template, or their products ship English-only."""
    assert [t.key for t in ALL_TYPES if not t.zh] == []


def test_image_paths_point_at_the_product_png(rows: list[Row]) -> None:
    assert all(row["image_url"] == f"images/{row['product_id']}.png" for row in rows)


def test_related_products_share_tags(products: dict[str, list[Row]]) -> None:
    """Recommendations need overlap: every phone sold has a case for it, tagged with the same model."""
    firsts = [skus[0]["attributes"] for skus in products.values()]
    cases = [a for a in firsts if a["product_type"] == "Phone Case"]
    for phone in (a for a in firsts if a["product_type"] == "Smartphone"):
        fitting = [c for c in cases if c["compatible_with"] == phone["phone_model"]]
        assert fitting, phone["phone_model"]
        assert all(set(c["tags"]) & set(phone["tags"]) - {"5g"} for c in fitting)
    coffee_types = {a["product_type"] for a in firsts if "coffee" in a["tags"]}
    assert {"Mug", "Coffee Beans", "Coffee Maker"} <= coffee_types


def test_builder_is_deterministic_and_matches_the_committed_file() -> None:
    first = build_catalog()
    second = build_catalog()
    assert first == second
    assert render_catalog(first) == CATALOG_PATH.read_text(encoding="utf-8")
    assert build_catalog(seed=7) != first


def test_builder_cli_writes_and_checks(tmp_path: Path) -> None:
    target = tmp_path / "catalog.json"
    assert main(["--output", str(target), "--check"]) == 1  # missing file is stale
    assert main(["--output", str(target)]) == 0
    assert target.read_bytes() == CATALOG_PATH.read_bytes()
    assert main(["--output", str(target), "--check"]) == 0


def test_faq_product_answers_point_at_catalog_skus(rows: list[Row]) -> None:
    """The demo FAQ scopes answers to SKUs; a catalog rebuild that renames SKUs must fail here."""
    skus = {row["sku"] for row in rows}
    faq = json.loads(FAQ_PATH.read_text(encoding="utf-8"))
    scoped = [entry for entry in faq if entry["sku"] is not None]
    assert len(faq) >= 120 and len(scoped) >= 40
    assert all(entry["sku"] in skus for entry in scoped)
    assert all(entry["source"] in {"faq", "staff", "shopper"} for entry in faq)
    chinese = sum(1 for entry in faq if CJK.search(entry["question"]))
    assert 0.3 <= chinese / len(faq) <= 0.5


def _first_rows(rows: list[Row], count: int) -> list[Row]:
    seen: dict[str, Row] = {}
    for row in rows:
        seen.setdefault(row["product_id"], row)
        if len(seen) == count:
            break
    return list(seen.values())


def test_render_product_image_is_a_deterministic_480_png(rows: list[Row]) -> None:
    phone, mug = rows[0], next(r for r in rows if r["attributes"]["product_type"] == "Mug")
    data = render_product_image(phone)
    assert data.startswith(PNG_SIGNATURE)
    assert render_product_image(phone) == data
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "PNG" and image.size == (IMAGE_SIZE, IMAGE_SIZE) == (480, 480)
    assert render_product_image(mug) != data


def test_render_handles_rows_without_colour_or_brand() -> None:
    bare = {"product_id": "X1", "title": "A very long title " * 12, "category": "Unknown > Thing"}
    data = render_product_image(bare)
    with Image.open(io.BytesIO(data)) as image:
        assert image.size == (480, 480)


def test_write_demo_images_writes_once_and_repairs_changed_files(rows: list[Row], tmp_path: Path) -> None:
    sample = [r for r in rows if r["product_id"] in {x["product_id"] for x in _first_rows(rows, 4)}]
    assert write_demo_images(sample, tmp_path, progress=False) == 4
    files = sorted(p.name for p in (tmp_path / "images").iterdir())
    assert files == ["P0001.png", "P0002.png", "P0003.png", "P0004.png"]
    assert (tmp_path / "images" / "P0001.png").read_bytes() == render_product_image(sample[0])
    assert write_demo_images(sample, tmp_path, progress=False) == 0
    (tmp_path / "images" / "P0002.png").write_bytes(b"stale")
    assert write_demo_images(sample, tmp_path, progress=False) == 1


def test_write_demo_images_refuses_unsafe_product_ids(tmp_path: Path) -> None:
    with pytest.raises(ImageRenderError):
        write_demo_images([{"product_id": "../evil", "title": "x"}], tmp_path, progress=False)
    assert not (tmp_path / "images").exists()
