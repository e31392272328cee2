"""A product's title and attributes answer questions its description and Q&A leave open (``facts.py``): a title
saying "IPX4 Water Resistant" answers "is it waterproof?", and a Chinese shopper gets the Chinese wording of an
attribute. The facts are a last resort: they never outrank an entry or a description sentence."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
import pytest

from knowledge.encoders.base import Encoder
from knowledge.qa import DEFAULT_CONFIG
from knowledge.qa.decision import PreparedQuery, decide, rankings
from knowledge.qa.description import SentenceFeatures
from knowledge.qa.facts import Fact, attribute_lines, product_facts, title_parts
from knowledge.qa.index import IndexFeatures
from knowledge.qa.scope import QueryScope
from store.knowledge_base_records import AnswerRecord, QuestionRecord
from store.models.catalog import Product, Variant
from store.models.knowledge_base import AnswerSource
from store.uow import UnitOfWorkFactory
from tests.helpers.kb_builders import add_pair, start_qa

EARBUDS = "Sony WF-1000XM5 True Wireless Earbuds, Wireless Charging Case, IPX4 Water Resistant"


def test_title_parts_are_scored_alone_but_quote_the_whole_title() -> None:
    parts = title_parts(EARBUDS)
    assert [p.text for p in parts] == ["Sony WF-1000XM5 True Wireless Earbuds", "Wireless Charging Case",
                                       "IPX4 Water Resistant"]
    assert {p.shown for p in parts} == {EARBUDS}
    assert title_parts("   ") == []


def test_attribute_lines_in_both_languages_and_bookkeeping_left_out() -> None:
    lines = attribute_lines({"weight_g": 299, "ipx": 4, "dishwasher_safe": True, "rating": 4.1, "tags": ["x"],
                             "sales_count": 3, "list_price": "9.99", "product_type": "Mug", "shelf_colour": "Oak"})
    by_language = {(f.language, f.shown) for f in lines}
    assert ("en", "Weight: 299 g") in by_language and ("zh", "重量：299克") in by_language
    assert ("en", "Water resistance rating: IPX4") in by_language and ("zh", "防水等级：IPX4") in by_language
    assert ("en", "Dishwasher safe: yes") in by_language and ("zh", "可用洗碗机：是") in by_language
    # A key with no Chinese label: one English line, offered to every question.
    assert Fact("Shelf colour: Oak", "Shelf colour: Oak") in lines
    # A Chinese question is also scored against the English wording, but is shown the Chinese line.
    assert Fact("Weight: 299 g", "重量：299克", "zh") in lines
    assert not any("4.1" in f.text or "9.99" in f.text or "Mug" in f.text for f in lines)


def test_the_chinese_title_answers_only_chinese_questions() -> None:
    facts = product_facts("Aurora Mug, 350 ml", "极光陶瓷杯 350毫升", {})
    assert {f.language for f in facts if "极光" in f.text} == {"zh"}
    assert {f.language for f in facts if "Aurora" in f.text} == {None}


def _record(i: int, text: str, product_id: int | None = None) -> QuestionRecord:
    answer = AnswerRecord(id=i, question_id=i, text=f"answer {i}", source=AnswerSource.FAQ, author_id=None,
                          created_at=datetime(2026, 1, 1, tzinfo=UTC), votes=0, accepted=False)
    return QuestionRecord(id=i, text=text, language="en", product_id=product_id, variant_id=None,
                          product_external_id="P7" if product_id else None, tags=(), phrasings=(), answers=(answer,))


def _query(dense_shop: float, sentences: list[tuple[str, float, bool]], text: str = "is it waterproof?",
           language: str = "en") -> PreparedQuery:
    """One shop-wide entry with the given cosine; candidates (text, covered share, is a fact)."""
    f32 = np.float32
    records = [_record(1, "What is your return policy?")]
    features = IndexFeatures(records, np.array([dense_shop], f32), np.array([dense_shop], f32),
                             np.array([dense_shop], f32), np.array([dense_shop], f32), np.array([-1], np.int64),
                             np.array(["en"]), np.zeros(1, bool), np.ones(1, bool), np.array([dense_shop], f32))
    matrix = np.array([[0.4, covered, 0.0, 0.0] for _, covered, _ in sentences], dtype=np.float64)
    found = SentenceFeatures([s for s, _, _ in sentences], matrix, np.array([f for _, _, f in sentences], bool))
    return PreparedQuery(text, language, features, QueryScope((7,), ("P7",)), found)


def test_a_fact_answers_when_nothing_else_does() -> None:
    query = _query(0.0, [("Clean with a dry swab.", 0.0, False), (EARBUDS, 1.0, True)])
    main, fallback = rankings(DEFAULT_CONFIG, query)
    answer = decide(DEFAULT_CONFIG, query, main, fallback)
    assert answer.answer == EARBUDS and answer.source is AnswerSource.PRODUCT_DESCRIPTION and answer.product_scoped


def test_a_fact_with_no_length_of_time_does_not_answer_how_long() -> None:
    """Typed "第一个能保温多久" under the tumblers: the Chinese title "Yeti 保温随行杯 470毫升" shares 保温 and was
    served, hedged, as the answer; now the bot says it does not know (and offers staff)."""
    title = "Yeti 保温随行杯 470毫升"
    for question, language in (("第一个能保温多久", "zh"), ("how long does it keep drinks hot?", "en")):
        query = _query(0.0, [("Clean with a dry swab.", 0.0, False), (title, 1.0, True)], question, language)
        main, fallback = rankings(DEFAULT_CONFIG, query)
        assert decide(DEFAULT_CONFIG, query, main, fallback).answer is None, question
    # A fact that states a length of time still answers.
    for line in ("Battery life: 8 hours", "电池续航：8小时"):
        query = _query(0.0, [("Clean with a dry swab.", 0.0, False), (line, 1.0, True)], "电池能用多久", "zh")
        main, fallback = rankings(DEFAULT_CONFIG, query)
        assert decide(DEFAULT_CONFIG, query, main, fallback).answer == line


def test_a_fact_never_outranks_a_confident_shop_wide_entry() -> None:
    query = _query(0.9, [("Clean with a dry swab.", 0.0, False), (EARBUDS, 1.0, True)])
    main, fallback = rankings(DEFAULT_CONFIG, query)
    assert main.confidence >= DEFAULT_CONFIG.threshold
    assert decide(DEFAULT_CONFIG, query, main, fallback).matched_question == "What is your return policy?"


def test_a_description_sentence_that_answers_is_not_replaced_by_a_fact() -> None:
    query = _query(0.0, [("Up to 8 hours per charge.", 1.0, False), ("Battery life: 8 hours", 1.0, True)])
    main, fallback = rankings(DEFAULT_CONFIG, query)
    assert decide(DEFAULT_CONFIG, query, main, fallback).answer == "Up to 8 hours per charge."


async def _earbuds(uow_factory: UnitOfWorkFactory) -> str:
    async with uow_factory() as uow:
        product = Product(external_id="P0044", title=EARBUDS, title_zh="Sony WF-1000XM5 真无线蓝牙耳机",
                          description="Three sizes of silicone ear tips are included. Clean the ear tips with a "
                                      "dry cotton swab.",
                          attributes={"battery_life_h": 8, "weight_g": 5})
        product.variants.append(Variant(sku="P0044-BLK", price_minor=29999, currency="USD", stock=5,
                                        attributes={"color": "Black"}))
        uow.session.add(product)
        await uow.commit()
    await add_pair(uow_factory, "How much is shipping?", "Standard shipping is $5.99.")
    return "P0044-BLK"


@pytest.mark.model
async def test_the_title_and_attributes_answer_in_the_shoppers_language(uow_factory: UnitOfWorkFactory,
                                                                         use_encoder: Encoder) -> None:
    sku = await _earbuds(uow_factory)
    qa = await start_qa(uow_factory, encoder=use_encoder, config=DEFAULT_CONFIG)
    waterproof = await qa.ask("is it waterproof?", product_external_id=sku)
    assert waterproof.answer == EARBUDS and waterproof.source is AnswerSource.PRODUCT_DESCRIPTION
    battery = await qa.ask("how long does the battery last?", product_external_id=sku)
    assert battery.answer == "Battery life: 8 hours"
    assert (await qa.ask("电池能用多久？", product_external_id=sku)).answer == "电池续航：8小时"
    # Shop questions stay the shop's.
    shipping = await qa.ask("how much is shipping?", product_external_id=sku)
    assert shipping.matched_question == "How much is shipping?"
