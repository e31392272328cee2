"""With a product in view, its own entry must still be about what was asked; otherwise its description, then
the shop-wide entries, then "I don't know" (a product with Q&A is not asked only about that Q&A)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import numpy as np
import pytest

from knowledge.encoders.base import Encoder
from knowledge.qa import DEFAULT_CONFIG
from knowledge.qa.config import CONFIDENCE_FEATURES, RANK_FEATURES
from knowledge.qa.decision import PreparedQuery, decide, rankings
from knowledge.qa.description import SentenceHit
from knowledge.qa.index import IndexFeatures
from knowledge.qa.scope import QueryScope
from store.knowledge_base_records import AnswerRecord, QuestionRecord
from store.models.knowledge_base import AnswerSource
from store.uow import UnitOfWorkFactory
from tests.helpers.kb_builders import add_pair, seed_product, start_qa

CAPACITY = "How much coffee does the Aurora Ceramic Mug hold?"


async def _mug_with_one_entry(uow_factory: UnitOfWorkFactory) -> str:
    mug = await seed_product(uow_factory, description="A 350 ml stoneware mug with a loop handle. "
                                                      "Dishwasher and microwave safe. The glaze is lead-free.")
    await add_pair(uow_factory, CAPACITY, "Each mug holds 350 ml.", scope=mug.scope)
    await add_pair(uow_factory, "How long does delivery take?", "3-5 business days in the US.")
    await add_pair(uow_factory, "What is your return policy?", "Most items can be returned within 30 days.")
    return mug.sku


@pytest.mark.model
async def test_the_products_only_entry_does_not_answer_another_topic(uow_factory: UnitOfWorkFactory,
                                                                     use_encoder: Encoder) -> None:
    sku = await _mug_with_one_entry(uow_factory)
    qa = await start_qa(uow_factory, encoder=use_encoder, config=DEFAULT_CONFIG)
    # Its own topic, in other words: its entry.
    assert (await qa.ask("how much coffee fits in it?", product_external_id=sku)).matched_question == CAPACITY
    # Neither the entry nor the description says anything about a lid.
    lid = await qa.ask("does it have a lid?", product_external_id=sku)
    assert lid.matched_question != CAPACITY and lid.answer is None
    # The description answers what the entry does not.
    microwave = await qa.ask("can it go in the microwave?", product_external_id=sku)
    assert microwave.source is AnswerSource.PRODUCT_DESCRIPTION
    assert microwave.answer == "Dishwasher and microwave safe."
    # A shop question asked while looking at the mug: the shop-wide entry.
    returns = await qa.ask("can I return it?", product_external_id=sku)
    assert returns.matched_question == "What is your return policy?"


def _record(i: int, text: str, product_id: int | None = None) -> QuestionRecord:
    answer = AnswerRecord(id=i, question_id=i, text=f"answer {i}", source=AnswerSource.FAQ, author_id=None,
                          created_at=datetime(2026, 1, 1, tzinfo=UTC), votes=0, accepted=False)
    return QuestionRecord(id=i, text=text, language="en", product_id=product_id, variant_id=None,
                          product_external_id="P7" if product_id else None, tags=(), phrasings=(), answers=(answer,))


def test_an_own_entry_that_does_not_match_falls_back_to_the_shop_wide_entry() -> None:
    # The decision logic, with a confidence that is "the entry covers the question's words": the product's
    # entry ranks first (the ranker's "own product" prior) but covers nothing asked; the shop-wide entry
    # covers it all and answers. (With the fitted weights a shop-wide entry that matches this well usually
    # outranks the product's entry itself.)
    coverage_only = replace(DEFAULT_CONFIG, confidence_bias=-5.0,
                            rank_weights=tuple(0.0 if name == "coverage" else w
                                               for name, w in zip(RANK_FEATURES, DEFAULT_CONFIG.rank_weights,
                                                                  strict=True)),
                            confidence_weights=tuple(10.0 if name == "coverage" else 0.0
                                                     for name in CONFIDENCE_FEATURES))
    records = [_record(1, "How much does the mug hold?", product_id=7), _record(2, "What is your return policy?")]
    f32 = np.float32
    features = IndexFeatures(records, np.array([0.3, 0.4], f32), np.array([0.3, 0.4], f32),
                             np.array([0.0, 0.2], f32), np.array([0.0, 0.0], f32), np.array([7, -1], np.int64),
                             np.array(["en", "en"]), np.zeros(2, bool), np.ones(2, bool),
                             np.array([0.0, 1.0], f32))
    query = PreparedQuery("can I send it back?", "en", features, QueryScope((7,), ("P7",)))
    main, fallback = rankings(coverage_only, query)
    assert main.top == 0 and main.confidence < coverage_only.threshold  # the own entry first, not confident
    answer = decide(coverage_only, query, main, fallback)
    assert answer.matched_question == "What is your return policy?" and not answer.product_scoped


def test_the_own_entry_beats_a_description_sentence_that_is_no_likelier() -> None:
    # A Chinese question on an English-only entry: its confidence is under the threshold (cross-language
    # cosines are low), but the bot answers about the product either way, and the entry is at least as
    # likely right as the best sentence: the curated entry, not the sentence.
    records = [_record(1, "Is the Aurora mug nut-free?", product_id=7), _record(2, "What is your return policy?")]
    f32 = np.float32
    features = IndexFeatures(records, np.array([0.15, 0.1], f32), np.array([0.15, 0.1], f32),
                             np.array([0.0, 0.0], f32), np.array([0.0, 0.0], f32), np.array([7, -1], np.int64),
                             np.array(["en", "en"]), np.zeros(2, bool), np.ones(2, bool), np.array([0.2, 0.0], f32))
    query = PreparedQuery("孩子对坚果过敏，这个能吃吗", "zh", features, QueryScope((7,), ("P7",)))
    main, fallback = rankings(DEFAULT_CONFIG, query)
    assert main.top == 0 and DEFAULT_CONFIG.description_threshold <= main.confidence < DEFAULT_CONFIG.threshold
    weaker = SentenceHit("Allergens: milk and soy;", DEFAULT_CONFIG.description_threshold)
    assert decide(DEFAULT_CONFIG, query, main, fallback, weaker).matched_question == "Is the Aurora mug nut-free?"
    likelier = SentenceHit("Allergens: milk and soy;", main.confidence + 0.1)
    assert decide(DEFAULT_CONFIG, query, main, fallback, likelier).source is AnswerSource.PRODUCT_DESCRIPTION
