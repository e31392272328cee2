"""Rasa inline entity annotations: ``[text](entity)``, ``[text](entity:value)`` and
``[text]{"entity": "e", "value": "v"}``.

WHY a module of its own: both the training-data loader and the eval command need "plain text + entity spans"
from an annotated line, and the error messages must point at the exact bad annotation.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

__all__ = ["AnnotatedEntity", "AnnotationError", "parse_annotated"]

_ANNOTATION = re.compile(
    r"\[(?P<text>[^\[\]]+)\]"
    r"(?:\((?P<entity>[^():]+?)(?::(?P<value>[^()]+))?\)|(?P<dict>\{[^{}]*\}))"
)


class AnnotationError(ValueError):
    """An annotation is malformed; the loader adds file and line."""


@dataclass(frozen=True, slots=True)
class AnnotatedEntity:
    entity: str
    value: str
    start: int
    end: int
    text: str
    role: str | None = None
    group: str | None = None


def _from_dict(raw: str, text: str) -> tuple[str, str, str | None, str | None]:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise AnnotationError(f"entity annotation {raw} is not valid JSON ({exc.msg})") from None
    if not isinstance(data, dict) or not isinstance(data.get("entity"), str) or not data["entity"]:
        raise AnnotationError(f'entity annotation {raw} needs an "entity" key with a name')
    value = data.get("value", text)
    role, group = data.get("role"), data.get("group")
    return (
        data["entity"],
        str(value),
        str(role) if role is not None else None,
        str(group) if group is not None else None,
    )


def parse_annotated(line: str) -> tuple[str, tuple[AnnotatedEntity, ...]]:
    """Strip annotations from ``line``; returns the plain text and entity spans in plain-text offsets."""
    out: list[str] = []
    entities: list[AnnotatedEntity] = []
    pos = 0
    length = 0
    for match in _ANNOTATION.finditer(line):
        before = line[pos : match.start()]
        _check_plain(before)
        out.append(before)
        length += len(before)
        text = match.group("text")
        if match.group("dict") is not None:
            entity, value, role, group = _from_dict(match.group("dict"), text)
        else:
            entity = match.group("entity").strip()
            value = (match.group("value") or text).strip()
            role = group = None
        if not entity or not re.fullmatch(r"[\w\-.]+", entity):
            raise AnnotationError(f"bad entity name {entity!r} in annotation {match.group(0)!r}")
        entities.append(AnnotatedEntity(entity, value, length, length + len(text), text, role, group))
        out.append(text)
        length += len(text)
        pos = match.end()
    tail = line[pos:]
    _check_plain(tail)
    out.append(tail)
    return "".join(out), tuple(entities)


def _check_plain(chunk: str) -> None:
    """Text left between valid annotations must not look like a broken one: ``[red(color)``, ``[x](``,
    ``[red] shoes`` (no entity) or a stray ``](``."""
    if re.search(r"\][({]", chunk):
        raise AnnotationError(f"malformed entity annotation near {chunk.strip()!r}")
    if re.search(r"\[[^\]]*\([\w.\-:]+\)", chunk):
        raise AnnotationError(f"annotation near {chunk.strip()!r} is missing its closing ']'")
    bare = re.search(r"\[[^\[\]]+\]", chunk)
    if bare:
        raise AnnotationError(f"annotation {bare.group(0)!r} has no (entity) after it")
