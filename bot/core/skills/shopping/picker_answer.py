"""An option typed in answer to the variant picker: "charcoal pls" under "Which option of … would you like?".

WHY: the picker's buttons add to the cart, but a typed answer went to the option follow-up, which answered
"Yes, … comes in Charcoal. Which would you like?" with one button and added nothing. Right after a picker
(``state.topic`` "picker:<sku>:<qty>", this event only), an option that leaves exactly one variant in stock
is that choice; a question ("in navy?") stays a question.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from bot.core.followups import is_question
from bot.core.skills.shopping.details import matching_variants
from bot.core.skills.shopping.products import active_variants
from store.catalog.views import ProductView, VariantView

if TYPE_CHECKING:
    from bot.core.callbacks import CallbackCodec
    from bot.core.replies import Reply
    from bot.core.services import Services
    from bot.i18n import Translator

__all__ = ["PICKER_TOPIC", "picker_topic", "picked_variant", "unpicked_reply"]

PICKER_TOPIC = "picker:"


def picker_topic(product: ProductView, qty: int) -> str:
    return f"{PICKER_TOPIC}{product.external_id}:{qty}"


def picked_variant(topic: str | None, product: ProductView, wanted: set[str] | None,
                   text: str) -> tuple[VariantView, int] | None:
    """The variant and quantity chosen by typing an option right after ``product``'s picker, or None."""
    if not topic or not wanted or not topic.startswith(PICKER_TOPIC) or "?" in text or "？" in text \
            or is_question(text):
        return None
    sku, _, qty = topic[len(PICKER_TOPIC):].rpartition(":")
    if sku != product.external_id or not qty.isdigit():
        return None
    in_stock = [v for v in matching_variants(active_variants(product), wanted) if v.stock > 0]
    return (in_stock[0], max(1, int(qty))) if len(in_stock) == 1 else None


async def unpicked_reply(services: Services, topic: str | None, t: Translator, codec: CallbackCodec,
                         user_id: int) -> list[Reply] | None:
    """Checkout or the cart asked for right after a picker (the cart: whatever it holds): the option was never
    chosen, so say so and show the picker again. WHY: "加第一个" showed the colours, "结账" then said only "your
    cart is empty", and shoppers thought the item had been lost (walk 5)."""
    from bot.core.replies import Text
    from bot.core.skills.shopping.details import variant_picker
    from bot.core.skills.shopping.products import display_title, product_named

    if not topic or not topic.startswith(PICKER_TOPIC):  # the previous reply's subject (dispatcher: deps.topic)
        return None
    sku, _, qty = topic[len(PICKER_TOPIC):].rpartition(":")
    product = await product_named(services.uows, sku)
    if product is None:
        return None
    title = html.escape(display_title(product, t.language))
    note = Text(t("You haven't chosen the option of <b>{title}</b> yet, so it isn't in your cart. Pick one:",
                  title=title))
    picker = await variant_picker(product, services, t, t.language, codec, user_id, services.clock(),
                                  qty=max(1, int(qty)) if qty.isdigit() else 1)
    return [note, picker]
