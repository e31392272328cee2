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

from knowledge.search.audience import KIDS, query_audience, query_without_audience
from knowledge.search.filters import SearchFilters
from knowledge.search.model_numbers import parse_models
from knowledge.search.models import SearchQuery
from knowledge.search.persona import child_gift_words, interest_phrase
from knowledge.search.preferences import Preferences
from knowledge.search.sorting import SortOrder
from knowledge.text.stopwords import STOPWORDS
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

_SORTS: tuple[tuple[re.Pattern[str], SortOrder], ...] = (
    # A direction said in full ("sort by price high to low", "price: low to high", "most expensive first") is
    # read before the single words below: "by price" alone means cheapest first, and it sorted "sort by price
    # high to low" ascending (and left "high to low" behind as product words, so the re-sort was refused).
    (re.compile(r"(?:\b(?:sort(?:ed)?|order(?:ed)?)\s+)?(?:\bby\s+)?(?:\bprices?\b[\s:,(-]*)?(?:\bfrom\s+)?"
                r"\b(?:high(?:est)?|expensive)\s*(?:to|-|->|>)\s*(?:low(?:est)?|cheap(?:est)?)\b|"
                r"\b(?:most\s+)?expensive\s+(?:ones?\s+)?first\b", re.I), SortOrder.PRICE_DESC),
    (re.compile(r"(?:\b(?:sort(?:ed)?|order(?:ed)?)\s+)?(?:\bby\s+)?(?:\bprices?\b[\s:,(-]*)?(?:\bfrom\s+)?"
                r"\b(?:low(?:est)?|cheap(?:est)?)\s*(?:to|-|->|>)\s*(?:high(?:est)?|expensive)\b|"
                r"\bcheap(?:est)?\s+(?:ones?\s+)?first\b", re.I), SortOrder.PRICE_ASC),
    # Most expensive first is asked with the cheap words too ("从贵到便宜", "sort by price high to low"), so it
    # is looked for before them: those messages were sorted cheapest first.
    (re.compile(r"\b(most expensive|highest price[sd]?|high(?:est)? to low(?:est)?|priciest|"
                r"(?:most )?expensive (?:ones )?first|pricier (?:ones )?first|descending)\b|最贵|价格最高|从高到低|"
                r"[从由]贵到(?:便宜|低|廉)?|贵的(?:排)?(?:在)?[前先](?:面)?|贵的放前面|由高到低", re.I),
     SortOrder.PRICE_DESC),
    # "cheap office chair": the shopper wants the cheapest products of that kind first (they did not give a
    # budget to filter by).
    (re.compile(r"\b(cheapest|lowest price[sd]?|low to high|least expensive|cheaper|cheap|inexpensive|affordable|"
                r"cheeper|cheper|chepaer|chaeper|cheapr|cheep|less expensive|lower priced?|"
                r"low[- ]cost|too (expensive|pricey|much)|(sort(ed)?|order(ed)?) by price|by price)\b|最便宜|最低价|"
                r"价格最低|从低到高|由低到高|从便宜到贵|便宜的|便宜点的|便宜点|便宜|实惠的|实惠|平价的|平价|太贵了|太贵|按价格排序|按价格",
                re.I), SortOrder.PRICE_ASC),
    (re.compile(r"\b(best|top|highest)[ -]rated\b|\bbest reviewed\b|\bby rating\b|评分最高|评分高|评分最好|"
                r"分数最?高|好评最多|好评多|好评率最?高|评价最好|评价最?高|口碑最好|口碑好|星级最?高", re.I),
     SortOrder.RATING),
    (re.compile(r"\b(best[ -]?sell(ing|ers?)|most popular|popular|top sellers?)\b|销量最高|销量|最畅销|热销|"
                r"最受欢迎|卖(?:的|得)?最好|最好卖|卖(?:的|得)最多|卖得好|买的人最多|最多人买", re.I), SortOrder.SALES),
)


# What leads an order word ("sort by cheapest", "sorted by most popular", "order them by rating"): it goes with
# the order word, or "wireless earbuds under 100 sort by cheapest" searched (and showed) "wireless earbuds sort by".
_SORT_LEAD = re.compile(r"\b(?:sort(?:ed)?|order(?:ed)?|rank(?:ed)?|list(?:ed)?)(?:\s+(?:them|it|these|those|results))?"
                        r"\s+by\s*$|\b(?:sort(?:ed)?|order(?:ed)?)\s*$", re.I)
# "sort by price" said around the direction ("sort by price high to low", "按价格从高到低"): part of the request.
_BY_PRICE = re.compile(r"\b(?:(?:sort(?:ed)?|order(?:ed)?)\s+)?by\s+price\b|按价格|按价钱", re.I)


