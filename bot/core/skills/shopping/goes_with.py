"""What goes with the product open: "anything that goes with it?", "any accessories for this?", "这个有配件吗".

WHY: with earbuds open, "anything that goes with it?" got "I don't know that about <the earbuds> yet. Shall I ask
our staff?": the question read as one about the product. What goes with a product is in the shop's other
departments: the products the search finds for its model (a case "for iPhone 15") or its name, outside its own
category (other earbuds are alternatives, not things that go with them). When the shop has none, it says so and
offers similar products instead of pretending.
"""

from __future__ import annotations

import html
import re
from datetime import datetime

from bot.core.callbacks import CallbackCodec
from bot.core.reference_words import product_meant
from bot.core.replies import Button, Reply, Text, keyboard
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.shopping.cards import product_card
from bot.core.skills.shopping.products import display_title, load_shown, product_named
from bot.core.skills.shopping.query import PAGE_SIZE
from bot.core.skills.shopping.recommend import named_by
from bot.core.state import Conversation
from bot.i18n import Translator
from knowledge.search.models import SearchQuery
from nlu.result import ParseResult

__all__ = ["router", "asks_what_goes_with", "goes_with"]

router = Router("shopping.goes_with")

_GOES_WITH = re.compile(
    r"\b(?:goes?|go|pairs?)\s+(?:well\s+|nicely\s+)?with\s+(?:it|this|that|them|these|those)\b|\bto\s+go\s+with\s+"
    r"(?:it|this|that)\b|\baccessor(?:y|ies)\b|\bmatch(?:es)?\s+(?:it|this|that)\b|配件|搭配什么|配什么|配套的|"
    r"一起买什么|跟它搭", re.IGNORECASE)
def asks_what_goes_with(text: str) -> bool:
    return bool(_GOES_WITH.search(text))


@router.intent("goes_with")
async def goes_with(text: str, parse: ParseResult | None, services: Services, state: Conversation, t: Translator,
                    lang: str, codec: CallbackCodec, user_id: int, now: datetime) -> list[Reply] | None:
    """Not an NLU intent: offered each message with a product open or one shown; None unless it asks what goes
    with that product."""
    if services.search is None or not asks_what_goes_with(text):
        return None
    about = product_meant(parse, state)
    product = await product_named(services.uows, about) if about else None
    if product is None:
        return None
    found = await services.search.search(SearchQuery(text=named_by(product)[:1000], limit=PAGE_SIZE * 3,
                                                     language=lang, user_id=user_id))
    others = [h.product_id for h in found.hits
              if h.product_id != product.id and h.category_path != product.category_path][:PAGE_SIZE]
    title = html.escape(display_title(product, lang))
    state.focus_sku = product.external_id
    if not others:
        more = Button(t("🔁 More like this"), data=codec.encode(user_id, "more", product.id))
        return [Text(t("I don't have anything made to go with <b>{title}</b> in the shop yet. Shall I show "
                       "similar products instead?", title=title), buttons=keyboard([more]))]
    shown = await load_shown(services.uows, others, now)
    state.last_results = [s.product.external_id for s in shown]
    intro = Text(t("To go with <b>{title}</b>:", title=title))
    return [intro, *(product_card(s, t, lang, codec, user_id, now) for s in shown)]
