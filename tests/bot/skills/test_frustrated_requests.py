"""A frustrated message that asks for a product gets the search, kindly, not a complaint ticket (walk9: "wtf why
cant u just find me a cheap tv" opened complaint T1002 and no TV was searched; "under 700" then lost the TV)."""

from __future__ import annotations

import re
from pathlib import Path

from bot.core.events import UserRef
from bot.core.skills.community.frustrated_requests import shopping_request
from store.support.service import list_tickets
from tests.bot.skills.test_shopping_deals import body
from tests.helpers.shopping import Shopper, shop_bot

BEA = UserRef(531, "Bea", language_code="en")


def test_the_request_is_found_only_in_an_annoyed_message() -> None:
    assert shopping_request("ugh why cant you just show me some blue mugs") == "blue mugs"
    assert shopping_request("找个便宜的杯子都找不到") == "便宜的杯子"
    assert shopping_request("为什么找不到耳机") == "耳机"
    for said in ("this bot is useless", "wtf where is my order", "why cant u find my order", "show me blue mugs",
                 "你们这个机器人真垃圾", "垃圾 我要退款", "wtf i want to cancel", "ugh i just want my money back",
                 "ffs i need help", "damn i want a refund"):
        assert shopping_request(said) is None, said


async def test_an_annoyed_request_is_searched_and_the_next_budget_narrows_it(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        services = bot.services  # type: ignore[attr-defined]
        services.nlu.rules.insert(0, (re.compile(r"useless", re.I), "complain"))
        bea = Shopper(bot, BEA)
        assert "What went wrong" in body(await bea.say("this bot is useless"))
        found = body(await bea.say("wtf why cant u just find me a cheap mug"))
        assert "Sorry this has been frustrating" in found and "Mug" in found and "complaint" not in found, found
        narrowed = body(await bea.say("under 11"))
        assert "Blue Enamel Camping Mug" in narrowed and "Red Ceramic" not in narrowed, narrowed
        async with services.uows.read() as uow:
            assert not await list_tickets(uow, user_id=BEA.id)
        fresh = body(await bea.say("找个便宜的杯子都找不到"))  # no prompt open: the same
        assert "Sorry this has been frustrating" in fresh and "Mug" in fresh, fresh
