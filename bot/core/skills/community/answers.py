"""Unanswered questions: post them to the community group or staff, collect an answer, tell the asker.

Posting records a pending question (``store.knowledge_pending.record_pending_question``) and Notifies the group
(an [Answer] button anyone may press) or each staff member (a button bound to them). Whoever presses
[Answer] is asked to reply to the bot's message — in a group that reply reaches the bot even in privacy
mode — and their next message is recorded with ``answer_pending_question``: the pair joins the knowledge
base (the Q&A index follows it) and the asker gets the answer in the chat where they asked.
"""

from __future__ import annotations

from bot.core.callbacks import CallbackCodec, CallbackPayload
from bot.core.replies import Button, CallbackAnswer, Notify, Reply, Text, keyboard
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.community.common import esc, notify_staff, translator_for
from bot.core.skills.community.questions import source_line, vote_button
from bot.core.state import Conversation, Pending
from bot.i18n import Translator, translator

__all__ = ["router"]

router = Router("answers")


def _group_post(t: Translator, codec: CallbackCodec, pending_id: int, question: str, about: str) -> Reply:
    return Text(t("❓ A shopper asks: <b>{question}</b>{about}\nKnow the answer? Press Answer and reply to my "
                  "message.", question=esc(question), about=about),
                buttons=keyboard([Button(t("✍️ Answer"), data=codec.encode(0, "qa", "a", pending_id, anyone=True))]))


def _staff_post(t: Translator, codec: CallbackCodec, staff_id: int, pending_id: int, question: str,
                about: str) -> Reply:
    return Text(t("❓ Unanswered question #{id}: <b>{question}</b>{about}", id=pending_id, question=esc(question),
                  about=about),
                buttons=keyboard([Button(t("✍️ Answer"), data=codec.encode(staff_id, "qa", "a", pending_id)),
                                  Button(t("Dismiss"), data=codec.encode(staff_id, "qa", "x", pending_id))]))


async def _post(target: str, services: Services, state: Conversation, t: Translator, user_id: int,
                chat_id: int, lang: str, codec: CallbackCodec) -> list[Reply]:
    from store.community_groups import posting_group
    from store.errors import NotFound
    from store.knowledge_base import resolve_scope
    from store.knowledge_pending import mark_pending_posted, record_pending_question
    from store.models.knowledge_base import PostTarget

    question, sku = state.last_question.get("text", ""), state.last_question.get("sku", "")
    if not question:
        return [Text(t("Send me your question again, please, and I'll post it."))]
    async with services.uows() as uow:
        group = await posting_group(uow, lang)
        scope = None
        if sku:
            try:
                scope = await resolve_scope(uow, sku)
            except NotFound:
                scope = None
    staff = services.settings.staff_ids
    # Fall back to whoever can answer: no group the bot is in -> staff; no staff -> the group.
    to_group = group is not None and (target == "g" or not staff)
    posted_to = PostTarget.GROUP if to_group else PostTarget.STAFF
    async with services.uows() as uow:
        record = await record_pending_question(uow, asker_id=user_id, chat_id=chat_id, text=question, scope=scope,
                                               language=lang, posted_to=posted_to)
    state.last_question = {}
    about = f"\n({esc(sku)})" if sku else ""
    out: list[Reply] = []
    if to_group and group is not None and group.chat_id is not None:
        async with services.uows() as uow:
            await mark_pending_posted(uow, record.id, PostTarget.GROUP, posted_chat_id=group.chat_id)
        out.append(Notify(group.chat_id, _group_post(translator(group.language), codec, record.id, question,
                                                     about)))
        where = t("our community group")
    else:
        def card(staff_id: int, t: Translator) -> Reply:
            return _staff_post(t, codec, staff_id, record.id, question, about)

        out.extend(await notify_staff(services, card))
        where = t("our staff")
    done = t("Done! I posted your question to {where}. I'll message you here as soon as someone answers.",
             where=where)
    if target == "g" and not to_group:  # they chose the group: say why it went elsewhere
        done = t("Our community group isn't taking questions here right now, so I passed yours to our staff.") + \
            ("" if lang == "zh" else " ") + t("I'll message you here as soon as someone answers.")
    return [Text(done), *out]


