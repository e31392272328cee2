"""A message that is only a product's name ("also a french press", "and a yoga mat", "还要一个法压壶") is a search.

WHY: the NLU knows product words from its training lexicon, not the catalog's, and reads a short phrase it has
not seen as out of scope ("also a french press" -> "I'm a shop assistant, so I can't help with that one" while
the Bodum French Press is in the catalog). The dispatcher offers such messages (out of scope, or unsure) here
before answering that way: after lead words ("also", "and", "plus", "还要") the rest is searched, and it counts
as a product name only when every one of its words is in the first result's title (title_named.py) -- "make the
french press 2" or "are u open on sunday" are not names of anything.
An availability question ("hi do u have the bose soundlink flex", have_asked.py) is searched for its product
words, and also when not all of them are in a title as long as the NLU's best guess was a search: the results
then say that the shop does not have that model or kind and show the closest ones.
A brand with only asking words around it ("耐克的吗", "sony的呢") is a search for that brand: the NLU was unsure of
them ("耐克的吗" -> promotions 0.56) and the title test cannot see 耐克 in "Nike ...". A model number typed without its
hyphen or with spaces ("wh1000xm5") names the product whose title has it ("WH-1000XM5").
A request to see or get a product ("show me the stanley tumbler", "i want a yoga mat", have_asked.py) is searched
for its words when each is in some title or brand: the NLU read the first as out of scope ("didn't catch that").
"""

from __future__ import annotations

import re
from datetime import datetime

from bot.core.callbacks import CallbackCodec
from bot.core.followups import is_question
from bot.core.replies import Reply
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.shopping.asked_words import names_nothing
from bot.core.skills.shopping.have_asked import asked_product, requested_product
from bot.core.skills.shopping.query import build_query, product_words
from bot.core.skills.shopping.results import present, run_query
from bot.core.skills.shopping.title_named import may_be_in_titles, title_named_search
from bot.core.state import Conversation
from bot.i18n import Translator
from knowledge.text import tokenize
from nlu.result import ParseResult

__all__ = ["router", "lead_words_off", "brand_alone"]

# The NLU's best guesses that mean "find this product" (an unsure parse still ranks them).
_SEARCHING = frozenset({"search_product", "show_product_details", "recommend"})

router = Router("shopping.bare_product")

_LEAD = re.compile(r"^(?:(?:also|and|plus|oh|ok|okay|then|now|maybe|as well as|还有|还要|另外|再来|再要|再加|再买|也要)"
                   r"(?:[\s,，:：]+|(?=[\u4e00-\u9fff])))+", re.I)
_ARTICLE = re.compile(r"^(?:(?:a|an|the|some|one|another)\s+|一个|一台|一件|一些|个|些|点)", re.I)
_TAIL = re.compile(r"(?:[\s,，.!！]+|\b(?:too|as well|please|pls|plz)\b)+$", re.I)
MAX_WORDS = 5


def lead_words_off(text: str) -> str:
    """The phrase after lead words and before a polite tail: "also a french press too" -> "french press"."""
    return product_words(_ARTICLE.sub("", _TAIL.sub("", _LEAD.sub("", text.strip()))))


@router.intent("product_phrase")
async def product_phrase(text: str, services: Services, state: Conversation, t: Translator, lang: str,
                         codec: CallbackCodec, user_id: int, now: datetime,
                         parse: ParseResult | None = None) -> list[Reply] | None:
    """Search results when the message names products of the catalog, else None (the NLU's reading stands)."""
    if services.search is not None and brand_alone(text, parse):
        query = build_query(text, parse, user_id=user_id, lang=lang, currency=services.settings.currency)
        results = await run_query(services, query)
        if results.hits:
            return await present(results, services, state, t, lang, codec, user_id, now)
    requested = requested_product(text)
    if services.search is not None and requested and may_be_in_titles(services, tokenize(requested)):
        # "show me the stanley tumbler": what is wanted is said; its words are the catalogue's, so it is searched
        # as typed alone would be (the results say when the shop lacks that kind or brand).
        results = await run_query(services, build_query(requested, None, user_id=user_id, lang=lang,
                                                        currency=services.settings.currency))
        if results.hits:
            return await present(results, services, state, t, lang, codec, user_id, now)
    asked = asked_product(text)
    if services.search is None or (asked is None and is_question(text)):
        return None
    phrase = asked or lead_words_off(text)
    words = tokenize(phrase)
    if not words or len(phrase.split()) > max(MAX_WORDS, len(asked.split()) if asked else 0):
        return None
    if asked and _guessed_search(parse):
        # An availability question the NLU read as a search: its results whether or not a title holds the words.
        results = await run_query(services, build_query(phrase, None, user_id=user_id, lang=lang,
                                                        currency=services.settings.currency))
        found = results if results.hits else None
    else:  # a model number typed another way ("wh1000xm5") counts as named too (codes)
        found = await title_named_search(services, phrase, user_id=user_id, lang=lang, codes=True)
    if found is None:
        return None
    return await present(found, services, state, t, lang, codec, user_id, now)


def _guessed_search(parse: ParseResult | None) -> bool:
    return parse is not None and bool(parse.intent_ranking) and parse.intent_ranking[0].name in _SEARCHING


def brand_alone(text: str, parse: ParseResult | None) -> bool:
    """Whether the message is a brand the NLU found and asking words only ("耐克的吗", "有sony的吗", "小米的呢")."""
    brands = sorted((e for e in parse.entities if e.entity == "brand"), key=lambda e: -e.start) if parse else []
    if not brands:
        return False
    rest = text
    for e in brands:
        rest = rest[:e.start] + " " + rest[e.end:]
    return names_nothing(rest)

