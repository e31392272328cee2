"""Which product a message means: "the second one", "it", "第二个", a product named in the text, or the one
in focus.

Order: an explicit reference (resolved by the NLU against ``state.last_results``), then product words in
the text (the search's top hit), then the product in focus, then the only result on screen. A reference
that cannot be resolved ("the fifth one" when three were shown) is reported, not guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.services import Services
from bot.core.skills.shopping.named_best import best_named
from bot.core.skills.shopping.named_words import OPTION_WORDS, names_product, only_options_of, shown_named, word_tokens
from bot.core.skills.shopping.products import product_named, resolve_ref
from bot.core.skills.shopping.seen_named import seen_named
from bot.core.state import Conversation
from knowledge.search.model_numbers import parse_models
from knowledge.search.models import SearchQuery
from nlu.result import ParseResult
from store.catalog.views import ProductView, VariantView
from store.errors import NotFound

__all__ = ["Target", "find_target", "leftover_words", "Unresolved", "NoMatch"]

# Words that ask for an action rather than name a product (English and Chinese).
_COMMAND_WORDS = re.compile(
    r"\b(add|ad|addd|put|buy|get|order|want|need|like|would|i'?d|i'?ll|i|me|my|to|the|a|an|in|into|of|please|pls|cart|"
    r"basket|both|"
    r"bag|it|this|that|one|ones|show|details?|more|about|info|information|tell|what|is|are|remove|delete|take|"
    r"out|from|make|change|set|update|quantity|qty|pieces?|pcs|x|and|for|with|instead|them|these|those|"
    r"first|second|third|fourth|fifth|last|another|again|same|also|too|extra|ok|okay|actually|then|so|just|oh|"
    r"well|hmm|yes|yeah|sure|price|prices|cost|costs|how|much|\d+)\b|多少钱|价格|价钱|几块钱|多少|"
    r"把|加入|加到|放进|购物车|购买|我要|我想|要|买|个|件|这|那|它|看看|详情|介绍|一下|的|删除|去掉|移除|改成|数量|第.|请|帮我|"
    r"(?:加|抢|拿)(?=[一二两三四五六七八九十几\d])|到(?=购物车)|放到|先(?=[加来拿买要])|(?<=先)加|"
    r"再|也|还|详细|具体|介绍|看下|看一看|瞧瞧|参数|信息|"
    # "加购物车", "加购", "有别的颜色吗", "有没有": verbs and question words around a request, never a name.
    r"加购物车|加购|有没有|有别的|别的|其他|其它|颜色|尺码|吗|吧|呢(?!子)|啊|呀|算了|"
    # "再来个同款灰色的", "再来一个一样的", "同样的再要一个": the same product again ("同款" found a Converse
    # "男女同款" shoe; "一样" was searched and found nothing)
    r"同款|同一款|同样的|一样的|一模一样|一样|同样|相同",
    re.I)

# A verb left on its own once the words around it are gone ("加一个" -> "加", "来两个" -> "来", "抢一个" -> "抢"):
# searching it found nothing ("店里没有找到“加”"). Inside a word it stays ("加湿器").
# The kind of option before its value ("size 8", "colour grey", "US 8"): with the options dropped, not a name.
_OPTION_KIND = re.compile(r"\b(?:size|sz|colou?r)\b|\b(?:us|eu|uk)(?=\s*\d)", re.IGNORECASE)
_LONE_VERB = re.compile(r"(?<!\S)(?:加|来|拿|抢|再来|买|要|有|还有|给我|帮我|我)(?!\S)")


# "another pair of the jbl", "a pack of", "two sets of": a unit counted, not a product's name ("pair jbl" was
# searched and found "Dr. Scholl's Cedar Shoe Trees, 1 Pair" over the JBL headphones in the cart).
# "2 bags of the cheaper one", "3 cans of it": "bags" was searched and a leather crossbody bag was added in place
# of the coffee on screen.
_UNIT_OF = re.compile(r"\b(?:pairs?|packs?|packets?|sets?|boxe?s?|bottles?|units?|bags?|sacks?|cans?|jars?|"
                      r"cartons?|tins?|cases?|rolls?|tubs?|tubes?|bars?|pouches|pouch)\s+of\b", re.I)

# "来一件", "两个", "一份": counting words, never a product name on their own.
_COUNT_ONLY = re.compile(r"^[\d一二两三四五六七八九十几来个件份只双套瓶盒包台条支张袋罐箱听桶支卷]+$")


class Unresolved(Exception):
    """A reference the shopper made that points at nothing shown (carries the words they used)."""

    def __init__(self, words: str) -> None:
        super().__init__(words)
        self.words = words


class NoMatch(Exception):
    """Product words that the search does not find (rather than silently using the product in focus)."""

    def __init__(self, words: str) -> None:
        super().__init__(words)
        self.words = words


@dataclass(frozen=True)
class Target:
    product: ProductView
    variant: VariantView | None  # set when the shopper named one SKU (a cart line, a variant button)


_NOT_PRODUCT_WORDS = ("reference", "quantity", "coupon_code", "order_id", "price_min", "price_max")


def leftover_words(text: str, parse: ParseResult | None, *, drop_options: bool = False) -> str:
    """The text without entity spans and command words: what might name a product.

    ``drop_options`` also drops colour and size spans: "add 2 of the large black ones" names an option of the
    product in view, not a product to search for (searching "large black" put a hoodie in the cart)."""
    dropped = _NOT_PRODUCT_WORDS + (("color", "size") if drop_options else ())
    if parse is not None and parse.text == text:
        for e in sorted(parse.entities, key=lambda e: e.start, reverse=True):
            if e.entity in dropped:
                text = text[:e.start] + " " + text[e.end:]
    # A model's number is part of its name ("what about iphone 15 pro"), not a quantity: without it the
    # search looked for "iphone pro" and opened a case for the iPhone 15 (knowledge/search/model_numbers.py).
    if drop_options:
        text = OPTION_WORDS.sub(" ", text)  # "M码", "10码", "128G": options, never a name ("码" found a "Code")
        text = _OPTION_KIND.sub(" ", text)  # "add size 8": "size" is not a product to find
    models = [m.surface for m in parse_models(text) if not _COMMAND_WORDS.fullmatch(m.line)]
    for i, surface in enumerate(models):
        text = re.sub(re.escape(surface), f" qqmodel{i}qq ", text, count=1, flags=re.I)
    text = _LONE_VERB.sub(" ", _COMMAND_WORDS.sub(" ", _UNIT_OF.sub(" ", text)))
    words = re.sub(r"[^\w\s-]", " ", text).split()
    out = " ".join(w for w in words if not _COUNT_ONLY.match(w))
    for i, surface in enumerate(models):
        out = out.replace(f"qqmodel{i}qq", surface)
    return out


def _holds_all(rest: str, words: str) -> bool:
    """Whether the leftover words still hold every word of the product entity (it named part of them)."""
    tokens = set(word_tokens(rest))
    return all(w in tokens for w in word_tokens(words))


def _names_another_model(text: str, product: str) -> bool:
    """Whether the text names a model (line + number + variant) that the product entity's value is not."""
    named = {m.key for m in parse_models(text) if not _COMMAND_WORDS.fullmatch(m.line)}
    return bool(named - {m.key for m in parse_models(product)})


