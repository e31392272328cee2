"""A data directory with the 30-product fixture catalogue in a migrated SQLite file, the environment pointing
the CLI at it, and the fake encoder in place of the real one: what the CLI tests of this folder start from."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from knowledge.encoders import registry
from knowledge.encoders.base import Encoder
from knowledge.encoders.cache import CachedEncoder
from knowledge.encoders.fake import FakeEncoder
from store.catalog import upsert_product
from store.db import create_engine, session_factory
from store.uow import UnitOfWorkFactory
from tests.helpers.migrated import migrate
from tests.helpers.search_catalog import FIXTURE, product_input, seed_fixture
from tests.helpers.shopping import IMAGE_OF


@pytest.fixture
def shop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    url = f"sqlite:///{tmp_path / 'shop.sqlite3'}"
    migrate(url)

    async def seed() -> None:
        engine = create_engine(url)
        try:
            uows = UnitOfWorkFactory(session_factory(engine))
            await seed_fixture(uows)
            for p in FIXTURE:  # one catalogue file and one remote photo
                if p.external_id in IMAGE_OF:
                    async with uows() as uow:
                        await upsert_product(uow, replace(product_input(p), image_url=IMAGE_OF[p.external_id]))
        finally:
            await engine.dispose()

    asyncio.run(seed())
    monkeypatch.setenv("SHOPBOT_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("DATABASE_URL", url)

    def fake_loader(name: str, cache_dir: Path | None = None) -> Encoder:
        inner = FakeEncoder(dim=256, name=name)
        return CachedEncoder(inner, cache_dir) if cache_dir else inner

    monkeypatch.setattr(registry, "load_encoder", fake_loader)
    yield tmp_path
