"""Which cart line a typed change means ("remove the mug", "make the second one 3", "把咖啡豆删掉").

WHY apart from the cart's handlers: a wrong guess here changes the wrong line of someone's order, so the rules
are kept together and tested on their own (tests/bot/skills/test_cart_line_pick.py): a reference or the line's
own words first, then the item in focus or the only line, never a line of another colour than the one named,
and never any line when the words name a product that is not in the cart.
"""

from __future__ import annotations

import re

from bot.core.services import Services
from bot.core.skills.shopping.cart_view import LineInfo
from bot.core.skills.shopping.coupon_words import mentions_coupon
from bot.core.skills.shopping.targets import _top_hit, leftover_words
from bot.core.state import Conversation
from nlu.result import ParseResult

__all__ = ["REMOVAL_WORDS", "pick_line", "named_elsewhere"]

# Words of "take it off" / "删掉它" that leftover_words keeps but that name no cart line.
REMOVAL_WORDS = re.compile(r"\b(?:off|away|now|drop|cancel|undo)\b|删掉?|掉|拿|不要了|算了|吧|了", re.IGNORECASE)



def _words(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[A-Za-z0-9]{2,}", text)} | set(re.findall(r"[\u4e00-\u9fff]", text))


def pick_line(infos: list[LineInfo], state: Conversation, text: str, parse: ParseResult | None) -> LineInfo | None:
    """The cart line meant: a reference, words from its title, the item in focus, or the only line."""
    reference = parse.first("reference") if parse is not None else None
    if reference is not None:
        value = str(reference.value)
        found = next((i for i in infos if value in (i.line.sku, i.product_external_id)), None)
        if found is not None:
            return found
        if reference.ordinal is not None and 0 < reference.ordinal <= len(infos):
            return infos[reference.ordinal - 1]
        if reference.ordinal is not None:  # "the last one"; "the second item" with one line: none, not a guess
            return infos[-1] if reference.ordinal == -1 and infos else None
    words = _words(leftover_words(text, parse))
    if words:
        scored = [(len(words & (_words(i.title) | _words(i.line.title) | _words(i.line.sku))), i) for i in infos]
        best = max((s for s, _ in scored), default=0)
        winners = [i for s, i in scored if s == best]
        if best and len(winners) == 1:
            return winners[0]
    if state.focus_sku:
        found = next((i for i in infos if state.focus_sku in (i.line.sku, i.product_external_id)), None)
        if found is not None and not _other_colour(found, parse):
            return found
    only = infos[0] if len(infos) == 1 else None
    return only if only is not None and not _other_colour(only, parse) else None


async def named_elsewhere(infos: list[LineInfo], services: Services, text: str, parse: ParseResult | None,
                           lang: str) -> str | None:
    """The product words of a cart change that name no cart line but another product, or None.

    WHY: with only cookbooks in the cart, "删掉咖啡豆" (remove the coffee beans) matched no line, fell through to
    the line in focus and removed the cookbooks. Words that name a product (the search finds one) which is not
    in the cart mean nothing in the cart: the shopper is told so and nothing changes."""
    reference = parse.first("reference") if parse is not None else None
    if reference is not None and reference.ordinal is not None:
        return None  # "remove the second one": the ordinal says which
    words = " ".join(REMOVAL_WORDS.sub(" ", leftover_words(text, parse, drop_options=True)).split())
    if not words or mentions_coupon(text):
        return None
    said = _words(words)
    if any(said & (_words(i.title) | _words(i.line.title) | _words(i.line.sku)) for i in infos):
        return None
    hit = await _top_hit(services, words, lang)
    return words if hit is not None and hit not in {i.product_external_id for i in infos} else None


def _other_colour(info: LineInfo, parse: ParseResult | None) -> bool:
    """The message names a colour this line is not in: "remove the coral ones" with only a grey pair in the
    cart removed the grey pair. Then no line is meant, and the shopper is asked which."""
    named = {str(e.value).casefold() for e in (parse.entities if parse is not None else ()) if e.entity == "color"}
    colour = str((info.line.attributes or {}).get("color") or "").casefold()
    return bool(named and colour) and not any(n in colour or colour in n for n in named)
