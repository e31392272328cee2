"""Follow-ups that only name an option or a price range: "in black?", "any in olive size M?", "有M码吗",
"what sizes do you have?", "between $50 and $150".

WHY a pseudo-intent the dispatcher offers such messages to (after the NLU, before its intent runs): the words
carry no product, so the intent guessed for them (a search, details, a deals request) acted on the words
alone: "in black?" while a linen blouse was open opened a silk beanie, "要蓝色的" searched for Blue Bottle
coffee, "between $50 and $150" listed best sellers. With a product open they ask about its options, which the
variant picker answers (only the matching options, or "doesn't come in black" and what it does come in); with
only a result list on screen they narrow that search.
"""

from __future__ import annotations

import contextlib
import html
import re
from dataclasses import replace
from datetime import datetime

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Reply, Text
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.community.question_scope import several
from bot.core.skills.shopping.attribute_words import attribute_words
from bot.core.skills.shopping.cart_option_said import corrects_cart_line
from bot.core.skills.shopping.details import matching_variants, variant_picker, which_one
from bot.core.skills.shopping.eu_sizes import for_search, in_us_sizes, shoe_sizes
from bot.core.skills.shopping.eu_sizes import note as eu_note
from bot.core.skills.shopping.option_on_list import option_word, shown_with_option
from bot.core.skills.shopping.options_asked import WHICH_OPTIONS, asks_for_options, offered_options
from bot.core.skills.shopping.options_listed import options_listed
from bot.core.skills.shopping.picker_answer import picked_variant, picker_topic, queued_after, read_topic
from bot.core.skills.shopping.products import active_variants, product_named
from bot.core.skills.shopping.query import load_query, sort_from_text
from bot.core.skills.shopping.results import present, run_query
from bot.core.state import Conversation
from bot.i18n import Translator
from knowledge.search.sorting import SortOrder
from nlu.result import ParseResult
from store.catalog.views import ProductView

__all__ = ["router", "option_follow_up", "only_options", "asks_for_options", "narrow_last_search"]

router = Router("shopping.option_followups")

OPTION_ENTITIES = frozenset({"color", "size"})
PRICE_ENTITIES = frozenset({"price_min", "price_max"})
BRAND_ENTITIES = frozenset({"brand"})
# Intents the NLU gives these messages; add/remove/update keep theirs (adding uses the product open).
_GUESSED = frozenset({"search_product", "show_product_details", "list_promotions", "check_stock", "recommend",
                      "ask_question", "affirm", "out_of_scope"})

# Words around an option that ask about it and name nothing ("any in olive size M?", "有没有黑色的", "L码有吗").
_ASKING = re.compile(
    r"\b(any|anything|do|does|you|u|have|has|got|is|are|it|they|there|available|come|comes|in|a|an|the|one|ones|"
    r"please|pls|what|about|how|and|or|with|size|sizes|colou?r|colou?rs|also|too|maybe|instead|same|but|"
    r"between|from|to|under|over|below|above|less|more|than|price|priced|only|just|show|me|see|let|those|these|"
    r"them|ones|by|made|cheaper|cheap|budget|my|around|roughly|within|up|max|dollars?|bucks|too|expensive|"
    r"pricey|can|could|i|get|want|need|would|like|id|i'd)\b|"
    # "something under $50", "stuff below 30", "any options under 40" after a search: a budget for the list on
    # screen, which searched "something" and found nothing
    r"\b(?:some|something|smth|sth|stuff|things?|items?|options?|ok|okay|so|hmm|maybe|else|now)\b|"
    # a correction in front of the option ("wait no i meant size 7.5", "actually size 7", "不对，我要37.5码")
    r"\b(?:wait|no|nope|i|meant|mean|actually|sorry|oops|rather)\b|不对|不是|其实|还是|我|"
    # a budget or "too expensive" said about the list on screen ("有没有便宜点的 100刀以内", "预算300刀左右")
    r"便宜点|便宜一点|便宜些|便宜|实惠|太贵了|太贵|贵了|预算|大概|差不多|大约|上下|有啥|有什么|啥|"
    r"有没有|有吗|有没|没有|还有|有|吗|呢|的|要|想要|只要|就要|只|仅|这个|那个|这款|那款|款|颜色|色|码|号|尺码|尺寸|换成|换|吧|"
    r"可以|能|是|看看|看一下|看下|想看|看|"  # "只看耐克的", "看看黑色的": a look at part of the list
    r"之间|以内|以下|以上|左右|价位|价格|[\s,，。.!！?？~$¥￥\-–]", re.IGNORECASE)

