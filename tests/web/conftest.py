"""A running local web chat over the real demo store (catalog, images, FAQ), with fast fakes for the models:
the keyword NLU and a FakeEncoder-backed product search (the real models have their own tests)."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web

from bot.cli.demo import prepare_demo
from bot.core.app import ShopBot
from bot.settings import Settings
from bot.transports.web.server import build_web_app
from knowledge.encoders.fake import FakeEncoder
from knowledge.search.service import ProductSearch
from tests.helpers.fake_nlu import FakeNLU


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import asyncio

    path = tmp_path_factory.mktemp("webdemo")
    asyncio.run(prepare_demo(Settings(data_dir=path)))
    return path


@pytest.fixture
async def web_chat(demo_dir: Path, tmp_path: Path) -> AsyncIterator[str]:
    """The web chat's base URL (127.0.0.1, random port) over a copy of the demo store."""
    import shutil

    data = tmp_path / "data"
    shutil.copytree(demo_dir, data)
    settings = Settings(data_dir=data)
    async with ShopBot(settings, nlu=FakeNLU(), encoder=None, search=None, qa=None) as bot:
        assert bot.services is not None
        search = ProductSearch(bot.services.uows, FakeEncoder(), settings.index_dir, persist=False)
        await search.start()
        bot.services.search = search
        runner = web.AppRunner(build_web_app(bot, settings.media_dir), access_log=None)
        await runner.setup()
        port = _free_port()
        await web.TCPSite(runner, "127.0.0.1", port).start()
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            await runner.cleanup()
            await search.stop()
