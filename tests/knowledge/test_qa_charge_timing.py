"""When money moves: "什么时候扣款" got the deals panel, "when do you charge my card" the declined-card entry ("A
declined payment is not charged…"), "when will I be charged" "not sure what you mean": the FAQ had no entry on when
an order is charged, so the nearest payment entry won. With one (in both languages), it answers the family, and
the refund questions keep the refund entry.

The phrasings are this file's own, not taken from the FAQ, the NLU data or any evaluation set.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.encoders.base import Encoder

CHARGE = ("When will I be charged for my order?", "什么时候扣款？下单后多久扣钱？")
REFUND = ("When will I get my refund?", "退款多久到账？")


@pytest.mark.model
async def test_when_money_moves_is_answered_by_its_own_entry(tmp_path: Path, use_encoder: Encoder) -> None:
    from knowledge.qa.evaluation import demo_store
    from knowledge.qa.retrieval import QAService

    async with demo_store(tmp_path) as uows:
        qa = QAService(uows, use_encoder)
        await qa.start()
        for question in ("when will i be charged", "when do you charge my card", "when does the payment go through",
                         "is my card charged right away", "什么时候扣款", "几时扣款", "啥时候扣费", "下单后多久扣款"):
            answer = await qa.ask(question)
            assert answer.answered and answer.matched_question in CHARGE, (question, answer.matched_question)
        for question in ("when will my refund arrive", "退款多久到账", "钱什么时候退回来"):
            answer = await qa.ask(question)
            assert answer.matched_question in REFUND, (question, answer.matched_question)
        failed = await qa.ask("my payment failed, was i charged?")  # the rule for a failed payment keeps its entry
        assert failed.matched_question == "My payment failed. Was I charged?", failed.matched_question
