"""How a product fits, from its own "fit" attribute, when the knowledge base has no answer in the shopper's
language: "does it run small?", "is it true to size", "偏码吗".

WHY: clothes and shoes carry their sizing advice as an attribute ("Relaxed fit, size down for a closer fit"),
which the card shows, yet "does it run small?" scored below the Q&A's threshold against that line (the words
share nothing) and the bot offered to ask staff about what the card on screen already said. A question about
fit has one right source when the product states it, so that line is quoted rather than left to similarity.
"""

from __future__ import annotations

import html
import re

from bot.core.services import Services
from bot.i18n import Translator

__all__ = ["asks_about_fit", "fit_answer"]

_FIT_QUESTION = re.compile(
    r"\b(?:runs?|running|fits?|fitting|sized?|sizing|comes?\s+up|cut)\s+(?:a\s+(?:bit|little)\s+)?"
    r"(?:small|large|big|tight|loose|narrow|wide|short|long|true|big|slim)\b|"
    r"\btrue\s+to\s+size\b|\bsize\s+(?:up|down)\b|\bsizing\b|\bhow\s+(?:does|do)\s+(?:it|they|this|these)\s+fit\b|"
    r"\bhow\s+(?:wide|narrow)\b|\b(?:wide|narrow)\s+feet\b|"
    r"偏大|偏小|偏码|尺码(?:准|标准|正)|码数(?:准|标准|正)|合身|宽松|修身|脚宽|楦",
    re.IGNORECASE)


def asks_about_fit(text: str) -> bool:
    return bool(_FIT_QUESTION.search(text))


async def fit_answer(services: Services, sku: str, t: Translator) -> str | None:
    """"Fit: <the product's advice>" when the product states one, else None."""
    from bot.core.skills.shopping.products import product_named

    product = await product_named(services.uows, sku)
    advice = (product.attributes or {}).get("fit") if product is not None else None
    if not isinstance(advice, str) or not advice.strip():
        return None
    said = advice.strip().rstrip(".")
    end = "."
    if t.language == "zh":  # "尺码建议：尺码标准。", not "尺码建议：True to size."
        from knowledge.text.values_zh import value_zh

        said, end = value_zh(said, "fit"), "。" if value_zh(said, "fit") != said else "."
    return t("Fit: {advice}", advice=html.escape(said + end))
