from __future__ import annotations

import numpy as np

from knowledge.encoders.fake import FakeEncoder
from nlu.calibration import choose_threshold
from nlu.classifier import fit_temperature, softmax
from nlu.constants import INTENT_RANKING_LENGTH, Intent
from nlu.model import NLUModel
from nlu.pipeline import BuiltinNLU


def test_small_model_learns_both_languages(small_nlu: BuiltinNLU) -> None:
    cases = {
        "hello there": "greet",
        "where is my order 10099": "track_order",
        "add the first one to my cart": "add_to_cart",
        "tell me a funny joke": "out_of_scope",
        "你好呀": "greet",
        "我的快递到哪了": "track_order",
    }
    got = {text: small_nlu.parse_sync(text).intent.name for text in cases}
    assert got == cases


def test_ranking_is_sorted_probabilities(small_nlu: BuiltinNLU) -> None:
    result = small_nlu.parse_sync("track my order")
    scores = [s.confidence for s in result.intent_ranking]
    assert scores == sorted(scores, reverse=True)
    assert len(result.intent_ranking) == min(INTENT_RANKING_LENGTH, 5)
    assert abs(sum(scores) - 1.0) < 1e-6
    assert result.intent == result.intent_ranking[0]


def test_metadata(small_model: NLUModel) -> None:
    meta = small_model.metadata
    assert meta.encoder_name == "fake"
    assert set(meta.intents) <= {i.value for i in Intent}
    assert 0.0 <= meta.threshold < 1.0 and meta.temperature > 0
    assert meta.n_examples == 50


def test_temperature_fits_overconfident_logits() -> None:
    rng = np.random.default_rng(0)
    labels = rng.integers(0, 3, 400)
    logits = rng.normal(0, 1, (400, 3))
    logits[np.arange(400), labels] += 1.0
    t = fit_temperature(logits * 10, labels)  # ten times too sharp
    assert 5 < t < 20
    assert np.allclose(softmax(logits, 1.0).sum(axis=1), 1.0)


def test_threshold_balances_wrong_answers_against_questions() -> None:
    conf = np.array([0.95] * 90 + [0.3] * 10)
    correct = np.array([True] * 90 + [False] * 10)
    assert 0.3 < choose_threshold(conf, correct) <= 0.95
    assert choose_threshold(conf, np.ones(100, dtype=bool)) == 0.05


async def test_fallback_flags_low_confidence_with_top_two(small_model: NLUModel, fake_encoder: FakeEncoder) -> None:
    from dataclasses import replace

    strict = NLUModel(small_model.classifier, small_model.lexicon, replace(small_model.metadata, threshold=0.999))
    result = await BuiltinNLU(strict, fake_encoder).parse("hmm")
    assert result.is_fallback
    assert len(result.top_two) == 2 and result.top_two[0] == result.intent
    relaxed = NLUModel(small_model.classifier, small_model.lexicon, replace(small_model.metadata, threshold=0.0))
    assert not (await BuiltinNLU(relaxed, fake_encoder).parse("hmm")).is_fallback


def test_fast_featurizer_and_logits_equal_sklearns(small_model: NLUModel, fake_encoder: FakeEncoder) -> None:
    """Featurizer.transform and IntentClassifier.logits skip sklearn's per-call validation; same numbers."""
    import scipy.sparse as sp

    clf = small_model.classifier
    texts = ["where is my order #10042", "红色连衣裙 300元以内", "zzz unseen wørds", "add two to cart", "   x  "]
    vectors = fake_encoder.encode(texts)
    fast = clf.featurizer.transform(texts, vectors)
    featurizer = clf.featurizer
    from nlu.features import normalise_text

    norm = [normalise_text(t) for t in texts]
    blocks = [featurizer._char.transform(norm)]
    if featurizer._word is not None:
        blocks.append(featurizer._word.transform(norm))
    blocks.append(sp.csr_matrix(vectors * np.float32(featurizer.config.embedding_weight)))
    reference = sp.hstack(blocks, format="csr")
    assert fast.shape == reference.shape
    assert np.allclose(fast.toarray(), reference.toarray(), atol=1e-6)

    neighbours = clf.neighbours.transform(vectors) if clf.neighbours is not None else None
    full = clf.featurizer.transform(texts, vectors, None if neighbours is None else clf._weighted(neighbours))
    assert np.allclose(clf.logits(texts, vectors), clf.model.decision_function(full), atol=1e-9)
