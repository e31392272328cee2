"""CatalogWords must never say "no product holds this" of a word some product's names do hold: the understanding
steps skip their store reads and searches on that answer. Checked against the steps' own matching rules
(named_words._holds, named_question._brand_said, bare_product's title tokens) over the whole demo catalogue."""

from __future__ import annotations

import json
import re
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.skills.shopping.named_words import _holds
from knowledge.search.catalog_words import CatalogWords, _names
from knowledge.search.documents import ProductDoc
from knowledge.text import tokenize
from knowledge.text.brands import BRAND_ALIASES
from store.demo.loader import CATALOG_FILE


@cache
def demo_docs() -> tuple[ProductDoc, ...]:
    docs: dict[str, ProductDoc] = {}
    for row in json.loads(CATALOG_FILE.read_text(encoding="utf-8")):
        if row["product_id"] not in docs:
            docs[row["product_id"]] = ProductDoc(
                product_id=len(docs) + 1, external_id=row["product_id"], title=row["title"],
                title_zh=row["attributes"].get("title_zh"), brand=row.get("brand"), category_path=row["category"])
    return tuple(docs.values())


@cache
def demo_words() -> CatalogWords:
    return CatalogWords.build(demo_docs())


def _spellings(word: str) -> set[str]:
    """A name word as shoppers type it: plural either way, digits dropped or glued, with punctuation."""
    bare = re.sub(r"\d+$", "", word)
    return {word, word + "s", word + "es", word[:-1] if word.endswith("s") else word, bare, bare + "s",
            word + "'s", word.upper(), f"{word},"}


def test_every_spelling_a_product_holds_may_be_held() -> None:
    words, checked = demo_words(), 0
    for doc in demo_docs():
        names = _names(doc)
        for word in set(names.split()):
            for token in _spellings(word):
                if _holds(names, token.casefold()):
                    checked += 1
                    assert words.may_hold(token), (token, doc.title)
    assert checked > 5000  # the rule was exercised, not skipped


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="abcdeilmnoprstuxz0123456789-'耳机壶法压鞋跑步", min_size=2, max_size=7))
def test_a_token_no_product_holds_is_the_only_no(token: str) -> None:
    if not demo_words().may_hold(token):
        assert not any(_holds(_names(doc), token.casefold()) for doc in demo_docs())


def test_words_of_no_product_are_rejected() -> None:
    words = demo_words()
    for token in ("weather", "tomorrow", "joke", "football", "天气", "笑话"):
        assert not words.may_hold(token)
    assert not words.may_name("weather tomorrow", "what's the weather like tomorrow?")
    assert words.may_name("french press", "french press how big is it")
    assert words.may_name("法压壶", "法压壶多大")  # a part of a Chinese title


def test_brand_pattern_agrees_with_the_brand_rule() -> None:
    words = demo_words()
    brands = {d.brand for d in demo_docs() if d.brand}
    for brand in brands:
        assert words.says_brand(f"what about the {brand.lower()}, any good?"), brand
    aliases = [a for a, owner in BRAND_ALIASES.items() if owner in brands]
    assert aliases and all(words.says_brand(f"{a}那个怎么样") for a in aliases)
    assert not words.says_brand("tell me a joke")
    assert not words.says_brand("the sonyish one")  # a brand inside a longer English word is not said


def test_title_tokens_hold_every_keyword_token_of_a_title() -> None:
    words = demo_words()
    for doc in demo_docs():
        assert words.in_titles(tokenize(f"{doc.title} {doc.title_zh or ''}"))
    assert not words.in_titles(tokenize("tell me a joke"))


def test_words_added_later_are_held_and_old_ones_stay() -> None:
    words = CatalogWords.build(demo_docs()[:1])
    new = ProductDoc(product_id=99_999, external_id="NEW1", title="Zorblax Hyperkettle 3000", brand="Zorblax")
    assert not words.may_hold("hyperkettle") and not words.says_brand("the zorblax")
    words.add([new])
    assert words.may_hold("hyperkettles") and words.says_brand("the zorblax") and words.may_hold("hyperkettle")
    size = len(words.names)
    words.add([new])  # a stock change re-reads the product: nothing is added twice
    assert len(words.names) == size
