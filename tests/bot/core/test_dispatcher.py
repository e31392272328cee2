from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.events import ButtonPress, ChatKind, ChatRef, TextMessage, UserRef
from bot.core.replies import CallbackAnswer, Text
from bot.core.router import Router
from bot.core.skills import general
from tests.helpers.bots import started_bot

ALICE = UserRef(101, first_name="Alice", language_code="en")
LI = UserRef(102, first_name="李", language_code="zh-hans")
PRIVATE = ChatRef(101)
GROUP = ChatRef(-1001, ChatKind.SUPERGROUP, "Deals")


def texts(replies: list[object]) -> list[str]:
    return [r.text for r in replies if isinstance(r, Text)]


async def test_help_command_and_intent_reply_with_a_menu(tmp_path: Path) -> None:
    async with started_bot(tmp_path) as bot:
        for text in ("/help", "help me please"):
            replies = await bot.handle(TextMessage(ALICE, PRIVATE, text))
            assert "shop assistant" in texts(replies)[0]
            assert replies[0].buttons


async def test_duplicate_update_is_handled_once(tmp_path: Path) -> None:
    async with started_bot(tmp_path) as bot:
        first = await bot.handle(TextMessage(ALICE, PRIVATE, "/help", update_id=7))
        again = await bot.handle(TextMessage(ALICE, PRIVATE, "/help", update_id=7))
        assert first and again == []


async def test_group_text_is_ignored_unless_addressed(tmp_path: Path) -> None:
    async with started_bot(tmp_path) as bot:
        assert await bot.handle(TextMessage(ALICE, GROUP, "hello everyone")) == []
        assert await bot.handle(TextMessage(ALICE, GROUP, "@shopbot hello", mentions_bot=True))
        assert await bot.handle(TextMessage(ALICE, GROUP, "/help@shopbot"))


async def test_unknown_command_is_explained(tmp_path: Path) -> None:
    async with started_bot(tmp_path) as bot:
        replies = await bot.handle(TextMessage(ALICE, PRIVATE, "/frobnicate"))
        assert "/frobnicate" in texts(replies)[0] and "/help" in texts(replies)[0]


async def test_forged_button_is_refused_with_an_answer(tmp_path: Path) -> None:
    async with started_bot(tmp_path) as bot:
        replies = await bot.handle(ButtonPress(ALICE, PRIVATE, "cart~AAAAAA", callback_id="c1"))
        assert isinstance(replies[0], CallbackAnswer) and replies[0].alert


async def test_someone_elses_button_is_refused(tmp_path: Path) -> None:
    async with started_bot(tmp_path) as bot:
        assert bot.dispatcher is not None
        data = bot.dispatcher.codec.encode(LI.id, "lang", "en")
        replies = await bot.handle(ButtonPress(ALICE, PRIVATE, data, callback_id="c2"))
        assert isinstance(replies[0], CallbackAnswer) and replies[0].alert


async def test_language_follows_telegram_then_the_shoppers_choice(tmp_path: Path) -> None:
    async with started_bot(tmp_path) as bot:
        assert bot.dispatcher is not None
        zh = texts(await bot.handle(TextMessage(LI, ChatRef(LI.id), "/language")))[0]
        assert "语言" in zh
        data = bot.dispatcher.codec.encode(LI.id, "lang", "en")
        replies = await bot.handle(ButtonPress(LI, ChatRef(LI.id), data, callback_id="c3"))
        assert isinstance(replies[0], CallbackAnswer)
        assert texts(replies) == ["Language set to English."]
        assert "Choose your language" in texts(await bot.handle(TextMessage(LI, ChatRef(LI.id), "/language")))[0]


async def test_unsure_nlu_asks_with_the_top_two_and_then_offers_a_human(tmp_path: Path) -> None:
    async with started_bot(tmp_path) as bot:
        first = await bot.handle(TextMessage(ALICE, PRIVATE, "asdf qwerty"))
        labels = [b.label for row in first[0].buttons for b in row]
        assert labels == ["Search products", "Ask a question"]
        second = await bot.handle(TextMessage(ALICE, PRIVATE, "asdf again"))
        labels = [b.label for row in second[0].buttons for b in row]
        assert "Talk to a person" in labels


async def test_internal_error_gives_a_correlation_id_and_the_bot_keeps_serving(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    async def boom() -> None:
        raise RuntimeError("kaboom")

    async with started_bot(tmp_path) as bot:
        assert bot.dispatcher is not None
        broken = Router("broken")
        broken.intent("thanks")(boom)
        bot.dispatcher.router.intents["thanks"] = broken.intents["thanks"]
        replies = await bot.handle(TextMessage(ALICE, PRIVATE, "thanks!"))
        apology = texts(replies)[0]
        assert "error" in apology
        cid = apology.split("error ")[1][:8]
        assert cid in caplog.text and "kaboom" in caplog.text
        assert texts(await bot.handle(TextMessage(ALICE, PRIVATE, "/help")))
        # Another shopper is served meanwhile, and one who chose Chinese with /language is apologised to in it
        # (the Telegram client says English).
        bob = UserRef(ALICE.id + 1, "Bob", language_code="en")
        assert texts(await bot.handle(TextMessage(bob, ChatRef(bob.id), "/help")))
        await bot.handle(TextMessage(bob, ChatRef(bob.id), "/language zh"))
        chinese = texts(await bot.handle(TextMessage(bob, ChatRef(bob.id), "thanks!")))[0]
        assert "出错" in chinese or "错误" in chinese, chinese


async def test_state_survives_a_restart(tmp_path: Path) -> None:
    async with started_bot(tmp_path) as bot:
        await bot.handle(TextMessage(ALICE, PRIVATE, "asdf"))
    async with started_bot(tmp_path) as bot:
        assert bot.services is not None
        state = await bot.services.states.load(ALICE.id, PRIVATE.id)
        assert state.fallback_count == 1 and state.unclear_text == "asdf"


def test_general_router_has_no_telegram_imports() -> None:
    import inspect

    assert "telegram" not in inspect.getsource(general)
