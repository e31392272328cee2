"""The streaming readers: positions of rows, CSV quirks and JSON framing (no database needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.catalog.errors import CatalogFormatError
from store.catalog.readers import read_rows


def test_csv_rows_carry_their_starting_line_even_with_multiline_fields(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text('sku,title,price,description\nA,Mug,1.00,"two\nlines"\n\nB,Cup,2.00,x\n', encoding="utf-8")
    rows = list(read_rows(path))
    assert [(r.line, r.data["sku"]) for r in rows] == [(2, "A"), (5, "B")]
    assert rows[0].data["description"] == "two\nlines"


def test_csv_bom_header_case_and_too_many_fields(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes("\ufeffSKU, Title ,PRICE\nA,Mug,1.00,extra\n".encode())
    (row,) = list(read_rows(path))
    assert row.line == 2 and row.problem == "the row has 4 fields but the header has 3"


def test_csv_missing_required_column_is_a_file_error(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("sku,title\nA,Mug\n", encoding="utf-8")
    with pytest.raises(CatalogFormatError, match="missing required column"):
        list(read_rows(path))


def test_json_objects_are_streamed_with_index_and_line(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    path.write_text('[\n  {"sku": "A",\n   "title": "x"},\n  {"sku": "B"},\n  7\n]\n', encoding="utf-8")
    rows = list(read_rows(path))
    assert [(r.index, r.line) for r in rows] == [(1, 2), (2, 4), (3, 5)]
    assert rows[2].problem == "expected an object, got int"


def test_json_larger_than_the_read_buffer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import store.catalog.readers as readers

    monkeypatch.setattr(readers, "_CHUNK", 7)
    path = tmp_path / "c.json"
    path.write_text('[{"sku": "A", "title": "长标题"},\n{"sku": "B", "title": "y"}]', encoding="utf-8")
    assert [(r.data["title"], r.line) for r in read_rows(path)] == [("长标题", 1), ("y", 2)]


@pytest.mark.parametrize("text, message", [
    ('{"sku": "A"}', "must be a list"),
    ('[{"sku": "A"} {"sku": "B"}]', "expected , or ]"),
    ('[{"sku": "A"},\n{"sku": }]', "line 2: invalid JSON in object 2"),
    ('[{"sku": "A"}', "not closed"),
])
def test_broken_json_is_reported_with_a_line(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "c.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogFormatError, match=message):
        list(read_rows(path))


def test_unknown_extension(tmp_path: Path) -> None:
    with pytest.raises(CatalogFormatError, match="use .csv or .json"):
        list(read_rows(tmp_path / "c.xlsx"))