def only_options(text: str, parse: ParseResult, kinds: frozenset[str], *, reference: bool = False) -> bool:
    """Whether ``text`` is entities of ``kinds`` (at least one) and asking words, nothing else; with
    ``reference``, a resolved reference may point at the product ("第二个有XL吗")."""
    allowed = kinds | ({"reference"} if reference else set())
    spans = [e for e in parse.entities if e.entity in allowed]
    if not any(e.entity in kinds for e in spans) or parse.text != text \
            or any(e.entity not in allowed or (e.entity == "reference" and not e.resolved) for e in parse.entities):
        return False
    rest = text
    for e in sorted(spans, key=lambda e: e.start, reverse=True):
        rest = rest[:e.start] + " " + rest[e.end:]
    return not re.sub(r"\d+", "", _ASKING.sub("", rest)).strip()


def only_asking(text: str, parse: ParseResult) -> bool:
    """Whether the message names nothing besides the options asked about ("有别的颜色吗", "what colours?"), so
    it is about something on screen, not a new search ("other colours of the nike hoodie")."""
    if parse.text != text or any(e.entity not in OPTION_ENTITIES for e in parse.entities):
        return False
    rest = WHICH_OPTIONS.sub(" ", text)
    return not re.sub(r"\d+", "", _ASKING.sub("", rest)).strip()


@router.intent("option_follow_up")
async def option_follow_up(text: str, parse: ParseResult | None, services: Services, state: Conversation,
                           t: Translator, lang: str, codec: CallbackCodec, user_id: int,
                           now: datetime, topic: str | None = None) -> list[Reply] | None:
    """Not an NLU intent (see the module docstring); None leaves the message to the NLU's intent."""
    if parse is None or parse.intent.name not in _GUESSED and not parse.is_fallback:
        return None
    ref = parse.first("reference")
    them = ref is not None and ref.resolved and several(ref.value)  # "do you have them in white": the list's
    about = None if them else str(ref.value) if ref is not None and ref.resolved else state.focus_sku
    if about is None and state.last_results and asks_for_options(text) and (
            only_asking(text, parse) or _names_nothing(parse)):
        if len(state.last_results) == 1:
            about = state.last_results[0]  # "有别的颜色吗" / "which colours?" with one result shown: that one's
        else:
            # "which colors" with several shown and none open: each one's options. The intent guessed for it
            # (details) searched the words and opened a lipstick that was nowhere on screen.
            return [await _options_of_shown(services, state, t, lang, codec, user_id)]
    if about and not asks_for_options(text) and only_options(text, parse, OPTION_ENTITIES, reference=True) and (
            changed := await corrects_cart_line(text, parse, services, state, t, lang, codec, user_id, now)):
        return changed  # "actually size 7" right after adding size 8: that line, not a second pair
    if about and (asks_for_options(text) or only_options(text, parse, OPTION_ENTITIES, reference=True)):
        product = await product_named(services.uows, about)
        if product is not None:
            state.focus_sku = product.external_id  # "第二个有XL吗": that one is now the product talked about
            asking = asks_for_options(text)  # "what colours does it come in?": say them, then offer them
            wanted = None if asking else {str(e.value) for e in parse.entities if e.entity in OPTION_ENTITIES}
            lead = ""
            if wanted and (us := in_us_sizes(product, wanted, t, lang)) is not None:  # "有42码吗": EU 42 is US 8.5
                wanted, lead = us
            picked = picked_variant(topic, product, wanted, text)
            if picked is not None:  # "charcoal pls" under the picker: that option, added (then the next said)
                from bot.core.skills.shopping.add_several import add_picked

                return await add_picked(topic, picked[0], product, picked[1], services, state, t, lang, codec,
                                        user_id, now)
            picker = await variant_picker(product, services, t, lang, codec, user_id, now, wanted=wanted)
            # The picker is on screen again: a typed "xs" next answers it (picker_typed), with the add's quantity.
            before = read_topic(topic)
            qty = before[1] if before is not None and before[0] == product.external_id else 1
            # Only the options it has narrow the next typed answer: after "doesn't come in 7.5", "size 7" is US 7.
            state.topic = picker_topic(product, qty, offered_options(product, wanted),
                                       then=queued_after(topic, product.external_id))
            if wanted:
                state.focus_sku = _only_option(product, wanted) or state.focus_sku  # "in black?" then "add it"
            listed = options_listed(product, t, lang) if asking else lead
            return [replace(picker, text=listed + "\n" + picker.text) if listed and isinstance(picker, Text)
                    else picker]
    word = option_word(text, _ASKING) if about is None and len(state.last_results) > 1 \
        and _names_nothing(parse) and not parse.entities else None
    if word is not None:  # "有256g的吗" under phones: which of them come with it
        reply = await shown_with_option(word, services, state, t, lang, codec, user_id)
        if reply is not None:
            return [reply]
    if state.last_query is not None and services.search is not None \
            and (only_options(text, parse, OPTION_ENTITIES | PRICE_ENTITIES, reference=them)
                 or _narrows_to_brand(text, parse)):
        return await narrow_last_search(parse, services, state, t, lang, codec, user_id, now)
    if state.last_query is not None and services.search is not None and _SWAPS.search(text) \
            and only_options(text, parse, BRAND_ENTITIES):
        return await _same_kind_by(parse, services, state, t, lang, codec, user_id, now)
    word = _attribute(text, parse) if state.last_query is not None and services.search is not None else None
    found = attribute_words(text, parse, _ASKING) if word is None and state.last_query is not None \
        and services.search is not None else None
    if found is not None:  # "要500ml左右的" / "S码 碎花" / "辣的" after a search: that search, refined
        word = " ".join(found[0])
    if word is not None:
        return await narrow_last_search(parse, services, state, t, lang, codec, user_id, now, word=word)
    return None


