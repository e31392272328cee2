"""Catalog import on SQLite and PostgreSQL: formats, variants, categories, attributes, errors, re-import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from store.catalog import (
    CatalogImportFailed,
    ProductChanged,
    get_product,
    get_variant_by_sku,
    import_catalog,
    list_categories,
    list_products,
)
from store.models.catalog import Product, Variant
from store.models.catalog_imports import CatalogImport
from store.money import Money
from store.uow import UnitOfWorkFactory
from tests.helpers.catalog_builders import generated_rows, write_csv, write_json

HEADER = ("product_id", "sku", "title", "description", "category", "brand", "price", "currency", "stock",
          "attributes", "image_url")

MUGS = [
    {"product_id": "P1", "sku": "P1-RED", "title": "Enamel Mug", "category": "Home > Kitchen > Mugs",
     "brand": "Acme", "price": "12.50", "stock": "4", "attributes": "color=Red;material=enamel;rating=4.5",
     "image_url": "https://img/p1.png"},
    {"product_id": "P1", "sku": "P1-BLU", "title": "Enamel Mug", "category": "Home > Kitchen > Mugs",
     "brand": "Acme", "price": "13.00", "stock": "0", "attributes": '{"color": "Blue", "material": "enamel"}'},
    {"sku": "LAMP-1", "title": "Desk Lamp", "category": "Home>Lighting", "price": "80", "currency": "usd"},
]


async def _import(uows: UnitOfWorkFactory, path: Path, currency: str = "USD") -> object:
    async with uows() as uow:
        return await import_catalog(uow, path, default_currency=currency)


async def _count(uows: UnitOfWorkFactory, model: type[Product] | type[Variant]) -> int:
    async with uows() as uow:
        return int(await uow.session.scalar(select(func.count()).select_from(model)) or 0)


async def test_csv_import_builds_products_variants_categories_and_attributes(
    uow_factory: UnitOfWorkFactory, tmp_path: Path
) -> None:
    seen: list[object] = []
    uow_factory.subscribe(seen.extend)
    result = await _import(uow_factory, write_csv(tmp_path / "c.csv", MUGS))
    assert (result.rows, result.products, result.products_created, result.variants_created) == (3, 2, 2, 3)  # type: ignore[attr-defined]
    async with uow_factory() as uow:
        mug = await get_product(uow, "P1")
        lamp = await get_product(uow, "LAMP-1")
        paths = [c.path for c in await list_categories(uow)]
    assert mug.category_path == "Home > Kitchen > Mugs" and mug.categories == ("Home", "Kitchen", "Mugs")
    assert mug.attributes == {"material": "enamel"}  # same on every row -> product level
    assert [(v.sku, v.price, v.stock, dict(v.attributes)) for v in mug.variants] == [
        ("P1-RED", Money(1250, "USD"), 4, {"color": "Red"}),
        ("P1-BLU", Money(1300, "USD"), 0, {"color": "Blue"}),
    ]
    assert mug.rating_tenths == 45 and mug.brand == "Acme" and mug.image_url == "https://img/p1.png"
    assert lamp.external_id == "LAMP-1" and lamp.variants[0].price == Money(8000, "USD")
    assert lamp.variants[0].stock == 0 and lamp.category_path == "Home > Lighting"
    assert paths == ["Home", "Home > Kitchen", "Home > Kitchen > Mugs", "Home > Lighting"]
    assert sorted((e.external_id, e.kind) for e in seen if isinstance(e, ProductChanged)) == [
        ("LAMP-1", "upserted"), ("P1", "upserted")]


async def test_json_import_with_well_known_keys_extra_columns_and_stars(
    uow_factory: UnitOfWorkFactory, tmp_path: Path
) -> None:
    rows = [
        {"product_id": "S1", "sku": "S1-PACK", "title": "Sticker pack", "price": 150, "currency": "XTR",
         "stock": 999, "attributes": {"title_zh": "贴纸包", "digital": True, "sales_count": 12, "format": "webp"},
         "artist": "Lin"},
        {"sku": "M1", "title": "Mug", "price": "19.99", "rating": "4", "title_zh": "马克杯"},
    ]
    await _import(uow_factory, write_json(tmp_path / "c.json", rows))
    async with uow_factory() as uow:
        stickers = await get_product(uow, "S1")
        mug = await get_product(uow, "M1")
    assert stickers.is_digital and stickers.title_zh == "贴纸包" and stickers.sales_count == 12
    assert stickers.attributes == {"format": "webp", "artist": "Lin"}
    assert stickers.variants[0].price == Money(150, "XTR")
    assert mug.title_zh == "马克杯" and mug.rating_tenths == 40 and mug.variants[0].price == Money(1999, "USD")


async def test_default_currency_comes_from_settings(uow_factory: UnitOfWorkFactory, tmp_path: Path) -> None:
    await _import(uow_factory, write_csv(tmp_path / "c.csv", [{"sku": "T1", "title": "Tea", "price": "8.8"}]),
                  currency="CNY")
    async with uow_factory() as uow:
        assert (await get_variant_by_sku(uow, "T1")).price == Money(880, "CNY")


async def test_every_bad_row_is_reported_with_its_line_and_nothing_is_imported(
    uow_factory: UnitOfWorkFactory, tmp_path: Path
) -> None:
    rows = [
        {"sku": "OK-1", "title": "Fine", "price": "1.00"},
        {"sku": "", "title": "No sku", "price": "1.00"},
        {"sku": "B-2", "title": "Too precise", "price": "1.999"},
        {"sku": "B-3", "title": "Stars", "price": "1.5", "currency": "XTR"},
        {"sku": "B-4", "title": "Bad attrs", "price": "2", "attributes": "color"},
        {"sku": "B-5", "title": "", "price": "abc", "stock": "-1"},
        {"sku": "OK-1", "title": "Duplicate", "price": "1.00"},
        {"sku": "B-7", "title": "Bad category", "price": "1", "category": "Home >  > Mugs"},
        {"sku": "B-8", "title": "Bad rating", "price": "1", "attributes": '{"rating": 7}'},
    ]
    path = write_csv(tmp_path / "bad.csv", rows)
    with pytest.raises(CatalogImportFailed) as info:
        await _import(uow_factory, path)
    problems = {p.line: p for p in info.value.problems}
    assert sorted(problems) == [3, 4, 5, 6, 7, 8, 9, 10]
    assert "sku is required" in problems[3].reason
    assert "more than 2 decimals" in problems[4].reason
    assert "more than 0 decimals for XTR" in problems[5].reason
    assert "not key=value" in problems[6].reason
    assert {"title is required", "price: 'abc' is not a number", "stock must not be negative, got -1"} <= set(
        problems[7].reason.split("; "))
    assert "duplicate sku 'OK-1' (first on line 2)" in problems[8].reason
    assert "empty level" in problems[9].reason and "rating" in problems[10].reason
    assert "line 4 [sku B-2]" in str(info.value)
    assert await _count(uow_factory, Product) == 0


async def test_bad_json_objects_are_reported_by_index(uow_factory: UnitOfWorkFactory, tmp_path: Path) -> None:
    path = write_json(tmp_path / "bad.json", [{"sku": "A", "title": "t", "price": "1"},
                                               {"sku": "B", "title": "t", "price": True}])
    with pytest.raises(CatalogImportFailed) as info:
        await _import(uow_factory, path)
    (problem,) = info.value.problems
    assert (problem.index, problem.line) == (2, 7) and "object 2 (line 7)" in problem.describe()
    assert await _count(uow_factory, Product) == 0


async def test_reimport_updates_by_sku_and_product_id(uow_factory: UnitOfWorkFactory, tmp_path: Path) -> None:
    await _import(uow_factory, write_csv(tmp_path / "a.csv", MUGS))
    changed = [dict(MUGS[0], price="9.99", stock="7", title="Enamel Mug v2"), MUGS[1],
               dict(MUGS[1], sku="P1-GRN", attributes="color=Green;material=enamel")]
    result = await _import(uow_factory, write_csv(tmp_path / "b.csv", changed))
    assert (result.products_created, result.products_updated) == (0, 1)  # type: ignore[attr-defined]
    assert (result.variants_created, result.variants_updated) == (1, 2)  # type: ignore[attr-defined]
    assert await _count(uow_factory, Product) == 2 and await _count(uow_factory, Variant) == 4
    async with uow_factory() as uow:
        mug = await get_product(uow, "P1")
        imports = (await uow.session.execute(
            select(CatalogImport.rows, CatalogImport.sha256).order_by(CatalogImport.id))).all()
    assert mug.title == "Enamel Mug v2"
    assert [(v.sku, v.price.amount, v.stock) for v in mug.variants] == [
        ("P1-RED", 999, 7), ("P1-BLU", 1300, 0), ("P1-GRN", 1300, 0)]
    assert [i.rows for i in imports] == [3, 3] and imports[0].sha256 != imports[1].sha256


async def test_streaming_import_of_5000_rows_in_chunks(uow_factory: UnitOfWorkFactory, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "big.csv", generated_rows(5000, variants_per_product=2))
    async with uow_factory() as uow:
        result = await import_catalog(uow, path, default_currency="USD", chunk_size=700)
    assert (result.rows, result.products, result.variants_created) == (5000, 2500, 5000)
    assert await _count(uow_factory, Variant) == 5000
    async with uow_factory() as uow:
        page = await list_products(uow, 0, 3)
        last = await get_variant_by_sku(uow, "SKU00004999")
    assert [p.external_id for p in page] == ["P0000000", "P0000001", "P0000002"]
    assert page[0].attributes == {"material": "steel"} and page[0].variants[1].attributes == {"color": "Blue"}
    assert last.product_external_id == "P0002499"


async def test_failed_write_rolls_back_everything(
    uow_factory: UnitOfWorkFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure after some chunks were already written leaves nothing behind (one transaction)."""
    import store.catalog.importer as importer

    real_write = importer._Writer.write
    calls = 0

    async def failing_write(self: importer._Writer, chunk: object) -> None:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise RuntimeError("disk full")
        await real_write(self, chunk)  # type: ignore[arg-type]

    monkeypatch.setattr(importer._Writer, "write", failing_write)
    path = write_csv(tmp_path / "c.csv", list(generated_rows(50)))
    async with uow_factory() as uow:
        with pytest.raises(RuntimeError, match="disk full"):
            await import_catalog(uow, path, default_currency="USD", chunk_size=10)
    assert calls == 3 and await _count(uow_factory, Product) == 0


