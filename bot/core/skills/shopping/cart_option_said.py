"""An option said as a correction of the item just added ("actually size 7", "wait i meant size 7.5", "还是换成7码吧")
changes that cart line, not adds another pair.

WHY: after "add the nike in grey size 8", "actually size 7.5" searched for "size" (walk9-en), and once read as an
option question it showed a picker whose buttons add a second pair. When the variant in focus is a line in the
cart and the message corrects it, the cart's option change (``cart_variant``) swaps the line, or says the product
does not come in that option and offers what it has.
"""

from __future__ import annotations

import re
from datetime import datetime

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Reply
from bot.core.services import Services
from bot.core.state import Conversation
from bot.i18n import Translator
from nlu.result import ParseResult
from store.cart import get_cart

__all__ = ["corrects_cart_line"]

_CORRECTION = re.compile(r"\b(?:actually|i\s+meant|i\s+mean|instead|rather|change|switch|swap|make\s+it)\b|"
                         r"不对|换成|改成|换一个|还是", re.IGNORECASE)


async def corrects_cart_line(text: str, parse: ParseResult, services: Services, state: Conversation, t: Translator,
                             lang: str, codec: CallbackCodec, user_id: int, now: datetime) -> list[Reply] | None:
    """The cart after changing the line in focus to the option said; None unless the message corrects a line."""
    if state.focus_sku is None or not _CORRECTION.search(text):
        return None
    async with services.uows.read() as uow:
        cart = await get_cart(uow, user_id, now)
    if not any(line.sku == state.focus_sku for line in cart.lines):
        return None
    from bot.core.skills.shopping.cart import update_intent

    return [await update_intent(text, parse, services, state, t, lang, codec, user_id, now)]
