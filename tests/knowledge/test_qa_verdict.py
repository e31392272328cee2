"""A yes or no written for another question is not stated as the answer (knowledge/qa/verdict.py).

The phrasings are this file's own, not taken from the FAQ, the NLU data or any evaluation set.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.encoders.base import Encoder
from knowledge.qa.verdict import asks_same, opens_with_verdict


@pytest.mark.parametrize("answer", ["Yes. Orders over $300…", "No, only one coupon.", "不会。在群里…",
                                    "可以，签收后30天内…", "不支持。我们支持…", "Not yet: soon."])
def test_verdicts(answer: str) -> None:
    assert opens_with_verdict(answer)


@pytest.mark.parametrize("answer", ["Standard shipping is $5.99.", "Within 5 business days.", "很抱歉！请在7天内…",
                                    "Open /orders, choose the order.", "标准快递运费5.99美元",
                                    "Yesterday's orders ship today."])
def test_not_verdicts(answer: str) -> None:
    assert not opens_with_verdict(answer)


def test_asks_same_needs_a_close_question_covering_both_ways() -> None:
    assert asks_same(0.9, 0.0, 0.0)  # near-identical questions
    assert asks_same(0.6, 0.5, 0.5)
    assert not asks_same(0.77, 0.40, 0.9)  # the entry asks about something the shopper did not mention
    assert not asks_same(0.6, 0.6, 0.3)  # the shopper asks about something the entry's question does not
    assert not asks_same(0.5, 1.0, 1.0)



@pytest.mark.model
async def test_a_neighbouring_entrys_yes_is_not_the_same_question(tmp_path: Path, use_encoder: Encoder) -> None:
    """On the demo FAQ (the word weights are the knowledge base's, so a toy KB would not tell)."""
    from knowledge.qa.evaluation import demo_store
    from knowledge.qa.retrieval import QAService

    async with demo_store(tmp_path) as uows:
        qa = QAService(uows, use_encoder)
        await qa.start()
        for question, other in (("can i pay cash?", "Can I pay in instalments?"),
                                ("do you take apple pay", "Do you accept PayPal, Alipay or WeChat Pay?"),
                                ("机器人会不会看我的私聊", "机器人会看我们群里的所有消息吗？")):
            answer = await qa.ask(question)
            assert answer.matched_question != other or not answer.same_question, (question, answer)
        for question, entry in (("do i need an account", "Do I need to create an account?"),
                                ("is shipping free", "Do you offer free shipping?"),
                                ("下单后能取消吗", "下单后可以取消吗？")):
            answer = await qa.ask(question)
            assert answer.matched_question == entry and answer.same_question, (question, answer)
