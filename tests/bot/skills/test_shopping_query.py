from __future__ import annotations

from dataclasses import replace

import pytest

from bot.core.skills.shopping.query import TextQueryParser, build_query, load_query, save_query, sort_from_text
from knowledge.search.sorting import SortOrder
from nlu.context import CatalogVocabulary
from nlu.result import IntentScore, ParsedEntity, ParseResult


def parsed(text: str, *spans: tuple[str, str, int | str]) -> ParseResult:
    entities = tuple(ParsedEntity(name, value, text.index(word), text.index(word) + len(word))
                     for name, word, value in spans)
    return ParseResult(text=text, intent=IntentScore("search_product", 0.9), entities=entities)


@pytest.mark.parametrize(("text", "spans", "words", "low", "high"), [
    ("wireless earbuds under $50", [("price_max", "$50", 5000)], "wireless earbuds", None, 5000),
    ("headphones between 20 and 40", [("price_min", "20", 2000), ("price_max", "40", 4000)], "headphones",
     2000, 4000),
    ("电饭煲300元以内", [("price_max", "300元", 30000)], "电饭煲", None, 30000),
    ("cheapest red mug", [], "red mug", None, None),
])
def test_price_and_sort_words_become_filters_not_search_words(
    text: str, spans: list[tuple[str, str, int]], words: str, low: int | None, high: int | None
) -> None:
    query = build_query(text, parsed(text, *spans), user_id=1, lang="en", currency="USD")
    assert query.text == words
    assert (query.filters.min_price_minor, query.filters.max_price_minor) == (low, high)


def _entity(text: str, name: str, word: str, value: str | int, currency: str | None = None) -> ParsedEntity:
    start = text.index(word)
    return ParsedEntity(name, value, start, start + len(word), currency=currency)


@pytest.mark.parametrize(("text", "word", "currency"), [
    ("500元以内的空气炸锅", "500元", "USD"),      # 元/块: the shop's own unit of money
    ("100块以下的耳机", "100块", "USD"),
    ("300以内的背包", "300", "USD"),
    ("¥500以内的空气炸锅", "¥500", "CNY"),        # an explicit foreign sign or code stays foreign
    ("under 500 yuan air fryer", "500 yuan", "CNY"),
])
def test_yuan_means_the_shop_currency_unless_a_foreign_one_is_named(text: str, word: str, currency: str) -> None:
    parse = ParseResult(text=text, intent=IntentScore("search_product", 0.9),
                        entities=(_entity(text, "price_max", word, 50000, currency="CNY"),))
    query = build_query(text, parse, user_id=1, lang="zh", currency="USD")
    assert query.filters.currency == currency and query.filters.max_price_minor == 50000


def test_stated_colour_and_brand_are_preferences_and_leave_the_product_words() -> None:
    text = "红色连衣裙"
    query = build_query(text, ParseResult(text=text, intent=IntentScore("search_product", 0.9),
                                          entities=(_entity(text, "color", "红色", "red"),)),
                        user_id=1, lang="zh", currency="USD")
    assert query.text == "红色连衣裙" and query.product_text == "连衣裙"
    assert query.prefer.colour == "red" and not query.filters.active
    text = "nike running shoes size 10"
    parse = ParseResult(text=text, intent=IntentScore("search_product", 0.9),
                        entities=(_entity(text, "brand", "nike", "Nike"), _entity(text, "size", "10", "10")))
    query = build_query(text, parse, user_id=1, lang="en", currency="USD")
    assert (query.prefer.brand, query.prefer.size) == ("Nike", "10") and query.product_text == "running shoes size 10"


def test_entities_inside_words_and_common_words_as_brands_are_ignored() -> None:
    text = "tennis racket"           # "ten" is not a quantity here
    parse = ParseResult(text=text, intent=IntentScore("search_product", 0.9),
                        entities=(ParsedEntity("quantity", 10, 0, 3),))
    assert build_query(text, parse, user_id=1, lang="en", currency="USD").text == "tennis racket"
    text = "something soft to stand on after a shower"   # not the brand "On"
    on = text.index(" on ") + 1
    parse = replace(parse, text=text, entities=(ParsedEntity("brand", "On", on, on + 2),))
    assert build_query(text, parse, user_id=1, lang="en", currency="USD").prefer.brand is None


