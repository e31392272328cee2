"""The product an add names among those shown earlier in the conversation, when none on screen holds the name.

WHY: "ok add the ESR one" after the ESR iPhone 15 Pro case had been shown, but with another list on screen since,
went to the catalogue search, whose top hit for "ESR" was an ESR screen protector for the iPhone 15 that the
shopper had never seen, and it went into the cart. A name holding one product the shopper was shown means that
product; only when no product shown (now or before) holds it is the catalogue searched.
"""

from __future__ import annotations

from bot.core.services import Services
from bot.core.skills.shopping.named_words import names_product, word_tokens
from bot.core.skills.shopping.products import products_named
from bot.core.state import Conversation

__all__ = ["seen_named"]


async def seen_named(services: Services, state: Conversation, words: str) -> str | None:
    """The one product seen before (not on screen now) whose names hold every word; None when no product on screen
    holds any of them is not the case (the screen decides then), or when none or several seen hold them."""
    if not word_tokens(words) or not state.seen_results:
        return None
    on_screen = state.on_screen()
    shown = [p for p in await products_named(services.uows, on_screen) if p is not None]
    if any(names_product(words, p) for p in shown):
        return None  # a product on screen holds part of the name: it is for the screen to say which
    earlier = [s for s in state.seen_results if s not in on_screen]
    seen = [p for p in await products_named(services.uows, earlier) if p is not None]
    matches = {p.external_id for p in seen if names_product(words, p, every=True)}
    return matches.pop() if len(matches) == 1 else None
