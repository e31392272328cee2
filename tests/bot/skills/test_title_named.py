"""The one "search the phrase, keep the top hit only when its title holds every word" step (title_named.py) that
bare_product, price_named and community/named_question share: its catalogue check, its title test and the two
ways callers differ (a brand's words, a model number typed another way)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from bot.core.skills.shopping.title_named import may_be_in_titles, names_title, title_named_search
from knowledge.search.catalog_words import CatalogWords
from knowledge.search.documents import ProductDoc

DOCS = [ProductDoc(product_id=1, external_id="P1", title="Chambord French Press, 1 L", title_zh="法压壶",
                   brand="Bodum"),
        ProductDoc(product_id=2, external_id="P2", title="Sony WH-1000XM5 Headphones", brand="Sony")]


class _Search:
    """Answers every query with the given hits and counts the searches."""

    def __init__(self, hits: list[Any], words: CatalogWords | None) -> None:
        self.hits, self.words, self.calls = hits, words, 0

    def catalog_words(self) -> CatalogWords | None:
        return self.words

    async def search(self, query: Any) -> Any:
        self.calls += 1
        return SimpleNamespace(hits=tuple(self.hits))


def _hit(external_id: str, title: str, brand: str | None = None, title_zh: str | None = None) -> Any:
    return SimpleNamespace(external_id=external_id, title=title, title_zh=title_zh, brand=brand)


def _services(hits: list[Any], words: CatalogWords | None = None) -> Any:
    from bot.core.services import Services

    return Services(settings=SimpleNamespace(currency="USD"), uows=None, states=None, updates=None,  # type: ignore[arg-type]
                    nlu=None, search=_Search(hits, words))


PRESS = _hit("P1", "Chambord French Press, 1 L", brand="Bodum", title_zh="法压壶")
PHONES = _hit("P2", "Sony WH-1000XM5 Headphones", brand="Sony")


async def test_the_top_hit_is_kept_when_its_title_holds_every_word() -> None:
    found = await title_named_search(_services([PRESS, PHONES]), "french press", user_id=1, lang="en")
    assert found is not None and found.hits[0].external_id == "P1"


async def test_a_top_hit_lacking_a_word_names_nothing_even_when_a_later_hit_would() -> None:
    assert await title_named_search(_services([PHONES, PRESS]), "french press", user_id=1, lang="en") is None


async def test_a_word_in_no_title_skips_the_search() -> None:
    services = _services([PRESS], CatalogWords.build(DOCS))
    assert await title_named_search(services, "french zorblax", user_id=1, lang="en") is None
    assert services.search.calls == 0
    assert await title_named_search(services, "french press", user_id=1, lang="en") is not None
    assert services.search.calls == 1


async def test_the_brand_counts_as_title_words_only_when_asked() -> None:
    services = _services([PRESS])
    assert await title_named_search(services, "bodum press", user_id=1, lang="en") is None
    assert await title_named_search(services, "bodum press", user_id=1, lang="en", brand=True) is not None


async def test_a_model_number_typed_without_its_hyphen_names_only_with_codes() -> None:
    services = _services([PHONES], CatalogWords.build(DOCS))
    assert await title_named_search(services, "wh1000xm5", user_id=1, lang="en") is None
    assert services.search.calls == 0  # in no title as typed: not searched without codes
    found = await title_named_search(services, "wh1000xm5", user_id=1, lang="en", codes=True)
    assert found is not None and found.hits[0].external_id == "P2"


def test_the_catalogue_check_and_the_title_test() -> None:
    services = _services([], CatalogWords.build(DOCS))
    assert may_be_in_titles(services, ["french", "press"])
    assert not may_be_in_titles(services, ["weather"])
    assert may_be_in_titles(_services([]), ["weather"])  # no catalogue words to ask: the search decides
    assert names_title(["wh", "1000xm5"], "Sony WH-1000XM5", codes=True)
    assert not names_title(["wh", "1000xm5"], "Sony WH-1000XM5")