async def _start_answer(pending_id: int, services: Services, state: Conversation, t: Translator,
                        user_id: int) -> list[Reply]:
    from store.knowledge_pending import get_pending
    from store.models.knowledge_base import PendingStatus

    async with services.uows() as uow:
        record = await get_pending(uow, pending_id)
    if record.status is not PendingStatus.OPEN:
        return [CallbackAnswer(t("This question has already been answered. Thank you!"), alert=True)]
    if record.asker_id == user_id and not services.is_staff(user_id):
        return [CallbackAnswer(t("That's your own question: I'll tell you when someone answers."), alert=True)]
    state.pending = Pending(kind="qa_answer", data={"id": pending_id})
    return [Text(t("Reply to this message with your answer to: <b>{question}</b>", question=esc(record.text)))]


async def _dismiss(pending_id: int, services: Services, t: Translator, user_id: int) -> list[Reply]:
    from store.knowledge_pending import dismiss_pending_question

    if not services.is_staff(user_id):
        return [CallbackAnswer(t("Only staff can do that."), alert=True)]
    async with services.uows() as uow:
        record = await dismiss_pending_question(uow, pending_id)
    return [Text(t("Question #{id} dismissed.", id=pending_id)),
            Notify(record.chat_id, _dismissed(await translator_for(services, record.asker_id), record.text))]


def _dismissed(t: Translator, question: str) -> Reply:
    return Text(t("Sorry, we couldn't find an answer to \u201c{question}\u201d. Send /support if you'd like to "
                  "talk to a person.", question=esc(question)))


@router.button("qa")
async def qa_button(payload: CallbackPayload, services: Services, state: Conversation, t: Translator,
                    user_id: int, chat_id: int, lang: str, codec: CallbackCodec) -> list[Reply]:
    action = payload.arg(0)
    if action == "v":
        return await vote_button(payload, services, t, user_id)
    if action == "post":
        return await _post(payload.arg(1), services, state, t, user_id, chat_id, lang, codec)
    if action == "a":
        return await _start_answer(payload.int_arg(1), services, state, t, user_id)
    if action == "x":
        return await _dismiss(payload.int_arg(1), services, t, user_id)
    if action == "on":
        from bot.core.skills.community.questions import ask_about_shown

        return await ask_about_shown(payload.int_arg(1), services, state, t, user_id, codec)
    return [CallbackAnswer(t("This button has expired."), alert=True)]


@router.on_pending("qa_answer", closed=True)  # staff's answer for a shopper: it all goes there
async def receive_answer(text: str, services: Services, state: Conversation, t: Translator,
                         user_id: int) -> list[Reply]:
    from store.errors import PendingQuestionClosed
    from store.knowledge_pending import answer_pending_question
    from store.loyalty.levels import ANSWER_POINTS
    from store.loyalty.service import award_points
    from store.models.knowledge_base import AnswerSource
    from store.models.loyalty import PointsReason

    pending_id = int((state.pending.data if state.pending else {}).get("id", 0))
    state.pending = None
    staff = services.is_staff(user_id)
    try:
        async with services.uows() as uow:
            done = await answer_pending_question(uow, pending_id, text, answered_by=user_id,
                                                 source=AnswerSource.STAFF if staff else AnswerSource.SHOPPER)
    except PendingQuestionClosed:
        return [Text(t("Someone answered this question a moment ago. Thank you anyway!"))]
    thanks = t("Thanks! I sent your answer to the shopper and added it to our Q&A.")
    if not staff:
        async with services.uows() as uow:
            if await award_points(uow, user_id, ANSWER_POINTS, PointsReason.COMMUNITY_ANSWER,
                                  f"question:{pending_id}"):
                thanks += " " + t("You earned {points} points.", points=ANSWER_POINTS)
    told = _answered(await translator_for(services, done.notify_user_id), done.question, done.answer.text,
                     done.answer.source)
    return [Text(thanks), Notify(done.notify_chat_id, told)]


def _answered(t: Translator, question: str, answer: str, source: object) -> Reply:
    return Text(t("Good news! Your question got an answer.\n<b>{question}</b>\n{answer}\n\n<i>{source}</i>",
                  question=esc(question), answer=esc(answer), source=source_line(source, t)))
