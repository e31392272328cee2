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


FAILED = ("My payment failed. Was I charged?", "付款失败了，会扣钱吗？")


@pytest.mark.model
async def test_charged_right_when_paying_is_the_charge_entry_not_the_failed_one(tmp_path: Path,
                                                                                 use_encoder: Encoder) -> None:
    """"付款后马上扣钱吗" (is the money taken right after I pay?) got the failed-payment entry: it shares 付款 and
    扣钱…吗 with "付款失败了，会扣钱吗？", and the charge entry had no wording about paying or "right away". Its
    phrasings now cover when paying and how soon; a failed payment keeps its own entry."""
    from knowledge.qa.evaluation import demo_store
    from knowledge.qa.retrieval import QAService

    async with demo_store(tmp_path) as uows:
        qa = QAService(uows, use_encoder)
        await qa.start()
        for question in ("付款后马上扣钱吗", "付完款是马上扣费吗", "下完单会立刻扣钱吗", "钱是什么时候从账户里扣走的",
                         "是发货的时候才扣钱吗", "支付以后多久扣款",
                         "do you charge my card as soon as I place the order?",
                         "when does the money actually leave my account?",
                         "will I be billed right away or on delivery?", "at what point do you take my money?",
                         "is payment taken immediately after I pay the invoice?"):
            answer = await qa.ask(question)
            assert answer.answered and answer.matched_question in CHARGE, (question, answer.matched_question)
        for question in ("付款失败了还会扣钱吗", "支付没成功钱会被扣吗", "my payment failed, was i charged?",
                         "the payment didn't go through, did you still take my money?"):
            answer = await qa.ask(question)
            assert answer.matched_question in FAILED, (question, answer.matched_question)


def test_the_charge_answer_says_what_checkout_does() -> None:
    """The charge-timing answer said the card is charged "for the order total" and that checkout charges nothing;
    a gift card's part is taken when the order is placed (store.giftcards.orders) and the invoice is for the rest."""
    import json

    from knowledge.qa.importer import DEMO_FAQ

    entries = {e["question"]: e["answer"] for e in json.loads(Path(DEMO_FAQ).read_text(encoding="utf-8"))}
    en, zh = entries[CHARGE[0]], entries[CHARGE[1]]
    assert "order total" not in en and "gift card" in en and "placed" in en, en
    assert "订单总额" not in zh and "礼品卡" in zh and "下单" in zh, zh
