"""When a refund arrives, asked without the word "refund": "how long until i get my money back?" got the return
window ("30 days from delivery"), "when do i get refunded" the shipping-fee entry. The refund entry had no phrasings,
so the words about money coming back matched the entries that share "return" or "refunded"; with phrasings about
getting one's money back it answers them, and the charge-timing questions keep their entry.

The phrasings are this file's own, not taken from the FAQ, the NLU data or any evaluation set.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.encoders.base import Encoder

REFUND = ("When will I get my refund?", "退款多久到账？")
CHARGE = ("When will I be charged for my order?", "什么时候扣款？下单后多久扣钱？")


@pytest.mark.model
async def test_money_back_questions_get_the_refund_entry(tmp_path: Path, use_encoder: Encoder) -> None:
    from knowledge.qa.evaluation import demo_store
    from knowledge.qa.retrieval import QAService

    async with demo_store(tmp_path) as uows:
        qa = QAService(uows, use_encoder)
        await qa.start()
        for question in ("when do i get my money back after a return?", "how long until i get my money back?",
                         "when do i get refunded", "after i send it back when do i get paid back",
                         "how soon is the money back on my card"):
            answer = await qa.ask(question)
            assert answer.answered and answer.matched_question in REFUND, (question, answer.matched_question)
        for question in ("when will i be charged", "is my card charged right away"):
            answer = await qa.ask(question)
            assert answer.matched_question in CHARGE, (question, answer.matched_question)
