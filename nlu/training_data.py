"""Loader for Rasa NLU training data in YAML (format version 3.1).

Reads ``nlu:`` items of four kinds: ``intent`` (examples with inline entity annotations), ``synonym``,
``regex`` and ``lookup``. Examples may be a ``|`` block of ``- text`` lines or a list of ``{text: ...}``
mappings. WHY our own loader: Rasa itself is a 1 GB dependency; the format is small, and we want errors
that name the file and line of the bad example.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from nlu.annotations import AnnotatedEntity, AnnotationError, parse_annotated
from nlu.errors import TrainingDataError
from nlu.language import detect_language

__all__ = ["Example", "TrainingData", "data_files", "data_hash", "load_file", "load_training_data"]

SUPPORTED_VERSIONS = frozenset({"2.0", "3.0", "3.1"})


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    intent: str
    entities: tuple[AnnotatedEntity, ...] = ()
    source: str = ""
    line: int = 0

    @property
    def language(self) -> str:
        return detect_language(self.text).value


@dataclass
class TrainingData:
    examples: list[Example] = field(default_factory=list)
    synonyms: dict[str, str] = field(default_factory=dict)
    regexes: dict[str, list[str]] = field(default_factory=dict)
    lookups: dict[str, list[str]] = field(default_factory=dict)

    @property
    def intents(self) -> list[str]:
        return sorted({e.intent for e in self.examples})

    def extend(self, other: TrainingData) -> None:
        self.examples.extend(other.examples)
        self.synonyms.update(other.synonyms)
        for name, patterns in other.regexes.items():
            self.regexes.setdefault(name, []).extend(patterns)
        for name, items in other.lookups.items():
            self.lookups.setdefault(name, []).extend(items)

    def entity_values(self, entity: str) -> set[str]:
        """Every surface text annotated as ``entity`` in the examples (a gazetteer learnt from the data)."""
        return {a.text for e in self.examples for a in e.entities if a.entity == entity}


def data_files(data_dir: Path) -> list[Path]:
    return sorted(p for p in data_dir.glob("*.yml") if p.is_file()) + sorted(data_dir.glob("*.yaml"))


def data_hash(paths: Iterable[Path]) -> str:
    """SHA-256 over file names and bytes: the artifact retrains when any training file changes."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.name.encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def load_training_data(paths: Sequence[Path] | Path) -> TrainingData:
    """Load a directory of ``*.yml`` files, or an explicit list of files, into one ``TrainingData``."""
    files = (
        data_files(paths)
        if isinstance(paths, Path) and paths.is_dir()
        else ([paths] if isinstance(paths, Path) else list(paths))
    )
    if not files:
        raise TrainingDataError(str(paths), None, "no .yml training data files found")
    data = TrainingData()
    for path in files:
        data.extend(load_file(path))
    return data


def load_file(path: Path) -> TrainingData:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TrainingDataError(path, None, f"cannot read file: {exc}") from None
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise TrainingDataError(path, line, f"invalid YAML: {getattr(exc, 'problem', exc)}") from None
    data = TrainingData()
    if root is None:
        return data
    if not isinstance(root, MappingNode):
        raise TrainingDataError(path, 1, "top level must be a mapping with 'version' and 'nlu'")
    top = {_key(path, k): v for k, v in root.value}
    version = top.get("version")
    if version is not None and (not isinstance(version, ScalarNode) or str(version.value) not in SUPPORTED_VERSIONS):
        raise TrainingDataError(path, _line(version), f"unsupported version; use one of {sorted(SUPPORTED_VERSIONS)}")
    nlu = top.get("nlu")
    if nlu is None:
        return data
    if not isinstance(nlu, SequenceNode):
        raise TrainingDataError(path, _line(nlu), "'nlu' must be a list of intent/synonym/regex/lookup items")
    for item in nlu.value:
        _load_item(path, item, data)
    return data


def _line(node: Node | None) -> int | None:
    return node.start_mark.line + 1 if node is not None else None


def _key(path: Path, node: Node) -> str:
    if not isinstance(node, ScalarNode):
        raise TrainingDataError(path, _line(node), "mapping keys must be plain strings")
    return str(node.value)


