"""Read a knowledge-base file (CSV or JSON) into validated rows, every problem tied to its line.

Format: header/keys ``question,answer,sku,tags,source,phrasings``; only question and answer are required. Tags
and phrasings (other wordings of the same question: "运费是多少？" beside "运费多少？满多少包邮？") are ``a;b`` in CSV
and a list in JSON; source is faq (default), staff or shopper. Reading never touches the
database: unknown SKUs are checked by the importer inside its transaction.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from knowledge.qa.errors import ImportProblem
from store.models.knowledge_base import AnswerSource

__all__ = ["KBRow", "read_rows", "FIELDS", "REQUIRED"]

FIELDS = ("question", "answer", "sku", "tags", "source", "phrasings")
REQUIRED = ("question", "answer")
IMPORTABLE_SOURCES = (AnswerSource.FAQ, AnswerSource.STAFF, AnswerSource.SHOPPER)
MAX_TEXT = 4000
MAX_TAG = 40


@dataclass(frozen=True)
class KBRow:
    line: int
    question: str
    answer: str
    sku: str | None
    tags: tuple[str, ...]
    source: AnswerSource
    phrasings: tuple[str, ...] = ()


def _text(value: Any, name: str, problems: list[str]) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        problems.append(f"{name} must be text, not {type(value).__name__}")
        return ""
    text = " ".join(value.split())
    if len(text) > MAX_TEXT:
        problems.append(f"{name} is longer than {MAX_TEXT} characters")
    return text


def _phrasings(value: Any, problems: list[str]) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    items: list[Any] = value.split(";") if isinstance(value, str) else value if isinstance(value, list) else []
    if not isinstance(value, str | list):
        problems.append("phrasings must be a list (JSON) or 'a;b' text (CSV)")
    out = [_text(item, "phrasing", problems) for item in items]
    return tuple(dict.fromkeys(p for p in out if p))


def _tags(value: Any, problems: list[str]) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        items: list[Any] = value.split(";")
    elif isinstance(value, list):
        items = value
    else:
        problems.append("tags must be a list (JSON) or 'a;b' text (CSV)")
        return ()
    out: list[str] = []
    for item in items:
        if not isinstance(item, str):
            problems.append(f"tag {item!r} is not text")
            continue
        tag = item.strip()
        if len(tag) > MAX_TAG:
            problems.append(f"tag {tag[:20]!r}... is longer than {MAX_TAG} characters")
        elif tag and tag not in out:
            out.append(tag)
    return tuple(out)


def _row(line: int, data: Mapping[str, Any]) -> tuple[KBRow | None, list[ImportProblem]]:
    problems: list[str] = []
    unknown = sorted(set(data) - set(FIELDS))
    if unknown:
        problems.append(f"unknown field(s) {', '.join(unknown)} (expected {', '.join(FIELDS)})")
    question = _text(data.get("question"), "question", problems)
    answer = _text(data.get("answer"), "answer", problems)
    for name, value in (("question", question), ("answer", answer)):
        if not value and not any(p.startswith(name) for p in problems):
            problems.append(f"{name} is missing or empty")
    sku = _text(data.get("sku"), "sku", problems) or None
    tags = _tags(data.get("tags"), problems)
    phrasings = _phrasings(data.get("phrasings"), problems)
    raw_source = _text(data.get("source"), "source", problems).lower() or AnswerSource.FAQ.value
    allowed = [s.value for s in IMPORTABLE_SOURCES]
    if raw_source not in allowed:
        problems.append(f"source {raw_source!r} is not one of {', '.join(allowed)}")
        raw_source = AnswerSource.FAQ.value
    if problems:
        return None, [ImportProblem(line, p) for p in problems]
    return KBRow(line, question, answer, sku, tags, AnswerSource(raw_source), phrasings), []


def _csv_records(text: str) -> Iterator[tuple[int, Mapping[str, Any]]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None:
        return
    names = [h.strip().lower() for h in header]
    missing = [f for f in REQUIRED if f not in names]
    if missing:
        raise ValueError(f"line 1: header lacks {', '.join(missing)} (got {', '.join(names)})")
    start = reader.line_num + 1
    for cells in reader:
        if any(c.strip() for c in cells):
            if len(cells) > len(names):
                yield start, {**dict(zip(names, cells, strict=False)), "(extra cells)": cells[len(names):]}
            else:
                yield start, dict(zip(names, cells, strict=False))
        start = reader.line_num + 1


def _json_records(text: str) -> Iterator[tuple[int, Mapping[str, Any]]]:
    """Each item of the top-level array with the line it starts on (decoded one by one for that)."""
    decoder = json.JSONDecoder()
    pos = len(text) - len(text.lstrip())
    if not text[pos:pos + 1] == "[":
        raise ValueError("line 1: a JSON knowledge-base file is an array of objects")
    pos += 1
    while True:
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        if pos >= len(text):
            raise ValueError("the JSON array is not closed with ]")
        if text[pos] == "]":
            return
        line = text.count("\n", 0, pos) + 1
        try:
            item, pos = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            raise ValueError(f"line {exc.lineno}: invalid JSON: {exc.msg}") from None
        if not isinstance(item, dict):
            yield line, {"(not an object)": item}
        else:
            yield line, item


def read_rows(path: Path) -> tuple[list[KBRow], list[ImportProblem]]:
    """All valid rows and all problems; a file-level problem (bad header, broken JSON) is one problem."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return [], [ImportProblem(0, f"cannot read the file: {exc}")]
    is_json = path.suffix.lower() == ".json" or text.lstrip().startswith("[")
    rows: list[KBRow] = []
    problems: list[ImportProblem] = []
    try:
        for line, data in (_json_records(text) if is_json else _csv_records(text)):
            row, row_problems = _row(line, data)
            problems.extend(row_problems)
            if row is not None:
                rows.append(row)
    except ValueError as exc:
        message = str(exc)
        line = int(message.split(":")[0].split()[1]) if message.startswith("line ") else 0
        problems.append(ImportProblem(line, message.split(": ", 1)[-1] if line else message))
    except csv.Error as exc:
        problems.append(ImportProblem(0, f"CSV error: {exc}"))
    if not rows and not problems:
        problems.append(ImportProblem(0, "the file has no question/answer rows"))
    return rows, problems
