"""The product a price question names by its model when it is not on screen: "how much is the redmi note 13 pro".

WHY: with the deals list on screen, "how much is the redmi note 13 pro" was read as a question for the FAQ (the
NLU knows "Xiaomi", not "Redmi", so no product or brand was found) and got an entry about iPhone cases that
mentions the Redmi; the phone never became the product talked about, so "does it come with a charger" and
"add 1 white 256gb" went to the flash sales on screen (walk9-en). A price question whose words, all of them,
are in the top search hit's title names that product (title_named.py): its card answers with the price and puts
it in focus.
"""

from __future__ import annotations

from bot.core.services import Services
from bot.core.skills.shopping.named_words import price_subject
from bot.core.skills.shopping.products import product_named
from bot.core.skills.shopping.title_named import title_named_search
from knowledge.text import tokenize
from store.catalog.views import ProductView

__all__ = ["priced_in_catalog"]

_MAX_WORDS = 6


async def priced_in_catalog(services: Services, text: str, lang: str, user_id: int) -> ProductView | None:
    """The catalog product whose title holds every word the price question names; None when there is none."""
    subject = price_subject(text)
    words = tokenize(subject)
    if services.search is None or not words or len(subject.split()) > _MAX_WORDS:
        return None
    found = await title_named_search(services, subject, user_id=user_id, lang=lang)
    return None if found is None else await product_named(services.uows, found.hits[0].external_id)
