"""Is a message about the cart's coupon rather than an item? "remove the coupon", "不用优惠券了".

WHY a module of its own: both the remove-from-cart and the apply-coupon intents see these messages (the NLU
hears "remove" or "coupon"), and each must hand them to the coupon: "remove the coupon" emptied the cart of
its only item, and "不用优惠券了" ("no coupon after all") asked for a coupon code.
"""

from __future__ import annotations

import re

__all__ = ["mentions_coupon", "drops_coupon", "asks_which_coupons"]

_COUPON = re.compile(r"\b(?:coupons?|promo(?:tion)?\s*codes?|discount\s*codes?|voucher)\b|优惠券|优惠码|折扣码|券",
                     re.IGNORECASE)
_DROP = re.compile(
    r"\b(?:remove|delete|drop|cancel|undo|clear|take\b.{0,30}\b(?:off|away|out)|get\s+rid\s+of|without|no\s+longer|"
    r"don'?t|do\s+not|dont|stop)\b|\bno\s+(?:coupon|promo|discount|voucher)|"
    r"不用|不要|取消|删除|删掉|去掉|去除|移除|撤销|拿掉|算了|不使用|别用",
    re.IGNORECASE)


# Asking whether the shop has coupons ("is there a coupon i can use", "any discount codes?", "do u have promo
# codes", "有优惠券吗"): the answer is the list of public coupons and offers, not a prompt for a code the shopper
# said they do not have. "i have a coupon", "use my coupon" and a typed code still apply one.
_WHICH = re.compile(
    r"\b(?:is|are)\s+there\b|\bany\b|\b(?:do|does|did)\s+(?:you|u|ya|y'?all|the\s+shop)\b(?!.{0,20}\b(?:accept|take)\b)|"
    r"\bgot\s+(?:any|a|some)\b|\bwhat\b|\bwhich\b|\bavailable\b|\bcurrent(?:ly)?\b|\bright\s+now\b|"
    r"有没有|有什么|有哪些|有啥|可用的|^(?:请问)?(?:你们|店里|现在)?有.{0,8}吗", re.IGNORECASE)
_OWN = re.compile(r"\b(?:i|i'?ve|we)\s+(?:have|got|received)\b|\bmy\s+(?:coupon|code|voucher|promo)|我有|我的", re.I)


def asks_which_coupons(text: str) -> bool:
    """The message asks which coupons or codes the shop has, rather than bringing one."""
    return mentions_coupon(text) and bool(_WHICH.search(text)) and not _OWN.search(text)


def mentions_coupon(text: str) -> bool:
    return bool(_COUPON.search(text))


def drops_coupon(text: str) -> bool:
    """The message names the coupon and asks to take it off ("take the coupon off", "优惠券不用了")."""
    return mentions_coupon(text) and bool(_DROP.search(text))
