from __future__ import annotations

import pytest

from knowledge.encoders.fake import FakeEncoder
from nlu.context import DialogueContext
from nlu.errors import NLUError
from nlu.model import NLUModel
from nlu.pipeline import NLU, BuiltinNLU, EmptyMessageError


async def test_parse_uses_precomputed_vector(small_model: NLUModel) -> None:
    encoder = FakeEncoder(dim=64)
    nlu = BuiltinNLU(small_model, encoder)
    assert isinstance(nlu, NLU)
    vector = encoder.encode(["add the second one to cart"])
    calls = encoder.calls
    result = await nlu.parse("add the second one to cart", DialogueContext(last_results=("A", "B")), vector)
    assert encoder.calls == calls  # encoded once, by the caller
    assert result.intent.name == "add_to_cart"
    assert [(e.entity, e.value, e.ordinal) for e in result.entities] == [("reference", "B", 2)]
    await nlu.parse("add the second one to cart")
    assert encoder.calls == calls + 1


async def test_result_json_shapes(small_nlu: BuiltinNLU) -> None:
    result = await small_nlu.parse("track order #10042")
    compact = result.to_json()
    assert list(compact) == ["text", "intent", "confidence", "ranking", "entities"]  # exactly, in this order
    assert [list(r) for r in compact["ranking"]][0] == ["intent", "confidence"]
    assert compact["entities"] == [{"entity": "order_id", "value": "10042", "start": 12, "end": 18}]
    rasa = result.to_rasa_dict()
    assert rasa["intent"]["name"] == "track_order"
    assert rasa["entities"][0]["extractor"] == "RegexEntityExtractor"
    assert {"name", "confidence"} == set(rasa["intent_ranking"][0])


async def test_empty_message_is_a_clear_error(small_nlu: BuiltinNLU) -> None:
    with pytest.raises(EmptyMessageError):
        await small_nlu.parse("   ")


def test_encoder_mismatch_is_refused(small_model: NLUModel) -> None:
    with pytest.raises(NLUError, match="retrain"):
        BuiltinNLU(small_model, FakeEncoder(dim=64, name="other"))


def test_batch_matches_single(small_nlu: BuiltinNLU) -> None:
    texts = ["hi", "我的订单10042到哪了", "airpods"]
    batch = small_nlu.parse_batch(texts)
    assert [r.intent.name for r in batch] == [small_nlu.parse_sync(t).intent.name for t in texts]
    assert batch[1].language == "zh" and batch[0].language == "en"
