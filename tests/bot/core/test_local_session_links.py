"""The console and `chat --script` press buttons by label; a link button (a group's invite link) sends nothing to
the bot, and pressing one said "no button labelled 'Join Shop Deals & Flash Sales'" while listing exactly that
label, which read as a broken button."""

from __future__ import annotations

from typing import Any, cast

from bot.core.events import UserRef
from bot.transports.local_session import LocalSession


async def test_pressing_a_link_button_says_where_it_leads() -> None:
    session = LocalSession(cast(Any, None), UserRef(5, first_name="Ann"))
    session.latest = [{"text": "Join our community", "photo": None, "invoice": None, "document": None,
                       "buttons": [[{"label": "Join Shop Deals & Flash Sales", "url": "https://t.me/+deals"}]]}]
    said = await session.press_label("Join Shop Deals & Flash Sales")
    assert said[0]["text"] == "(the button 'Join Shop Deals & Flash Sales' opens a link: https://t.me/+deals)"
    missing = await session.press_label("Leave")
    assert "no button labelled 'Leave'" in missing[0]["text"]
