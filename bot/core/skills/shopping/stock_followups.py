"""Stock questions about the product talked about: "is it in stock?", "how many are left?", "M码有货吗", "还有货吗".

WHY a follow-up of its own: stock lives in the store, not in the knowledge base, so these reached the Q&A and
got "I don't know that about … yet, shall I ask our staff?" (with the stock printed on the card just above), and
"how many are left" was out of scope. The answer is the product's own variants: in stock or not, option by
option, with the count when it is low or when the shopper asked how many; then the option buttons, so the
next tap adds one. A message naming an option ("M码有货吗", "is the black one in stock?") answers for that option.
"""

from __future__ import annotations

import html
import re
from dataclasses import replace
from datetime import datetime

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Reply, Text
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.community.question_scope import several
from bot.core.skills.shopping.details import variant_picker
from bot.core.skills.shopping.option_followups import OPTION_ENTITIES, narrow_last_search
from bot.core.skills.shopping.products import (
    LOW_STOCK,
    active_variants,
    display_title,
    product_named,
    products_named,
    variant_label,
)
from bot.core.state import Conversation
from bot.i18n import Translator
from nlu.result import ParseResult
from store.catalog.views import ProductView

__all__ = ["router", "asks_about_stock", "asks_in_stock_only", "stock_follow_up"]

router = Router("shopping.stock_followups")

_STOCK = re.compile(
    r"\bin[\s-]+stock\b|\bstock\b|\bavailability\b|\bhow\s+many\b.*\b(?:left|remaining)\b|"
    r"\bhow\s+many\s+(?:do\s+)?(?:you\s+|u\s+)?(?:have|got)\s*\??$|"
    r"\bany\s+(?:more\s+)?left\b|\b(?:still\s+)?available\b\s*\??\s*$|\bsold\s+out\b|\bout\s+of\s+stock\b|"
    r"\brestock|\bback\s+in\b|有货|现货|库存|还有吗|还有没有|卖完|售罄|缺货|还剩|剩几|剩多少|断货|补货|有没有货",
    re.IGNORECASE)
_HOW_MANY = re.compile(r"\bhow\s+many\b|\bhow\s+much\s+stock\b|剩几|剩多少|多少件|几件|几个", re.IGNORECASE)
# The NLU's guesses for these messages; an add, a removal or a checkout keeps its own intent.
_GUESSED = frozenset({"search_product", "show_product_details", "ask_question", "out_of_scope", "recommend",
                      "list_promotions", "affirm"})


# "缺货的啥时候补", "when will the black one be back in stock?": when, not whether -- the shop's restock answer
# (the FAQ) says it; the stock list only repeated what the card showed.
_WHEN = re.compile(r"\bwhen\b|\bhow\s+(?:long|soon)\b|什么时候|啥时候|多久|何时|几时|哪天", re.IGNORECASE)


def asks_about_stock(text: str) -> bool:
    return bool(_STOCK.search(text)) and not _WHEN.search(text)


# "only in stock", "in-stock ones only", "hide sold out", "只看有货的": a filter on the results, not a question.
_ONLY_IN_STOCK = re.compile(
    r"^(?:(?:show|give)\s+(?:me\s+)?)?(?:only|just)\s+(?:the\s+)?(?:ones?\s+|items?\s+)?(?:that\s+are\s+)?"
    r"(?:in[\s-]+stock|available)\b|\b(?:in[\s-]+stock|available)\s+(?:ones?\s+|items?\s+)?only\b|"
    r"\b(?:hide|skip|no|without)\s+(?:the\s+)?(?:sold[\s-]+out|out[\s-]+of[\s-]+stock)\b|"
    r"^(?:show\s+me\s+)?only\s+the\s+ones\s+in\s+stock\b|只看有货|只要有货|只显示有货|有货的就行",
    re.IGNORECASE)


def asks_in_stock_only(text: str) -> bool:
    return bool(_ONLY_IN_STOCK.search(text.strip())) and "?" not in text


