"""The shipped training data against issue 5: the 34 intent names exactly, >= 40 examples per intent and
language, and the Rasa features (synonyms, regexes, lookups) present. Loads YAML only: no encoder, fast."""

from __future__ import annotations

from collections import Counter

import pytest

from nlu.constants import Intent
from nlu.factory import DEFAULT_DATA_DIR
from nlu.training_data import TrainingData, load_training_data

# Copied from issue 5 ("At least these, with exactly these names"), not from nlu/constants.py.
_ISSUE_5_TEXT = """
greet help search_product show_product_details add_to_cart view_cart update_cart remove_from_cart apply_coupon
checkout recommend list_promotions join_group
track_order order_history modify_order cancel_order return_or_refund get_invoice manage_address pay
ask_question talk_to_human complain give_feedback leave_review my_points subscribe privacy
thanks goodbye affirm deny out_of_scope
"""
ISSUE_5_INTENTS = _ISSUE_5_TEXT.split()


@pytest.fixture(scope="module")
def data() -> TrainingData:
    return load_training_data(DEFAULT_DATA_DIR)


def test_intent_names_are_exactly_the_issues() -> None:
    assert len(ISSUE_5_INTENTS) == 34
    assert sorted(i.value for i in Intent) == sorted(ISSUE_5_INTENTS)


def test_training_data_covers_every_intent_with_40_examples_per_language(data: TrainingData) -> None:
    assert sorted(data.intents) == sorted(ISSUE_5_INTENTS)
    counts = Counter((e.intent, e.language) for e in data.examples)
    short = {(i, lang): counts[(i, lang)] for i in ISSUE_5_INTENTS for lang in ("en", "zh") if counts[(i, lang)] < 40}
    assert short == {}


def test_examples_are_not_repeated_within_an_intent(data: TrainingData) -> None:
    seen = Counter((e.intent, e.text.casefold()) for e in data.examples)
    assert [k for k, n in seen.items() if n > 1] == []


def test_rasa_features_are_used(data: TrainingData) -> None:
    assert len(data.synonyms) > 100 and data.synonyms["grey"] == "gray"
    assert set(data.regexes) >= {"order_id", "coupon_code"}
    assert {"color", "size"} <= set(data.lookups)


def test_no_message_is_labelled_with_two_intents(data: TrainingData) -> None:
    labels: dict[str, set[str]] = {}
    for e in data.examples:
        labels.setdefault(e.text.casefold(), set()).add(e.intent)
    assert {t: sorted(i) for t, i in labels.items() if len(i) > 1} == {}
