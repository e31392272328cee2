""""checkout" typed again, or the cart's 💳 Checkout pressed, while a checkout is open: the step it stands at,
with the address and delivery already chosen kept.

WHY: both started the checkout again at step 1 and dropped the address and delivery chosen, so a shopper who
looked at the cart at the payment step (or typed "checkout" to get back to it) had to choose everything again.
The open step comes back only while the cart still fits it: the same kind of order (physical goods need an
address and delivery, digital ones do not) and every item still in stock; otherwise the checkout starts over,
which checks the cart again.
"""

from __future__ import annotations

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Reply, Text
from bot.core.services import Services
from bot.core.skills.checkout import steps
from bot.core.skills.checkout.midflow import in_cart_checkout
from bot.core.state import Conversation
from bot.i18n import Translator
from store.cart import get_cart
from store.checkout.service import digital_variants

__all__ = ["resume", "open_or_start"]


async def _still_fits(services: Services, user_id: int, state: Conversation) -> bool:
    """A cart checkout with an address or delivery chosen, and a cart of the same kind with every item in stock."""
    co = state.checkout
    if not in_cart_checkout(state) or co.get("digital") or not ("address_id" in co or "ship" in co):
        return False  # nothing chosen yet: starting over loses nothing (and checks the cart again)
    async with services.uows() as uow:
        cart = await get_cart(uow, user_id, services.clock())
        if cart.is_empty or any(not line.is_available for line in cart.lines):
            return False
        digital = await digital_variants(uow.session, [line.variant_id for line in cart.lines])
    return not all(digital.get(line.variant_id, False) for line in cart.lines)


async def resume(services: Services, user_id: int, state: Conversation, t: Translator,
                 codec: CallbackCodec) -> list[Reply] | None:
    """The open checkout's step, what was chosen kept; None when no open checkout fits the cart (``_still_fits``)."""
    if not await _still_fits(services, user_id, state):
        return None
    state.pending = None
    lead = t("You're already checking out, so here is where you were, with what you chose kept (say “change the "
             "address” or “change shipping” to change it).")
    return [Text(lead), *await steps.stale_step(services, user_id, state, t, codec)]


async def open_or_start(services: Services, user_id: int, state: Conversation, t: Translator,
                        codec: CallbackCodec) -> list[Reply]:
    """The open checkout's step, or a new checkout."""
    return (await resume(services, user_id, state, t, codec)
            or await steps.start_checkout(services, user_id, state, t, codec))
