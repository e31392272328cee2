"""Q&A in the dialogue: answered with its source, scoped to "it", unknown -> posted -> answered -> asker told."""

from __future__ import annotations

from pathlib import Path

from bot.core.events import UserRef
from bot.core.replies import Notify
from bot.core.state import Conversation
from store.community_groups import GroupInput, save_group
from tests.helpers.community import STAFF, Person, community_bot, group, notifies, text_of
from tests.helpers.kb_builders import add_pair, seed_product

ADA = UserRef(501, first_name="Ada", language_code="en")
BEN = UserRef(502, first_name="Ben", language_code="en")
STAFFER = UserRef(STAFF, first_name="Sam", language_code="en")


async def test_faq_answer_names_its_source_and_unknown_product_scope(tmp_path: Path) -> None:
    async with community_bot(tmp_path) as bot:
        assert bot.services is not None
        uows = bot.services.uows
        await seed_product(uows)
        await add_pair(uows, "Do you ship to Canada?", "Yes, we ship to Canada in 5-8 business days.")
        ada = Person(bot, ADA)
        replies = await ada.say("Do you ship to Canada?")
        assert "5-8 business days" in text_of(replies) and "From our FAQ" in text_of(replies)
        assert ada.find("Helpful", replies)
        # "it" = the product in focus: the answer comes from its description.
        await bot.services.states.save(ADA.id, ADA.id, Conversation(focus_sku="P0001-BLK"))
        scoped = await ada.say("Is it dishwasher safe?")
        assert "dishwasher safe" in text_of(scoped) and "From the product description" in text_of(scoped)
        voted = await ada.press("Helpful", replies)
        assert "Thanks for the feedback" in text_of(voted)


async def test_unknown_question_posted_to_group_answered_by_member_and_asker_told(tmp_path: Path) -> None:
    async with community_bot(tmp_path) as bot:
        assert bot.services is not None
        uows = bot.services.uows
        async with uows() as uow:
            await save_group(uow, GroupInput(title="Deals", invite_link="https://t.me/+deals", chat_id=-1001))
        ada = Person(bot, ADA)
        unknown = await ada.say("Do you sell tractors?")
        assert "don't know" in text_of(unknown)
        posted = await ada.press("Post to the community group", unknown)
        assert "community group" in text_of(posted)
        [post] = notifies(posted, -1001)
        assert "Do you sell tractors?" in text_of([post.reply])

        ben = Person(bot, BEN, group())
        prompt = await ben.press("Answer", [post.reply])
        assert "Reply to this message" in text_of(prompt)
        done = await ben.say("Yes, small garden tractors in our Garden section.", reply_to_bot=True)
        assert "sent your answer" in text_of(done) and "10 points" in text_of(done)
        [told] = notifies(done, ADA.id)
        told_text = text_of([told.reply])
        assert "garden tractors" in told_text and "From a shopper" in told_text

        # The pair joined the knowledge base: the next ask is answered.
        again = await ada.say("Do you sell tractors?")
        assert "garden tractors" in text_of(again) and "From a shopper" in text_of(again)
        # A second answer to the same question is refused kindly.
        late = await Person(bot, UserRef(503, first_name="Cy"), group()).press("Answer", [post.reply])
        assert "already been answered" in text_of(late)


async def test_ask_staff_then_staff_answer_reaches_asker(tmp_path: Path) -> None:
    async with community_bot(tmp_path) as bot:
        ada = Person(bot, ADA)
        await ada.say("/ask")  # the next message is the question
        unknown = await ada.say("Can I pick up in Lisbon?")
        assert "don't know" in text_of(unknown)
        posted = await ada.press("Ask staff", unknown)
        assert "our staff" in text_of(posted)
        [card] = notifies(posted, STAFF)
        staff = Person(bot, STAFFER)
        await staff.press("Answer", [card.reply])
        done = await staff.say("Yes, at our Baixa store, 10-18.")
        [told] = notifies(done, ADA.id)
        assert isinstance(told, Notify) and "Answered by staff" in text_of([told.reply])
        assert "points" not in text_of(done)  # staff do not earn shopper points


async def test_without_qa_the_bot_offers_a_person(tmp_path: Path) -> None:
    async with community_bot(tmp_path, qa=False) as bot:
        replies = await Person(bot, ADA).say("Is the lamp dimmable?")
        assert "a person can help" in text_of(replies)
