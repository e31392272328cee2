"""Search a phrase and keep the top hit only when its title holds every word of the phrase: the test three steps
use to decide that a short phrase names a product of the catalog.

WHY one place: a bare product name ("also a french press", bare_product.py), the product a price question names
("how much is the redmi note 13 pro", price_named.py) and the product after "on the" in a question ("whats the
best before date on the matcha", community/named_question.py) each wrote this step out, with the same catalogue
check before the search. The rule, for all three:

1. ``services.catalog_words()`` (knowledge/search/catalog_words.py) is asked first whether every word of the
   phrase is in some product's title or brand. A word in no title is in not the top hit's either, so the search
   is skipped (those messages set the non-search p99).
2. The phrase is searched on its own (no NLU entities: the words are the name).
3. The top hit names the phrase only when every word of the phrase is among its title's words (English and
   Chinese title); the other hits do not count, however close.

Where the callers differ it is a parameter: ``brand`` (the product after "on the" may be named by its brand,
"on the bodum": the brand's words count as title words) and ``codes`` (a bare name may be a model number typed
without its hyphen or with spaces, "wh1000xm5" for "WH-1000XM5": such a phrase skips step 1, in no title as
typed, and holds in step 3 when its letters and digits run on in the title, code_forms.py).
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.core.services import Services
from bot.core.skills.shopping.query import build_query
from bot.core.skills.shopping.results import run_query
from knowledge.search.code_forms import squash
from knowledge.search.models import SearchResults
from knowledge.text import tokenize
from knowledge.text.tokenize import is_code

__all__ = ["title_named_search", "may_be_in_titles", "names_title"]


def may_be_in_titles(services: Services, words: Iterable[str], *, codes: bool = False) -> bool:
    """False only when some word is in no product's title or brand (step 1): no search can name the phrase. With
    ``codes``, words that run on into a model number always pass (in no title as typed: ``names_title`` decides)."""
    words = list(words)
    catalog = services.catalog_words()
    return catalog is None or catalog.in_titles(words) or (codes and is_code(squash("".join(words))))


def names_title(words: list[str], title: str, *, codes: bool = False) -> bool:
    """Every word of the phrase is in the title (step 3); with ``codes``, also when the phrase's letters and digits
    run on in it: "wh1000xm5" and "wh 1000xm5" name the "Sony WH-1000XM5" (a model number typed without its hyphen,
    code_forms.py)."""
    if set(words) <= set(tokenize(title)):
        return True
    if not codes:
        return False
    joined = squash("".join(words))
    return is_code(joined) and joined in squash(title.lower())


async def title_named_search(services: Services, phrase: str, *, user_id: int, lang: str, brand: bool = False,
                             codes: bool = False) -> SearchResults | None:
    """The search for ``phrase`` when its top hit's title (and brand, with ``brand``) holds every word of it, else
    None (no words, a word in no title, no hit, or a top hit that lacks a word). The results are whole: a caller
    shows them, or takes the named product, ``hits[0]``."""
    words = tokenize(phrase)
    if not words or not may_be_in_titles(services, words, codes=codes):
        return None
    results = await run_query(services, build_query(phrase, None, user_id=user_id, lang=lang,
                                                    currency=services.settings.currency))
    if not results.hits:
        return None
    top = results.hits[0]
    title = f"{top.title} {top.title_zh or ''} {top.brand or ''}" if brand else f"{top.title} {top.title_zh or ''}"
    return results if names_title(words, title, codes=codes) else None
