"""An FAQ answer given for a question the NLU read as an action carries that action's button only when the answer
is about the action's topic: "什么时候扣款" (read as list_promotions for its money words) got the charge-timing
entry with a "🔥 Promotions" button under it, which has nothing to do with when a card is charged. A coupon
question read the same way keeps its Promotions button.

The phrasings are this file's own; a keyword NLU stands in for the model's misreading.
"""

from __future__ import annotations

from pathlib import Path

from bot.core.events import UserRef
from bot.core.replies import Reply
from tests.helpers.bots import started_bot
from tests.helpers.community import buttons_of, text_of
from tests.helpers.fake_nlu import DEFAULT_RULES, FakeNLU
from tests.helpers.kb_builders import add_pair, start_qa
from tests.helpers.shopping import Shopper

ANN = UserRef(581, "Ann", language_code="en")
LI = UserRef(582, "李", language_code="zh-hans")

# The model's misreadings, as the keyword NLU's rules: money words read as deals, a coupon question as applying one.
_RULES = ((r"charged|扣款|扣钱", "list_promotions"), (r"coupons|优惠券", "apply_coupon"), *DEFAULT_RULES)


def _labels(replies: list[Reply]) -> list[str]:
    return [b.label for r in replies for b in buttons_of(r)]


async def test_the_action_button_only_under_an_answer_on_its_topic(tmp_path: Path) -> None:
    async with started_bot(tmp_path, nlu=FakeNLU(_RULES)) as bot:
        services = bot.services
        assert services is not None
        await add_pair(services.uows, "When will I be charged for my order?",
                       "When you pay the order's invoice in the chat.", tags=("payment", "charge", "timing"))
        await add_pair(services.uows, "什么时候扣款？", "在聊天里支付订单的付款单时扣款。",
                       tags=("payment", "charge", "timing"))
        await add_pair(services.uows, "Can I use two coupons on one order?", "No, one coupon per order.",
                       tags=("coupon", "stacking"))
        await add_pair(services.uows, "一个订单能用两张优惠券吗？", "不能，每个订单只能用一张优惠券。",
                       tags=("coupon", "stacking"))
        services.qa = await start_qa(services.uows)
        ann, li = Shopper(bot, ANN), Shopper(bot, LI)

        charge = await ann.say("When will I be charged for my order?")
        assert "invoice" in text_of(charge) and not any("Promotions" in x for x in _labels(charge)), _labels(charge)
        charge_zh = await li.say("什么时候扣款？")
        assert "付款单" in text_of(charge_zh) and not any("优惠活动" in x for x in _labels(charge_zh)), \
            _labels(charge_zh)

        coupons = await ann.say("Can I use two coupons on one order?")
        assert "one coupon" in text_of(coupons) and "🔥 Promotions" in _labels(coupons), _labels(coupons)
        coupons_zh = await li.say("一个订单能用两张优惠券吗？")
        assert "一张" in text_of(coupons_zh) and "🔥 优惠活动" in _labels(coupons_zh), _labels(coupons_zh)
