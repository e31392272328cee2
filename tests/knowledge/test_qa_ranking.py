"""The fitted ranker and confidence: what the features mean, the product-scope order, and the fitting code."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import numpy as np
import pytest

from knowledge.qa import DEFAULT_CONFIG, QAConfig
from knowledge.qa.decision import PreparedQuery
from knowledge.qa.evaluation import LabelledQuestion, is_hit
from knowledge.qa.fit import Sample, fit_all, fit_ranker
from knowledge.qa.fit_measure import cross_validate, stratified_folds
from knowledge.qa.index import IndexFeatures
from knowledge.qa.ranker import rank_all
from store.knowledge_base_records import AnswerRecord, QuestionRecord
from store.models.knowledge_base import AnswerSource
from store.uow import UnitOfWorkFactory
from tests.helpers.kb_builders import add_pair, seed_product, start_qa


def _record(i: int, text: str, language: str = "en", product_id: int | None = None) -> QuestionRecord:
    answer = AnswerRecord(id=i, question_id=i, text=f"answer {i}", source=AnswerSource.FAQ, author_id=None,
                          created_at=datetime(2026, 1, 1, tzinfo=UTC), votes=0, accepted=False)
    return QuestionRecord(id=i, text=text, language=language, product_id=product_id, variant_id=None,
                          product_external_id=None, tags=(), phrasings=(), answers=(answer,))


def _features(records: list[QuestionRecord], dense: list[float], bm25: list[float] | None = None) -> IndexFeatures:
    n = len(records)
    f32 = np.float32
    return IndexFeatures(
        records, np.array(dense, f32), np.array(dense, f32), np.array(bm25 or [0.0] * n, f32),
        np.array(bm25 or [0.0] * n, f32),
        np.array([r.product_id if r.product_id is not None else -1 for r in records], np.int64),
        np.array([r.language for r in records]), np.zeros(n, bool), np.ones(n, bool))


def test_the_language_prior_picks_the_entry_but_adds_no_confidence() -> None:
    # The same entry in English and Chinese, equally similar: the asker's language decides which is served,
    # while the confidence rests on similarity alone (a language prior is no evidence of an answer).
    features = _features([_record(1, "How long is delivery?"), _record(2, "多久能收到货？", "zh")], [0.3, 0.3])
    english = rank_all(DEFAULT_CONFIG, features, (), "en")
    chinese = rank_all(DEFAULT_CONFIG, features, (), "zh")
    assert english.order[0] == 0 and chinese.order[0] == 1
    assert english.confidence == pytest.approx(chinese.confidence)
    assert english.scores[0] - english.scores[1] > 1.0  # yet the ranking gap is wide


def test_confidence_grows_with_similarity_and_its_lead() -> None:
    records = [_record(1, "a"), _record(2, "b"), _record(3, "c")]
    weak = rank_all(DEFAULT_CONFIG, _features(records, [0.3, 0.25, 0.2]), (), "en").confidence
    strong = rank_all(DEFAULT_CONFIG, _features(records, [0.9, 0.25, 0.2], [0.8, 0.0, 0.0]), (), "en").confidence
    assert 0.0 < weak < DEFAULT_CONFIG.threshold < strong < 1.0


def test_other_products_entries_are_never_candidates_for_a_product_in_view() -> None:
    features = _features([_record(1, "Is it dishwasher safe?", product_id=7), _record(2, "How do returns work?")],
                         [0.95, 0.1])
    ranking = rank_all(DEFAULT_CONFIG, features, (8,), "en")
    assert [features.records[i].id for i in ranking.order] == [2]
    assert ranking.confidence < DEFAULT_CONFIG.threshold


CONFIG = QAConfig(description_threshold=0.5)


async def test_look_alike_entry_of_another_product_is_not_served(uow_factory: UnitOfWorkFactory) -> None:
    mug = await seed_product(uow_factory, description="A tall mug. Glazed by hand.")
    other = await seed_product(uow_factory, external_id="P0002", sku="P0002-STD", title="Glossy Mug",
                               description="A glossy mug.")
    await add_pair(uow_factory, "How much coffee does the mug hold?", "300 ml.", scope=other.scope)
    qa = await start_qa(uow_factory, config=CONFIG)
    assert (await qa.ask("how much coffee does the mug hold", product_external_id="P0002")).answer == "300 ml."
    trap = await qa.ask("how much coffee does the mug hold", product_external_id=mug.sku)
    assert trap.answer is None and trap.offer_to_post


async def test_the_products_description_comes_before_a_shop_wide_entry(uow_factory: UnitOfWorkFactory) -> None:
    await seed_product(uow_factory, description="A linen shirt. Runs small, size up.")
    await add_pair(uow_factory, "Does it run small?", "Every product page has a size chart.")
    qa = await start_qa(uow_factory, config=CONFIG)
    general = await qa.ask("does it run small")
    assert general.matched_question == "Does it run small?" and general.confidence >= CONFIG.threshold
    scoped = await qa.ask("does it run small", product_external_id="P0001")
    assert scoped.source is AnswerSource.PRODUCT_DESCRIPTION and scoped.answer == "Runs small, size up."


async def test_the_products_own_entry_comes_before_its_description(uow_factory: UnitOfWorkFactory) -> None:
    shirt = await seed_product(uow_factory, description="A linen shirt. Runs small, size up.")
    await add_pair(uow_factory, "Does it run small?", "Yes: order one size up.", scope=shirt.scope)
    qa = await start_qa(uow_factory, config=CONFIG)
    answer = await qa.ask("does it run small", product_external_id="P0001")
    assert answer.answer == "Yes: order one size up." and answer.source is AnswerSource.FAQ


def _synthetic_samples(n: int, seed: int) -> list[Sample]:
    """Queries whose right entry has the highest cosine most of the time; a third have no right entry."""
    rng = np.random.default_rng(seed)
    records = [_record(i, f"question {i}") for i in range(12)]
    samples = []
    for q in range(n):
        dense = rng.uniform(0.0, 0.5, len(records))
        answerable = q % 3 != 0
        expected = int(rng.integers(len(records)))
        if answerable:
            dense[expected] += rng.uniform(0.1, 0.6)
        item = LabelledQuestion(q, f"q{q}", None, records[expected].text if answerable else None)
        samples.append(Sample(item, PreparedQuery(item.question, "en", _features(records, list(dense))), "synthetic"))
    return samples


def test_fitting_learns_what_separates_right_from_wrong() -> None:
    samples = _synthetic_samples(150, 0)
    weights = fit_ranker(samples)
    assert weights[0] > 1.0 and weights[1] > 1.0  # both cosines mark the right entry here
    fitted = fit_all(samples, DEFAULT_CONFIG)
    assert 0.05 <= fitted.threshold <= 0.95 and fitted.confidence_weights[0] > 0
    answers = cross_validate(samples, DEFAULT_CONFIG, stratified_folds(samples, 5, 0))
    hits = [is_hit(s.item, a) for s, a in zip(samples, answers, strict=True)]
    chance = 1 / 3  # abstaining on everything
    assert np.mean(hits) > chance + 0.2


def test_config_checks_the_number_of_weights() -> None:
    with pytest.raises(ValueError, match="rank_weights"):
        replace(DEFAULT_CONFIG, rank_weights=(1.0, 2.0))


async def test_a_changed_description_is_used_at_once(uow_factory: UnitOfWorkFactory) -> None:
    from store.catalog.service import ProductInput, VariantInput, upsert_product
    from store.money import Money

    await seed_product(uow_factory, description="A linen shirt. Runs small, size up.")
    qa = await start_qa(uow_factory, config=CONFIG)
    assert (await qa.ask("does it run small", product_external_id="P0001-BLK")).answer == "Runs small, size up."
    async with uow_factory() as uow:
        await upsert_product(uow, ProductInput(
            external_id="P0001", title="Aurora Shirt", description="A linen shirt. Runs large, size down.",
            variants=[VariantInput(sku="P0001-BLK", price=Money(1299, "USD"), stock=5)]))
    answer = await qa.ask("does it run large", product_external_id="P0001-BLK")
    assert answer.answer == "Runs large, size down."


def test_scope_cache_expires_and_forgets_products() -> None:
    from knowledge.qa.scope_cache import ScopeCache
    from store.knowledge_base_records import ProductScope

    now = [0.0]
    cache = ScopeCache(ttl_s=30.0, max_keys=2, clock=lambda: now[0])
    cache.put("P1-A", ProductScope(1, 10, "P1"))
    cache.put("P1", ProductScope(1, None, "P1"))
    assert cache.get("P1-A") == ProductScope(1, 10, "P1")
    cache.put("P2", ProductScope(2, None, "P2"))  # over max_keys: the least recently used goes
    assert cache.get("P1") is None and len(cache) == 2
    cache.forget_product(1)
    assert cache.get("P1-A") is None and cache.get("P2") is not None
    now[0] = 31.0
    assert cache.get("P2") is None