def sort_from_text(text: str) -> tuple[SortOrder, str]:
    """The order asked for and the text without the words that asked for it."""
    for pattern, order in _SORTS:
        if pattern.search(text):
            parts = pattern.split(text)
            # (split keeps the pattern's groups: every match is followed by as many captures as it has)
            step = pattern.groups + 1
            pieces = [parts[i] for i in range(0, len(parts), step)]
            rest = " ".join(_SORT_LEAD.sub(" ", p) if i < len(pieces) - 1 else p for i, p in enumerate(pieces))
            if order in (SortOrder.PRICE_ASC, SortOrder.PRICE_DESC):
                rest = _BY_PRICE.sub(" ", rest)
            return order, " ".join(rest.split())
    return SortOrder.RELEVANCE, text


# Words that only qualify a price ("under $50", "between 20 and 40", "300元以内") go with the price.
_PRICE_BEFORE = re.compile(r"(\b(?:(?:do not|don'?t|not|never|won'?t|can'?t)\s+(?:want to\s+|wanna\s+)?(?:spend|pay)\s+"
                           r"(?:more than|over|above)|under|below|less than|cheaper than|up to|within|max(imum)?|over|"
                           r"above|more than|"
                           r"at least|from|between|and|to|for|(?:my\s+)?budget(?:\s+is|\s+of)?|around|about|"
                           r"roughly)\s*|预算(?:是|在|大概|差不多|大约)?|大概|差不多|大约|低于|不超过|高于|大于|在|到|至|-)\s*$",
                           re.I)
_PRICE_AFTER = re.compile(r"^\s*(以内|以下|以上|之内|左右|or less|or more|max)")
# Entities that are instructions, not product words: they leave the search text.
_INSTRUCTIONS = ("price_min", "price_max", "quantity")
# Entities that describe the product the shopper has in mind: they become preferences and leave the
# *product words* (what the relevance cut judges a product's kind on), but stay in the search text. A size
# stays in the product words too: it is part of what the product is ("king size sheets", "4人帐篷").
_STATED = ("color", "brand")
# ...except a letter size of clothing ("hoodie size M", "M码卫衣"): it says which variant, never what the product
# is, and left in the product words "M码" made the cut rank a blouse above the hoodies. It leaves them with its
# marker word ("size", "码", "号").
_LETTER_SIZE = re.compile(r"^(?:[2-5]?X{0,4}[SL]|M|X{1,4})$", re.I)
_SIZE_BEFORE = re.compile(r"\b(?:in\s+)?(?:size|sz)\s*$", re.I)
_SIZE_AFTER = re.compile(r"^\s*(?:码|號|号)")
_LETTER_SIZE_SPAN = "letter_size"


def _alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _on_word_boundary(text: str, start: int, end: int) -> bool:
    """A Latin-script entity must be a whole word: "ten" inside "tennis" is not a quantity."""
    if not 0 <= start < end <= len(text):
        return False
    if start > 0 and _alnum(text[start - 1]) and _alnum(text[start]):
        return False
    return not (end < len(text) and _alnum(text[end]) and _alnum(text[end - 1]))


def usable_entities(text: str, parse: ParseResult | None) -> list[ParsedEntity]:
    """The parse's entities this text can use: whole words only, and no brand that is just a common
    lower-case word ("stand on after a shower" does not ask for the brand On)."""
    if parse is None or parse.text != text:
        return []
    out = []
    for e in parse.entities:
        if not _on_word_boundary(text, e.start, e.end):
            continue
        surface = text[e.start:e.end]
        if e.entity == "brand" and surface.islower() and surface.strip() in STOPWORDS:
            continue
        out.append(e)
    return out


def _letter_sizes(text: str, entities: list[ParsedEntity]) -> list[ParsedEntity]:
    """The letter sizes of clothing among ``entities``, widened to their marker words, as ``letter_size``."""
    out = []
    for e in entities:
        if e.entity != "size" or not _LETTER_SIZE.match(text[e.start:e.end].strip()):
            continue
        start, end = e.start, e.end
        if (before := _SIZE_BEFORE.search(text[:start])) is not None:
            start = before.start()
        if (after := _SIZE_AFTER.match(text[end:])) is not None:
            end += after.end()
        out.append(replace(e, entity=_LETTER_SIZE_SPAN, start=start, end=end))
    return out


def _strip_spans(text: str, entities: list[ParsedEntity], names: tuple[str, ...]) -> str:
    spans = sorted(((e.start, e.end, e.entity) for e in entities if e.entity in names), reverse=True)
    for start, end, entity in spans:
        if entity.startswith("price"):
            while (before := _PRICE_BEFORE.search(text[:start])) is not None and before.start() < start:
                start = before.start()
            if (after := _PRICE_AFTER.match(text[end:])) is not None:
                end += after.end()
        text = text[:start] + " " + text[end:]
    return " ".join(text.split())


