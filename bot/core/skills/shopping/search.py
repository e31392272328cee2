"""Search: the search intent, /search, the menu's "search"/"ask" buttons, next page and "more like this"."""

from __future__ import annotations

import asyncio
import html
import re
from dataclasses import asdict, replace
from datetime import datetime
from typing import Any

from bot.core.callbacks import CallbackCodec, CallbackPayload
from bot.core.replies import Reply, Text
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.shopping.eu_sizes import note as eu_note
from bot.core.skills.shopping.eu_sizes import search_in_us
from bot.core.skills.shopping.money_words import reading_note, yuan_read_as_shop_currency
from bot.core.skills.shopping.products import display_title
from bot.core.skills.shopping.query import PAGE_SIZE, build_query, load_query, names_nothing, sort_from_text
from bot.core.skills.shopping.results import filters_text, no_search, present, run_query
from bot.core.skills.shopping.which_shown import asks_which
from bot.core.skills.shopping.words import short_label
from bot.core.state import Conversation, Pending
from bot.i18n import Translator
from knowledge.search.models import SearchQuery
from knowledge.search.sorting import SortOrder
from nlu.result import ParseResult
from store.catalog.queries import get_product

__all__ = ["router", "understand", "search_text", "search_typed"]

router = Router("shopping.search")


async def understand(services: Services, state: Conversation, text: str,
                     lang: str | None = None) -> tuple[ParseResult | None, Any]:
    """Entities and the vector for text that did not go through the dispatcher's NLU (/search, a prompt)."""
    from nlu.context import DialogueContext

    vector = None
    if services.encoder is not None:
        from knowledge.encoders.base import encode_async

        vector = (await encode_async(services.encoder, [text]))[0]
    await services.current_vocabulary()
    # The same context the dispatcher gives the NLU: the catalogue's brands and categories, and the shop's
    # currency for bare amounts ("300以内"), so /search and a typed reply read a message as a search intent does.
    context = DialogueContext(last_results=tuple(state.last_results), focus=state.focus_sku,
                              last_order=state.last_order, catalog=services.vocabulary, language=lang,
                              currency=services.settings.currency)
    parse: ParseResult = await services.nlu.parse(text, context, vector=vector)
    return parse, vector


_BUDGET = ("min_price_minor", "max_price_minor", "currency")


async def search_text(text: str, parse: ParseResult | None, vector: Any, services: Services, state: Conversation,
                      t: Translator, lang: str, codec: CallbackCodec, user_id: int, now: datetime,
                      budget: dict[str, Any] | None = None) -> list[Reply]:
    """``budget``: price filters said in an earlier message, for a search that states none."""
    if services.search is None:
        return [no_search(t, codec, user_id)]
    query = build_query(text, parse, user_id=user_id, lang=lang, currency=services.settings.currency)
    query, eu = search_in_us(query, text, services.search)  # "42码的跑鞋": EU 42 is US 8.5 (men's) or US 10 (women's)
    said = query.filters
    if said.min_price_minor is None and said.max_price_minor is None and budget:
        query = replace(query, filters=replace(said, **budget))  # the budget said before ("预算300刀", then "咖啡机")
    elif (said.min_price_minor is not None or said.max_price_minor is not None) and names_nothing(query.text) \
            and not query.prefer.active:
        # Only a budget ("预算300刀左右") and nothing on screen to narrow: searching the words around it found a
        # calculator for "预算". Ask what it is for, and keep the budget for the answer.
        state.pending = Pending(kind="search", data={"budget": {
            k: v for k, v in asdict(said).items() if k in _BUDGET and v is not None}})
        ask = t("What are you looking for within {budget}? Tell me in a few words, e.g. “coffee grinder” "
                "or “蓝牙耳机”.", budget=filters_text(query, t, lang))
        return [Text(f"{note}\n{ask}" if (note := _yuan_note(parse, query, services, t, lang)) else ask)]
    if query.sort is not SortOrder.RELEVANCE and names_nothing(query.text) and not query.prefer.active:
        # "cn u show me ur best sellers": an order asked of the whole shop, with only asking words around it
        # (searched, they were "We don't carry “cn u show me ur”" and a bike lock).
        query = replace(query, text="", product_text=None)
    # The message's vector (already computed for the NLU) is reused when the search text *is* the message.
    # When price, sort or asking words were taken out ("来个最便宜的瑜伽垫" -> "瑜伽垫"), the product words
    # are encoded instead: the whole message's vector drifts towards those words (cheap groceries for
    # "500元以内的空气炸锅"), and `shopbot search --batch` ranks the product words too -- the chat and the CLI
    # must agree. Later pages encode the same saved text, so paging stays consistent.
    same = vector is not None and query.text == " ".join(text.split())
    results = await run_query(services, query, vector if same else None)
    replies = await present(results, services, state, t, lang, codec, user_id, now)
    note = " ".join(filter(None, (_yuan_note(parse, query, services, t, lang), eu_note(eu, t) if eu else "")))
    return [Text(note), *replies] if note else replies


