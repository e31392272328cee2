""""north face refugio in blue", read as a search: words that name one product, with a colour or size, ask for that
product in that option.

WHY: the search listed the Refugio backpack between a puffer jacket and a hoodie with no word about blue (it comes
in Black, Orange and Grey). When the words other than the option are in the title (and brand) of the top hit only
(title_named.py; a second hit holding them too means a kind, "running shoes in black", which stays a search) and
say its brand or model (not a kind the shop has one of: "红色连衣裙" with one dress), the
product's options answer, as they do for "do you have it in blue" with it open (details.lacking_option_reply):
"<title> doesn't come in Blue. Available: …" or "Yes, <title> comes in Black." with its buttons.
"""

from __future__ import annotations

from datetime import datetime

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Reply
from bot.core.services import Services
from bot.core.skills.shopping.title_named import names_title, title_named_search
from bot.core.state import Conversation
from bot.i18n import Translator
from knowledge.search.models import SearchQuery
from knowledge.text import tokenize
from nlu.result import ParseResult
from store.catalog.views import ProductView

__all__ = ["named_in_option"]


async def named_in_option(query: SearchQuery, parse: ParseResult | None, services: Services, state: Conversation,
                          t: Translator, lang: str, codec: CallbackCodec, user_id: int,
                          now: datetime) -> list[Reply] | None:
    """The product's options for the option said, or None (no option said, or the words name no single one)."""
    from bot.core.skills.shopping.details import lacking_option_reply
    from bot.core.skills.shopping.products import product_named


    if parse is None or not any(e.entity in ("color", "size") for e in parse.entities):
        return None
    words = query.product_text or query.text
    found = await title_named_search(services, words, user_id=user_id, lang=lang, brand=True)
    if found is None:
        return None
    tokens = tokenize(words)
    if any(names_title(tokens, f"{h.title} {h.title_zh or ''} {h.brand or ''}") for h in found.hits[1:]):
        return None  # several hold the words: a kind of product, searched
    product = await product_named(services.uows, found.hits[0].external_id)
    if product is None or not _names_brand_or_model(product, set(tokens)):
        return None
    reply = await lacking_option_reply(product, parse, services, state, t, lang, codec, user_id, now, had_too=True)
    return [reply] if reply is not None else None


def _names_brand_or_model(product: ProductView, words: set[str]) -> bool:
    """Whether the words say the product's brand or model ("north face", "refugio"): a name, not a kind that one
    product happens to be the only one of ("红色连衣裙" with one dress in the shop stays a search)."""
    model = product.attributes.get("model")
    names = [product.brand or "", model if isinstance(model, str) else ""]
    return any((said := set(tokenize(name))) and said <= words for name in names)
