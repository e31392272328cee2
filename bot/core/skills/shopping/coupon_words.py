"""Is a message about the cart's coupon rather than an item? "remove the coupon", "不用优惠券了".

WHY a module of its own: both the remove-from-cart and the apply-coupon intents see these messages (the NLU
hears "remove" or "coupon"), and each must hand them to the coupon: "remove the coupon" emptied the cart of
its only item, and "不用优惠券了" ("no coupon after all") asked for a coupon code.
"""

from __future__ import annotations

import re

__all__ = ["mentions_coupon", "drops_coupon"]

_COUPON = re.compile(r"\b(?:coupons?|promo(?:tion)?\s*codes?|discount\s*codes?|voucher)\b|优惠券|优惠码|折扣码|券",
                     re.IGNORECASE)
_DROP = re.compile(
    r"\b(?:remove|delete|drop|cancel|undo|clear|take\b.{0,30}\b(?:off|away|out)|get\s+rid\s+of|without|no\s+longer|"
    r"don'?t|do\s+not|dont|stop)\b|\bno\s+(?:coupon|promo|discount|voucher)|"
    r"不用|不要|取消|删除|删掉|去掉|去除|移除|撤销|拿掉|算了|不使用|别用",
    re.IGNORECASE)


def mentions_coupon(text: str) -> bool:
    return bool(_COUPON.search(text))


def drops_coupon(text: str) -> bool:
    """The message names the coupon and asks to take it off ("take the coupon off", "优惠券不用了")."""
    return mentions_coupon(text) and bool(_DROP.search(text))
