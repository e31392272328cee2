"""Which product a question is about, or whether it is about the shop: the scoping rules the Q&A answer
(questions.answer_question) and the ``ask_question`` intent (asking.py) share.

WHY a module of its own: "is it dishwasher safe?" is about the product open, "how much is shipping?" with a
product open is still the shop's, and a Chinese question that names nothing ("偏码吗") points at something on
screen. These tests are read by the answer, by the intent that picks the product and by other steps
(named_question, policy_questions) that must agree with them.
"""

from __future__ import annotations

import re

from bot.core.skills.community.shop_topics import asks_about_shop
from bot.core.state import Conversation
from nlu.result import ParseResult

__all__ = ["THIS", "CJK", "SHOP_TOPIC", "product_key", "several", "points_at_shown", "points_at_something", "shop_wide"]

# "is it dishwasher safe?", "does this come in red?", "这个可以机洗吗"
THIS = re.compile(r"\b(this|it|its|it's|this one|that one|that|they|them|these|those)\b|这个|这款|这件|这双|它|"
                  r"这些|那些", re.IGNORECASE)
CJK = re.compile(r"[\u4e00-\u9fff]")
# What the shop does rather than what a product is: such a question is not scoped to the product open.
SHOP_TOPIC = re.compile(
    r"\b(ships?|shipp?(?:ing|in|ed)|deliv\w*|return|returns|refund|refunds|exchange|pay|payment|paying|"
    r"coupon|coupons|discount|order|orders|track|tracking|cancel|invoice|points|account|customs|duties|expedited?|"
    r"cash on delivery|cod|instal?ments?|store|pickup|pick up)\b|加急|运费|发货|快递|物流|配送|送到|退货|退款|"
    r"换货|付款|支付|优惠|订单|取消|发票|积分|账号|关税|货到付款|分期|自提|寄到|寄往|邮寄|寄回|发[往到]|"
    r"刷卡|信用卡|银行卡|借记卡", re.IGNORECASE)  # "刷卡安全吗": paying by card, not a product's safety


def product_key(text: str, state: Conversation, parse: ParseResult | None) -> str | None:
    """The SKU the question is about: an explicit reference ("the second one") or the focus for "this/it"."""
    ref = parse.first("reference") if parse is not None else None
    if ref is not None and ref.resolved and isinstance(ref.value, str):
        # "them" / "both" resolve to every SKU shown, joined by commas: several products, none of them the key
        # ("do you have them in white" got a mug's answer, the joined SKUs being no product's)
        return None if several(ref.value) else ref.value
    if state.focus_sku and THIS.search(text):
        return state.focus_sku
    return None


def several(reference: object) -> bool:
    """Whether a resolved reference's value names several products ("them": "P01,P02,P03", nlu references)."""
    return isinstance(reference, str) and "," in reference


def points_at_shown(text: str) -> bool:
    """"it", "this", "they", "这个", "它": the message is about something shown, not the shop."""
    return bool(THIS.search(text))


def points_at_something(text: str, parse: ParseResult | None) -> bool:
    """The question is about a product it does not name: "it", "this one", a reference nothing resolves, or a
    Chinese question that names nothing at all: Chinese drops the pronoun ("偏码吗", "有现货吗" got a coupon
    answer and the cash-on-delivery answer from the shop-wide entries)."""
    ref = parse.first("reference") if parse is not None else None
    if bool(THIS.search(text)) or (ref is not None and not ref.resolved):
        return True
    names = parse is not None and any(parse.first(n) is not None for n in ("product", "brand", "category"))
    return bool(CJK.search(text)) and not names and not shop_wide(text)


def shop_wide(text: str) -> bool:
    """Shipping, returns, paying... or a service of the shop (gift wrap, price match, 发票): not a product's."""
    return bool(SHOP_TOPIC.search(text)) or asks_about_shop(text)
