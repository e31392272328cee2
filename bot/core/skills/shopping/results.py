"""Running a product search and showing its page of results: cards, a summary with "next page", and the
zero-results answer (closest alternatives with what was loosened, plus a way to ask a person).

Shared by the search intent, /search, "next page", "more like this", recommendations and deep links.
"""

from __future__ import annotations

import html
from datetime import datetime
from typing import Any

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Button, Reply, Text, keyboard
from bot.core.services import Services
from bot.core.skills.shopping.cards import product_card
from bot.core.skills.shopping.products import load_shown
from bot.core.skills.shopping.query import save_query
from bot.core.skills.shopping.words import colour_name, size_name
from bot.core.state import Conversation
from bot.i18n import Translator
from knowledge.search.filters import Relaxation
from knowledge.search.models import SearchHit, SearchQuery, SearchResults
from knowledge.search.persona import GIFT_TAG
from knowledge.search.sorting import SortOrder
from store.catalog.views import ProductView
from store.money import Money

__all__ = ["run_query", "present", "no_search", "show_hits", "ask_staff_row", "filters_text"]


def ask_staff_row(t: Translator, codec: CallbackCodec, user_id: int) -> list[Button]:
    return [Button(t("🙋 Ask our staff"), data=codec.encode(user_id, "menu", "ask")),
            Button(t("🔎 New search"), data=codec.encode(user_id, "menu", "search"))]


def no_search(t: Translator, codec: CallbackCodec, user_id: int) -> Reply:
    return Text(t("Product search is not available right now. Please try again in a moment, or ask our staff."),
                buttons=keyboard(ask_staff_row(t, codec, user_id)))


async def run_query(services: Services, query: SearchQuery, vector: Any = None) -> SearchResults:
    """Search with the message's vector when we have it (the message is encoded once)."""
    assert services.search is not None
    if vector is not None and query.text.strip():
        results: SearchResults = await services.search.search_vector(query, vector)
    else:
        results = await services.search.search(query)
    return results


def _relaxed(relaxed: tuple[Relaxation, ...], t: Translator) -> str:
    names = {
        Relaxation.COLOUR: t("colour"), Relaxation.SIZE: t("size"), Relaxation.IN_STOCK: t("in stock"),
        Relaxation.PRICE: t("price"), Relaxation.BRAND: t("brand"), Relaxation.CATEGORY: t("category"),
        Relaxation.AUDIENCE: t("gender/age"), Relaxation.AGE: t("age"),
    }
    return ", ".join(names[r] for r in relaxed)


def filters_text(query: SearchQuery, t: Translator, lang: str) -> str:
    """The filters of a query as the results line says them ("up to $300.00、Black")."""
    f, parts = query.filters, []
    cur = f.currency or ""
    if f.min_price_minor is not None and f.max_price_minor is not None and cur:
        parts.append(t("{low}–{high}", low=Money(f.min_price_minor, cur).format(),
                       high=Money(f.max_price_minor, cur).format()))
    elif f.max_price_minor is not None and cur:
        parts.append(t("up to {price}", price=Money(f.max_price_minor, cur).format()))
    elif f.min_price_minor is not None and cur:
        parts.append(t("from {price}", price=Money(f.min_price_minor, cur).format()))
    gifts = f.tag == GIFT_TAG  # a gift list (knowledge/search/persona.py): its department is how, not what
    for value in (colour_name(f.colour, lang) if f.colour else None, size_name(f.size, lang) if f.size else None,
                  f.brand.replace("|", " / ") if f.brand else None, None if gifts else f.category):
        if value:
            parts.append(html.escape(value))
    if gifts:
        parts.append(t("gift ideas"))
    return ("、" if lang == "zh" else ", ").join(parts)


def _unmet(results: SearchResults, t: Translator, lang: str) -> str:
    """Say honestly which stated preference nothing meets, and what comes first instead."""
    prefer, lines = results.query.prefer, []
    if "colour" in results.unmet and prefer.colour:
        colour = html.escape(colour_name(prefer.colour.lower(), lang))
        if results.close_colours:
            sep = "、" if lang == "zh" else ", "
            close = sep.join(html.escape(colour_name(c, lang)) for c in results.close_colours)
            lines.append(t("No exact {colour} ones — the closest colours ({close}) come first, then the others.",
                           colour=colour, close=close))
        else:
            lines.append(t("None in {colour} — here are the other colours.", colour=colour))
    if "size" in results.unmet and prefer.size:
        lines.append(t("None in size {size} — here are the other sizes.",
                       size=html.escape(size_name(prefer.size, lang))))
    # An unmet brand is not announced: "苹果15手机壳" names the phone's brand, not the case maker's.
    return ("" if lang == "zh" else " ").join(lines)


