"""A Document reply (an e-book bought) rendered by both Telegram libraries: sendDocument over HTTP to the fake
Bot API, the file uploaded with its name, the caption in HTML, buttons attached."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.transports.outbox import Rows
from bot.transports.render import ButtonSpec, resolve_media
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.transports.conftest import TRANSPORTS, make_settings, make_transport


async def _calls(name: str, transport: Any) -> Any:
    if name == "ptb":
        from bot.transports.ptb.render import PtbCalls

        return PtbCalls(transport.app.bot)
    from bot.transports.aiogram.render import AiogramCalls

    return AiogramCalls(transport.bot)


@pytest.mark.parametrize("name", TRANSPORTS)
async def test_send_document_uploads_the_file_with_its_name_and_caption(name: str, api: FakeBotAPI,
                                                                        data_dir: Path) -> None:
    settings = make_settings(data_dir, api)
    book = settings.media_dir / "digital" / "k3y" / "harbor-lights.epub"
    book.parent.mkdir(parents=True)
    content = b"PK\x03\x04 an epub " * 40
    book.write_bytes(content)
    transport = make_transport(name, settings)
    await transport.start()
    try:
        calls = await _calls(name, transport)
        rows: Rows = [[ButtonSpec("📄 Order details", data="ord:1~abcdef")]]
        message_id = await calls.send_document(
            4242, resolve_media("digital/k3y/harbor-lights.epub", settings.media_dir), "harbor-lights.epub",
            "📖 <b>Harbor Lights</b> (EPUB)", rows, None)
    finally:
        await transport.stop()
    (call,) = api.calls_to("sendDocument")
    assert call["chat_id"] == 4242 and call["caption"] == "📖 <b>Harbor Lights</b> (EPUB)"
    assert call["parse_mode"] == "HTML"
    assert call.files["document"].filename == "harbor-lights.epub" and call.files["document"].content == content
    assert call["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "ord:1~abcdef"
    assert call.result["message_id"] == message_id and call.result["document"]["file_name"] == "harbor-lights.epub"


@pytest.mark.parametrize("name", TRANSPORTS)
async def test_send_document_by_url_is_not_uploaded(name: str, api: FakeBotAPI, data_dir: Path) -> None:
    settings = make_settings(data_dir, api)
    transport = make_transport(name, settings)
    await transport.start()
    try:
        calls = await _calls(name, transport)
        await calls.send_document(4243, resolve_media("https://files.example/book.pdf", settings.media_dir),
                                  "book.pdf", "", None, None)
    finally:
        await transport.stop()
    (call,) = api.calls_to("sendDocument")
    assert call["document"] == "https://files.example/book.pdf" and not call.files and "caption" not in call.params
