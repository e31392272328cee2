"""Comparing two products on screen: "compare the first two", "对比一下前两个", "which is better, the 1st or the 3rd?".

WHY: shoppers choosing between results ask for a comparison, and no intent of the NLU covers it (it opened
the first card, or did not understand). The comparison puts what the shop knows side by side (price, rating,
sales, stock, the attributes both have) and says which is cheaper and which is rated better; it does not
pretend to judge what the catalogue does not say.
"""

from __future__ import annotations

import html
import re
from datetime import datetime

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Button, Reply, Text, keyboard
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.shopping.attributes import attribute_lines
from bot.core.skills.shopping.cards import price_line, rating_line, stock_line
from bot.core.skills.shopping.products import Shown, display_title, load_shown, product_named, products_named
from bot.core.skills.shopping.words import short_label
from bot.core.state import Conversation
from bot.i18n import Translator
from nlu.result import ParseResult

__all__ = ["router", "compare_follow_up", "wants_comparison", "positions_named", "comparison"]

router = Router("shopping.compare")

_COMPARE = re.compile(r"\bcompare\b|\bcomparison\b|\bvs\.?\b|\bversus\b|"
                      r"\b(?:difference|differences|diff)\s+(?:between|betw|btw)\b|"
                      r"\bwhich (one )?(is|'s) (better|best)\b|对比|比较|比一比|哪个好|哪个更好|区别", re.IGNORECASE)
_FIRST_TWO = re.compile(r"\b(first|top) two\b|\bthe two\b|\bboth\b|前两个|前两款|这两个|这两款|两个", re.IGNORECASE)
_THESE = re.compile(r"\b(them|these|those|both|the two)\b|这两|它们|这几个", re.IGNORECASE)
_ORDINALS = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3,
             "一": 0, "二": 1, "三": 2, "四": 3}
_ORDINAL = re.compile(r"\b(first|1st|second|2nd|third|3rd|fourth|4th)\b|第([一二三四])", re.IGNORECASE)


def wants_comparison(text: str) -> bool:
    return bool(_COMPARE.search(text))


def positions_named(text: str) -> list[int]:
    """Positions (0-based) of the shown results the message names, in order, without repeats."""
    if _FIRST_TWO.search(text) and not _ORDINAL.search(text.replace("first two", "")):
        return [0, 1]
    found = [_ORDINALS[(m.group(1) or m.group(2)).lower()] for m in _ORDINAL.finditer(text)]
    return list(dict.fromkeys(found))


@router.intent("compare_follow_up")
async def compare_follow_up(text: str, parse: ParseResult | None, services: Services, state: Conversation,
                            t: Translator, lang: str, codec: CallbackCodec, user_id: int,
                            now: datetime) -> list[Reply] | None:
    """Not an NLU intent (the dispatcher's follow-ups); None unless two shown products are to be compared."""
    if not wants_comparison(text) or len(state.last_results) < 2:
        return None
    named = positions_named(text) or await _positions_by_brand(parse, services, state)
    if not named and not _THESE.search(text):
        return None  # "what's the difference between standard and express?" is not about the results
    positions = [i for i in named if i < len(state.last_results)] or [0, 1]
    if len(positions) < 2:
        focus = state.focus_sku
        if focus in state.last_results and state.last_results.index(focus) != positions[0]:
            positions.append(state.last_results.index(focus))  # "compare it with the third one"
        else:
            return None
    products = [await product_named(services.uows, state.last_results[i]) for i in positions[:2]]
    if any(p is None for p in products):
        return None
    shown = await load_shown(services.uows, [p.id for p in products if p is not None], now)
    if len(shown) < 2:
        return None
    return [comparison(shown[0], shown[1], t, lang, codec, user_id, now)]


async def _positions_by_brand(parse: ParseResult | None, services: Services, state: Conversation) -> list[int]:
    """"compare the sony and the bose": the shown results of the brands named, each brand naming exactly one."""
    brands = [str(e.value).strip().casefold() for e in sorted(parse.entities, key=lambda e: e.start)
              if e.entity == "brand"] if parse is not None else []
    if len(set(brands)) < 2:
        return []
    shown = await products_named(services.uows, state.last_results[:8])
    positions = []
    for brand in dict.fromkeys(brands):
        found = [i for i, p in enumerate(shown) if p is not None and (p.brand or "").strip().casefold() == brand]
        if len(found) != 1:
            return []
        positions.append(found[0])
    return positions


def _lowest(shown: Shown) -> int:
    prices = [shown.flash[v.id].price.amount if v.id in shown.flash else v.price.amount
              for v in shown.product.variants if v.is_active]
    return min(prices) if prices else 0


def comparison(a: Shown, b: Shown, t: Translator, lang: str, codec: CallbackCodec, user_id: int,
                now: datetime) -> Reply:
    lines = [t("<b>Side by side</b>")]
    for n, s in enumerate((a, b), 1):
        p = s.product
        lines.append(f"\n<b>{n}. {html.escape(display_title(p, lang))}</b>")
        lines.append(" · ".join(x for x in (price_line(s, t, now), rating_line(p, t), stock_line(p, t)) if x))
        lines += attribute_lines(p.attributes, t)[:5]
    cheaper = a if _lowest(a) < _lowest(b) else b if _lowest(b) < _lowest(a) else None
    verdict = []
    if cheaper is not None:
        verdict.append(t("Cheaper: {n}.", n=1 if cheaper is a else 2))
    ra, rb = a.product.rating, b.product.rating
    if ra is not None and rb is not None and ra != rb:
        verdict.append(t("Rated better: {n}.", n=1 if ra > rb else 2))
    if verdict:
        lines.append("\n" + " ".join(verdict))
    buttons = keyboard(*[[Button(f"ℹ️ {n}. {short_label(display_title(s.product, lang), 28)}",
                                 data=codec.encode(user_id, "pd", s.product.id))] for n, s in ((1, a), (2, b))])
    return Text("\n".join(lines), buttons=buttons)
