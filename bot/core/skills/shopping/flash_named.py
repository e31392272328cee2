"""Whether a typed add with the deals list on screen is about a flash sale at all.

WHY: with the deals list on screen, every "add …" was read as claiming one of its flash sales: "add 1 white
256gb" (about the Redmi phone asked about since) and "add the hp laptop to cart" each got "Which flash sale
would you like?" with the JBL headphones and the Vitamix blender (walk9-en). A generic add ("add", "buy",
"加", "要", not "grab"/"抢") claims a sale only when it names one of the sales in view or names nothing at all
("add one", "I'll take 2", "加入购物车"); words that none of the sales' names hold are about another product,
and the ordinary add flow takes the message.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.core.services import Services
from bot.core.skills.shopping.named_words import names_product
from bot.core.skills.shopping.products import products_named
from bot.core.skills.shopping.targets import leftover_words
from nlu.result import ParseResult
from store.pricing.listing import FlashSaleInfo

__all__ = ["names_another_product"]

# Words left over by a claim that name nothing: politeness, pointing and the sale itself.
_FILLER = re.compile(r"\b(?:can|could|may|please|pls|plz|ok|okay|yes|yeah|sure|also|just|now|then|me|i|one|ones|"
                     r"that|this|those|these|deal|deals|sale|sales|flash|offer|promo|item|thing)\b|那个|这个|那件|这件|"
                     r"秒杀|特价|优惠|活动|商品|的|吧|呢|啊", re.IGNORECASE)


async def names_another_product(text: str, parse: ParseResult | None, sales: Sequence[FlashSaleInfo],
                                services: Services) -> bool:
    """True when the message names something (a product, a colour, a capacity) that none of the sales names."""
    words = " ".join(_FILLER.sub(" ", leftover_words(text, parse)).split())
    if not words:
        return False
    products = await products_named(services.uows, [s.product_external_id for s in sales])
    return not any(p is not None and names_product(words, p, every=True) for p in products)
