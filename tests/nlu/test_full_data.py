"""Train on the real nlu/data with the real encoder (must stay under 60 s) and check it is sane.

This checks the shipped data trains and covers the 34 intents; accuracy figures come from `shopbot nlu eval`.
"""

from __future__ import annotations

import pytest

from knowledge.encoders.registry import load_encoder
from nlu.artifact import train_from_dir
from nlu.constants import Intent
from nlu.context import DialogueContext
from nlu.factory import DEFAULT_DATA_DIR
from nlu.pipeline import BuiltinNLU
from nlu.training import TrainConfig

pytestmark = [pytest.mark.model, pytest.mark.slow]


def test_full_training_data() -> None:
    encoder = load_encoder("use-multilingual")
    model = train_from_dir(DEFAULT_DATA_DIR, encoder, TrainConfig(folds=3))
    assert set(model.intents) == {i.value for i in Intent}
    assert model.metadata.cv["accuracy"] > 0.85
    nlu = BuiltinNLU(model, encoder)
    ctx = DialogueContext(last_results=("SKU-1", "SKU-2"))
    checks = {
        "where is my order #10042": "track_order",
        "airpods": "search_product",
        "红色连衣裙": "search_product",
        "add the second one to my cart": "add_to_cart",
        "what's the weather like in london": "out_of_scope",
        "我想退货": "return_or_refund",
    }
    results = nlu.parse_batch(list(checks), [ctx] * len(checks))
    assert {r.text: r.intent.name for r in results} == checks
    assert ("reference", "SKU-2") in [(e.entity, e.value) for e in results[3].entities]
