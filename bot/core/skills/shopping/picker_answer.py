"""An option typed in answer to the variant picker: "charcoal pls" under "Which option of … would you like?".

WHY: the picker's buttons add to the cart, but a typed answer went to the option follow-up, which answered
"Yes, … comes in Charcoal. Which would you like?" with one button and added nothing. Right after a picker
(``state.topic`` "picker:<sku>:<qty>", this event only), an option that leaves exactly one variant in stock
is that choice; a question ("in navy?") stays a question.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.core.followups import is_question
from bot.core.skills.shopping.details import matching_variants
from bot.core.skills.shopping.products import active_variants
from store.catalog.views import ProductView, VariantView

if TYPE_CHECKING:
    from bot.core.callbacks import CallbackCodec
    from bot.core.replies import Reply
    from bot.core.services import Services
    from bot.core.state import Conversation
    from bot.i18n import Translator

__all__ = ["PICKER_TOPIC", "picker_topic", "read_topic", "queued_after", "picked_variant", "unpicked_reply"]

PICKER_TOPIC = "picker:"
_QUEUE = ">"  # what follows is the products still to add after this one ("I'll take the first and the second")


def picker_topic(product: ProductView, qty: int, wanted: set[str] | None = None,
                 then: Sequence[tuple[str, int]] = ()) -> str:
    """"picker:<sku>:<qty>", and "|black,m" when the picker offers only the options said (a typed "xs" next is
    read among those), and ">P2:1;P3:1" when other products said in the same message wait their turn
    (``add_several``)."""
    said = ",".join(sorted(w.replace(",", " ").replace("|", " ").replace(_QUEUE, " ") for w in wanted or ()))
    queue = ";".join(f"{sku}:{qty}" for sku, qty in then)
    return f"{PICKER_TOPIC}{product.external_id}:{qty}" + (f"|{said}" if said else "") + (
        f"{_QUEUE}{queue}" if queue else "")


def queued_after(topic: str | None, sku: str) -> list[tuple[str, int]]:
    """The products still to add once ``sku``'s option is chosen (empty: none, or the picker was another's)."""
    read = read_topic(topic)
    if read is None or read[0] != sku or topic is None or _QUEUE not in topic:
        return []
    out = []
    for item in topic.partition(_QUEUE)[2].split(";"):
        ref, _, qty = item.rpartition(":")
        if ref:
            out.append((ref, max(1, int(qty)) if qty.isdigit() else 1))
    return out


def read_topic(topic: str | None) -> tuple[str, int, set[str]] | None:
    """The product's SKU, the quantity and the options said, from a ``picker_topic`` (None: another topic)."""
    if not topic or not topic.startswith(PICKER_TOPIC):
        return None
    head, _, said = topic[len(PICKER_TOPIC):].partition(_QUEUE)[0].partition("|")
    sku, _, qty = head.rpartition(":")
    return sku, max(1, int(qty)) if qty.isdigit() else 1, {w for w in said.split(",") if w}


def picked_variant(topic: str | None, product: ProductView, wanted: set[str] | None,
                   text: str) -> tuple[VariantView, int] | None:
    """The variant and quantity chosen by typing an option right after ``product``'s picker, or None."""
    read = read_topic(topic)
    if read is None or not wanted or "?" in text or "？" in text or is_question(text):
        return None
    sku, qty, _ = read
    if sku != product.external_id:
        return None
    in_stock = [v for v in matching_variants(active_variants(product), wanted) if v.stock > 0]
    return (in_stock[0], qty) if len(in_stock) == 1 else None


async def unpicked_reply(services: Services, topic: str | None, t: Translator, codec: CallbackCodec,
                         user_id: int, state: Conversation | None = None) -> list[Reply] | None:
    """Checkout or the cart asked for right after a picker (the cart: whatever it holds): the option was never
    chosen, so say so and show the picker again. WHY: "加第一个" showed the colours, "结账" then said only "your
    cart is empty", and shoppers thought the item had been lost (walk 5)."""
    from bot.core.replies import Text
    from bot.core.skills.shopping.details import variant_picker
    from bot.core.skills.shopping.products import display_title, product_named

    read = read_topic(topic)  # the previous reply's subject (dispatcher: deps.topic)
    if read is None:
        return None
    sku, qty, said = read
    product = await product_named(services.uows, sku)
    if product is None or await _in_cart(services, user_id, sku):
        return None  # in the cart already ("有黑色吗" after adding the white one): no "it isn't in your cart"
    title = html.escape(display_title(product, t.language))
    note = Text(t("You haven't chosen the option of <b>{title}</b> yet, so it isn't in your cart. Pick one:",
                  title=title))
    picker = await variant_picker(product, services, t, t.language, codec, user_id, services.clock(), qty=qty,
                                  wanted=said or None)
    if state is not None:
        state.topic = topic  # the picker is on screen again: a typed option next still answers it
    return [note, picker]


async def _in_cart(services: Services, user_id: int, product_id: str) -> bool:
    """Whether some option of the product (``external_id``) is in the shopper's cart."""
    from store.cart import get_cart

    async with services.uows.read() as uow:
        cart = await get_cart(uow, user_id, services.clock())
    return any(line.product_external_id == product_id for line in cart.lines)