async def search_typed(text: str, services: Services, state: Conversation, t: Translator, lang: str,
                       codec: CallbackCodec, user_id: int, now: datetime,
                       budget: dict[str, Any] | None = None) -> list[Reply]:
    """The search for words that did not come through the dispatcher's NLU as they are (/search, a prompt's answer,
    the product words of "猫粮有吗"): read them (``understand``), then search them (``search_text``)."""
    parse, vector = await understand(services, state, text, lang)
    return await search_text(text, parse, vector, services, state, t, lang, codec, user_id, now, budget)


def _yuan_note(parse: ParseResult | None, query: SearchQuery, services: Services, t: Translator, lang: str) -> str:
    """"按 $500.00 以内为您查找（本店以美元标价）。" when 元/块 in the message were read as the shop's currency."""
    currency = services.settings.currency
    if not yuan_read_as_shop_currency(parse, currency):
        return ""
    return reading_note(filters_text(replace(query, filters=replace(query.filters, colour=None, size=None,
                                                                          brand=None, category=None)), t, lang),
                        currency, t)


@router.intent("search_product")
async def search_intent(text: str, parse: ParseResult | None, vector: Any, services: Services, state: Conversation,
                        t: Translator, lang: str, codec: CallbackCodec, user_id: int, now: datetime) -> list[Reply]:
    if services.search is not None:  # "north face refugio in blue": that product's options (named_in_option)
        from bot.core.skills.shopping.named_in_option import named_in_option

        query = build_query(text, parse, user_id=user_id, lang=lang, currency=services.settings.currency)
        named = await named_in_option(query, parse, services, state, t, lang, codec, user_id, now)
        if named is not None:
            return named
    return await search_text(text, parse, vector, services, state, t, lang, codec, user_id, now)


# What may surround the order words of a follow-up that only re-sorts the last search ("any cheaper ones?",
# "有没有便宜点的", "show me the best rated"): asking words and fillers, no product words.
_FILLER = re.compile(r"\b(?:any|some|got|do|you|u|have|are|there|is|show|me|the|a|an|one|ones|something|smth|sth|"
                     r"somethin|sumthin|smthn|stuff|maybe|like|got|ya|what|whats|what's|which|most|"
                     r"anything|options?|items?|things?|stuff|instead|more|even|please|pls|plz|first|sort|by|them|"
                     r"those|it'?s|that'?s|this'?s|it|that|this|bit|little|a bit|way|so|too|hmm|um|ok|okay|but)\b|"
                     r"有没有|还有|有|再|来点|是|哪一个|哪一款|哪个|哪款|哪|来个|看看|给我|一点|一些|点|的|吗|呢|些|其他|别的|款|个|我想要|想要|我要|要|更|"
                     # how an order is asked in Chinese ("按价格从低到高排", "从便宜到贵排一下"): left alone, "排" made
                     # the message a guess for the NLU, which turned promotion alerts off
                     r"按|价格|排序|排列|排一下|排|从|到贵|到高|顺序|一下|帮我|序|前面|在前|靠前|放前|先|"
                     # "要两个那种 便宜的": that kind, a count of it; the offers page answered and "第二个" then
                     # meant a blender (walk6-zh)
                     r"那种|这种|那样|这样|那款|这款|那个|那件|那一个|那一款|[一两二三四五几](?=[个只件套份款])|"
                     r"[\s,，。.!！?？~]", re.I)
_REFINING = (SortOrder.PRICE_ASC, SortOrder.PRICE_DESC, SortOrder.RATING)
# "something else", "other ones", "不是这个，换一个", "换一批", "还有别的吗": more of the same search.
_ELSE = re.compile(r"\b(?:something|anything|smth|sth)\s+else\b|"
                   r"\b(?:other|different|more)\s+(?:ones|options|choices)\b|"
                   r"\bnot\s+(?:this|that|these|those)(?:\s+ones?)?\b|\bothers\b|"
                   r"不是这个|不是这些|换一个|换一批|换个|别的|其他的|其它的|不喜欢这些?|看看别的", re.IGNORECASE)