def _size_met(results: SearchResults, t: Translator, lang: str) -> str:
    """The size asked for, when results come in it (they are listed first): without this line "hoodie size M"
    looked as if the size had been ignored."""
    size = results.query.prefer.size
    if not size or not results.size_met:
        return ""
    name = html.escape(size_name(size, lang))
    if results.size_met >= results.total:
        return t("All come in size {size}.", size=name)
    return t("{count} in size {size} first, then the others.", count=results.size_met, size=name)


def _brand_name(brand: str) -> str:
    """A brand as the NLU gave it ("huawei") in the case a reply shows it ("Huawei")."""
    return brand.title() if brand.isascii() and brand.islower() else brand


def _notices(results: SearchResults, t: Translator) -> list[str]:
    """What the cards are not: a model the shop lacks (knowledge/search/model_numbers.py), a brand it does not
    carry, or a carried brand with nothing that fits (knowledge/search/brand_asked.py)."""
    out = []
    if results.missing_model:
        out.append(t("We don't have {model}. These are the closest we have:", model=html.escape(results.missing_model)))
    elif results.missing_kind:
        # No product of the kind asked for ("yoga block"): the cards are the closest, not matches
        # (knowledge/search/kind_absent.py).
        out.append(t("We don't carry “{kind}”. These are the closest items we have:",
                     kind=html.escape(results.missing_kind)))
    elif results.missing_brand and results.brand_none_fit:
        # "apple or beats headphones": one not carried, the other with nothing of the kind.
        out.append(t("We don't carry {brand}, and nothing from {other} fits what you asked for. "
                     "Here are other brands:", brand=html.escape(_brand_name(results.missing_brand)),
                     other=html.escape(results.brand_none_fit)))
    elif results.missing_brand:
        out.append(t("We don't carry {brand}. Here are other brands:",
                     brand=html.escape(_brand_name(results.missing_brand))))
    elif results.brand_none_fit:
        out.append(t("Nothing from {brand} fits what you asked for. Here are other brands:",
                     brand=html.escape(results.brand_none_fit)))
    # Several brands asked for ("sony or beats headphones"): the ones with nothing here are named.
    for brand, carried in results.brands_unmatched:
        name = html.escape(_brand_name(brand))
        out.append(t("Nothing from {brand} fits what you asked for.", brand=name) if carried
                   else t("We don't carry {brand}.", brand=name))
    return out


def _sort_name(order: SortOrder, t: Translator) -> str:
    return {
        SortOrder.PRICE_ASC: t("cheapest first"), SortOrder.PRICE_DESC: t("most expensive first"),
        SortOrder.RATING: t("best rated first"), SortOrder.SALES: t("best sellers first"),
    }.get(order, "")


async def show_hits(hits: list[SearchHit] | tuple[SearchHit, ...], services: Services, state: Conversation,
                    t: Translator, lang: str, codec: CallbackCodec, user_id: int, now: datetime) -> list[Reply]:
    """Cards for these hits, in order; remembers them so "the second one" works."""
    return (await _shown_cards(hits, services, state, t, lang, codec, user_id, now))[0]


async def _shown_cards(hits: list[SearchHit] | tuple[SearchHit, ...], services: Services, state: Conversation,
                       t: Translator, lang: str, codec: CallbackCodec, user_id: int,
                       now: datetime) -> tuple[list[Reply], list[ProductView]]:
    shown = await load_shown(services.uows, [h.product_id for h in hits], now)
    state.last_results = [s.product.external_id for s in shown]
    # A new list moves the conversation on: "it" is the only product shown, or nothing until one is picked.
    state.focus_sku = shown[0].product.external_id if len(shown) == 1 else None
    return [product_card(s, t, lang, codec, user_id, now) for s in shown], [s.product for s in shown]


