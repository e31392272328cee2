""""my payment failed, was i charged?" asks whether money was taken: the FAQ answers it (a failed payment is not
charged), it is not a report of a charge for a person to check.

The payment-problem step (community/payment_problems.py) saw "charged" and "failed" and opened a support ticket
("I've passed this to them ... ticket T1001"), though the shop's FAQ has the answer. Asking "was i charged?" does not
say money went; "支付失败但钱扣了", "I was charged twice" and "was i charged twice?" still do (or fear a double
charge) and stay a ticket."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from knowledge.qa.importer import load_demo_faq
from nlu.result import ParsedEntity
from store.demo.loader import load_demo
from tests.bot.skills.test_shopping_wording import ANN
from tests.bot.skills.test_walk_followups import WalkNLU
from tests.helpers.bots import started_bot
from tests.helpers.community import text_of
from tests.helpers.kb_builders import start_qa
from tests.helpers.shopping import Shopper


def _none(text: str, ctx: Any) -> tuple[ParsedEntity, ...]:
    return ()


@pytest.mark.parametrize("text", ["my payment failed, was i charged?", "payment failed. did i get charged?",
                                  "the payment was declined, have i been charged", "card got declined was i billed?"])
def test_asking_whether_a_failed_payment_charged_is_a_question(text: str) -> None:
    from bot.core.skills.community.payment_problems import is_payment_problem

    assert not is_payment_problem(text)


@pytest.mark.parametrize("text", ["my payment failed but i was charged", "payment failed, was i charged twice?",
                                  "支付失败但钱扣了", "I was charged twice"])
def test_a_charge_said_is_still_a_problem(text: str) -> None:
    from bot.core.skills.community.payment_problems import is_payment_problem

    assert is_payment_problem(text)


async def test_failed_payment_question_gets_the_faq_not_a_ticket(tmp_path: Path) -> None:
    text = "my payment failed, was i charged?"
    async with started_bot(tmp_path, nlu=WalkNLU({text: ("pay", False, _none)})) as bot:
        assert bot.services is not None
        await load_demo(bot.services.uows, now=bot.services.clock())
        await load_demo_faq(bot.services.uows)
        bot.services.qa = await start_qa(bot.services.uows)
        said = text_of(await Shopper(bot, ANN).say(text))
        assert "ticket" not in said and "not charged" in said, said