# "the jbl ones", "show me nike only", "just the stanley one", "只看耐克的": a brand among the results on screen.
# A bare brand ("nike") stays a new search: after "running shoes" it may well start another topic.
# "anything from nike or asics" / "any by stanley" name the results' makers too.
_THOSE_OF = re.compile(r"\b(only|just|ones|those|these|them|one|anything|any|from|by)\b|只要|只看|只|那些|这些",
                       re.IGNORECASE)

# "waterproof ones", "wireless one?", "无线的", "浅烘的有吗": one or two describing words about the kind on screen.
_KIND_OF = re.compile(r"\b(ones?|kinds?|types?|versions?|pairs?)\b", re.IGNORECASE)
_ZH_KIND_OF = re.compile(r"^([\u4e00-\u9fff]{2,4})的(?:有吗|有没有|吗|呢)?[\s?？!！。]*$")
# Words left after the asking words that still name no quality of a product.
_NOT_QUALITIES = frozenset({
    "which", "this", "that", "other", "another", "next", "last", "first", "second", "third", "new", "same",
    "right", "good", "best", "nice", "cool", "all", "both", "few", "some", "many", "where", "when", "why", "who",
    "yes", "no", "ok", "okay", "not", "dont", "cant", "like", "want", "need", "buy", "add", "get", "take", "remove",
    "cart", "order", "show", "more", "less", "cheaper", "cheapest", "popular",
})


def _attribute(text: str, parse: ParseResult) -> str | None:
    """The describing words of a follow-up made only of them ("waterproof ones" -> "waterproof", "无线的" ->
    "无线"), which narrow the search on screen: searched alone, "waterproof ones" after sandals listed a rain
    jacket and a speaker, "无线的" after Logitech mice listed earbuds. None for anything naming a product."""
    if parse.text != text or not _names_nothing(parse):
        return None
    zh = _ZH_KIND_OF.match(text.strip())
    if zh is not None:
        word = zh.group(1)
        return None if re.search(r"[我你他她它这那哪啥么谁好对是要买]", word) else word
    if not _KIND_OF.search(text):
        return None
    words = re.findall(r"[a-z][a-z'-]*", _ASKING.sub(" ", _KIND_OF.sub(" ", text.lower())))
    if not 1 <= len(words) <= 2 or any(len(w) < 3 or w in _NOT_QUALITIES for w in words) \
            or re.sub(r"[a-z'\-\s\d]", "", _ASKING.sub(" ", _KIND_OF.sub(" ", text.lower()))).strip():
        return None
    return " ".join(words)


# "what about adidas", "how about asics instead", "and nike?": the same kind of product as the search on screen,
# by another maker. Searched as said, "what about adidas" after sneakers listed RC trucks and drones.
_SWAPS = re.compile(r"^\W*(?:(?:ok|okay|so|hmm|and|then)\W+)*(?:what|how)\s+about\b|\binstead\b|^\W*(?:and|or)\s+",
                    re.IGNORECASE)


async def _same_kind_by(parse: ParseResult, services: Services, state: Conversation, t: Translator, lang: str,
                        codec: CallbackCodec, user_id: int, now: datetime) -> list[Reply]:
    """The last search's product words (its own brands left out) by the brand(s) named, within its budget."""
    from bot.core.skills.shopping.search import search_typed

    saved = state.last_filters
    words = saved.get("product_text") if isinstance(saved.get("product_text"), str) else state.last_query
    prefer = saved.get("prefer")
    old = str(prefer.get("brand") or "") if isinstance(prefer, dict) else ""
    for brand in filter(None, old.split("|")):
        words = re.sub(rf"(?<![\w]){re.escape(brand)}(?![\w])", " ", str(words), flags=re.IGNORECASE)
    named = " ".join(parse.text[e.start:e.end] for e in parse.entities if e.entity == "brand")
    text = " ".join(f"{named} {words}".split())
    budget = {k: saved[k] for k in ("min_price_minor", "max_price_minor", "currency") if saved.get(k) is not None}
    return await search_typed(text, services, state, t, lang, codec, user_id, now,
                              budget if budget.get("min_price_minor") or budget.get("max_price_minor") else None)