async def present(results: SearchResults, services: Services, state: Conversation, t: Translator, lang: str,
                  codec: CallbackCodec, user_id: int, now: datetime, *, exclude: int | None = None,
                  label: str | None = None) -> list[Reply]:
    query = results.query
    state.last_query, state.last_filters = query.text, save_query(query, exclude)
    state.page = query.offset // max(1, query.limit)
    what = html.escape(label or query.text) if (label or query.text) else t("best sellers")
    hits = [h for h in results.hits if h.product_id != exclude]
    if hits:
        replies, shown_products = await _shown_cards(hits, services, state, t, lang, codec, user_id, now)
        first = query.offset + 1
        total = max(results.total - (1 if exclude else 0), query.offset + len(replies))
        if results.missing_kind and query.offset == 0:
            summary = t("Showing {first}–{last} of {total} alternatives to “{what}”.", first=first,
                        last=query.offset + len(replies), total=total, what=what)
        elif total == 1:
            summary = t("Found 1 match for “{what}”.", what=what)
        else:
            summary = t("Showing {first}–{last} of {total} for “{what}”.", first=first,
                        last=query.offset + len(replies), total=total, what=what)
        sep = "" if lang == "zh" else " "
        unmet = _unmet(results, t, lang)
        if unmet and query.offset == 0:
            summary = unmet + "\n" + summary

        if results.brand_first is not None and query.offset == 0:
            brand, count = results.brand_first
            if count == 1 and state.last_results:
                # "联想的呢" with one Lenovo among the results: that one is what the shopper asked about, so
                # "内存多大" / "买了" next are about it, not "which one?" among the other brands (walk6-zh)
                state.focus_sku = state.last_results[0]
            summary += sep + t("{count} from {brand} first, then other brands.", count=count,
                               brand=html.escape(brand))
        if results.kind_first is not None and query.offset == 0:  # "电饭煲": one rice cooker, then kettles
            kind, count = results.kind_first
            summary += sep + t("The first {count} match “{kind}”, then similar products.", count=count,
                               kind=html.escape(kind))
        if state.focus_sku is None and query.offset == 0 and query.text:
            # "redmi note 13 pro": the phone, not its case "for Redmi Note 13 Pro" (model_focus)
            from bot.core.skills.shopping.model_focus import model_named

            state.focus_sku = model_named(query.text, shown_products)
        met = _size_met(results, t, lang)
        if met and query.offset == 0:
            summary += sep + met
        filters = filters_text(query, t, lang)
        if filters:
            summary += sep + t("Filters: {filters}.", filters=filters)
        order = _sort_name(query.sort, t)
        if order:
            summary += sep + t("Sorted: {order}.", order=order)
        summary += "\n" + (t("Say “add it” or tap a button.") if len(replies) == 1
                           else t("Say “add the second one” or tap a button."))
        more = results.total > query.offset + query.limit
        rows = [[Button(t("➡️ Next page"), data=codec.encode(user_id, "pg", query.offset + query.limit))]] if more \
            else []
        rows.append([Button(t("🛒 Cart"), data=codec.encode(user_id, "cart"))])
        notices = _notices(results, t) if query.offset == 0 else []
        if notices:
            # Said before the cards: they are not the model or the brand asked for.
            return [Text("\n".join(notices)), *replies, Text(summary, buttons=keyboard(*rows))]
        return [*replies, Text(summary, buttons=keyboard(*rows))]
    if query.offset > 0:
        return [Text(t("That's everything I found for “{what}”.", what=what),
                     buttons=keyboard(ask_staff_row(t, codec, user_id)))]
    state.last_results = []
    alternatives = [h for h in results.alternatives if h.product_id != exclude][:query.limit]
    text = t("Sorry, I found nothing for “{what}”.", what=what)
    sep = "" if lang == "zh" else " "
    if alternatives:
        if results.relaxed:
            text += sep + t("Here are the closest matches without the {relaxed} filter:",
                            relaxed=_relaxed(results.relaxed, t))
        else:
            text += sep + t("Here are the closest things we have:")
    text += "\n" + t("You can also ask our staff — they may be able to source it.")
    cards = await show_hits(alternatives, services, state, t, lang, codec, user_id, now) if alternatives else []
    return [Text(text, buttons=keyboard(ask_staff_row(t, codec, user_id))), *cards]
