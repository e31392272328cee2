"""Two processes saving (or one saving while another loads) one data dir's search index do not trip over each
other's temporary files: every save completes and a load always finds a whole index."""

from __future__ import annotations

import threading
from pathlib import Path

from knowledge.encoders.fake import FakeEncoder
from knowledge.search.engine import EngineConfig, SearchEngine
from knowledge.search.persistence import load_engine, save_engine
from tests.helpers.search_catalog import fixture_docs


def _engine() -> SearchEngine:
    engine = SearchEngine(FakeEncoder(dim=64), EngineConfig(min_cosine=0.25))
    engine.build(fixture_docs())
    return engine


def test_concurrent_saves_and_loads_of_one_directory(tmp_path: Path) -> None:
    directory = tmp_path / "products"
    save_engine(_engine(), directory)
    errors: list[BaseException] = []
    loaded: list[bool] = []

    def saver() -> None:
        engine = _engine()  # its own engine, as another process would have
        try:
            for _ in range(15):
                save_engine(engine, directory)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    def loader() -> None:
        try:
            for _ in range(15):
                loaded.append(load_engine(SearchEngine(FakeEncoder(dim=64), EngineConfig()), directory))
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=saver) for _ in range(3)] + [threading.Thread(target=loader)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert loaded and all(loaded)
    again = SearchEngine(FakeEncoder(dim=64), EngineConfig())
    assert load_engine(again, directory) and len(again.fingerprints) == len(fixture_docs())
