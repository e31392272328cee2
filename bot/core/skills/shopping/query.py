"""From what the shopper said to a ``SearchQuery``: NLU entities become filters, sort words an order.

WHY the text is cleaned: price phrases ("under $50") and sort words ("cheapest") are instructions, not
product words, and would only add noise to keyword matching. A price is a hard filter. Colour, size,
brand and category are *preferences*: they order the products of the kind asked for (a burgundy dress
for "红色连衣裙" before the other dresses; never a red lipstick) and stay in the search text, where they
also help ranking; ``product_text`` leaves the colour, size and brand words out so the relevance cut
judges products on what they are. The CLI (`shopbot search`, `--batch`, `search eval`) reads text through
this same function, so a query means the same in a chat and in a batch file.

The query is kept in the conversation state (``last_query``/``last_filters``) so "next page" re-runs it.
"""

from __future__ import annotations

import re
from dataclasses import asdict, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.core.skills.shopping.asked_words import asked_for, names_nothing, product_words
from bot.core.skills.shopping.entity_spans import (
    INSTRUCTIONS,
    LETTER_SIZE_SPAN,
    STATED,
    letter_sizes,
    strip_spans,
    usable_entities,
)
from bot.core.skills.shopping.sort_words import sort_from_text
from knowledge.search.audience import KIDS, child_age, query_audience, query_without_audience
from knowledge.search.filters import SearchFilters
from knowledge.search.model_numbers import parse_models
from knowledge.search.models import SearchQuery
from knowledge.search.persona import (
    CHILD_GIFT,
    CHILD_GIFTS,
    GIFT_CARDS,
    GIFT_TAG,
    NOT_FOR_ADULTS,
    adult_gift,
    child_gift_words,
    interest_phrase,
    recipient_audience,
)
from knowledge.search.preferences import Preferences
from knowledge.search.sorting import SortOrder
from knowledge.text.tokenize import has_han
from nlu.result import IntentScore, ParsedEntity, ParseResult

if TYPE_CHECKING:
    from nlu.context import CatalogVocabulary
    from nlu.entities.extractor import EntityExtractor

__all__ = ["sort_from_text", "filters_from_parse", "preferences_from_parse", "build_query", "save_query",
           "load_query", "PAGE_SIZE", "product_words", "request_words", "names_nothing", "price_currency",
           "usable_entities",
           "TextQueryParser"]

PAGE_SIZE = 4

