"""Account skills: points after a paid order, reviews by buyers only, promotion alerts, privacy export/delete."""

from __future__ import annotations

import html
import json
from pathlib import Path

from bot.core.events import UserRef
from store.loyalty.levels import points_for_order
from store.models.orders import OrderStatus
from store.subscriptions import get_subscription
from store.users import list_addresses
from tests.helpers.community import Person, community_bot, text_of
from tests.helpers.community_builders import order_in_status
from tests.helpers.order_builders import fill_cart, make_item

ADA = UserRef(501, first_name="Ada", language_code="en")
BEN = UserRef(502, first_name="Ben", language_code="en")


async def test_points_after_a_paid_order(tmp_path: Path) -> None:
    async with community_bot(tmp_path, qa=False) as bot:
        assert bot.services is not None
        ada = Person(bot, ADA)
        empty = await ada.say("how many points do I have")
        assert "0 points" in text_of(empty) and "Bronze" in text_of(empty)
        item = await make_item(bot.services.uows, price_minor=30000)
        order = await order_in_status(bot.services.uows, ADA.id, (item, 2), status=OrderStatus.PAID)
        earned = points_for_order(order.total)
        shown = await ada.say("/points")
        body = text_of(shown)
        assert f"{earned} points" in body and "Silver level" in body
        assert f"{2000 - earned} more points to Gold" in body and f"+{earned} · Order {order.number}" in body
        history = await ada.press("Full history", shown)
        assert f"Order {order.number}" in text_of(history)


async def test_review_only_by_buyers(tmp_path: Path) -> None:
    async with community_bot(tmp_path, qa=False) as bot:
        assert bot.services is not None
        item = await make_item(bot.services.uows, title="Linen shirt")
        ben = Person(bot, BEN)
        assert "once they're delivered" in text_of(await ben.say("I want to write a review"))
        await ben.say("hi")  # registers Ben
        await order_in_status(bot.services.uows, BEN.id, (item, 1))
        pick = await ben.say("write a review")
        stars = await ben.press("Linen shirt", pick)
        assert "How many stars for Linen shirt?" in text_of(stars)
        ask_text = await ben.press("4★", stars)
        assert "★★★★☆" in text_of(ask_text)
        done = await ben.say("Soft and cool, runs a bit large")
        assert "Thanks for reviewing Linen shirt! ★★★★☆" in text_of(done) and "20 points" in text_of(done)
        # Someone who never bought it cannot use Ben's buttons or review it.
        ada = Person(bot, ADA)
        assert "isn't for you" in text_of(await ada.press("Linen shirt", pick))
        assert "once they're delivered" in text_of(await ada.say("review"))


async def test_promotion_alerts_toggle(tmp_path: Path) -> None:
    async with community_bot(tmp_path, qa=False) as bot:
        assert bot.services is not None
        ada = Person(bot, ADA)
        on = await ada.say("notify me about deals")
        assert "alerts are <b>on</b>" in text_of(on)
        off = await ada.press("Turn alerts off", on)
        assert "alerts are <b>off</b>" in text_of(off)
        again = await ada.say("stop sending me promos")
        assert "(No change.)" in text_of(again)
        async with bot.services.uows() as uow:
            assert not (await get_subscription(uow, ADA.id)).subscribed


async def test_privacy_export_and_delete(tmp_path: Path) -> None:
    async with community_bot(tmp_path, qa=False) as bot:
        assert bot.services is not None
        ada = Person(bot, ADA)
        await ada.say("hello there")
        item = await make_item(bot.services.uows, title="Desk lamp")
        await order_in_status(bot.services.uows, ADA.id, (item, 1))
        await fill_cart(bot.services.uows, ADA.id, (item, 2))
        overview = await ada.say("/privacy")
        assert "Your data" in text_of(overview)
        export = text_of(await ada.press("Export my data", overview))
        doc = json.loads(html.unescape(export.split("<code>", 1)[1].rsplit("</code>", 1)[0]))
        assert doc["profile"]["first_name"] == "Ada" and doc["cart"][0]["title"] == "Desk lamp"
        assert doc["orders"][0]["lines"][0]["title"] == "Desk lamp" and doc["addresses"]
        assert "hello there" in doc["conversation"]["recent_messages"]

        confirm = await ada.press("Delete my data", overview)
        assert "can't be undone" in text_of(confirm)
        done = await ada.press("Yes, delete", confirm)
        assert "I deleted your addresses" in text_of(done)
        async with bot.services.uows() as uow:
            assert await list_addresses(uow, ADA.id) == []
        state = await bot.services.states.load(ADA.id, ADA.id)
        assert state.recent_messages == []
        after = text_of(await ada.press("Export my data", overview))
        doc = json.loads(html.unescape(after.split("<code>", 1)[1].rsplit("</code>", 1)[0]))
        assert doc["cart"] == [] and doc["addresses"] == [] and len(doc["orders"]) == 1
        assert doc["orders"][0]["address"] == {"country": "US"}


async def test_privacy_is_never_shown_in_a_group(tmp_path: Path) -> None:
    from tests.helpers.community import group

    async with community_bot(tmp_path, qa=False) as bot:
        replies = await Person(bot, ADA, group()).say("/privacy")
        assert "private chat" in text_of(replies) and not replies[0].buttons


async def test_chinese_shopper_gets_chinese_replies(tmp_path: Path) -> None:
    li = UserRef(504, first_name="李", language_code="zh-hans")
    async with community_bot(tmp_path, qa=False) as bot:
        person = Person(bot, li)
        points = text_of(await person.say("/points"))
        assert "0 积分" in points and "铜牌会员" in points
        ticket = text_of(await person.say("/support 我的订单还没到"))
        assert "工单 T1001" in ticket and "4 小时" in ticket
        alerts = text_of(await person.say("订阅优惠"))
        assert "促销提醒已<b>开启</b>" in alerts


def test_asking_to_be_reminded_turns_alerts_on() -> None:
    from bot.core.skills.community.subscriptions import wanted_setting

    assert wanted_setting("remind me when the mug sale starts") is True
    assert wanted_setting("keep me posted on new deals") is True
    assert wanted_setting("秒杀开始了告诉我") is True
    assert wanted_setting("stop reminding me about sales") is False
    assert wanted_setting("promo alerts?") is True
    assert wanted_setting("what about deals") is None
