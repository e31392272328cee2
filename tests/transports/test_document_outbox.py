"""The outbox delivers a Document reply with sendDocument through both libraries; a missing file still delivers
its caption and buttons as text (nothing lost, the missing file logged)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.core.events import ChatRef, TextMessage, UserRef
from bot.core.replies import Button, Document, keyboard
from bot.transports.outbox import Outbox
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.transports.conftest import TRANSPORTS, make_settings, make_transport


def _calls(name: str, transport: Any) -> Any:
    if name == "ptb":
        from bot.transports.ptb.render import PtbCalls

        return PtbCalls(transport.app.bot)
    from bot.transports.aiogram.render import AiogramCalls

    return AiogramCalls(transport.bot)


@pytest.mark.parametrize("name", TRANSPORTS)
async def test_outbox_sends_a_document_and_falls_back_to_text(name: str, api: FakeBotAPI, data_dir: Path) -> None:
    settings = make_settings(data_dir, api)
    book = settings.media_dir / "digital" / "k3y" / "book.pdf"
    book.parent.mkdir(parents=True)
    book.write_bytes(b"%PDF-1.4 demo")
    transport = make_transport(name, settings)
    await transport.start()
    user = UserRef(4244, "Ann")
    event = TextMessage(user, ChatRef(user.id), "files please", message_id=1)
    buttons = keyboard([Button("📄 Order details", data="ord:1~abcdef")])
    try:
        outbox = Outbox(_calls(name, transport), settings.media_dir)
        await outbox.deliver(event, [Document(document="digital/k3y/book.pdf", filename="book.pdf",
                                              caption="📖 <b>Book</b> (PDF)", buttons=buttons),
                                     Document(document="digital/gone/lost.epub", filename="lost.epub",
                                              caption="📖 Lost (EPUB)")])
    finally:
        await transport.stop()
    (sent,) = api.calls_to("sendDocument")
    assert sent.files["document"].filename == "book.pdf" and sent["caption"] == "📖 <b>Book</b> (PDF)"
    assert sent["reply_markup"]["inline_keyboard"][0][0]["text"] == "📄 Order details"
    (fallback,) = api.calls_to("sendMessage")
    assert fallback["text"] == "📖 Lost (EPUB)"
