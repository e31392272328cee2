"""From a prepared question (its features against every entry, its product scope and description sentences)
to the answer: the product's own entry, a sentence of its description, a shop-wide entry, or "I don't know".

Shared by ``QAService.ask`` and the fitting code (``fit.py``), so what is tuned is what is served.
"""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.qa.answer import Answer
from knowledge.qa.config import QAConfig
from knowledge.qa.description import SentenceFeatures, SentenceHit, best_sentence
from knowledge.qa.facts import states_the_duration_asked
from knowledge.qa.index import IndexFeatures
from knowledge.qa.ranker import Ranking, rank_all
from knowledge.qa.scope import QueryScope
from knowledge.qa.scoring import best_answer
from store.models.knowledge_base import AnswerSource

__all__ = ["PreparedQuery", "rankings", "decide", "answer_from"]


@dataclass(frozen=True)
class PreparedQuery:
    text: str
    language: str
    features: IndexFeatures
    scope: QueryScope | None = None
    sentences: SentenceFeatures | None = None

    @property
    def product_ids(self) -> tuple[int, ...]:
        return self.scope.product_ids if self.scope else ()


def rankings(config: QAConfig, query: PreparedQuery, top_k: int = 10) -> tuple[Ranking, Ranking | None]:
    """The ranking over every allowed entry and, when its winner is the product's own entry, the ranking of
    the shop-wide entries alone (the fallback when the product's entry does not answer the question)."""
    main = rank_all(config, query.features, query.product_ids, query.language, top_k=top_k)
    fallback = None
    if main.top_is_own():
        fallback = rank_all(config, query.features, query.product_ids, query.language, top_k=top_k,
                            shop_wide_only=True)
    return main, fallback


def answer_from(ranking: Ranking, index: int) -> Answer:
    record = ranking.features.records[index]
    answer = best_answer(record)
    assert answer is not None
    return Answer(answer=answer.text, source=answer.source, confidence=ranking.confidence,
                  matched_question=record.text, answer_id=answer.id, question_id=record.id,
                  product_scoped=record.product_id is not None, product_external_id=record.product_external_id,
                  nearest_question=record.text)


def _described(query: PreparedQuery, hit: SentenceHit) -> Answer:
    scope = query.scope
    assert scope is not None
    return Answer(answer=hit.sentence, source=AnswerSource.PRODUCT_DESCRIPTION, confidence=hit.score,
                  matched_question=None, product_scoped=True, product_external_id=scope.external_id or None)


def decide(config: QAConfig, query: PreparedQuery, main: Ranking, fallback: Ranking | None,
           sentence: SentenceHit | None = None) -> Answer:
    """The product's own entry when it is confident, then the product's description or the shop-wide
    entries (whichever is more likely right, when both qualify: "can I swap it for another size" is the
    exchange policy, not the description's "true to size"); otherwise "I don't know" (with the nearest
    question for a "did you mean" button). Before saying it does not know, the product's title parts and
    attribute lines are tried (``facts.py``).

    The own entry must itself match the question (the confidence weighs how much of the question it
    covers), so a mug whose only entry is its capacity does not answer "does it have a lid". A description
    sentence also beats a confident own entry when it is more likely right by
    ``description_override_margin``."""
    if sentence is None:
        sentence = best_sentence(config, query.sentences)
    described = query.scope is not None and sentence is not None and sentence.score >= config.description_threshold
    top = main.top
    if top is not None and main.top_is_own() and main.confidence >= config.threshold:
        overridden = described and sentence is not None \
            and sentence.score > main.confidence + config.description_override_margin
        if not overridden:
            return answer_from(main, top)
    if top is not None and main.top_is_own() and described and sentence is not None \
            and main.confidence >= sentence.score:
        # The bot answers about the product either way: the curated entry when it is at least as likely
        # right as the sentence (a Chinese question on an English-only entry has a lower confidence than
        # a same-language one, yet may still beat the description).
        return answer_from(main, top)
    shop = fallback if main.top_is_own() else main
    shop_ok = shop is not None and shop.top is not None and shop.confidence >= config.threshold
    if described and sentence is not None and not (shop_ok and shop is not None
                                                   and shop.confidence > sentence.score):
        return _described(query, sentence)
    if shop_ok and shop is not None and shop.top is not None:
        return answer_from(shop, shop.top)
    # Last resort: the product's title parts and attribute lines ("... IPX4 Water Resistant", "Battery life:
    # 8 hours"). Terse lines cover a question's few words easily (their scores run high on a model fitted on
    # sentences), so they never outrank an entry or a description sentence, nor replace one.
    fact = best_sentence(config, query.sentences, facts=True) if query.scope is not None else None
    if fact is not None and fact.score >= config.description_threshold \
            and states_the_duration_asked(query.text, fact.sentence):
        return _described(query, fact)
    nearest = main.features.records[top].text if top is not None else None
    return Answer(answer=None, source=None, confidence=main.confidence, matched_question=None,
                  nearest_question=nearest)