def test_header_only_file_is_valid(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_text(",".join(HEADER) + "\n", encoding="utf-8")
    from store.catalog import check_catalog_file

    assert check_catalog_file(path, "USD").rows == 0
    assert json.loads("[]") == []


async def test_bad_rows_after_multiline_fields_are_reported_at_their_physical_line(
    uow_factory: UnitOfWorkFactory, tmp_path: Path
) -> None:
    """Quoted fields may span lines: a bad row's line is where it starts in the file (header = line 1)."""
    path = tmp_path / "multi.csv"
    path.write_text(
        "sku,title,price,description,attributes,colour_name\n"      # 1
        'OK-1,Mug,1.00,"first line\nsecond line\nthird",,\n'         # 2-4
        "BAD-1,Cup,1.234,,,\n"                                        # 5
        '\n'                                                          # 6 (blank: skipped)
        'OK-2,Lamp,80,"a\n\nb","size=L;material=oak",Walnut\n'        # 7-9
        'BAD-2,,2.00,"x\ny",,\n'                                      # 10-11
        "BAD-3,Plate,3.00,,color,\n",                                 # 12
        encoding="utf-8")
    with pytest.raises(CatalogImportFailed) as info:
        await _import(uow_factory, path)
    assert [(p.line, p.sku) for p in info.value.problems] == [(5, "BAD-1"), (10, "BAD-2"), (12, "BAD-3")]
    assert str(info.value).splitlines()[0] == "multi.csv: 3 bad row(s) in 5; nothing was imported."
    assert await _count(uow_factory, Product) == 0
    fixed = path.read_text(encoding="utf-8").replace("1.234", "1.23").replace("BAD-2,,", "BAD-2,Bowl,")
    path.write_text(fixed.replace(",color,", ",color=white,"), encoding="utf-8")
    await _import(uow_factory, path)
    async with uow_factory() as uow:
        lamp = await get_product(uow, "OK-2")
    assert lamp.description == "a\n\nb"
    assert lamp.attributes == {"material": "oak", "colour_name": "Walnut"}  # the extra column is kept
    assert dict(lamp.variants[0].attributes) == {"size": "L"}


async def test_import_reports_progress_over_the_file_then_the_rows(
    uow_factory: UnitOfWorkFactory, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "big.csv", generated_rows(2500))
    seen: dict[str, list[int]] = {}

    class Recorder:
        phase = ""

        def start(self, phase: str, total: int) -> None:
            self.phase = phase
            seen[phase] = [total]

        def advance(self, amount: int) -> None:
            seen[self.phase].append(amount)

    async with uow_factory() as uow:
        await import_catalog(uow, path, default_currency="USD", progress=Recorder(), chunk_size=1000)
    check_total, *check_steps = seen["check"]
    import_total, *import_steps = seen["import"]
    assert check_total == path.stat().st_size == sum(check_steps) and len(check_steps) > 1
    assert import_total == 2500 and import_steps == [1000, 1000, 500]


async def test_reimport_that_groups_skus_under_a_product_id_leaves_no_empty_products(
    uow_factory: UnitOfWorkFactory, tmp_path: Path
) -> None:
    """First imported without product_id (each SKU its own product), then grouped: the SKUs move to the
    new product and the products they left, now without any SKU, are taken off sale (not left as shells)."""
    from store.catalog import export_catalog

    first = [{"sku": "MUG-R", "title": "Red mug", "price": "9.00"},
             {"sku": "MUG-B", "title": "Blue mug", "price": "9.00"},
             {"product_id": "SET", "sku": "SET-2", "title": "Two mugs", "price": "15.00"},
             {"product_id": "SET", "sku": "SET-4", "title": "Two mugs", "price": "25.00"}]
    await _import(uow_factory, write_csv(tmp_path / "a.csv", first))
    grouped = [{"product_id": "MUG", "sku": "MUG-R", "title": "Mug", "price": "9.00", "attributes": "color=Red"},
               {"product_id": "MUG", "sku": "MUG-B", "title": "Mug", "price": "9.00", "attributes": "color=Blue"},
               {"product_id": "MUG", "sku": "SET-4", "title": "Mug", "price": "25.00", "attributes": "color=Mix"}]
    seen: list[object] = []
    uow_factory.subscribe(seen.extend)
    result = await _import(uow_factory, write_csv(tmp_path / "b.csv", grouped))
    assert result.products_retired == 2  # type: ignore[attr-defined]
    async with uow_factory() as uow:
        active = [p.external_id for p in await list_products(uow, 0, 100)]
        left = await get_product(uow, "SET")
        await export_catalog(uow, tmp_path / "out.json")
    assert active == ["SET", "MUG"]  # SET kept SET-2, so it stays on sale
    assert [v.sku for v in left.variants] == ["SET-2"]
    assert sorted((e.external_id, e.kind) for e in seen if isinstance(e, ProductChanged)) == [
        ("MUG", "upserted"), ("MUG-B", "deleted"), ("MUG-R", "deleted")]
    exported = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert [(r["product_id"], r["sku"]) for r in exported] == [
        ("SET", "SET-2"), ("MUG", "MUG-R"), ("MUG", "MUG-B"), ("MUG", "SET-4")]
    await _import(uow_factory, write_csv(tmp_path / "a.csv", first))  # and back again: MUG is the empty one
    async with uow_factory() as uow:
        back = await list_products(uow, 0, 100)
    assert [(p.external_id, [v.sku for v in p.variants]) for p in back] == [
        ("MUG-R", ["MUG-R"]), ("MUG-B", ["MUG-B"]), ("SET", ["SET-2", "SET-4"])]


def test_attributes_as_json_or_pairs_and_extra_columns_win() -> None:
    from store.catalog.import_rows import parse_row

    def attrs(**data: object) -> dict[str, object]:
        return parse_row({"sku": "S", "title": "T", "price": "1", **data}, line=2, index=None,
                         default_currency="USD").attributes

    assert attrs(attributes='{"color": "Red", "size": "M", "weight_g": 350}') == {
        "color": "Red", "size": "M", "weight_g": 350}
    assert attrs(attributes=" color = Red ; size=M;; ") == {"color": "Red", "size": "M"}
    assert attrs(attributes="color=Red;size=M", color="Blue", fabric="linen") == {
        "color": "Blue", "size": "M", "fabric": "linen"}  # the column wins; extra columns are attributes
    assert attrs(attributes="", note="  ") == {}  # empty extra cells add nothing