@pytest.mark.parametrize(("text", "order"), [("cheap office chair", SortOrder.PRICE_ASC),
                                             ("便宜的哑铃", SortOrder.PRICE_ASC),
                                             ("来个最便宜的瑜伽垫", SortOrder.PRICE_ASC),
                                             ("best rated headphones", SortOrder.RATING)])
def test_sort_words(text: str, order: SortOrder) -> None:
    query = build_query(text, None, user_id=1, lang="en", currency="USD")
    assert query.sort is order and query.text in {"office chair", "哑铃", "瑜伽垫", "headphones"}


@pytest.mark.parametrize(("text", "words"), [
    ("wireless earbuds under 100 sort by cheapest", "wireless earbuds under 100"),
    ("headphones sorted by price", "headphones"),
    ("tents, order them by best rated", "tents,"),
    ("sort by cheapest", ""),
])
def test_the_words_leading_an_order_leave_with_it(text: str, words: str) -> None:
    """Typed "wireless earbuds under 100 sort by cheapest": the results line said “wireless earbuds sort by”."""
    order, rest = sort_from_text(text)
    assert order is not SortOrder.RELEVANCE and rest == words


def test_saved_query_keeps_preferences_and_product_words_for_the_next_page() -> None:
    query = build_query("红色连衣裙", ParseResult(text="红色连衣裙", intent=IntentScore("search_product", 0.9),
                                                  entities=(ParsedEntity("color", "red", 0, 2),)),
                        user_id=1, lang="zh", currency="USD")
    again = load_query(query.text, save_query(query), user_id=1, lang="zh", offset=4)
    assert again.prefer == query.prefer and again.product_text == "连衣裙" and again.offset == 4


@pytest.fixture(scope="module")
def parser() -> TextQueryParser:
    """The real NLU entity extractor (lexicon from nlu/data) with a small catalogue vocabulary."""
    return TextQueryParser.from_training_data(CatalogVocabulary.build(brands=["Dyson", "Xiaomi", "Nike"]), "USD")


@pytest.mark.parametrize(("text", "words", "high", "colour", "order"), [
    ("wireless earbuds under $50", "wireless earbuds", 5000, None, SortOrder.RELEVANCE),
    ("500元以内的空气炸锅", "空气炸锅", 50000, None, SortOrder.RELEVANCE),
    ("红色连衣裙", "红色连衣裙", None, "red", SortOrder.RELEVANCE),
    ("来个最便宜的瑜伽垫", "瑜伽垫", None, None, SortOrder.PRICE_ASC),
    ("cheapest yoga mat", "yoga mat", None, None, SortOrder.PRICE_ASC),
])
def test_text_parser_reads_like_the_dialogue(parser: TextQueryParser, text: str, words: str, high: int | None,
                                             colour: str | None, order: SortOrder) -> None:
    query = parser.query(text, limit=10)
    assert (query.text, query.filters.max_price_minor, query.sort) == (words, high, order)
    assert (query.prefer.colour or "").lower() == (colour or "")
    if high is not None:
        assert query.filters.currency == "USD"


@pytest.mark.parametrize(("text", "spans", "category"), [
    # A category word after "for" names the use: the jacket is still the kind asked for.
    ("rain jacket for hiking", [("product", "rain jacket", "rain jacket"), ("category", "hiking", "Hiking")], None),
    ("jacket for camping", [("product", "jacket", "jacket"), ("category", "camping", "Camping")], None),
    # ...but a category word that *is* the kind, or comes first, still ranks.
    ("hiking backpack", [("category", "hiking", "Hiking"), ("product", "backpack", "backpack")], "Hiking"),
    ("shoes for running", [("category", "shoes", "Shoes")], "Shoes"),
])
def test_a_category_word_that_names_a_use_is_not_a_preference(
    text: str, spans: list[tuple[str, str, str]], category: str | None
) -> None:
    query = build_query(text, parsed(text, *spans), user_id=1, lang="en", currency="USD")
    assert query.prefer.category == category
    assert query.text == text                      # the use stays a search word


