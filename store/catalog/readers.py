"""Streaming readers for catalog files: yield one raw row at a time with its position in the file.

Neither reader holds the file in memory: CSV is read line by line (quoted fields may span lines; the row's
line is where it starts, header = line 1), JSON is decoded one array element at a time with
``JSONDecoder.raw_decode`` over a rolling buffer, so a 100k-object file costs one object of memory.
``on_bytes`` receives the number of bytes consumed, for a progress bar.
"""

from __future__ import annotations

import codecs
import csv
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from store.catalog.errors import CatalogFormatError
from store.catalog.import_rows import REQUIRED_COLUMNS

__all__ = ["RawRow", "file_format", "read_rows"]

_CHUNK = 1 << 20
_PROGRESS_STEP = 1 << 16


@dataclass
class RawRow:
    line: int
    index: int | None
    data: dict[str, Any] = field(default_factory=dict)
    problem: str | None = None  # the row could not even be split into fields


def file_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".csv", ".json"):
        return suffix[1:]
    raise CatalogFormatError(path.name, f"unknown file type {suffix or '(none)'!r}; use .csv or .json")


def read_rows(path: Path, on_bytes: Callable[[int], None] | None = None) -> Iterator[RawRow]:
    fmt = file_format(path)
    with path.open("rb") as fh:
        if fmt == "csv":
            yield from _csv_rows(path.name, fh, on_bytes)
        else:
            yield from _json_rows(path.name, fh, on_bytes)


def _csv_rows(name: str, fh: BinaryIO, on_bytes: Callable[[int], None] | None) -> Iterator[RawRow]:
    bad_lines: set[int] = set()

    def lines() -> Iterator[str]:
        # Progress is reported per block, not per line: a progress bar's update costs far more than a line.
        pending = 0
        for number, raw in enumerate(fh, start=1):
            if on_bytes is not None:
                pending += len(raw)
                if pending >= _PROGRESS_STEP:
                    on_bytes(pending)
                    pending = 0
            if number == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError:
                bad_lines.add(number)
                yield raw.decode("utf-8", errors="replace")
        if on_bytes is not None and pending:
            on_bytes(pending)

    reader = csv.reader(lines())
    try:
        header = next(reader)
    except StopIteration:
        raise CatalogFormatError(name, "the file is empty (expected a header line)") from None
    columns = [c.strip().lower() for c in header]
    if any(not c for c in columns):
        raise CatalogFormatError(name, "line 1: the header has an empty column name")
    duplicates = sorted({c for c in columns if columns.count(c) > 1})
    if duplicates:
        raise CatalogFormatError(name, f"line 1: duplicate column(s) {', '.join(duplicates)}")
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise CatalogFormatError(name, f"line 1: missing required column(s) {', '.join(missing)}")
    last = reader.line_num
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield RawRow(line=last + 1, index=None, problem=f"cannot read CSV: {exc}")
            last = reader.line_num
            continue
        start, last = last + 1, reader.line_num
        if not fields or all(not f.strip() for f in fields):
            continue
        if any(n in bad_lines for n in range(start, last + 1)):
            yield RawRow(line=start, index=None, problem="the line is not valid UTF-8")
        elif len(fields) > len(columns):
            yield RawRow(line=start, index=None,
                         problem=f"the row has {len(fields)} fields but the header has {len(columns)}")
        else:
            yield RawRow(line=start, index=None, data=dict(zip(columns, fields, strict=False)))


def _json_rows(name: str, fh: BinaryIO, on_bytes: Callable[[int], None] | None) -> Iterator[RawRow]:
    decoder = json.JSONDecoder()
    text_decoder = codecs.getincrementaldecoder("utf-8-sig")()
    buf, pos, line, eof = "", 0, 1, False

    def fill() -> bool:
        nonlocal buf, pos, eof
        if eof:
            return False
        raw = fh.read(_CHUNK)
        if on_bytes is not None and raw:
            on_bytes(len(raw))
        try:
            chunk = text_decoder.decode(raw, final=not raw)
        except UnicodeDecodeError:
            raise CatalogFormatError(name, f"near line {line}: the file is not valid UTF-8") from None
        eof = not raw
        buf = buf[pos:] + chunk
        pos = 0
        return True

    def skip_ws() -> str:
        """Advance past whitespace (counting lines); return the next character or "" at end of file."""
        nonlocal pos, line
        while True:
            while pos < len(buf) and buf[pos] in " \t\r\n":
                if buf[pos] == "\n":
                    line += 1
                pos += 1
            if pos < len(buf):
                return buf[pos]
            if not fill():
                return ""

    if skip_ws() != "[":
        raise CatalogFormatError(name, "a JSON catalog must be a list of objects ([{...}, ...])")
    pos += 1
    index = 0
    expect_item = True
    while True:
        char = skip_ws()
        if char == "":
            raise CatalogFormatError(name, f"line {line}: the JSON list is not closed with ]")
        if char == "]" and (index == 0 or not expect_item):
            return
        if not expect_item:
            if char != ",":
                raise CatalogFormatError(name, f"line {line}: expected , or ] after object {index}")
            pos += 1
            expect_item = True
            continue
        while True:
            try:
                value, end = decoder.raw_decode(buf, pos)
                break
            except json.JSONDecodeError as exc:
                if not fill():
                    raise CatalogFormatError(
                        name,
                        f"line {line + buf.count(chr(10), pos, exc.pos)}: invalid JSON in object {index + 1} "
                        f"({exc.msg})",
                    ) from None
        index += 1
        start_line = line
        line += buf.count("\n", pos, end)
        pos = end
        expect_item = False
        if isinstance(value, dict):
            yield RawRow(line=start_line, index=index, data={str(k).strip().lower(): v for k, v in value.items()})
        else:
            yield RawRow(line=start_line, index=index, problem=f"expected an object, got {type(value).__name__}")
