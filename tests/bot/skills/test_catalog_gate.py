"""Messages naming no product skip the named-question step's store reads and searches and bare_product's search
(knowledge/search/catalog_words.py says why: they set the non-search p99)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from bot.core.skills.shopping.bare_product import product_phrase
from bot.core.skills.shopping.named_question import product_asked_about
from bot.core.state import Conversation
from knowledge.search.catalog_words import CatalogWords
from knowledge.search.documents import ProductDoc

DOCS = [ProductDoc(product_id=1, external_id="P1", title="Bodum Chambord French Press Coffee Maker, 1 L",
                   title_zh="Bodum 法压壶", brand="Bodum"),
        ProductDoc(product_id=2, external_id="P2", title="Yoga Mat, 6 mm", brand="Gaiam")]


class _Untouchable:
    def __call__(self, *a: Any, **k: Any) -> Any:
        raise AssertionError("the store was read")

    read = __call__


class _Search:
    def __init__(self, words: CatalogWords | None) -> None:
        self.words, self.calls = words, 0

    def catalog_words(self) -> CatalogWords | None:
        return self.words

    async def search(self, query: Any) -> Any:
        self.calls += 1
        return SimpleNamespace(hits=[])


def _services(words: CatalogWords | None) -> Any:
    from bot.core.services import Services

    settings = SimpleNamespace(currency="USD")
    return Services(settings=settings, uows=_Untouchable(), states=None, updates=None, nlu=None,  # type: ignore[arg-type]
                    search=_Search(words))


def _state() -> Conversation:
    return Conversation(last_results=["P1", "P2"], seen_results=["P9"])


async def test_a_question_naming_nothing_reads_nothing() -> None:
    services = _services(CatalogWords.build(DOCS))
    assert await product_asked_about(services, _state(), "what's the weather like tomorrow?", None) is None
    assert services.search.calls == 0


async def test_without_the_words_the_same_question_reads_the_store() -> None:
    # The check above can fail: with no catalogue words to ask, the step loads the products on screen.
    with pytest.raises(AssertionError, match="the store was read"):
        await product_asked_about(_services(None), _state(), "what's the weather like tomorrow?", None)


async def test_a_question_naming_a_product_still_reads_it() -> None:
    with pytest.raises(AssertionError, match="the store was read"):
        await product_asked_about(_services(CatalogWords.build(DOCS)), _state(), "french press how big is it", None)


async def test_a_phrase_of_words_in_no_title_is_not_searched() -> None:
    services = _services(CatalogWords.build(DOCS))
    kw = dict(services=services, state=_state(), t=None, lang="en", codec=None, user_id=1, now=None)
    assert await product_phrase(text="tell me a joke", **kw) is None
    assert services.search.calls == 0
    assert await product_phrase(text="also a yoga mat", **kw) is None
    assert services.search.calls == 1  # in a title: searched (the fake finds nothing)


async def test_a_name_after_on_the_in_no_title_is_not_searched() -> None:
    from bot.core.skills.community.named_question import _product_named

    services = _services(CatalogWords.build(DOCS))
    state = Conversation()
    assert await _product_named("weather", services, state, 1, "en") is None
    assert services.search.calls == 0
    assert await _product_named("yoga mat", services, state, 1, "en") is None
    assert services.search.calls == 1


async def test_a_price_question_naming_no_title_word_is_not_searched() -> None:
    from bot.core.skills.shopping.price_named import priced_in_catalog

    services = _services(CatalogWords.build(DOCS))
    assert await priced_in_catalog(services, "how much is the zorblax", "en", 1) is None
    assert services.search.calls == 0
    assert await priced_in_catalog(services, "how much is the yoga mat", "en", 1) is None
    assert services.search.calls == 1  # in a title: searched (the fake finds nothing)