# "next page", "下一页", "往后翻": the page after the one on screen, as the [➡️ Next page] button.
_NEXT = re.compile(r"\bnext(?:\s+page|\s+ones)?\b|\bmore\s+results\b|\bshow\s+(?:me\s+)?more\b|"
                   r"下一页|下页|后一页|翻页|翻一页|往后翻|再往后|后面的|后面几个|下一批|更多", re.IGNORECASE)
# How an order is asked around its sort words ("便宜的排前面", "按销量排一下", "sorted by rating"): no product words.
_ORDERING = re.compile(r"排在?前面|放在?前面|在前面|排前|排序|排一下|排|按照|按|从|先|\bsorted\b|\border(?:ed)?\b|"
                       r"\bfirst\b", re.IGNORECASE)
# Words that point at the results on screen: "the most popular ones", "which of them sells most", "这些里",
# "销量最高的是哪个" (which of these).
_THESE = re.compile(r"\b(ones|them|these|those|which)\b|这些|这几个|里面|哪个|哪款|哪一个|哪一款", re.IGNORECASE)


# "最便宜的那个", "the cheapest one": one product, the one the order puts first ("最便宜的那个" listed the promotions).
_PICKS_ONE = re.compile(r"那个|那件|那一个|那一款|那款|\bthe\s+\w+(?:est)?\s+one\b", re.IGNORECASE)


@router.intent("refine_search")
async def refine_search(text: str, services: Services, state: Conversation, t: Translator, lang: str,
                        codec: CallbackCodec, user_id: int, now: datetime) -> list[Reply] | None:
    """Not an NLU intent: the dispatcher offers every free-text message here first while a search is on screen.
    A message that only asks for another order re-sorts that search ("any cheaper ones?" after "wireless
    earbuds"); whatever the NLU makes of it (often a deals request, or a search for "ones"), the shopper means
    these results. Anything else returns None and goes on to the NLU's intent. Best sellers are left out:
    "best sellers" on its own usually means the shop's."""
    if services.search is None or state.last_query is None:
        return None
    asks_next = _NEXT.search(text) is not None and not _FILLER.sub("", _NEXT.sub("", text)).strip()
    if asks_next or (_ELSE.search(text) and not _FILLER.sub("", _ELSE.sub("", text)).strip()):
        # "something else", "不是这个，换一个", "换一批", "下一页": the next results of the same search
        return await _next_results(services, state, t, lang, codec, user_id, now, asks_next)
    from bot.core.skills.shopping.else_wish import wish_search  # "not that, something more creative"

    wished = await wish_search(text, services, state, t, lang, codec, user_id, now)
    if wished is not None:
        return wished
    order, rest = sort_from_text(text)
    # "show the most popular ones" means these results' best sellers; "best sellers" alone, the shop's
    these_best_sellers = order is SortOrder.SALES and _THESE.search(text) is not None
    if (order not in _REFINING and not these_best_sellers) or _FILLER.sub("", _ORDERING.sub("", rest)).strip():
        return None
    query = replace(load_query(state.last_query, state.last_filters, user_id=user_id, lang=lang, offset=0),
                    sort=order)
    replies = await present(await run_query(services, query), services, state, t, lang, codec, user_id, now)
    if (asks_which(text) or _PICKS_ONE.search(text)) and state.last_results:
        # "最便宜的是哪个", "which is the best rated": the answer is the first one now, and "它防水吗" or "add it"
        # next is about it (that asked "which one do you mean?")
        state.focus_sku = state.last_results[0]
    return replies


async def _next_results(services: Services, state: Conversation, t: Translator, lang: str, codec: CallbackCodec,
                        user_id: int, now: datetime, page_asked: bool) -> list[Reply]:
    """The page after the one on screen. When the search has no more: "next page" is told so (the NLU read
    "下一页" as nonsense and the shopper heard "I didn't catch that"); "show me others" gets the products
    nearest to the first one shown, the ones on screen left out (it read "换一批" as a return)."""
    assert services.search is not None and state.last_query is not None
    query = load_query(state.last_query, state.last_filters, user_id=user_id, lang=lang,
                       offset=state.page * PAGE_SIZE + PAGE_SIZE)
    exclude = state.last_filters.get("exclude")
    results = await run_query(services, query)
    if results.hits:
        return await present(results, services, state, t, lang, codec, user_id, now,
                             exclude=exclude if isinstance(exclude, int) else None)
    what = html.escape(state.last_query) if state.last_query else t("best sellers")
    if page_asked or not state.last_results:
        return [Text(t("That was the last page for “{what}”. Tell me what else to look for.", what=what))]
    async with services.uows.read() as uow:
        shown = [await get_product(uow, sku) for sku in state.last_results]
    shown_ids = {p.id for p in shown}
    nearest = await asyncio.to_thread(services.search.engine.similar, shown[0].id, PAGE_SIZE + len(shown_ids))
    others = tuple(h for h in nearest if h.product_id not in shown_ids)[:PAGE_SIZE]
    if not others:
        return [Text(t("That was the last page for “{what}”. Tell me what else to look for.", what=what))]
    label = t("more like {title}", title=short_label(display_title(shown[0], lang), 40))
    lead = Text(t("That was everything for “{what}”. Here are similar products:", what=what))
    similar = replace(results, hits=others, total=len(others), query=replace(query, offset=0))
    return [lead, *await present(similar, services, state, t, lang, codec, user_id, now, label=label)]


