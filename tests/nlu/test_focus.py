"""With a product in focus, a message asking only for a colour or size is about that product."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from knowledge.encoders.fake import FakeEncoder
from nlu.context import DialogueContext
from nlu.focus import about_product_in_focus
from nlu.pipeline import BuiltinNLU
from nlu.result import IntentScore, ParsedEntity, ParseResult
from nlu.training import TrainConfig, train_model
from nlu.training_data import data_files, data_hash, load_training_data


def _result(entities: tuple[tuple[str, str], ...], top: str = "search_product") -> ParseResult:
    ranking: tuple[IntentScore, ...] = (
        IntentScore(top, 0.6), IntentScore("show_product_details", 0.25), IntentScore("ask_question", 0.1)
    )
    if top != "search_product":
        ranking += (IntentScore("search_product", 0.05),)
    return ParseResult(
        text="有没有蓝色的",
        intent=ranking[0],
        intent_ranking=ranking,
        entities=tuple(ParsedEntity(name, value, 0, 2) for name, value in entities),
    )


FOCUS = DialogueContext(focus="SKU-9")


def test_an_option_question_about_the_product_in_focus_shows_its_details() -> None:
    result = about_product_in_focus(_result((("color", "blue"),)), FOCUS)
    assert result.intent == IntentScore("show_product_details", 0.6)
    assert [s.name for s in result.intent_ranking[:2]] == ["show_product_details", "search_product"]
    assert sum(s.confidence for s in result.intent_ranking) == pytest.approx(0.95)


def test_the_only_result_shown_counts_as_in_focus() -> None:
    result = about_product_in_focus(_result((("size", "M"),)), DialogueContext(last_results=("SKU-1",)))
    assert result.intent.name == "show_product_details"


@pytest.mark.parametrize(
    ("entities", "context", "top"),
    [
        ((("color", "blue"),), None, "search_product"),  # nothing in focus: a search
        ((("color", "blue"),), DialogueContext(last_results=("A", "B")), "search_product"),  # a list, no focus
        ((("color", "blue"), ("product", "hoodie")), FOCUS, "search_product"),  # names another product
        ((("size", "M"), ("price_max", "5000")), FOCUS, "search_product"),  # a new search with a budget
        ((), FOCUS, "search_product"),  # no option asked for
        ((("size", "M"),), FOCUS, "add_to_cart"),  # "要M码的": the classifier's reading stands
    ],
)
def test_other_messages_keep_the_classifiers_reading(
    entities: tuple[tuple[str, str], ...], context: DialogueContext | None, top: str
) -> None:
    before = _result(entities, top)
    assert about_product_in_focus(before, context) == before


_TINY = """\
version: "3.1"
nlu:
- intent: search_product
  examples: |
    - [running shoes](product)
    - airpods
    - [red](color) dresses
    - [blue](color) mugs
    - linen duvet cover king
    - phone case
    - usb c charger 65w
- intent: show_product_details
  examples: |
    - tell me more about it
    - details of the second one
    - what sizes does it come in
    - show me its specs
    - more photos please
    - full description
- intent: greet
  examples: |
    - hi
    - hello
    - hey there
    - good morning
    - hello bot
    - hiya
"""


def test_the_builtin_pipeline_applies_it(tmp_path: Path, fake_encoder: FakeEncoder) -> None:
    (tmp_path / "en.yml").write_text(_TINY, encoding="utf-8")
    files = data_files(tmp_path)
    nlu = BuiltinNLU(train_model(load_training_data(files), fake_encoder, data_hash(files), TrainConfig(folds=3)),
                     fake_encoder)
    classes = nlu.model.intents
    proba = np.full(len(classes), 0.05)
    proba[classes.index("search_product")] = 0.9
    nlu.model.predict_proba = lambda texts, vectors: np.array([proba] * len(texts))  # type: ignore[method-assign]
    assert nlu.parse_sync("any in blue?").intent.name == "search_product"
    assert nlu.parse_sync("any in blue?", FOCUS).intent.name == "show_product_details"
    assert nlu.parse_sync("any running shoes in blue?", FOCUS).intent.name == "search_product"
