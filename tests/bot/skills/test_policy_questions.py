"""A general question about the shop in an action's words gets the FAQ's answer plus the action's button;
requests and questions about the shopper's own things still act (bot.core.skills.community.policy_questions).

The phrasings are this file's own, not taken from the FAQ, the NLU training data or the evaluation sets. The
second test runs the real model, encoder and demo FAQ: the misreadings being corrected are the real model's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.events import UserRef
from bot.core.replies import Reply
from bot.core.skills.community.policy_questions import is_policy_question
from knowledge.qa.importer import load_demo_faq
from nlu.pipeline import BuiltinNLU
from store.demo.loader import load_demo
from tests.helpers.bots import started_bot
from tests.helpers.community import buttons_of, text_of
from tests.helpers.kb_builders import start_qa
from tests.helpers.real_nlu import build_real_nlu, real_use_encoder
from tests.helpers.shopping import Shopper

ANN = UserRef(541, "Ann", language_code="en")
LI = UserRef(542, "李", language_code="zh-hans")
FAQ = "From our FAQ"
FAQ_ZH = "来自常见问题"


@pytest.mark.parametrize("text", [
    "can I stack two coupons on the same order?", "so how does the spend and save thing work",
    "can i use two coupons on one order",
    "do reward points ever expire", "when will the money come back after a return?",
    "is it possible to pay in installments", "what happens if my card payment fails",
    "退款一般多久到账？", "积分可以抵现金吗", "满减怎么算", "下单以后还能改地址吗",
    "积分到年底会清零不", "周末发货不", "能用支付宝不",  # A-not-A questions with the second half dropped
])
def test_general_questions_are_policy_questions(text: str) -> None:
    assert is_policy_question(text, None)


@pytest.mark.parametrize("text", [
    "where is my order", "what's my points balance", "how many points do i have", "any deals today?",
    "do you have any coupons", "are there sales this week", "cancel my order", "show me promotions",
    "我的订单到哪了", "我有多少积分", "有优惠券吗", "有什么优惠活动", "取消订单", "申请退款",
    "付款了吗", "发货了没", "how much is it", "do they run small?", "这双偏码吗", "did my payment go through?",
    "has my order shipped", "have you sent my refund?", "我还没", "不",
    "怎么还不发货 帮我催催", "can you hurry my order up?",  # chasing one's own order: its status, not the policy
])
def test_requests_and_own_state_are_not(text: str) -> None:
    assert not is_policy_question(text, None)


@pytest.fixture(scope="module")
def real_nlu(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> BuiltinNLU:
    return build_real_nlu(request.config, tmp_path_factory)


def _button_labels(replies: list[Reply]) -> list[str]:
    return [b.label for r in replies for b in buttons_of(r)]


async def test_real_model_policy_questions_get_the_faq_and_requests_still_act(tmp_path: Path,
                                                                              real_nlu: BuiltinNLU) -> None:
    async with started_bot(tmp_path, nlu=real_nlu) as bot:
        assert bot.services is not None
        await load_demo(bot.services.uows, now=bot.services.clock())  # the FAQ's product entries need it
        await load_demo_faq(bot.services.uows)
        bot.services.qa = await start_qa(bot.services.uows, encoder=real_use_encoder())
        ann, li = Shopper(bot, ANN), Shopper(bot, LI)

        # Read as apply_coupon / my_points / pay / modify_order by the model; "stack" is not understood at all.
        together = await ann.say("can i use a coupon and the spend and save deal together")
        assert FAQ in text_of(together) and "🔥 Promotions" in _button_labels(together)
        expiry = await ann.say("do reward points ever expire")
        # (which points entry answers is the Q&A's business; here: an FAQ answer, and the card one tap away)
        assert FAQ in text_of(expiry) and "point" in text_of(expiry) and "⭐ My points" in _button_labels(expiry)
        failed = await ann.say("what happens if my card payment fails")
        assert FAQ in text_of(failed) and "no unpaid orders" not in text_of(failed)
        stacked = await ann.say("can I stack two coupons on the same order?")
        assert FAQ in text_of(stacked) and "one coupon" in text_of(stacked).lower()
        address = await li.say("下单以后还能改地址吗")
        assert FAQ_ZH in text_of(address) and "📦 我的订单" in _button_labels(address)
        refund = await li.say("退款一般多久到账？")
        assert FAQ_ZH in text_of(refund) and "工作日" in text_of(refund)
        assert "您还没有订单" not in text_of(refund)

        points = await li.say("写条评论可以拿积分吗")  # read as leave_review: "reviews once it's delivered"
        assert FAQ_ZH in text_of(points) and "20" in text_of(points), text_of(points)

        hours = await li.say("人工客服什么时候在线")  # about the team, not asking for it: it opened a ticket
        assert FAQ_ZH in text_of(hours) and "工单" not in text_of(hours), text_of(hours)
        person = await ann.say("can i talk to a real person")
        assert FAQ not in text_of(person), text_of(person)

        # Requests and the shopper's own state: the action, not the FAQ.
        for shopper, words in ((ann, "what deals do you have right now"), (ann, "how many points do i have"),
                               (ann, "where is my order"), (li, "有优惠券吗"), (li, "我有多少积分")):
            replies = await shopper.say(words)
            assert FAQ not in text_of(replies) and FAQ_ZH not in text_of(replies), (words, text_of(replies))
