"""What a demanding shopper noticed in the account and community flows: a long data export arrives whole
(in parts), a new ticket can be added to with one tap, and recommendations use what the shopper looked at."""

from __future__ import annotations

import html
import json
from pathlib import Path

from bot.core.events import UserRef
from bot.core.replies import Text
from bot.core.skills.community.privacy import MAX_INLINE_JSON
from store.support.service import open_ticket
from tests.helpers.community import Person, community_bot, text_of
from tests.helpers.shopping import Shopper, shop_bot

ADA = UserRef(521, first_name="Ada", language_code="en")


async def test_a_long_data_export_comes_whole_in_parts(tmp_path: Path) -> None:
    async with community_bot(tmp_path, qa=False) as bot:
        assert bot.services is not None
        ada = Person(bot, ADA)
        await ada.say("hello")
        for n in range(12):
            async with bot.services.uows() as uow:
                await open_ticket(uow, user_id=ADA.id, chat_id=ADA.id, subject=f"question {n} " + "x" * 300,
                                  now=bot.services.clock())
        overview = await ada.say("/privacy")
        parts = [r.text for r in await ada.press("Export my data", overview) if isinstance(r, Text)]
        assert len(parts) > 2 and "in " in parts[0] and "parts" in parts[0]
        subjects = set()
        for part in parts[1:]:
            assert len(part) <= MAX_INLINE_JSON
            doc = json.loads(html.unescape(part.split("<code>", 1)[1].rsplit("</code>", 1)[0]))
            subjects |= {t["subject"].split(" x")[0] for t in doc.get("tickets", [])}
        assert subjects == {f"question {n}" for n in range(12)}


async def test_a_new_ticket_can_be_added_to_with_one_tap(tmp_path: Path) -> None:
    async with community_bot(tmp_path, qa=False) as bot:
        ada = Person(bot, ADA)
        opened = await ada.say("I need a human please")
        assert "ticket T1001" in text_of(opened)
        prompt = await ada.press("Add details", opened)
        assert "ticket T1001" in text_of(prompt)
        sent = await ada.say("It's about my order SB10042")
        assert "Sent!" in text_of(sent)


async def test_recommendations_follow_what_a_new_shopper_looked_at(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        ann = Shopper(bot, UserRef(522, "Ann", language_code="en"))
        await ann.say("men's running shoes")
        await ann.say("tell me more about the first one")
        replies = await ann.say("recommend something")
        shown = "\n".join(r.caption if hasattr(r, "caption") else getattr(r, "text", "") for r in replies)
        assert "Like Men&#x27;s Running Shoes, which you looked at" in shown
        assert "Women&#x27;s Trail Running Shoes" in shown and "best sellers" not in shown


async def test_an_unknown_product_question_names_the_product_it_was_about(tmp_path: Path) -> None:
    """A wrong "this" (the focus moved on) is easy to spot when the bot says which product it looked at."""
    from bot.core.state import Conversation
    from tests.helpers.kb_builders import seed_product

    async with community_bot(tmp_path) as bot:
        assert bot.services is not None
        await seed_product(bot.services.uows)
        await bot.services.states.save(ADA.id, ADA.id, Conversation(focus_sku="P0001-BLK"))
        ada = Person(bot, ADA)
        unknown = await ada.say("Does it come with a tiny unicorn saddle?")
        assert "I don't know that about <b>Aurora Ceramic Mug</b> yet" in text_of(unknown)
        assert ada.find("Ask staff", unknown)


async def test_choosing_the_group_when_there_is_none_says_where_the_question_went(tmp_path: Path) -> None:
    async with community_bot(tmp_path) as bot:
        ada = Person(bot, ADA)
        unknown = await ada.say("Do you sell hovercraft spare parts for 1970s models?")
        posted = await ada.press("Post to the community group", unknown)
        assert "isn't taking questions here right now, so I passed yours to our staff" in text_of(posted)