_KINDS = ("intent", "synonym", "regex", "lookup")


def _load_item(path: Path, item: Node, data: TrainingData) -> None:
    if not isinstance(item, MappingNode):
        raise TrainingDataError(path, _line(item), "each nlu item must be a mapping such as '- intent: greet'")
    fields = {_key(path, k): v for k, v in item.value}
    kinds = [k for k in _KINDS if k in fields]
    if len(kinds) != 1:
        raise TrainingDataError(path, _line(item), f"item needs exactly one of {', '.join(_KINDS)}")
    kind = kinds[0]
    name_node = fields[kind]
    if not isinstance(name_node, ScalarNode) or not str(name_node.value).strip():
        raise TrainingDataError(path, _line(name_node), f"'{kind}' needs a name")
    name = str(name_node.value).strip()
    if "examples" not in fields:
        raise TrainingDataError(path, _line(item), f"{kind} '{name}' has no 'examples'")
    lines = list(_example_lines(path, fields["examples"]))
    if not lines:
        raise TrainingDataError(path, _line(fields["examples"]), f"{kind} '{name}' has no examples")
    for raw, line in lines:
        if kind == "intent":
            _add_example(path, line, name, raw, data)
        elif kind == "synonym":
            data.synonyms[raw.casefold()] = name
        elif kind == "regex":
            _check_regex(path, line, raw)
            data.regexes.setdefault(name, []).append(raw)
        else:
            data.lookups.setdefault(name, []).append(raw)


def _add_example(path: Path, line: int, intent: str, raw: str, data: TrainingData) -> None:
    try:
        text, entities = parse_annotated(raw)
    except AnnotationError as exc:
        raise TrainingDataError(path, line, str(exc)) from None
    if not text.strip():
        raise TrainingDataError(path, line, "empty example")
    for ent in entities:
        if ent.value != ent.text:  # Rasa: an annotated value is also a synonym of its text
            data.synonyms.setdefault(ent.text.casefold(), ent.value)
    data.examples.append(Example(text.strip(), intent, _shift(text, entities), str(path), line))


def _shift(text: str, entities: tuple[AnnotatedEntity, ...]) -> tuple[AnnotatedEntity, ...]:
    """Offsets are relative to the stripped text."""
    lead = len(text) - len(text.lstrip())
    if not lead:
        return entities
    return tuple(
        AnnotatedEntity(e.entity, e.value, e.start - lead, e.end - lead, e.text, e.role, e.group) for e in entities
    )


def _check_regex(path: Path, line: int, pattern: str) -> None:
    import re

    try:
        re.compile(pattern)
    except re.error as exc:
        raise TrainingDataError(path, line, f"invalid regex {pattern!r}: {exc}") from None


def _example_lines(path: Path, node: Node) -> Iterable[tuple[str, int]]:
    """Yield (text, 1-based line) for a ``|`` block of '- ' lines or a list of strings / {text: ...}."""
    if isinstance(node, ScalarNode):
        first = node.start_mark.line + (1 if node.style in ("|", ">") else 0)
        for offset, raw in enumerate(str(node.value).split("\n")):
            stripped = raw.strip()
            if not stripped or stripped.startswith("#"):
                continue
            line = first + offset + 1
            if not stripped.startswith("- ") and stripped != "-":
                raise TrainingDataError(path, line, f"example must start with '- ': {stripped!r}")
            yield stripped[2:].strip(), line
    elif isinstance(node, SequenceNode):
        for entry in node.value:
            if isinstance(entry, ScalarNode):
                yield str(entry.value).strip(), _line(entry) or 0
            elif isinstance(entry, MappingNode):
                fields = {_key(path, k): v for k, v in entry.value}
                text = fields.get("text")
                if not isinstance(text, ScalarNode):
                    raise TrainingDataError(path, _line(entry), "example mapping needs a 'text' string")
                yield str(text.value).strip(), _line(text) or 0
            else:
                raise TrainingDataError(path, _line(entry), "examples must be strings")
    else:
        raise TrainingDataError(path, _line(node), "'examples' must be a '|' block or a list")