@router.intent("stock_follow_up")
async def stock_follow_up(text: str, parse: ParseResult | None, services: Services, state: Conversation,
                          t: Translator, lang: str, codec: CallbackCodec, user_id: int,
                          now: datetime) -> list[Reply] | None:
    """Not an NLU intent: None leaves the message to the NLU's intent (see the module docstring)."""
    if parse is None or (parse.intent.name not in _GUESSED and not parse.is_fallback) \
            or not (asks_about_stock(text) or asks_in_stock_only(text)):
        return None
    if parse.first("product") is not None or parse.first("category") is not None:
        return None  # "do you have running shoes in stock?": a search, not the product on screen
    ref = parse.first("reference")
    them = ref is not None and ref.resolved and several(ref.value)  # "are they in stock": each one shown
    about = None if them else str(ref.value) if ref is not None and ref.resolved else state.focus_sku
    if about is None and len(state.last_results) == 1:
        about = state.last_results[0]
    if about is None or (not them and asks_in_stock_only(text) and len(state.last_results) >= 2):
        if state.last_query is not None and services.search is not None and asks_in_stock_only(text):
            return await narrow_last_search(parse, services, state, t, lang, codec, user_id, now, in_stock=True)
        if about is not None:
            return None
        if state.last_query is not None and services.search is not None \
                and any(e.entity in OPTION_ENTITIES for e in parse.entities):
            # "M码有货吗" with several dresses shown: the search on screen, narrowed to that option in stock
            return await narrow_last_search(parse, services, state, t, lang, codec, user_id, now)
        if len(state.last_results) >= 2:  # "有现货吗" with a list shown: the stock of each, as the cards say it
            return [await _stock_of_shown(state.last_results, services, t, lang)]
        return None
    product = await product_named(services.uows, about)
    if product is None or (ref is None and _other_brand(parse, product)):
        # "is the bodum french press available" with a Stanley mug open: the Bodum's stock (named_question), not
        # the mug's
        return None
    state.focus_sku = product.external_id
    wanted = {str(e.value) for e in parse.entities if e.entity in OPTION_ENTITIES} or None
    picker = await variant_picker(product, services, t, lang, codec, user_id, now, wanted=wanted)
    if wanted or not any(v.stock > 0 for v in active_variants(product)):
        return [picker]  # "Yes, … comes in M" / "… in M is sold out" / "sold out in every option"
    summary = _stock_summary(product, t, lang, counts=bool(_HOW_MANY.search(text)))
    ask = t("Which would you like?")
    return [replace(picker, text=f"{summary}\n{ask}") if isinstance(picker, Text) else picker]


def _other_brand(parse: ParseResult, product: ProductView) -> bool:
    """Whether the message names a brand and the product is not of it."""
    brands = {str(e.value).casefold() for e in parse.entities if e.entity == "brand"}
    return bool(brands) and (product.brand or "").casefold() not in brands


def _stock_summary(product: ProductView, t: Translator, lang: str, *, counts: bool) -> str:
    """"<b>Title</b> is in stock: Black, White (only 3 left)." with a count where it is low or was asked for."""
    shown = []
    for v in active_variants(product):
        if v.stock <= 0:
            continue
        label = html.escape(variant_label(v, lang))
        if counts:
            shown.append(t("{option}: {n} left", option=label, n=v.stock))
        elif v.stock <= LOW_STOCK:
            shown.append(t("{option} (only {n} left)", option=label, n=v.stock))
        else:
            shown.append(label)
    title = html.escape(display_title(product, lang))
    sep = "、" if lang == "zh" else ", "
    return t("Yes, <b>{title}</b> is in stock: {options}.", title=title, options=sep.join(shown))


async def _stock_of_shown(refs: list[str], services: Services, t: Translator, lang: str) -> Reply:
    from bot.core.skills.shopping.cards import stock_line

    lines = []
    for n, product in enumerate(await products_named(services.uows, refs[:8]), start=1):
        if product is not None:
            title = html.escape(display_title(product, lang))
            lines.append(f"{n}. <b>{title}</b>{'：' if lang == 'zh' else ': '}{stock_line(product, t)}")
    return Text("\n".join(lines) + "\n" + t("Say “the first one” to see its options."))