@pytest.mark.parametrize(("text", "interest"), [
    ("gift for my dad who likes coffee", "coffee"),
    ("birthday gift for my sister who loves reading", "reading"),
    ("给爸爸买个礼物，他喜欢喝茶", "喝茶"),
])
def test_a_gift_for_someone_described_by_an_interest_is_judged_on_the_interest(text: str, interest: str) -> None:
    query = build_query(text, parsed(text), user_id=1, lang="en", currency="USD")
    assert query.text == text and query.product_text == interest


def test_a_gift_request_that_names_a_product_keeps_the_product() -> None:
    text = "running shoes for my son who loves football"
    query = build_query(text, parsed(text), user_id=1, lang="en", currency="USD")
    assert query.product_text is None


@pytest.mark.parametrize(("text", "audience", "words"), [
    ("trail runners for women size 7", "women", "trail runners for size 7"),
    ("mens wool socks", "men", "wool socks"),
    ("女款登山鞋", "women", "登山鞋"),
    ("男士羽绒服", "men", "羽绒服"),
    ("儿童雨靴", "kids", "雨靴"),
])
def test_a_stated_audience_filters_out_the_other_and_comes_first(text: str, audience: str, words: str) -> None:
    """"runing shoes for women size 8" showed men's shoes after one women's; "show me cheaper ones" kept them."""
    query = build_query(text, parsed(text), user_id=1, lang="en", currency="USD")
    assert query.filters.audience == audience and query.prefer.audience == audience
    assert query.product_text == words
    # "show me cheaper ones" re-runs the saved query with another order: the audience stays.
    again = load_query(query.text, save_query(query), user_id=1, lang="en", offset=0)
    assert again.filters.audience == audience and again.prefer.audience == audience


def test_a_brand_is_not_an_audience_and_a_department_word_is_not_a_preference() -> None:
    text = "Boy Smells candle"
    query = build_query(text, parsed(text, ("brand", "Boy Smells", "Boy Smells")), user_id=1, lang="en",
                        currency="USD")
    assert query.filters.audience is None
    text = "running shoes for women"
    query = build_query(text, parsed(text, ("category", "women", "Women's")), user_id=1, lang="en", currency="USD")
    assert query.prefer.category is None and query.prefer.audience == "women"


def test_greetings_and_asking_words_are_not_product_words() -> None:
    from bot.core.skills.shopping.query import product_words

    # the header echoed "hey need wireless earbuds" and "hi im in canada, need a warm winter jacket"
    for said, words in (("hey need wireless earbuds", "wireless earbuds"),
                        ("hi im in canada, need a warm winter jacket", "warm winter jacket"),
                        ("do u have the iphone 15", "iphone 15"), ("do u sell yoga mats", "yoga mats"),
                        ("need an umbrella", "umbrella"), ("somthing from sony", "sony"),
                        ("hi, any blenders?", "blenders"),
                        # session 8: "r there any cheaper tents" showed results for “r there any tents”
                        ("r there any tents", "tents"), ("is there a yoga block", "yoga block"),
                        ("do you guys sell yoga blocks", "yoga blocks"),
                        ("do yall have any wireless earbuds", "wireless earbuds"), ("show me your tents", "tents"),
                        ("gimme a tent", "tent"), ("lemme see the blenders", "blenders")):
        assert product_words(said) == words, said
    for said in ("red, blue or black mugs", "needle felting kit", "nike shoes", "there will be blood dvd"):
        assert product_words(said) == said


def test_a_childs_age_is_a_kids_audience_never_a_size() -> None:
    """Typed "shoes for my 6 yo" / "6 year old": the number is an age, not size 6 (or 6 mm) -- kids' products."""
    vocabulary = CatalogVocabulary.build(categories=["Shoes"], sizes=["6", "US 6", "M", "6 mm"])
    parser = TextQueryParser.from_training_data(vocabulary, "USD")
    for text in ("shoes for my 6 yo", "shoes for my 6 year old", "6岁孩子的鞋"):
        query = parser.query(text, limit=4)
        assert query.prefer.size is None and query.filters.size is None, text
        assert query.filters.audience == "kids" and query.prefer.audience == "kids", text