async def _top_hit(services: Services, words: str, lang: str) -> str | None:
    if services.search is None or not words:
        return None
    query = SearchQuery(text=words[:1000], limit=1, language=lang)
    results = await services.search.search(query)
    return results.hits[0].external_id if results.hits else None


# "the cheapest", "the best rated one", "最便宜的": a pick among the results on screen, not words to search for.
_SUPERLATIVES: tuple[tuple[re.Pattern[str], str], ...] = (
    # "the cheaper one", "便宜的那个": a comparison among those shown picks the same one
    (re.compile(r"\b(cheapest|least expensive|lowest[- ]priced?|cheaper|less expensive|lower[- ]priced?)\b|"
                r"最便宜|最实惠|便宜(?:一?点|一些|些)?的|便宜那|实惠(?:一?点|一些|些)?的", re.I), "cheapest"),
    (re.compile(r"\b(most expensive|priciest|dearest|highest[- ]priced?|pricier|more expensive)\b|最贵|"
                r"贵(?:一?点|一些|些)?的|贵那", re.I), "dearest"),
    (re.compile(r"\b(best|highest|top)[- ]rated\b|评分最高|评价最好|口碑最好", re.I), "rating"),
    (re.compile(r"\b(most popular|best[- ]?sell(?:ing|er))\b|最畅销|卖得最好|销量最高|最火", re.I), "sales"),
)


async def _superlative_shown(services: Services, state: Conversation, text: str,
                             parse: ParseResult | None) -> str | None:
    """The shown product a superlative picks ("add the cheapest"), when the message names nothing else."""
    from bot.core.skills.shopping.products import products_named

    found = next(((rx, kind) for rx, kind in _SUPERLATIVES if rx.search(text)), None)
    if found is None:
        return None
    rx, kind = found
    rest = rx.sub(" ", text)
    if re.sub(r"\d+", "", leftover_words(rest, None, drop_options=True)).strip():
        # "the cheapest french press": product words, a search of their own ("加1": a count, not a name)
        return None
    shown = [p for p in await products_named(services.uows, state.last_results) if p is not None]
    priced = [(p, p.min_price) for p in shown if p.min_price is not None]
    if not priced:
        return None
    if kind in ("cheapest", "dearest"):
        best = min(priced, key=lambda pm: pm[1].amount if kind == "cheapest" else -pm[1].amount)[0]
    elif kind == "rating":
        best = max(shown, key=lambda p: p.rating_tenths or 0)
    else:
        best = max(shown, key=lambda p: p.sales_count)
    return best.external_id


