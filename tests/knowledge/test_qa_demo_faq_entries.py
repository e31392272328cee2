"""The demo FAQ has the entries a shop's FAQ is expected to have: paying with points, the return window, opening
hours, "are you a bot", other payment services, a phone line (a walk of the real stack found each asked, and
answered by a neighbouring entry or not at all).

The phrasings are this file's own, not taken from the FAQ, the NLU data or any evaluation set.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.encoders.base import Encoder


@pytest.mark.model
async def test_demo_faq_has_the_usual_shop_entries(tmp_path: Path, use_encoder: Encoder) -> None:
    from knowledge.qa.evaluation import demo_store
    from knowledge.qa.retrieval import QAService

    async with demo_store(tmp_path) as uows:
        qa = QAService(uows, use_encoder)
        await qa.start()
        expected = {
            "is it possible to use points as payment": "Can I pay with my points?",
            "do you open on saturdays and sundays": "What are your opening hours? Are you open on weekends?",
            "am i chatting with a robot": "Are you a bot or a real person?",
            "is there a number i can ring": "Do you have a phone number I can call?",
            "退货最晚几天内要寄回": "退货期限是多久？几天内可以退？",
            "能用支付宝吗": "支持支付宝或微信支付吗？",
            "积分能当钱用吗": "可以用积分付款吗？",
            "你是真人吗": "你是机器人还是真人？",
            "可以分12期吗": "能分期付款吗？",  # (分 12 期: read as 过期, "积分会过期吗")
            "能分3期不": "能分期付款吗？",
            "买两个有优惠不": "买多件有优惠吗？买两个能便宜点吗？",  # (was "一个订单能用两张优惠券吗？": "不能")
            "可以砍价吗": "能便宜点吗？可以讲价吗？",
            "do i get a discount if i buy two of them": "Is there a discount if I buy more than one?",
            "can we negotiate the price": "Can you give me a better price?",
        }
        for question, entry in expected.items():
            answer = await qa.ask(question)
            assert answer.matched_question == entry, (question, answer.matched_question)


@pytest.mark.model
async def test_asking_who_pays_return_shipping_never_reads_as_you_pay(tmp_path: Path, use_encoder: Encoder) -> None:
    # "do i have to pay for return shipping" ranks "Is the original shipping fee refunded when I return
    # something?" first (a near tie with "Who pays for return shipping?"), whose answer opened "Only if the item
    # was faulty…": read as "you pay", against the free prepaid US return label. Whichever of the two answers,
    # the answer says what it is about and that sending a return back from the US is free.
    from knowledge.qa.evaluation import demo_store
    from knowledge.qa.retrieval import QAService

    async with demo_store(tmp_path) as uows:
        qa = QAService(uows, use_encoder)
        await qa.start()
        answer = await qa.ask("do i have to pay for return shipping")
        assert answer.answer is not None and not answer.answer.startswith("Only if"), answer.answer
        assert "prepaid" in answer.answer and "US" in answer.answer, answer.answer
