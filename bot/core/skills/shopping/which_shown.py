"""Which of the products on screen wins on something: "which has better battery", "which one is lighter", "which of
these is waterproof", "哪个续航最长", "这几个哪个最轻", "which is the cheapest of these".

WHY: nothing read such a question as being about the results shown. "which has better battery" searched the whole
shop (a phone, a label maker, power banks), "which of these is waterproof" got a tent's FAQ entry, "哪个防水" asked
"which one do you mean?". The listing usually holds the answer (``aspects``): the winner is named with its figure
and the others' figures next to it, from the listings only; a listing that does not say is said not to, and when
none says, the shopper is told so instead of being given a guess. The winner is put in focus, so "is it in stock"
or "add it" next is about it.
"""

from __future__ import annotations

import html
import re
from datetime import datetime

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Button, Reply, Text, keyboard
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.community.question_scope import CJK
from bot.core.skills.shopping.aspects import (
    Aspect,
    Figure,
    aspect_asked,
    figure_of,
    flag_of,
    sentences_about,
    wants_less,
)
from bot.core.skills.shopping.attribute_aspects import attribute_aspect, feature_aspect
from bot.core.skills.shopping.attributes import attribute_value
from bot.core.skills.shopping.compare import positions_named
from bot.core.skills.shopping.named_words import names_product
from bot.core.skills.shopping.products import Shown, active_variants, display_title, load_shown, products_named, sku_arg
from bot.core.skills.shopping.query import PAGE_SIZE
from bot.core.skills.shopping.words import short_label
from bot.core.state import Conversation
from bot.i18n import Translator
from nlu.result import ParseResult
from store.catalog.views import ProductView

__all__ = ["router", "which_shown", "asks_which", "top_of_sorted"]

router = Router("shopping.which_shown")

_WHICH = re.compile(r"\bwhich\b|哪[个款件双台只种部一些]|\b(?:any|either|none) of (?:these|them|those|the)\b|"
                    r"^(?:do|does|are|is) any\b|\bwhat(?:'s|\s+is|\s+are)\s+the\s+\w+est\b|"
                    # "biggest screen?" under a list of TVs: a superlative asked alone is a "which" question too
                    r"^\W*(?:the\s+)?(?:biggest|largest|smallest|lightest|longest|brightest|quietest)\b[^?？]{0,30}[?？]",
                    re.IGNORECASE)
_THESE = re.compile(r"\b(these|them|those|both|here|shown)\b|这几|这些|这两|它们|里面|其中", re.IGNORECASE)
# About the shop, not the products ("which payment methods", "哪个快递"): the FAQ answers those.
_SHOP = re.compile(r"\b(ship\w*|deliver\w*|returns?|refunds?|pay\w*|coupons?|couriers?|address)\b|运费|发货|快递|"
                   r"物流|退|付款|支付|优惠券|地址", re.IGNORECASE)



def asks_which(text: str) -> bool:
    """A question asking which of several things ("which …", "哪个…", "do any of these …")."""
    return bool(_WHICH.search(text.strip()))


# "this", "it", "这个", "它": one product, not "these" or "它们".
_ONE = re.compile(r"\b(this|it|this one|that one)\b|这个|这款|这件|它(?!们)", re.IGNORECASE)
_SORTED = ("price_asc", "price_desc", "rating", "sales")


def top_of_sorted(state: Conversation, text: str) -> str | None:
    """The first result of a list the shopper just had sorted ("按价格从低到高排", "sort by rating"), when the
    message points at one product ("这个能带上飞机吗"): the one the sort put on top. WHY: "which one do you
    mean?" was asked right after the shopper had asked for that order, with the answer to it on top."""
    if not state.last_results or state.page or state.last_filters.get("sort") not in _SORTED:
        return None
    return state.last_results[0] if _ONE.search(text) else None


