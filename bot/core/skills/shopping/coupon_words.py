"""Is a message about the cart's coupon rather than an item? "remove the coupon", "不用优惠券了".

WHY a module of its own: both the remove-from-cart and the apply-coupon intents see these messages (the NLU
hears "remove" or "coupon"), and each must hand them to the coupon: "remove the coupon" emptied the cart of
its only item, and "不用优惠券了" ("no coupon after all") asked for a coupon code.
"""

from __future__ import annotations

import re

__all__ = ["mentions_coupon", "drops_coupon", "has_coupon", "asks_which_coupons"]

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


# Asking which coupons one has ("我的优惠券", "我有哪些优惠券", "what coupons do i have"): the shop's coupons are
# everyone's, so the list answers it (before: "请输入优惠码", a prompt for a code the shopper was asking about).
_MINE = re.compile(r"^\s*(?:请问|查看|看看|看一下)?我的(?:优惠券|优惠码|券)(?:呢|吗)?\s*[?？]?\s*$|"
                   r"我有(?:哪些|什么|没有|几张|多少)|"
                   r"\b(?:what|which|any)\b.{0,25}\b(?:do|did)\s+i\s+have\b|"
                   r"^\s*(?:show\s+(?:me\s+)?)?my\s+(?:coupons|vouchers|promo\s+codes|discount\s+codes)\s*\??\s*$",
                   re.IGNORECASE)


def asks_which_coupons(text: str) -> bool:
    """The message asks which coupons or codes the shop has, or which the shopper has, rather than bringing one."""
    return mentions_coupon(text) and (bool(_WHICH.search(text)) and not _OWN.search(text)
                                      or bool(_MINE.search(text)))


def mentions_coupon(text: str) -> bool:
    return bool(_COUPON.search(text))


def drops_coupon(text: str) -> bool:
    """The message names the coupon and asks to take it off ("take the coupon off", "优惠券不用了")."""
    return mentions_coupon(text) and bool(_DROP.search(text))


# "我有优惠券", "I have a promo code", "got a coupon": the shopper holds one (the model was unsure of "我有优惠券",
# 0.67, and asked "use a coupon or see promotions?"); a question ("有优惠券吗", "能用吗") is not this.
_HAVE = re.compile(r"\b(?:i\s+have|i'?ve\s+got|i\s+got|got|have)\b|我有|我这有|我这儿有|手上有|手里有|有张|有个", re.I)
_ASKING = re.compile(r"[?？]|吗|么|有没有|哪些|什么|怎么|能不能|可以用|"
                     r"\b(?:do|does|can|could|is|are|any|which)\b", re.I)


def has_coupon(text: str) -> bool:
    """The message says the shopper has a coupon (to be asked for its code), without asking anything."""
    return mentions_coupon(text) and bool(_HAVE.search(text)) and not _ASKING.search(text) and not drops_coupon(text)