def _prompt(t: Translator, state: Conversation) -> Reply:
    state.pending = Pending(kind="search")
    return Text(t("What are you looking for? Describe it in a few words, e.g. “red mug under $20” or "
                  "“蓝牙耳机”."))


@router.command("search")
async def search_command(args: str, services: Services, state: Conversation, t: Translator, lang: str,
                         codec: CallbackCodec, user_id: int, now: datetime) -> list[Reply]:
    if not args.strip():
        return [_prompt(t, state)]
    return await search_typed(args.strip(), services, state, t, lang, codec, user_id, now)


@router.on_pending("search")
async def search_pending(text: str, services: Services, state: Conversation, t: Translator, lang: str,
                         codec: CallbackCodec, user_id: int, now: datetime) -> list[Reply]:
    budget = state.pending.data.get("budget") if state.pending is not None else None
    state.pending = None
    return await search_typed(text, services, state, t, lang, codec, user_id, now,
                              budget if isinstance(budget, dict) else None)


@router.button("menu")
async def menu_button(payload: CallbackPayload, state: Conversation, t: Translator) -> Reply:
    if payload.arg(0) == "ask":
        # The community skill answers the question (on_pending("ask")); we only open the conversation.
        state.pending = Pending(kind="ask")
        return Text(t("What would you like to ask? Type your question and I'll find the answer or pass it to "
                      "our staff."))
    return _prompt(t, state)


@router.button("pg")
async def next_page(payload: CallbackPayload, services: Services, state: Conversation, t: Translator, lang: str,
                    codec: CallbackCodec, user_id: int, now: datetime) -> list[Reply]:
    if services.search is None:
        return [no_search(t, codec, user_id)]
    if state.last_query is None:
        return [Text(t("That list has expired. Tell me what you are looking for."))]
    offset = max(0, payload.int_arg(0))
    exclude = state.last_filters.get("exclude")
    query = load_query(state.last_query, state.last_filters, user_id=user_id, lang=lang, offset=offset)
    results = await run_query(services, query)
    return await present(results, services, state, t, lang, codec, user_id, now,
                         exclude=exclude if isinstance(exclude, int) else None)


@router.button("more")
async def more_like_this(payload: CallbackPayload, services: Services, state: Conversation, t: Translator,
                         lang: str, codec: CallbackCodec, user_id: int, now: datetime) -> list[Reply]:
    if services.search is None:
        return [no_search(t, codec, user_id)]
    pid = payload.int_arg(0)
    async with services.uows.read() as uow:
        product = await get_product(uow, pid)
    text = product.title if lang != "zh" or not product.title_zh else f"{product.title} {product.title_zh}"
    # "More like this" means more of the same kind: the relevance cut measures keyword coverage on the
    # product's category path (siblings share most of its words), not on the whole title (only the product
    # itself contains all of that).
    kind = product.category_path.replace(">", " ") if product.category_path else None
    query = SearchQuery(text=text[:1000], limit=PAGE_SIZE + 1, user_id=user_id, language=lang,
                        product_text=kind)
    results = await run_query(services, query)
    if not any(h.product_id != pid for h in results.hits):
        # Nothing else of its kind is close enough: the nearest products by meaning, so the button never
        # answers "nothing" while the shop has neighbours.
        nearest = await asyncio.to_thread(services.search.engine.similar, pid, PAGE_SIZE)
        results = replace(results, hits=tuple(nearest), total=len(nearest))
    label = t("more like {title}", title=short_label(display_title(product, lang), 40))
    return await present(results, services, state, t, lang, codec, user_id, now, exclude=pid, label=label)