async def _demonstrative_named(services: Services, state: Conversation, ref: str, words: str,
                               lang: str) -> str:
    """The product "that <name>" means: the referenced one when the name is its own (or there is no name), else
    the product on screen or found whose names hold the name ("还是要那个德龙" after the grinder: the De'Longhi)."""
    if not words:
        return ref
    referenced = await product_named(services.uows, ref)
    if referenced is None or names_product(words, referenced):
        return ref
    other = await shown_named(services, state, words) or await _top_hit(services, words, lang)
    if other is None or other == referenced.external_id:
        return ref
    named = await product_named(services.uows, other)
    return other if named is not None and names_product(words, named) else ref  # filler ("就 谢谢") names nothing


async def _options_of_focus(services: Services, state: Conversation, words: str) -> bool:
    if not state.focus_sku:
        return False
    async with services.uows.read() as uow:
        try:
            focus, _ = await resolve_ref(uow, state.focus_sku)
        except NotFound:
            return False
    return only_options_of(words, focus)


async def find_target(services: Services, state: Conversation, text: str, parse: ParseResult | None,
                      lang: str = "en", use_text: bool = True) -> Target | None:
    """The product meant, or None when nothing points anywhere; raises ``Unresolved`` for a dangling reference."""
    ref: str | None = None
    reference = parse.first("reference") if parse is not None else None
    if reference is not None:
        if not reference.resolved:
            # "要最便宜那个 加1", "add the cheapest one": the superlative says which of those shown ("那个" alone
            # resolves to nothing, and the shopper was asked "which one?" right after sorting by price).
            picked = await _superlative_shown(services, state, text, parse) if state.last_results else None
            if picked is None:  # "cheapest one" then "add it": the one the sort put on top
                from bot.core.skills.shopping.which_shown import top_of_sorted

                picked = top_of_sorted(state, text)
            if picked is None:
                raise Unresolved(text[reference.start:reference.end] or str(reference.value))
            reference = None
            ref = picked
        else:
            ref = str(reference.value)
            if reference.ordinal is None and use_text:  # "那个德龙": a demonstrative with a name, the name says which
                ref = await _demonstrative_named(services, state, ref,
                                                 leftover_words(text, parse, drop_options=True), lang)
    if ref is None and state.last_results:
        ref = await _superlative_shown(services, state, text, parse)  # "add the cheapest": of those shown
    if ref is None:
        product_entity = parse.first("product") if parse is not None else None
        words = str(product_entity.value) if product_entity is not None else (
            leftover_words(text, parse, drop_options=True) if use_text else "")
        if product_entity is not None and use_text and _names_another_model(text, words):
            # "what about iphone 15 pro": the lexicon's product "iPhone 15" is not the model named.
            words = leftover_words(text, parse, drop_options=True)
        elif product_entity is not None and use_text:
            # "add the python ebook": the lexicon's "ebook" alone dropped "python" and another e-book was added.
            rest = leftover_words(text, parse, drop_options=True)
            if len(word_tokens(rest)) > len(word_tokens(words)) and _holds_all(rest, words):
                words = rest
        if words and await _options_of_focus(services, state, words):
            words = ""  # "加一台 黑色 128G的" with the iPhone open: its options, not a product to search for
        if len(words) >= 2 or any("\u4e00" <= c <= "\u9fff" for c in words):
            # a product on screen that the words name ("S24" with the Galaxy S24 shown) before the search's guess
            ref = await shown_named(services, state, words) or await seen_named(services, state, words)
            if ref is None:  # no one product on screen holds every word: the one that holds most of them
                ref = await best_named(services, state, words, await _top_hit(services, words, lang))
            if ref is None and services.search is not None:
                raise NoMatch(words)
    if ref is None:
        from bot.core.skills.shopping.which_shown import top_of_sorted

        ref = state.focus_sku or (state.last_results[0] if len(state.last_results) == 1 else None) \
            or top_of_sorted(state, text)
    if ref is None:
        return None
    async with services.uows.read() as uow:
        try:
            product, variant = await resolve_ref(uow, ref)
        except NotFound:
            return None
    return Target(product, variant)