def _narrows_to_brand(text: str, parse: ParseResult) -> bool:
    return parse.first("brand") is not None and bool(_THOSE_OF.search(text)) \
        and only_options(text, parse, BRAND_ENTITIES)


def _names_nothing(parse: ParseResult) -> bool:
    return not any(e.entity in ("product", "brand", "category", "reference") for e in parse.entities)


async def _options_of_shown(services: Services, state: Conversation, t: Translator, lang: str,
                            codec: CallbackCodec, user_id: int) -> Reply:
    """The colours and sizes of each product on screen, then which one (a button each opens its card)."""
    from bot.core.skills.shopping.products import display_title, products_named
    from bot.core.skills.shopping.query import PAGE_SIZE
    from bot.core.skills.shopping.words import short_label

    shown = await products_named(services.uows, state.last_results[:PAGE_SIZE])
    lines = []
    for i, product in enumerate(shown, 1):
        if product is not None:
            options = options_listed(product, t, lang) or t("one option only")
            title = html.escape(short_label(display_title(product, lang), 40))
            lines.append(f"{i}. <b>{title}</b> — {options}")
    ask = await which_one(services, state, t, lang, codec, user_id)
    text = "\n".join(lines) + "\n\n" + t("Which one would you like?")
    return replace(ask, text=text) if isinstance(ask, Text) and lines else ask


def _only_option(product: ProductView, wanted: set[str]) -> str | None:
    """The SKU when exactly one option in stock has what was asked for: the next "add it" / "加入购物车" means that
    one (it asked "which option?" again, right after "Yes, it comes in black")."""
    found = [v for v in matching_variants(active_variants(product), wanted) if v.stock > 0]
    return found[0].sku if len(found) == 1 else None


async def narrow_last_search(parse: ParseResult, services: Services, state: Conversation, t: Translator,
                              lang: str, codec: CallbackCodec, user_id: int, now: datetime,
                              word: str | None = None, in_stock: bool = False) -> list[Reply]:
    """The search on screen again, with the option, price range or brand(s) as a filter ("in black?" after
    "linen blouses", "the jbl ones" after "cheap earbuds", "anything from nike or asics") and a describing
    ``word`` added to its text ("waterproof ones" after sandals), ``in_stock`` ones only; the narrowing said first."""
    assert state.last_query is not None
    before = state.last_query
    query = load_query(state.last_query, state.last_filters, user_id=user_id, lang=lang, offset=0)
    if word:
        query = replace(query, text=f"{query.text} {word}"[:1000],
                        product_text=f"{query.product_text} {word}"[:1000] if query.product_text else None)
    changes: dict[str, object] = {"in_stock_only": True} if in_stock else {}  # "only in stock"
    note = ""  # what an EU shoe size is in US sizes
    brands = list(dict.fromkeys(str(e.value) for e in parse.entities if e.entity == "brand"))
    if brands:
        changes["brand"] = "|".join(brands)
    for e in parse.entities:
        if e.entity == "color":
            changes["colour"] = str(e.value)
        elif e.entity == "size":  # an EU shoe size ("有42码的吗" after running shoes) is the US size it is
            eu = for_search(str(e.value), f"{before} {parse.text}", shoe_sizes(services.search))
            note, size = (eu_note(eu, t), eu.values[0] if len(eu.values) == 1 else None) if eu else (note, e.value)
            changes.update({"size": str(size)} if size is not None else {})  # gender unsaid: none (eu_sizes.py)
        elif e.entity in PRICE_ENTITIES and isinstance(e.value, int) \
                and (e.currency is None or e.currency == services.settings.currency):
            changes["min_price_minor" if e.entity == "price_min" else "max_price_minor"] = e.value
            changes["currency"] = services.settings.currency
    with contextlib.suppress(ValueError):  # a minimum above the maximum: keep the search as it was
        query = replace(query, filters=replace(query.filters, **changes))  # type: ignore[arg-type]
    if parse.text and sort_from_text(parse.text)[0] is SortOrder.PRICE_ASC:
        query = replace(query, sort=SortOrder.PRICE_ASC)  # "有没有便宜点的 100刀以内": cheapest first, too
    replies = await present(await run_query(services, query), services, state, t, lang, codec, user_id, now)
    said = (t("Narrowing the results for “{what}” to items in stock.", what=html.escape(before)) if in_stock else
            t("Narrowing the results for “{what}”.", what=html.escape(before))) + (f"\n{note}" if note else "")
    last = replies[-1] if replies else None
    if isinstance(last, Text):
        replies[-1] = replace(last, text=said + "\n" + last.text)
    return replies
