"""An option typed in answer to the variant picker: "charcoal pls" under "Which option of … would you like?".

WHY: the picker's buttons add to the cart, but a typed answer went to the option follow-up, which answered
"Yes, … comes in Charcoal. Which would you like?" with one button and added nothing. Right after a picker
(``state.topic`` "picker:<sku>:<qty>", this event only), an option that leaves exactly one variant in stock
is that choice; a question ("in navy?") stays a question.
"""

from __future__ import annotations

from bot.core.followups import is_question
from bot.core.skills.shopping.details import matching_variants
from bot.core.skills.shopping.products import active_variants
from store.catalog.views import ProductView, VariantView

__all__ = ["PICKER_TOPIC", "picker_topic", "picked_variant"]

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