@router.intent("which_shown")
async def which_shown(text: str, parse: ParseResult | None, services: Services, state: Conversation, t: Translator,
                      lang: str, codec: CallbackCodec, user_id: int, now: datetime) -> list[Reply] | None:
    """Not an NLU intent (the dispatcher's follow-ups); None unless the message asks which shown product wins on
    an aspect the listings can answer."""
    if len(state.last_results) < 2 or not asks_which(text) or _SHOP.search(text):
        return None
    refs = state.last_results[:PAGE_SIZE]
    named = [i for i in positions_named(text) if i < len(refs)]
    if len(named) == 1:
        return None  # "what's the battery of the second one": a question about that one (community.questions)
    if len(named) > 1:
        refs = [refs[i] for i in named]
    products = [p for p in await products_named(services.uows, refs) if p is not None]
    products = _named_among(text, parse, products)
    aspect = aspect_asked(text) or attribute_aspect(text, products, t) or feature_aspect(text)
    if aspect is None or len(products) < 2:
        return None
    shown = await load_shown(services.uows, [p.id for p in products], now)
    if len(shown) < 2:
        return None
    if aspect.kind == "flag":
        return [_flags(aspect, shown, t, lang, codec, user_id, state)]
    if aspect.kind == "text":
        return [_sayings(aspect, shown, t, lang, codec, user_id)]
    return [_ranked(aspect, text, shown, t, lang, codec, user_id, state)]


def _named_among(text: str, parse: ParseResult | None, products: list[ProductView]) -> list[ProductView]:
    """The products a brand or product word of the message names ("which sony has the longest battery"); all
    of them when it names none, or names one of every product ("which of these earbuds …"); none when the words
    name none of them (a question about something else: a new search)."""
    if parse is None or parse.text != text:
        return products
    for e in parse.entities:
        if e.entity not in ("product", "brand", "category"):
            continue
        said = text[e.start:e.end]
        matching = [p for p in products if names_product(said, p)
                    or (e.entity == "brand" and (p.brand or "").casefold() == str(e.value).casefold())]
        if not matching and not _THESE.search(text):
            return []
        if matching:
            products = matching
    return products


def _title(product: ProductView, lang: str, width: int = 60) -> str:
    return html.escape(short_label(display_title(product, lang), width))


def _buttons(product: ProductView, t: Translator, lang: str, codec: CallbackCodec, user_id: int) -> list[Button]:
    """Its card and, when it can be bought in one tap (or one choice), adding it."""
    row = [Button(f"ℹ️ {short_label(display_title(product, lang), 28)}", data=codec.encode(user_id, "pd", product.id))]
    variants = [v for v in active_variants(product) if v.stock > 0]
    if len(variants) == 1:
        row.append(Button(t("🛒 Add to cart"), data=codec.encode(user_id, "add", sku_arg(variants[0]), 1)))
    elif variants:
        row.append(Button(t("🛒 Add to cart"), data=codec.encode(user_id, "var", product.id, 1)))
    return row


def _price(shown: Shown) -> Figure | None:
    prices = [shown.flash[v.id].price if v.id in shown.flash else v.price for v in active_variants(shown.product)]
    if not prices:
        return None
    low = min(prices, key=lambda m: m.amount)
    return Figure(float(low.amount), "money", low.format())


def _figure(aspect: Aspect, shown: Shown, t: Translator) -> Figure | None:
    p = shown.product
    if aspect.kind == "price":
        return _price(shown)
    if aspect.kind == "rating":
        return None if p.rating_tenths is None else Figure(p.rating_tenths, "stars", f"★ {p.rating_tenths / 10:.1f}")
    if aspect.kind == "sales":
        return Figure(p.sales_count, "sold", t("{n} sold", n=p.sales_count))
    keys = {k: attribute_value(k, v, t) for k, v in p.attributes.items() if k in aspect.keys}
    return figure_of(aspect, p, keys)


