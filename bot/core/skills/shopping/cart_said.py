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

__all__ = ["router", "cart_quantity_said", "quantity_said"]

router = Router("shopping.cart_said")

_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_SET = re.compile(
    r"^(?:(?:ok|okay|actually|wait|oh|hmm|please|pls|and|so|can you|could you)[\s,]+)*"
    r"(?:make|set|change|update|put|bump|turn)\s+(?P<line>it|that|them|those|these|(?:the|my)\s+[\w'’ -]{2,60}?)"
    r"\s+(?:to\s+|at\s+|up to\s+|down to\s+)?(?P<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)"
    r"(?:\s+(?:of them|pcs|pieces|units|please|pls|instead))?\s*[.!]*$",
    re.IGNORECASE,
)


def quantity_said(text: str) -> int | None:
    """The quantity a "make the X N" message sets, or None when it is not one."""
    m = _SET.match(" ".join(text.split()))
    if m is None:
        return None
    n = m.group("n").casefold()
    return int(n) if n.isdigit() else _WORDS[n]


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
    quantity = quantity_said(text)
    if quantity is None:
        return None
    reply = await set_line_by_text(quantity, text, parse, services, state, t, lang, codec, user_id, now)
    return [reply] if reply is not None else None
