"""Which product an add's words name when no one product holds them all: the one that holds the most of them.

WHY: "add the python ebook" under a list led by "Python for Busy People by Tom Becker (E-book)" added
"Mindful Mornings by Sophie Lang (E-book)": no title held both words ("ebook" is spelt "E-book"), so the
search's top hit went into the cart although it holds neither "python" nor, as spelt, "ebook". The words are
now counted in each candidate's names (the search's hit and the products on screen), and a hit that holds none
of them is not taken: the shopper hears that nothing matched instead of getting another product.
"""

from __future__ import annotations

from bot.core.services import Services
from bot.core.skills.shopping.named_words import _holds, word_tokens
from bot.core.skills.shopping.products import products_named
from bot.core.state import Conversation
from knowledge.text.brands import BRAND_ALIASES
from store.catalog.views import ProductView

__all__ = ["held_count", "best_named", "names_of"]


def names_of(product: ProductView) -> str:
    brand = (product.brand or "").strip()
    aliases = [alias for alias, owner in BRAND_ALIASES.items() if brand and owner.casefold() == brand.casefold()]
    spelt = [product.title, product.title_zh or "", brand, *aliases, product.category_path or ""]
    joined = " ".join(spelt).casefold()
    return f"{joined} {joined.replace('-', '')}"  # "E-book" is also "ebook", "T-Shirt" "tshirt"


def held_count(words: str, product: ProductView) -> int:
    """How many of the words (two characters or more) the product's names hold."""
    names = names_of(product)
    return sum(1 for token in word_tokens(words) if len(token) >= 2 and _holds(names, token))


async def best_named(services: Services, state: Conversation, words: str, hit: str | None) -> str | None:
    """The search's hit when it holds as many of the words as any product on screen (and at least one), else the
    one product on screen that holds the most; None when nothing holds any of them."""
    shown_ids = state.on_screen()
    ids = list(dict.fromkeys([*([hit] if hit else []), *shown_ids]))
    if not ids:
        return None
    found = await products_named(services.uows, ids)
    products = {ref: p for ref, p in zip(ids, found, strict=True) if p is not None}
    scores = {pid: held_count(words, p) for pid, p in products.items()}
    hit_score = scores.get(hit, 0) if hit else 0
    hit_product = products.get(hit) if hit else None
    shown = sorted(
        (
            (scores[ref], ref)
            for ref in shown_ids
            if ref in products and ref != hit and (hit_product is None or products[ref].id != hit_product.id)
        ),
        reverse=True,
    )
    best = shown[0][0] if shown else 0
    if hit and hit_score and hit_score >= best:
        return hit
    if best and (len(shown) == 1 or shown[1][0] < best):
        return shown[0][1]
    return hit if hit and hit_score else None
