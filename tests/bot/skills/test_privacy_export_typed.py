""""导出我的数据", "export my data": the export itself.

Before: the overview of what is stored, with a "📥 导出我的数据" button to press for what was already asked.
"我的隐私" / "my data" alone still show the overview."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.events import UserRef
from bot.core.skills.community.privacy_words import asks_export
from tests.bot.skills.test_privacy_typed import RULES
from tests.helpers.bots import started_bot
from tests.helpers.community import Person, text_of
from tests.helpers.fake_nlu import FakeNLU


@pytest.mark.parametrize(("text", "asked"), [("导出我的数据", True), ("下载我的个人信息", True),
                                             ("export my data", True), ("send me a copy of my data", True),
                                             ("删除我的数据", False), ("我的数据", False), ("不要导出我的数据", False),
                                             ("导出订单", False)])
def test_export_requests(text: str, asked: bool) -> None:
    assert asks_export(text) is asked


@pytest.mark.parametrize(("user", "text", "head"), [(UserRef(9961, "Li", language_code="zh-hans"), "导出我的数据",
                                                     "📥 我们保存的关于您的全部数据"),
                                                    (UserRef(9962, "Ada", language_code="en"), "export my data",
                                                     "📥 Everything we store about you")])
async def test_asking_for_the_export_gets_it(tmp_path: Path, user: UserRef, text: str, head: str) -> None:
    async with started_bot(tmp_path, nlu=FakeNLU(RULES)) as bot:
        person = Person(bot, user)
        await person.say("hello")
        said = text_of(await person.say(text))
        assert said.startswith(head) and "<code>" in said, said
