"""A quantity set in so many words for a cart line: "make the headphones 2", "set the mugs to 3", "change it
to 1".

WHY a step before the intent: the NLU read "make the headphones 2" below its threshold (update_cart 0.56, a
search second), and the shopper got "not sure what you mean" mid-checkout; the order was then placed with 1.
The shape (a set verb, the line, a number at the end) says it; the cart decides which line (a title word, the
item in focus, the only line), and with a checkout open the step is shown again under the cart
(``RESUME_CHECKOUT_AFTER`` in the dispatcher).
"""

from __future__ import annotations

import re
from datetime import datetime

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Reply
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.shopping.cart import set_line_by_text
from bot.core.state import Conversation
from bot.i18n import Translator
from nlu.result import ParseResult

__all__ = ["router", "cart_quantity_said", "quantity_said", "total_said"]

router = Router("shopping.cart_said")

_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_SET = re.compile(
    r"^(?:(?:ok|okay|actually|wait|oh|hmm|please|pls|and|so|can you|could you)[\s,]+)*"
    r"(?:make|set|change|update|put|bump|turn)\s+(?P<line>it|that|them|those|these|(?:the|my)\s+[\w'’ -]{2,60}?)"
    r"\s+(?:to\s+|at\s+|up to\s+|down to\s+)?(?P<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)"
    r"(?:\s+(?:of them|pcs|pieces|units|please|pls|instead))?\s*[.!]*$",
    re.IGNORECASE,
)


# "不对 我总共只要两个", "一共要2个就行", "i only want 2 in total", "just 2 total": the line's quantity, said as a
# total. Walk 8: "不对 我总共只要两个" after an add was read as another add (5 in the cart instead of 2).
_ZH_NUMBERS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_TOTAL = re.compile(
    r"(?:总共|一共|总数|加起来|总计)(?:就|只)?(?:要|买)?(?:就|只)?(?:要|买)?\s*(?P<zh>\d{1,3}|[一两二三四五六七八九十])\s*(?:个|件|瓶|盒|袋|双|台|套|份|本|支|包)|"
    r"\b(?:only|just)\s+(?:want|need)?\s*(?P<en>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)"
    r"\s+(?:in total|total|altogether|all together)\b|"
    r"\b(?:want|need)\s+(?P<en2>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)"
    r"\s+(?:in total|total|altogether)\b",
    re.IGNORECASE)


def _number(word: str) -> int:
    word = word.casefold()
    if word.isdigit():
        return int(word)
    return _WORDS.get(word) or _ZH_NUMBERS[word]


def quantity_said(text: str) -> int | None:
    """The quantity a "make the X N" message sets, or None when it is not one."""
    m = _SET.match(" ".join(text.split()))
    return _number(m.group("n")) if m is not None else None


def total_said(text: str) -> int | None:
    """The quantity a "N in total" message sets ("我总共只要两个"), or None when it is not one."""
    total = _TOTAL.search(" ".join(text.split()))
    if total is None:
        return None
    return _number(total.group("zh") or total.group("en") or total.group("en2"))


@router.intent("cart_quantity_said")
async def cart_quantity_said(
    text: str,
    parse: ParseResult | None,
    services: Services,
    state: Conversation,
    t: Translator,
    lang: str,
    codec: CallbackCodec,
    user_id: int,
    now: datetime,
) -> list[Reply] | None:
    """Not an NLU intent: the dispatcher offers it each message; None unless the message sets a quantity of a
    line in the cart (an empty cart, or no line meant: the NLU's reading stands)."""
    quantity, named = quantity_said(text), text
    if quantity is None:
        # A total names no line ("不对 我总共只要两个"): the item in focus or the only line; its other words are
        # not a product to look for (the search found one for "不对 我总共只", which stopped the change).
        quantity, named = total_said(text), ""
    if quantity is None:
        return None
    reply = await set_line_by_text(quantity, named, parse, services, state, t, lang, codec, user_id, now)
    return [reply] if reply is not None else None
