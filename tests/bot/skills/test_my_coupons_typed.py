""""我的优惠券", "我有哪些优惠券", "what coupons do i have": the shopper asks which coupons they can use.

Before: "请输入优惠码（例如 WELCOME10）" -- a prompt for a code the shopper was asking about. The shop's coupons are
everyone's, so the coupons and offers list answers it. "我有优惠券" / "I have a coupon" still ask for its code."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.events import UserRef
from nlu.result import ParsedEntity
from tests.bot.skills.test_shopping_wording import body
from tests.bot.skills.test_walk_followups import WalkNLU
from tests.helpers.shopping import Shopper, shop_bot


def _none(text: str, ctx: object) -> tuple[ParsedEntity, ...]:
    return ()


@pytest.mark.parametrize(("text", "lang", "listed"), [("我的优惠券", "zh", True), ("我有哪些优惠券", "zh", True),
                                                      ("what coupons do i have", "en", True),
                                                      ("我有优惠券", "zh", False), ("I have a coupon", "en", False)])
async def test_asking_for_ones_coupons_lists_them(tmp_path: Path, text: str, lang: str, listed: bool) -> None:
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        bot.services.nlu = WalkNLU({text: ("apply_coupon", False, _none)})
        said = body(await Shopper(bot, UserRef(9901, "Li", language_code=lang)).say(text))
        asked = "WELCOME10" in said and ("请输入优惠码" in said or "coupon code" in said.lower())
        assert asked != listed, said