def _ranked(aspect: Aspect, text: str, shown: list[Shown], t: Translator, lang: str, codec: CallbackCodec,
            user_id: int, state: Conversation) -> Reply:
    figures = [(s.product, _figure(aspect, s, t)) for s in shown]
    units = [f.unit for _, f in figures if f is not None]
    if not units:  # no listing gives a figure: what the descriptions say, or that they say nothing
        return _sayings(aspect, shown, t, lang, codec, user_id)
    unit = max(set(units), key=units.count)  # "mAh" and hours never compared with each other
    known = [(p, f) for p, f in figures if f is not None and f.unit == unit]
    less = wants_less(aspect, text)
    best = (min if less else max)(f.value for _, f in known)
    winners = [p for p, f in known if f.value == best]
    label = t(aspect.least if less else aspect.most)
    if len(winners) == len(shown) > 1:  # nothing to choose between on it
        return Text(t("All {n} state the same {what}: {value}.", n=len(shown), what=html.escape(t(aspect.name)),
                      value=html.escape(known[0][1].shown)))
    lead = t("{what} of these {n}: {titles} — {value}.", what=label, n=len(shown),
             titles=_sep(lang).join(f"<b>{_title(p, lang)}</b>" for p in winners),
             value=html.escape(next(f.shown for p, f in known if p is winners[0])))
    lines = [lead]
    for p, f in sorted(known, key=lambda pf: pf[1].value if less else -pf[1].value):  # the runners-up, in order
        if p not in winners:
            lines.append(f"• {_title(p, lang, 40)}: {html.escape(f.shown)}")
    lines += [f"• {_title(p, lang, 40)}: {t('not stated in the listing')}" for p, f in figures
              if f is None or f.unit != unit]
    if len(known) < len(figures):
        lines.append(t("<i>Only what the listings state is compared.</i>"))
    if len(winners) == 1:
        state.focus_sku = winners[0].external_id  # "is it in stock?", "add it" next: the winner
    rows = [_buttons(p, t, lang, codec, user_id) for p in winners[:2]]
    return Text("\n".join(lines), buttons=keyboard(*rows))


def _flags(aspect: Aspect, shown: list[Shown], t: Translator, lang: str, codec: CallbackCodec, user_id: int,
           state: Conversation) -> Reply:
    said = [(s.product, flag_of(aspect, s.product)) for s in shown]
    yes = [p for p, f in said if f]
    word = {True: t("yes"), False: t("no"), None: t("not stated in the listing")}
    lines = [t("{what} — what the listings of these {n} say:", what=html.escape(t(aspect.name).capitalize()),
               n=len(shown))]
    lines += [f"• {_title(p, lang, 40)}: {word[f]}" for p, f in said]
    if not yes:
        lines.append(t("None of them lists it."))
    elif len(yes) == 1:
        state.focus_sku = yes[0].external_id
    return Text("\n".join(lines), buttons=keyboard(*[_buttons(p, t, lang, codec, user_id) for p in yes[:3]]))


def _sayings(aspect: Aspect, shown: list[Shown], t: Translator, lang: str, codec: CallbackCodec,
             user_id: int) -> Reply:
    """What each description says about the aspect, quoted: the listings do not rank products on it."""
    quoted = [(s.product, sentences_about(aspect, s.product, 1, lang)) for s in shown]
    saying = [(p, q) for p, q in quoted if q]
    what = html.escape(t(aspect.name))
    if not saying:
        return Text(t("The listings of these {n} don't say anything about {what}, so I can't tell which one it is. "
                      "Open one to see its details, or ask our staff.", n=len(shown), what=what),
                    buttons=keyboard(*[[b] for s in shown for b in _buttons(s.product, t, lang, codec, user_id)[:1]]))
    lines = [t("The listings don't rank these by {what}; here is what they say:", what=what)]
    if lang == "zh" and not all(CJK.search(q[0]) for _, q in saying):
        lines.append(t("The product details are only available in English:"))
    if len(saying) > 1 and len({q[0] for _, q in saying}) == 1:  # the same sentence in each: said once
        lines.append(t("All of them: “{said}”", said=html.escape(saying[0][1][0])))
    else:
        lines += [f"• <b>{_title(p, lang, 40)}</b>: “{html.escape(q[0])}”" for p, q in saying]
    silent = [p for p, q in quoted if not q]
    if silent:
        lines.append(t("Not mentioned for: {titles}.", titles=_sep(lang).join(_title(p, lang, 30) for p in silent)))
    return Text("\n".join(lines), buttons=keyboard(*[_buttons(p, t, lang, codec, user_id) for p, _ in saying[:3]]))


def _sep(lang: str) -> str:
    return "、" if lang == "zh" else ", "
