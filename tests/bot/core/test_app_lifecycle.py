"""A start-up that fails closes what it opened: ``async with ShopBot(...)`` never reaches ``stop()`` when
``start()`` raises, so an unmigrated database used to leave the engine's aiosqlite connection open."""

from __future__ import annotations

import gc
import warnings
from pathlib import Path

import pytest

from bot.core.app import ShopBot
from bot.settings import Settings
from store.errors import DatabaseNotMigrated
from tests.helpers.fake_nlu import FakeNLU
from tests.helpers.migrated import migrate_async


def _resource_warnings(caught: list[warnings.WarningMessage]) -> list[str]:
    return [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)]


async def test_refusing_an_unmigrated_database_leaks_no_connection(tmp_path: Path) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(DatabaseNotMigrated):
            async with ShopBot(Settings(data_dir=tmp_path / "var")):
                pass
        gc.collect()
    assert _resource_warnings(caught) == []


async def test_a_failed_start_stops_the_components_it_opened_and_stop_stays_safe(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Search:
        stopped = 0

        async def stop(self) -> None:
            self.stopped += 1

    async def broken_qa(*args: object) -> None:
        raise RuntimeError("Q&A index unreadable")

    settings = Settings(data_dir=tmp_path / "var")
    await migrate_async(settings.database_url)
    search = Search()
    bot = ShopBot(settings, nlu=FakeNLU(), encoder=None, search=search)
    monkeypatch.setattr(bot, "_load_qa", broken_qa)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(RuntimeError, match="unreadable"):
            await bot.start()
        await bot.stop()  # what a caller's `finally` may still do
        gc.collect()
    assert search.stopped == 1 and bot.dispatcher is None
    assert _resource_warnings(caught) == []
