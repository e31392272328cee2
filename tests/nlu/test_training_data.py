from __future__ import annotations

from pathlib import Path

import pytest

from nlu.annotations import parse_annotated
from nlu.errors import TrainingDataError
from nlu.training_data import data_files, data_hash, load_file, load_training_data


def test_annotations_all_three_syntaxes() -> None:
    text, ents = parse_annotated(
        'add [two]{"entity": "quantity", "value": "2"} [black](color) [hoodies](product:hoodie) size [M](size)'
    )
    assert text == "add two black hoodies size M"
    assert [(e.entity, e.value, text[e.start : e.end]) for e in ents] == [
        ("quantity", "2", "two"),
        ("color", "black", "black"),
        ("product", "hoodie", "hoodies"),
        ("size", "M", "M"),
    ]


def test_loads_intents_synonyms_lookups_regexes(small_data_dir: Path) -> None:
    data = load_training_data(small_data_dir)
    assert set(data.intents) == {"greet", "track_order", "search_product", "add_to_cart", "out_of_scope"}
    assert data.synonyms["grey"] == "gray"
    assert data.synonyms["two"] == "2"  # an annotated value is a synonym too
    assert "navy" in data.lookups["color"]
    assert data.regexes["order_id"]
    zh = [e for e in data.examples if e.language == "zh"]
    assert zh and all(e.source.endswith("zh_small.yml") for e in zh)
    ex = next(e for e in data.examples if e.text == "我的订单10042到哪了")
    assert [(a.entity, ex.text[a.start : a.end]) for a in ex.entities] == [("order_id", "10042")]


def test_example_line_numbers(small_data_dir: Path) -> None:
    data = load_file(small_data_dir / "en_small.yml")
    ex = next(e for e in data.examples if e.text == "track my package")
    lines = (small_data_dir / "en_small.yml").read_text(encoding="utf-8").splitlines()
    assert lines[ex.line - 1].strip() == "- track my package"


@pytest.mark.parametrize(
    ("body", "line", "fragment"),
    [
        ("- intent: greet\n  examples: |\n    - hi\n    - [red(color) shoes\n", 6, "closing"),
        ("- intent: greet\n  examples: |\n    - hi\n    - [red]{bad} shoes\n", 6, "JSON"),
        ("- intent: greet\n  examples: |\n    - hi\n    - buy [red] shoes\n", 6, "no (entity)"),
        ("- intent: greet\n  examples: |\n    - hi\n    hello\n", 6, "start with '- '"),
        ("- intent: greet\n", 3, "no 'examples'"),
        ("- regex: order_id\n  examples: |\n    - ([0-9\n", 5, "invalid regex"),
        ("- intent: greet\n  examples: |\n    - hi\n  bad: [\n", 7, "invalid YAML"),
    ],
)
def test_malformed_data_names_file_and_line(tmp_path: Path, body: str, line: int, fragment: str) -> None:
    path = tmp_path / "en_bad.yml"
    path.write_text('version: "3.1"\nnlu:\n' + body, encoding="utf-8")
    with pytest.raises(TrainingDataError) as info:
        load_file(path)
    assert info.value.line == line, str(info.value)
    assert fragment in str(info.value)
    assert str(path) in str(info.value)


def test_unsupported_version(tmp_path: Path) -> None:
    path = tmp_path / "x.yml"
    path.write_text('version: "1.0"\nnlu: []\n', encoding="utf-8")
    with pytest.raises(TrainingDataError, match="unsupported version"):
        load_file(path)


def test_data_hash_changes_with_content(small_data_dir: Path, tmp_path: Path) -> None:
    files = data_files(small_data_dir)
    copy = tmp_path / "d"
    copy.mkdir()
    for f in files:
        (copy / f.name).write_bytes(f.read_bytes())
    assert data_hash(data_files(copy)) == data_hash(files)
    (copy / "en_small.yml").write_text((copy / "en_small.yml").read_text() + "\n# edit\n", encoding="utf-8")
    assert data_hash(data_files(copy)) != data_hash(files)


def test_empty_dir_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(TrainingDataError, match="no .yml"):
        load_training_data(tmp_path)