def _text(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


# What 元/块 mean: the shop has no exchange rates, and a shopper reading prices in the shop's currency
# says "元"/"块" for "units of money" ("100块以下" = under 100 of what the prices show). So 元/块/块钱 are
# the shop's currency; only an explicit foreign sign or code (¥, ￥, RMB, CNY, yuan, 人民币 -- or $, €, £
# in a shop that prices in something else) names another currency, whose filter then matches nothing and
# is relaxed with a note. docs/search.md "What 元 means".
_EXPLICIT_FOREIGN = re.compile(r"[¥￥$€£]|rmb|cny|yuan|人民币|dollar|buck|usd|euro|eur|pound|quid|gbp", re.I)


def price_currency(text: str, entity: ParsedEntity, shop_currency: str) -> str:
    """The currency a price entity is in, by the rule above (``entity.currency`` is the NLU's guess)."""
    if entity.currency and _EXPLICIT_FOREIGN.search(entity.surface(text)):
        return entity.currency
    return shop_currency


def filters_from_parse(parse: ParseResult | None, default_currency: str) -> SearchFilters:
    """The hard constraints stated in a message: a price range (in the shop's currency unless another is
    named explicitly). Colour, size, brand and category are preferences (``preferences_from_parse``)."""
    if parse is None:
        return SearchFilters()
    entities = usable_entities(parse.text, parse)
    low = next((e for e in entities if e.entity == "price_min"), None)
    high = next((e for e in entities if e.entity == "price_max"), None)
    currency = next((price_currency(parse.text, e, default_currency) for e in (high, low) if e is not None), None)
    lo = int(low.value) if low is not None and str(low.value).isdigit() else None
    hi = int(high.value) if high is not None and str(high.value).isdigit() else None
    if lo is not None and hi is not None and lo > hi:
        lo, hi = hi, lo
    priced = lo is not None or hi is not None
    return SearchFilters(min_price_minor=lo, max_price_minor=hi, currency=(currency or default_currency) if priced
                         else None)


# A purpose between the product and a later category word: "rain jacket for hiking" asks for a jacket to
# hike in, not for the shop's Hiking department (its backpacks); "登山用的背包", "适合跑步的鞋".
_PURPOSE = re.compile(r"\b(?:for|to|when|while|during)\b|用于|用来|适合|适用于|用的|穿的", re.I)


def _names_a_use(text: str, entity: ParsedEntity, entities: list[ParsedEntity]) -> bool:
    """Whether a category word only says what the product named before it is *for*."""
    before = [e for e in entities if e.entity in ("product", "category") and e.end <= entity.start]
    return any(_PURPOSE.search(text[e.end:entity.start]) for e in before)


def preferences_from_parse(parse: ParseResult | None) -> Preferences:
    """Colour, size, brand and category named in the message: they order the products of the kind asked
    for instead of filtering a loose candidate set (knowledge/search/preferences.py). A category word in a
    purpose after the product ("rain jacket for hiking") is the use, not the kind: it stays a search word
    but does not rank the Hiking department's backpacks above the jackets."""
    if parse is None:
        return Preferences()
    entities = usable_entities(parse.text, parse)
    entities = [e for e in entities if e.entity != "category" or not _names_a_use(parse.text, e, entities)]

    def first(name: str) -> str | None:
        return next((_text(e.value) for e in entities if e.entity == name), None)

    # "sony or bose headphones": both brands (joined by "|", as the brand filter names several), not the first.
    brands = list(dict.fromkeys(b for e in entities if e.entity == "brand" and (b := _text(e.value))))
    return Preferences(colour=first("color"), size=first("size"), brand="|".join(brands) or None,
                       category=first("category"))


def request_words(text: str, parse: ParseResult | None) -> str:
    """The message without its price, quantity and sort words ("gift for my dad he loves coffee, under $60" ->
    "gift for my dad he loves coffee,"): what is left says what the shopper wants."""
    _, rest = sort_from_text(strip_spans(text, usable_entities(text, parse), INSTRUCTIONS))
    return rest


def _outside_models(text: str, entities: list[ParsedEntity]) -> list[ParsedEntity]:
    """The entities that are not the number of a model ("nova 12", "iphone 15 pro"): the number is part of
    the product's name, not a quantity or a size to take out (knowledge/search/model_numbers.py)."""
    lowered, spans = text.lower(), []
    for model in parse_models(text):
        start = lowered.find(model.surface.lower())
        if start >= 0:
            spans.append((start, start + len(model.surface)))
    if not spans:
        return entities
    return [e for e in entities
            if e.entity not in ("quantity", "size") or not any(a <= e.start and e.end <= b for a, b in spans)]


def build_query(text: str, parse: ParseResult | None, *, user_id: int | None, lang: str, currency: str,
                offset: int = 0, limit: int = PAGE_SIZE) -> SearchQuery:
    """The dialogue's (and the CLI's) reading of a search message: sort words -> order, prices -> hard
    filters, colour/size/brand/category -> preferences, the rest -> search text; ``product_text`` is the
    search text without the stated colour and brand."""
    order, _ = sort_from_text(text)
    entities = _outside_models(text, usable_entities(text, parse))
    cleaned = strip_spans(text, entities, INSTRUCTIONS)
    product = strip_spans(text, [*entities, *letter_sizes(text, entities)],
                           INSTRUCTIONS + STATED + (LETTER_SIZE_SPAN,))
    _, cleaned = sort_from_text(cleaned)
    _, product = sort_from_text(product)
    cleaned = product_words(cleaned) if cleaned.strip() else cleaned
    product = asked_for(product)
    # Read without the brand ("Boy Smells candle" is not for boys) and the price.
    audience = query_audience(product)
    # A present for someone described by what they love ("gift for my dad who likes coffee"): products are
    # judged on the interest, retrieval still reads the whole request.
    interest = interest_phrase(product)
    product = interest or product
    prefer = preferences_from_parse(parse)
    filters = filters_from_parse(parse, currency)
    # Women's/men's/kids' products asked for: those first, none marked only for another audience
    # (knowledge/search/audience.py). The audience words leave the product words, and a department they
    # were read as ("women" -> Women's Fashion) is not a preference: women's running shoes are in Shoes.
    if audience is not None:
        # "gift for my 7 year old": none of the toys marked "Ages 14+" either (knowledge/search/ages.py)
        filters = replace(filters, audience=audience, age=child_age(product) if audience == KIDS else None)
        category = prefer.category if prefer.category and query_without_audience(prefer.category) else None
        prefer = replace(prefer, audience=audience, category=category)
        product = query_without_audience(product) or product
        if audience == KIDS and interest is None and child_gift_words(product):
            # "gift for 7 year old boy": the shop's gifts for a child of that age (toys first), a list, not the
            # coffee gift baskets the gift words found (persona.py)
            filters = replace(filters, category=filters.category or CHILD_GIFTS, tag=GIFT_TAG)
            product = CHILD_GIFT
    gift = adult_gift(product) if audience is None and interest is None else None
    if gift is not None:
        # "birthday gift for my girlfriend": the shop's gifts for her, not four gift cards (persona.py)
        who, tag = gift
        said_brand = prefer.brand or filters.brand
        brand_recipient = recipient_audience(said_brand) if said_brand else None
        if brand_recipient is not None:  # "gift for my brother": who it is for, not the Brother label makers
            who = who or brand_recipient
            prefer, filters = replace(prefer, brand=None), replace(filters, brand=None)
        left_out = f"{GIFT_CARDS}|{NOT_FOR_ADULTS}" if who else GIFT_CARDS
        filters = replace(filters, audience=who, not_category=left_out, tag=tag)
        prefer = replace(prefer, audience=who) if who else prefer
    return SearchQuery(text=cleaned[:1000], limit=limit, offset=offset, filters=filters,
                       sort=order, user_id=user_id, language=lang, prefer=prefer,
                       product_text=product[:1000] if (prefer.active or interest) and not gift else None)


def save_query(query: SearchQuery, exclude: int | None = None) -> dict[str, Any]:
    """The query as JSON for ``state.last_filters`` (text goes to ``state.last_query``)."""
    data: dict[str, Any] = {k: v for k, v in asdict(query.filters).items() if v not in (None, False)}
    data["sort"] = query.sort.value
    prefer = {k: v for k, v in asdict(query.prefer).items() if v}
    if prefer:
        data["prefer"] = prefer
    if query.product_text is not None:
        data["product_text"] = query.product_text
    if exclude is not None:
        data["exclude"] = exclude
    return data


def load_query(text: str, saved: dict[str, Any], *, user_id: int, lang: str, offset: int,
               limit: int = PAGE_SIZE) -> SearchQuery:
    fields = {k: v for k, v in saved.items() if k in SearchFilters.__dataclass_fields__}
    try:
        filters = SearchFilters(**fields)
    except (TypeError, ValueError):
        filters = SearchFilters()
    try:
        order = SortOrder(saved.get("sort", "relevance"))
    except ValueError:
        order = SortOrder.RELEVANCE
    stated = saved.get("prefer")
    try:
        prefer = Preferences(**{k: str(v) for k, v in stated.items() if k in Preferences.__dataclass_fields__}) \
            if isinstance(stated, dict) else Preferences()
    except TypeError:
        prefer = Preferences()
    product = saved.get("product_text")
    return SearchQuery(text=text[:1000], limit=limit, offset=offset, filters=filters, sort=order,
                       user_id=user_id, language=lang, prefer=prefer,
                       product_text=product[:1000] if isinstance(product, str) else None)


class TextQueryParser:
    """Reads search text exactly as the dialogue does, for callers outside a conversation (`shopbot search`,
    `--batch`, `search eval`): the NLU's own entity extractor (its lexicon built from the same training
    data the bot's model is trained on) with the live catalog's brands and categories, then
    ``build_query``. No intent model is loaded: every line is a search."""

    def __init__(self, extractor: EntityExtractor, vocabulary: CatalogVocabulary | None, currency: str) -> None:
        self._extractor = extractor
        self._vocabulary = vocabulary
        self._currency = currency

    @classmethod
    def from_training_data(cls, vocabulary: CatalogVocabulary | None, currency: str,
                           data_dir: Path | None = None) -> TextQueryParser:
        from nlu.entities.extractor import EntityExtractor
        from nlu.entities.lexicon import Lexicon
        from nlu.factory import DEFAULT_DATA_DIR
        from nlu.training_data import data_files, load_training_data

        lexicon = Lexicon.from_training_data(load_training_data(data_files(data_dir or DEFAULT_DATA_DIR)))
        return cls(EntityExtractor(lexicon), vocabulary, currency)

    def parse(self, text: str, lang: str | None = None) -> ParseResult:
        from nlu.context import DialogueContext

        language = lang or ("zh" if has_han(text) else "en")
        context = DialogueContext(catalog=self._vocabulary, language=language, currency=self._currency)
        return ParseResult(text=text, intent=IntentScore("search_product", 1.0),
                           entities=self._extractor.extract(text, context), language=language)

    def query(self, text: str, *, limit: int, lang: str | None = None, user_id: int | None = None) -> SearchQuery:
        language = lang or ("zh" if has_han(text) else "en")
        return build_query(text, self.parse(text, language), user_id=user_id, lang=language,
                           currency=self._currency, limit=limit)
