"""The demo FAQ answers when orders ship, where from, and how to see a gift card's balance, and short shipping
questions get the shipping entries: a Chinese shoppers' walk got the restock answer for "when do you ship", the
tracking answer for "where do you ship from", "how do gift cards work" for a balance, and the refund and
return-shipping answers for "多久能到" / "运费呢" (a short question matched the shorter returns questions).

The phrasings are this file's own, not taken from the FAQ, the walk, the NLU data or any evaluation set.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.encoders.base import Encoder


@pytest.mark.model
async def test_shipping_and_gift_card_questions_get_their_entries(tmp_path: Path, use_encoder: Encoder) -> None:
    from knowledge.qa.evaluation import demo_store
    from knowledge.qa.retrieval import QAService

    async with demo_store(tmp_path) as uows:
        qa = QAService(uows, use_encoder)
        await qa.start()
        expected = {
            "货从哪里寄出": ("你们从哪里发货？",),
            "下单后几时发货": ("什么时候发货？",),
            "礼品卡还剩多少钱": ("怎么查礼品卡余额？",),
            "要多久才能到": ("多久能收到货？",),
            "几天可以到": ("多久能收到货？",),
            "退款几天能回来": ("退款多久到账？",),
            "邮费呢": ("运费多少？满多少包邮？",),
            "how can i see what's left on my gift card": ("How do I check my gift card balance?",),
        }
        for question, entries in expected.items():
            answer = await qa.ask(question)
            assert answer.answer is not None and answer.matched_question in entries, (
                question, answer.matched_question)
