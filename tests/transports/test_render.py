"""Library-free rendering helpers and Telegram's addressing rules."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.core.replies import Button, keyboard
from bot.transports.addressing import EntityRef, command_for_other_bot, mentions_bot
from bot.transports.errors import MediaNotFound
from bot.transports.ordering import KeyedLocks
from bot.transports.render import (
    CAPTION_LIMIT,
    ButtonSpec,
    caption_parts,
    keyboard_rows,
    resolve_media,
    split_html,
    utf16_len,
)


def test_short_text_is_one_piece_and_empty_text_none() -> None:
    assert split_html("<b>hi</b>") == ["<b>hi</b>"]
    assert split_html("   ") == []


def test_split_keeps_tags_balanced_and_breaks_at_spaces() -> None:
    text = "<b>" + "bold words " * 800 + "</b> and <a href=\"https://x.example/?a=1&amp;b=2\">a link</a>"
    pieces = split_html(text)
    assert len(pieces) == 3 and all(utf16_len(p) <= 4096 for p in pieces)  # raw HTML is ~8.9k
    assert all(p.count("<b>") == p.count("</b>") for p in pieces)
    assert pieces[-1].endswith("</a>") and "&amp;" in pieces[-1]
    joined = " ".join(pieces)
    assert joined.count("bold") == 800 and joined.count("words") == 800


def test_emoji_count_as_two_utf16_units() -> None:
    pieces = split_html("😀" * 3000)
    assert [utf16_len(p) for p in pieces] == [4096, 1904]


@given(st.lists(st.sampled_from(["a", "word", " ", "\n", "😀", "中", "<b>", "</b>", "&amp;", "<", "&"]),
                max_size=1500).map("".join), st.integers(min_value=16, max_value=600))
def test_split_never_exceeds_the_limit_and_loses_no_words(text: str, limit: int) -> None:
    pieces = split_html(text, limit)
    assert all(utf16_len(p) <= limit for p in pieces)
    assert "".join(pieces).count("😀") == text.count("😀")
    assert "".join(pieces).count("中") == text.count("中")


def test_caption_parts_spill_into_follow_up_messages() -> None:
    caption, rest = caption_parts("<i>" + "x " * 1500 + "</i>")
    assert utf16_len(caption) <= CAPTION_LIMIT and caption.endswith("</i>")
    assert len(rest) == 1 and rest[0].startswith("<i>")
    assert caption_parts("short") == ("short", [])


def test_media_paths_stay_inside_the_media_dir(tmp_path: Path) -> None:
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "a.png").write_bytes(b"png")
    assert resolve_media("images/a.png", tmp_path).path == (tmp_path / "images" / "a.png").resolve()
    assert resolve_media("https://cdn.example.com/a.jpg", tmp_path).url == "https://cdn.example.com/a.jpg"
    with pytest.raises(MediaNotFound, match="outside"):
        resolve_media("../secrets.txt", tmp_path)
    with pytest.raises(MediaNotFound, match="no such file"):
        resolve_media("images/missing.png", tmp_path)


def test_keyboard_rows() -> None:
    rows = keyboard_rows(keyboard([Button("A", data="a~x")], [Button("Site", url="https://x.example")]))
    assert rows == [[ButtonSpec("A", data="a~x")], [ButtonSpec("Site", url="https://x.example")]]


def test_mentions_use_utf16_offsets_and_are_case_insensitive() -> None:
    text = "😀 hey @Shop_Test_Bot find mugs"
    assert mentions_bot(text, [EntityRef("mention", 7, 14)], "shop_test_bot", 1)
    assert not mentions_bot("hey @shop_test_bot_fan", [EntityRef("mention", 4, 18)], "shop_test_bot", 1)
    assert mentions_bot("hey you", [EntityRef("text_mention", 4, 3, user_id=99)], "shop_test_bot", 99)
    assert not mentions_bot("email me at x@shop_test_bot.example", [], "shop_test_bot", 1)


def test_commands_for_other_bots() -> None:
    assert command_for_other_bot("/help@other_bot", "shop_test_bot")
    assert not command_for_other_bot("/help@Shop_Test_Bot now", "shop_test_bot")
    assert not command_for_other_bot("/help", "shop_test_bot")
    assert not command_for_other_bot("hello @other_bot", "shop_test_bot")


async def test_keyed_locks_serialise_one_key_and_forget_idle_keys() -> None:
    import asyncio

    locks, order = KeyedLocks(), []

    async def work(key: str, name: str, gate: asyncio.Event | None = None) -> None:
        async with locks.hold(key):
            order.append(f"{name}+")
            if gate is not None:
                await gate.wait()
            order.append(f"{name}-")

    gate = asyncio.Event()
    first = asyncio.create_task(work("a", "a1", gate))
    await asyncio.sleep(0)
    second = asyncio.create_task(work("a", "a2"))
    await work("b", "b1")
    assert order == ["a1+", "b1+", "b1-"]
    gate.set()
    await asyncio.gather(first, second)
    assert order[3:] == ["a1-", "a2+", "a2-"] and len(locks) == 0