def test_a_letter_size_leaves_the_product_words_with_its_marker() -> None:
    """Typed "M码卫衣": with "M码" in the product words a blouse ranked above the hoodies. A letter size says which
    variant, not what the product is; "king size sheets" keeps its size (it is the kind of sheets)."""
    vocabulary = CatalogVocabulary.build(sizes=["M", "XL", "King"], product_words=["hoodie", "卫衣", "sheets"])
    parser = TextQueryParser.from_training_data(vocabulary, "USD")
    for text, words, size in (("M码卫衣", "卫衣", "M"), ("hoodie size M", "hoodie", "M"),
                              ("hoodie in size xl", "hoodie", "XL")):
        query = parser.query(text, limit=4)
        assert (query.product_text, (query.prefer.size or "").upper()) == (words, size), text
    assert "king" in (parser.query("king size sheets", limit=4).product_text or "king size sheets").lower()


def test_two_brands_are_both_preferred() -> None:
    """"sony or bose headphones" preferred Sony only: Bose came among the "other brands"."""
    parser = TextQueryParser.from_training_data(CatalogVocabulary.build(brands=["Sony", "Bose"]), "USD")
    assert parser.query("sony or bose headphones", limit=4).prefer.brand == "Sony|Bose"
    assert parser.query("sony headphones", limit=4).prefer.brand == "Sony"


@pytest.mark.parametrize(("text", "words"), [
    ("有256g的吗", "256g"),  # searched "有256g" and found honey and pepper by "g"
    ("有茶叶没", "茶叶"),
    ("有羽绒服不", "羽绒服"),
    ("索尼的有没", "索尼"),  # searched "索尼的有没"
    ("有机茶有吗", "有机茶"),  # 有 inside a word stays
    ("有线耳机有没有", "有线耳机"),
])
def test_the_has_it_frame_around_the_product_words_is_not_searched(text: str, words: str) -> None:
    assert build_query(text, None, user_id=None, lang="zh", currency="USD").text == words


def test_a_present_for_a_child_that_names_nothing_is_toys() -> None:
    # "gift for 7 year old boy" listed coffee gift baskets, gift cards and "Basketball, Official Size 7" (the age's
    # number); "birthday present for my 6 year old" a high chair and "Dry Dog Food, Senior 7+".
    for text in ("gift for 7 year old boy", "birthday present for my 6 year old", "gift ideas for a 7 yo girl",
                 "something for a 3 year old", "给6岁孩子买个礼物"):
        query = build_query(text, None, user_id=1, lang="en", currency="USD")
        assert query.product_text == "toys" and query.filters.audience == "kids", (text, query)
    # A product named, an interest, or no present asked for: as before.
    for text, words in (("shoes for my 6 yo", "shoes for my"), ("gift for a 6 year old who loves dinosaurs",
                                                                   "dinosaurs"), ("kids", "kids")):
        query = build_query(text, None, user_id=1, lang="en", currency="USD")
        assert (query.product_text or query.text) == words, (text, query.product_text)


@pytest.mark.parametrize(("text", "words"), [
    ("华为mate60多少钱", "华为mate60"),  # "暂时没有钱": the head noun the kind check read was 钱
    ("小米手环多少钱一个", "小米手环"),
    ("戴森吸尘器什么价格", "戴森吸尘器"),
    ("电动牙刷怎么卖", "电动牙刷"),
    ("空气炸锅价格多少", "空气炸锅"),
    ("how much is the huawei mate 60", "huawei mate 60"),
    ("how much are snow boots", "snow boots"),
])
def test_the_price_frame_around_the_product_words_is_not_searched(text: str, words: str) -> None:
    assert build_query(text, None, user_id=None, lang="zh", currency="USD").text == words
