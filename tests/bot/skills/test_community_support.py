"""Support tickets in the dialogue: opened with context, staff notified, replies relayed both ways, closed."""

from __future__ import annotations

from pathlib import Path

from bot.core.events import UserRef
from store.support.service import list_tickets
from tests.helpers.community import STAFF, Person, community_bot, group, notifies, text_of
from tests.helpers.order_builders import fill_cart, make_item

ADA = UserRef(501, first_name="Ada", username="ada", language_code="en")
STAFFER = UserRef(STAFF, first_name="Sam", language_code="en")


async def test_ticket_opened_staff_notified_reply_relayed_and_closed(tmp_path: Path) -> None:
    async with community_bot(tmp_path, qa=False) as bot:
        assert bot.services is not None
        ada = Person(bot, ADA)
        await ada.say("hello")
        item = await make_item(bot.services.uows, title="Walnut desk")
        await fill_cart(bot.services.uows, ADA.id, (item, 1))
        opened = await ada.say("I need a human please")
        assert "ticket T1001" in text_of(opened) and "4 hours" in text_of(opened)
        [card] = notifies(opened, STAFF)
        card_text = text_of([card.reply])
        assert "T1001" in card_text and "Ada (@ada)" in card_text and "I need a human please" in card_text
        assert "hello" in card_text and "Walnut desk" in card_text

        staff = Person(bot, STAFFER)
        prompt = await staff.press("Reply", [card.reply])
        assert "Write your reply to Ada" in text_of(prompt)
        sent = await staff.say("Hi Ada, how can I help?")
        [relay] = notifies(sent, ADA.id)
        assert "how can I help?" in text_of([relay.reply])

        await ada.press("Reply", [relay.reply])
        back = await ada.say("My desk wobbles")
        assert "Our team will reply" in text_of(back)
        [to_staff] = notifies(back, STAFF)
        assert "My desk wobbles" in text_of([to_staff.reply])

        closed = await staff.press("Close", [to_staff.reply])
        [notice] = notifies(closed, ADA.id)
        assert "closed" in text_of([notice.reply])
        async with bot.services.uows() as uow:
            [ticket] = await list_tickets(uow, user_id=ADA.id)
        assert ticket.is_closed and [m.text for m in ticket.messages] == [
            "I need a human please", "Hi Ada, how can I help?", "My desk wobbles"]


async def test_complaint_feedback_and_support_command(tmp_path: Path) -> None:
    async with community_bot(tmp_path, qa=False) as bot:
        assert bot.services is not None
        ada = Person(bot, ADA)
        complaint = await ada.say("My parcel arrived broken, terrible")
        assert "complaint T1001" in text_of(complaint)
        assert "(complaint)" in text_of([notifies(complaint, STAFF)[0].reply])
        ask = await ada.say("I want to give feedback")
        assert "Write your feedback" in text_of(ask) and not notifies(ask)
        thanks = await ada.say("Search is fast, but show more photos")
        assert "Thank you for your feedback" in text_of(thanks) and notifies(thanks, STAFF)
        prompt = await ada.say("/support")
        assert "what you need help with" in text_of(prompt)
        opened = await ada.say("Change my delivery date")
        assert "T1003" in text_of(opened)
        async with bot.services.uows() as uow:
            kinds = [t.kind.value for t in await list_tickets(uow, user_id=ADA.id)]
        assert kinds == ["support", "feedback", "complaint"]


async def test_venting_is_asked_what_went_wrong_before_a_ticket(tmp_path: Path) -> None:
    async with community_bot(tmp_path, qa=False) as bot:
        assert bot.services is not None
        ada = Person(bot, ADA)
        vent = await ada.say("this is terrible")  # nothing staff could act on: no ticket yet
        assert "What went wrong" in text_of(vent) and not notifies(vent)
        filed = await ada.say("The mug I got has a crack in it")
        assert "complaint T1001" in text_of(filed) and notifies(filed, STAFF)
        async with bot.services.uows() as uow:
            [ticket] = await list_tickets(uow, user_id=ADA.id)
        assert ticket.kind.value == "complaint" and "crack" in ticket.subject


async def test_group_request_gets_answered_in_private(tmp_path: Path) -> None:
    async with community_bot(tmp_path, qa=False, staff_ids=()) as bot:
        assert bot.services is not None
        replies = await Person(bot, ADA, group()).say("/support my order is late")
        assert "T1001" in text_of(replies) and not notifies(replies)
        async with bot.services.uows() as uow:
            [ticket] = await list_tickets(uow, user_id=ADA.id)
        assert ticket.chat_id == ADA.id


async def test_shopper_cannot_press_staff_buttons(tmp_path: Path) -> None:
    async with community_bot(tmp_path, qa=False) as bot:
        ada = Person(bot, ADA)
        opened = await ada.say("talk to an agent")
        [card] = notifies(opened, STAFF)
        refused = await ada.press("Close", [card.reply])  # bound to the staff member
        assert "isn't for you" in text_of(refused)


async def test_asking_for_a_person_again_shows_the_open_ticket_instead_of_a_second(tmp_path: Path) -> None:
    async with community_bot(tmp_path, qa=False) as bot:
        assert bot.services is not None
        ada = Person(bot, ADA)
        assert "ticket T1001" in text_of(await ada.say("I need a human please"))
        again = await ada.say("talk to an agent")
        assert "Your ticket T1001 is open" in text_of(again) and not notifies(again)
        assert "what you need help with" in text_of(await ada.press("New request", again))
        other = await ada.say("Change my delivery date")
        assert "T1002" in text_of(other)
        substantive = await ada.say("talk to an agent about my order 10001 being late")
        assert "T1003" in text_of(substantive)  # says what is wrong: a ticket of its own
        async with bot.services.uows() as uow:
            assert len(await list_tickets(uow, user_id=ADA.id)) == 3


async def test_a_question_while_the_complaint_is_asked_for_is_answered_and_the_step_stays(tmp_path: Path) -> None:
    async with community_bot(tmp_path, qa=False) as bot:
        assert bot.services is not None
        ada = Person(bot, ADA)
        assert "What went wrong" in text_of(await ada.say("this is terrible"))
        asked = await ada.say("can i get a phone number?")
        assert "tell me in one message what went wrong" in text_of(asked) and not notifies(asked)
        filed = await ada.say("The mug I got has a crack in it")
        assert "complaint T1001" in text_of(filed)
        async with bot.services.uows() as uow:
            [ticket] = await list_tickets(uow, user_id=ADA.id)
        assert "crack" in ticket.subject
