""""empty my cart", "clear the cart", "remove everything", "清空购物车", "全部删掉": the whole cart, not one line.

WHY: the NLU reads these as remove_from_cart, which looks for the line meant; "清空购物车" was then read as a
product called "清空" ("购物车里没有“清空”") and nothing happened. A request for the whole cart gets the same
confirmation as the 🧹 button, so nothing is lost to a misread.
"""

from __future__ import annotations

import re
from datetime import datetime

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Button, Reply, Text, keyboard
from bot.core.services import Services
from bot.core.state import Conversation
from bot.i18n import Translator
from store.cart import get_cart

__all__ = ["asks_clear_all", "confirm_clear"]

_CLEAR_ALL = re.compile(
    r"\b(?:empty|clear|wipe|reset)\s+(?:out\s+)?(?:my|the|your)?\s*(?:whole\s+|entire\s+)?(?:shopping\s+)?(?:cart|basket)\b|"
    r"\b(?:remove|delete|drop|clear)\s+(?:everything|all(?:\s+(?:the\s+)?items)?|it\s+all)\b(?!\s+but)"
    r"(?:\s+(?:from|in)\s+(?:my|the)\s+(?:cart|basket))?\s*$|"
    r"清空|全部(?:删|移除|清)|全都(?:删|不要)|都删(?:了|掉)?$|购物车(?:里的)?(?:东西)?(?:全|都)(?:删|不要|清)",
    re.IGNORECASE)


def asks_clear_all(text: str) -> bool:
    return bool(_CLEAR_ALL.search(text.strip()))


async def confirm_clear(services: Services, state: Conversation, t: Translator, codec: CallbackCodec, user_id: int,
                        now: datetime) -> Reply:
    """Ask before emptying the cart; a typed "yes" / "是的" next presses "Yes, clear it" (``state.yes_no``). An empty
    cart says so: asking "Remove everything?" about nothing, then "Okay! Tell me what…" to the "yes", confused."""
    async with services.uows.read() as uow:
        cart = await get_cart(uow, user_id, now)
    if not cart.lines:
        return Text(t("Your cart is already empty."), buttons=keyboard([
            Button(t("🔎 Search"), data=codec.encode(user_id, "menu", "search"))]))
    yes, no = (Button(t("Yes, clear it"), data=codec.encode(user_id, "cclr", "y")),
               Button(t("No, keep it"), data=codec.encode(user_id, "cart", "e")))
    state.yes_no = {"yes": str(yes.data), "no": str(no.data)}
    return Text(t("Remove everything from your cart?"), buttons=keyboard([yes, no]))
