"""The clarifying question when the NLU is unsure (issue 5): the top two readings as buttons when both are
something the shopper can do; small talk and out-of-scope readings are never offered ("asdkjh qwe" used to get
[No] [Talk to a person], "啊啊啊" [是] [打个招呼]); then the main menu with a short "I didn't catch that" in the
shopper's language; a second miss in a row still offers a person."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.core.events import UserRef
from bot.core.intent_labels import LABELS
from bot.i18n import translator
from bot.transports.local_session import LocalSession
from nlu.pipeline import BuiltinNLU
from nlu.result import IntentScore, ParseResult
from tests.helpers.bots import started_bot
from tests.helpers.real_nlu import build_real_nlu

ADA = UserRef(701, first_name="Ada", language_code="en")
LI = UserRef(702, first_name="李", language_code="zh-hans")
MENU = ["🔎 Search", "🛒 Cart", "📦 My orders", "❓ Ask a question", "🙋 Talk to a person"]
SMALL_TALK = ("affirm", "deny", "greet", "thanks", "goodbye", "out_of_scope")


class UnsureNLU:
    """Always unsure, with the ranking given per message (what the real model returns for such messages)."""

    def __init__(self, rankings: dict[str, tuple[str, ...]]) -> None:
        self.rankings = rankings

    async def parse(self, text: str, context: Any = None, vector: Any = None) -> ParseResult:
        names = self.rankings[text]
        ranking = tuple(IntentScore(name, 0.4 - 0.1 * i) for i, name in enumerate(names))
        return ParseResult(text=text, intent=ranking[0], intent_ranking=ranking, is_fallback=True)


NLU = UnsureNLU({
    "asdkjh qwe": ("deny", "talk_to_human", "greet"),
    "啊啊啊": ("affirm", "greet", "search_product"),
    "hmm": ("greet", "affirm", "view_cart"),
    "mug or lamp": ("search_product", "ask_question", "add_to_cart"),
    "lamp hi": ("search_product", "greet", "ask_question"),
    "mugg lampp": ("search_product", "add_to_cart"),
})


def labels(replies: list[dict[str, Any]]) -> list[str]:
    return [b["label"] for r in replies for row in r["buttons"] for b in row]


async def test_small_talk_readings_give_the_main_menu_in_english(tmp_path: Path) -> None:
    async with started_bot(tmp_path, nlu=NLU) as bot:
        session = LocalSession(bot, ADA)
        for text in ("asdkjh qwe", "hmm", "lamp hi"):
            replies = await session.say(text)
            assert "didn't catch that" in replies[0]["text"], text
            assert labels(replies) == MENU, text
        assert "What are you looking for" in (await session.press_label("Search"))[0]["text"]


async def test_small_talk_readings_give_the_main_menu_in_chinese(tmp_path: Path) -> None:
    zh = translator("zh")
    async with started_bot(tmp_path, nlu=NLU) as bot:
        replies = await LocalSession(bot, LI).say("啊啊啊")
        assert replies[0]["text"] == zh("Sorry, I didn't catch that. What would you like to do?") != \
            "Sorry, I didn't catch that. What would you like to do?"
        assert labels(replies) == [zh(label) for label in MENU]
        assert not {zh(LABELS[name]) for name in SMALL_TALK} & set(labels(replies))


async def test_two_actionable_readings_are_offered_and_a_second_miss_adds_a_person(tmp_path: Path) -> None:
    async with started_bot(tmp_path, nlu=NLU) as bot:
        session = LocalSession(bot, ADA)
        first = await session.say("mug or lamp")
        assert "not sure what you mean" in first[0]["text"]
        assert labels(first) == ["Search products", "Ask a question"]
        second = await session.say("mugg lampp")
        assert labels(second) == ["Search products", "Add to cart", "Talk to a person"]
        third = await session.say("hmm")  # a third miss: the menu, which has a person too
        assert labels(third) == MENU


# -- with the real built-in model -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def real_nlu(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> BuiltinNLU:
    return build_real_nlu(request.config, tmp_path_factory)


@pytest.mark.model
@pytest.mark.slow
async def test_real_model_never_offers_small_talk_as_a_choice(tmp_path: Path, real_nlu: BuiltinNLU) -> None:
    messages = {ADA: ["hmm", "asdkjh qwe", "ok so", "lol", "???", "hmm maybe", "idk", "well"],
                LI: ["啊啊啊", "嗯嗯", "哈哈", "呃", "这个嘛"]}
    async with started_bot(tmp_path, nlu=real_nlu) as bot:
        unsure = 0
        for user, texts in messages.items():
            t = translator(user.language_code)
            banned = {t(LABELS[name]) for name in SMALL_TALK}
            session = LocalSession(bot, user)
            for text in texts:
                replies = await session.say(text)
                shown = labels(replies)
                assert not banned & set(shown), (text, shown)
                if (await real_nlu.parse(text)).is_fallback:
                    unsure += 1
                    assert shown == [t(label) for label in MENU] or len(shown) >= 2, (text, shown)
        assert unsure, "none of these messages was a fallback: pick messages the model is unsure about"
