"""Flash sales in a group (card, countdown, one unit raced by two members), group lists, the welcome."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

from bot.core.events import MembersJoined, UserRef
from bot.core.replies import CallbackAnswer, Photo, Text
from store.community_groups import GroupInput, save_group
from store.demo.groups import load_demo_groups
from tests.helpers.community import Person, buttons_of, community_bot, group, notifies, text_of
from tests.helpers.order_builders import NOW, flash_remaining, make_flash_sale, make_item

ADA = UserRef(501, first_name="Ada", language_code="en")
BEN = UserRef(502, first_name="Ben", language_code="en")
LI = UserRef(503, first_name="李", language_code="zh-hans")


async def test_flash_card_and_two_members_race_for_the_last_unit(tmp_path: Path) -> None:
    async with community_bot(tmp_path, qa=False) as bot:
        assert bot.services is not None
        bot.services.clock = lambda: NOW
        uows = bot.services.uows
        item = await make_item(uows, stock=5, price_minor=2500, title="Espresso grinder")
        sale_id = await make_flash_sale(uows, item, units=1, price_minor=999,
                                        ends=NOW + timedelta(hours=1, minutes=23))
        ada, ben = Person(bot, ADA, group()), Person(bot, BEN, group())
        [card] = await ada.say("/flash")
        assert isinstance(card, Text | Photo)
        body = text_of([card])
        assert "$9.99" in body and "$25.00" in body and "−60%" in body
        assert "ends in 1h 23m" in body and "▱▱▱▱▱ 0% claimed · 1 left" in body
        claim = buttons_of(card)[0].data
        assert claim is not None and "~*" in claim  # an anyone-button
        # The group card links to the sale in a private chat, and following the link opens it there.
        links = [b.url for b in buttons_of(card) if b.url]
        assert links == [f"https://t.me/{bot.services.bot_username}?start=promo_{sale_id}"]
        assert "$9.99" in text_of(await Person(bot, ADA).say(f"/start promo_{sale_id}"))
        results = await asyncio.gather(ada.press_data(claim), ben.press_data(claim))
        toasts = [next(r for r in replies if isinstance(r, CallbackAnswer)) for replies in results]
        won = [i for i, toast in enumerate(toasts) if "Reserved!" in toast.text]
        lost = [i for i, toast in enumerate(toasts) if "Sold out" in toast.text]
        assert len(won) == 1 and len(lost) == 1
        winner = (ADA, BEN)[won[0]]
        [private] = notifies(results[won[0]], winner.id)
        assert "within 30 minutes" in text_of([private.reply]) and "SB" in text_of([private.reply])
        assert not notifies(results[lost[0]])
        assert await flash_remaining(uows, sale_id) == 0
        again = await Person(bot, winner, group()).press_data(claim)
        assert "Sold out" in text_of(again) or "already claimed" in text_of(again)
        assert "No flash sale is running" in text_of(await ada.say("/flash"))


async def test_groups_listed_with_join_links_in_the_shoppers_language(tmp_path: Path) -> None:
    async with community_bot(tmp_path, qa=False) as bot:
        assert bot.services is not None
        assert "don't have community groups" in text_of(await Person(bot, ADA).say("/groups"))
        await load_demo_groups(bot.services.uows)
        [reply] = await Person(bot, ADA).say("how do I join your group")
        urls = [b.url for b in buttons_of(reply)]
        assert urls[0] == "https://t.me/+demoShopDeals" and len(urls) == 2
        [zh] = await Person(bot, LI).say("/groups")
        assert buttons_of(zh)[0].url == "https://t.me/+demoShopZhCommunity"
        assert "商店中文交流群" in text_of([zh])


async def test_new_members_get_a_welcome_with_buttons(tmp_path: Path) -> None:
    async with community_bot(tmp_path, qa=False) as bot:
        assert bot.services is not None
        async with bot.services.uows() as uow:
            await save_group(uow, GroupInput(title="Deals", invite_link="https://t.me/+d", chat_id=-1001))
        [welcome] = await bot.handle(MembersJoined(ADA, group(), members=(ADA, BEN)))
        assert "Welcome, Ada, Ben" in text_of([welcome])
        labels = [b.label for b in buttons_of(welcome)]
        assert any("flash sale" in label for label in labels)
        assert any(b.url == f"https://t.me/{bot.services.bot_username}" for b in buttons_of(welcome))
        flash = await Person(bot, BEN, group()).press("flash sale", [welcome])
        assert "No flash sale is running" in text_of(flash)


async def test_flash_lists_every_running_sale_and_a_private_claim_shows_its_order_locally(tmp_path: Path) -> None:
    """/flash showed only one of two live sales; in the local chats (web, console, `chat --script`) a claim in a
    private chat said "I sent you the details" and the details never appeared."""
    from bot.transports.local_session import LocalSession

    async with community_bot(tmp_path, qa=False) as bot:
        assert bot.services is not None
        bot.services.clock = lambda: NOW
        uows = bot.services.uows
        grinder = await make_item(uows, stock=5, price_minor=2500, title="Espresso grinder")
        kettle = await make_item(uows, stock=5, price_minor=4000, title="Gooseneck kettle")
        await make_flash_sale(uows, grinder, units=3, price_minor=999, ends=NOW + timedelta(hours=3))
        await make_flash_sale(uows, kettle, units=3, price_minor=1999, ends=NOW + timedelta(hours=1))
        cards = await Person(bot, ADA).say("/flash")
        assert len(cards) == 2 and "$19.99" in text_of(cards[:1]) and "$9.99" in text_of(cards[1:])  # ends first
        session = LocalSession(bot, ADA)
        await session.say("/flash")
        claimed = await session.press_label("Claim for $9.99")
        assert any("Reserved!" in r["text"] for r in claimed)
        assert any("You got it!" in r["text"] and "SB" in r["text"] for r in claimed), claimed
