"""A shop rule asked in the words of a panel's action, whose FAQ entry was written for a neighbouring question, is
answered under that question ("我找到一个类似的问题…") rather than with the panel.

Before: "积分能抵扣吗" showed the points card (0 points, bronze) and "优惠券能叠加吗" asked "使用优惠券 or 查看活动?",
though the FAQ says points can't pay and one coupon per order: their entries ("可以用积分付款吗？", "一个订单能用两张
优惠券吗？") open with a verdict for a question worded otherwise, so they were not stated as answers at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.events import UserRef
from knowledge.qa.importer import load_demo_faq
from nlu.pipeline import BuiltinNLU
from store.demo.loader import load_demo
from tests.helpers.bots import started_bot
from tests.helpers.community import buttons_of, text_of
from tests.helpers.kb_builders import start_qa
from tests.helpers.real_nlu import build_real_nlu, real_use_encoder
from tests.helpers.shopping import Shopper

LI = UserRef(9951, "李", language_code="zh-hans")


@pytest.fixture(scope="module")
def real_nlu(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> BuiltinNLU:
    return build_real_nlu(request.config, tmp_path_factory)


async def test_near_faq_entries_answer_under_their_question(tmp_path: Path, real_nlu: BuiltinNLU) -> None:
    async with started_bot(tmp_path, nlu=real_nlu) as bot:
        assert bot.services is not None
        await load_demo(bot.services.uows, now=bot.services.clock())
        await load_demo_faq(bot.services.uows)
        bot.services.qa = await start_qa(bot.services.uows, encoder=real_use_encoder())
        li = Shopper(bot, LI)
        points = await li.say("积分能抵扣吗")
        said = text_of(points)
        assert "类似的问题" in said and "不能抵扣" in said and "铜牌" not in said, said
        assert "⭐ 我的积分" in [b.label for r in points for b in buttons_of(r)]
        said = text_of(await li.say("优惠券能叠加吗"))
        assert "类似的问题" in said and "只能用一张" in said, said
        said = text_of(await li.say("我有多少积分"))  # the shopper's own state: still the card
        assert "铜牌" in said and "来自常见问题" not in said, said