# Asking words around the product words ("do you have ...?", "有没有...的", "帮我找..."): they are how the
# shopper asked, not what they want, so they leave the keyword text and the "results for X" line.
# Greetings and fillers first ("hey need wireless earbuds", "ok so do u have the …"): none is a product word.
_ASKING_BEFORE = re.compile(
    r"^(?:(?:please|pls|plz|(?:can|cn|could|cud) (?:you|u)|hi|hey|hello|hiya|heya|yo|ok|okay|so|um+|hm+|"
    r"also|and|but)[\s,!.]+)*"
    r"(?:(?:show me|find me|find|search for|search|look(?:ing)? for|(?:i'?m|im|i am) looking for|"
    r"(?:i\s+)?(?:really\s+)?(?:want|need|wanna)(?:\s+to\s+(?:buy|get|find))?|(?:i'?d|id|i would) like|"
    r"do (?:you|u|ya|yall|y'all)(?: guys| all)? (?:have|sell|carry|stock|got)|have (?:you|u) got|got any|any|"
    r"get me|give me|gimme|lemme see|let me see|recommend(?: me)?|suggest(?: me)?|some?thing (?:from|by)|"
    r"(?:are|r|is) there)\s+)+"
    r"(?:(?:some|any|a|an|the|your|ur)(?:\s+|$))?|"
    r"^(?:请|麻烦)?(?:(?:帮我|给我)?(?:找找|找一下|找一找|找|搜一下|搜索|看看|看一下)|有没有|有无|来个|来一个|来点|"
    r"我想要|我想买|我要买|我要|想要|想买|推荐一下|推荐|"
    # "有256g的吗", "有茶叶没": 有 opening a yes/no question asks whether the shop has it ("有机"/"有线" are words)
    r"有(?![没机线声氧效色趣名用点])(?=\S.*?(?:吗|么|嘛|没有?|不)[\s?？!！。~]*$))+(?:一个|个|一些|些|一点|点)?",
    re.I)
# "华为手机有吗", "size 10 有没有", "灰色有没", "茶叶有不": 有 (没/不) at the end asks whether the shop has it.
_ASKING_AFTER = re.compile(r"(?:[\s,，。.!！?？的吗呢啊吧呀么嘛没不]|有没有|有木有|没有|有没|有|\bplease\b|\bpls\b)+$",
                           re.I)
_LEADING_JUNK = re.compile(r"^[\s,，。.的]+")
# A first clause that only sets the scene ("hi im in canada, need a warm winter jacket", "it's for my trip. i'm
# looking for a tent"): the request starts at the asking verb of a later clause.
_LATER_ASK = re.compile(r"[,，.;!！]\s*(?=(?:(?:so|and|but|i|i'?m|im|i am|we|we'?re)\s+)*(?:need|want|looking for|"
                        r"searching for)\b)", re.I)


def _request_clause(text: str) -> str:
    """The text from the clause that asks for something, when an earlier clause only set the scene."""
    m = _LATER_ASK.search(text)
    return text[m.end():] if m is not None else text


def names_nothing(text: str) -> bool:
    """Whether a search text is only asking words ("有没有", "do you have"): a budget or an order said alone."""
    return not _LEADING_JUNK.sub("", _ASKING_AFTER.sub("", _ASKING_BEFORE.sub("", text.strip()))).strip()


def product_words(text: str) -> str:
    """The product words of a search message: "有没有无线耳机， 的" -> "无线耳机"; a clause before the one that
    asks is how the shopper began, not what they want ("hi im in canada, need a warm jacket" -> "warm jacket")."""
    return _asked_for(text) or text.strip()


# "do you have a yoga block too?", "a leash as well": the word that adds it to what came before is no product
# word (the search showed mats "for 'yoga block too'", and "too" became the head noun the kind is judged on).
_ALSO_AFTER = re.compile(r"(?:[\s,]+(?:too|as\s+well|aswell|also|either))+[\s,.!?？！]*$", re.I)


def _asked_for(text: str) -> str:
    text = _request_clause(text.strip())
    clauses = text.split(",")
    asking = [i for i, c in enumerate(clauses) if i and _ASKING_BEFORE.match(c.strip())]
    cleaned = _ASKING_BEFORE.sub("", ",".join(clauses[asking[-1]:]).strip() if asking else text)
    cleaned = _LEADING_JUNK.sub("", _ASKING_AFTER.sub("", _ALSO_AFTER.sub("", cleaned)))
    return " ".join(cleaned.split())


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
    _, rest = sort_from_text(_strip_spans(text, usable_entities(text, parse), _INSTRUCTIONS))
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
    cleaned = _strip_spans(text, entities, _INSTRUCTIONS)
    product = _strip_spans(text, [*entities, *_letter_sizes(text, entities)],
                           _INSTRUCTIONS + _STATED + (_LETTER_SIZE_SPAN,))
    _, cleaned = sort_from_text(cleaned)
    _, product = sort_from_text(product)
    cleaned = product_words(cleaned) if cleaned.strip() else cleaned
    product = _asked_for(product)
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
        filters = replace(filters, audience=audience)
        category = prefer.category if prefer.category and query_without_audience(prefer.category) else None
        prefer = replace(prefer, audience=audience, category=category)
        product = query_without_audience(product) or product
        if audience == KIDS and interest is None:
            # "gift for 7 year old boy": toys, not the coffee gift baskets the gift words found (persona.py)
            product = child_gift_words(product) or product
    return SearchQuery(text=cleaned[:1000], limit=limit, offset=offset, filters=filters,
                       sort=order, user_id=user_id, language=lang, prefer=prefer,
                       product_text=product[:1000] if prefer.active or interest else None)


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
