"""The one entry point every transport calls: neutral event in, neutral replies out.

Order of routing: update de-duplication, payments and other typed events, button presses, commands, a pending
step (the bot asked for an address, a search query...), then the NLU intent, with a clarifying question when the
NLU is unsure. A pending step shares the message with the NLU: a message the NLU is sure is a navigational
intent ("show my cart" after [🔎 Search]) leaves the step (bot.core.pending has the rule). Any error a shopper
can cause becomes a kind reply in their language; an internal error is logged with a correlation id that the
shopper also sees, and the bot keeps serving everyone else.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

from bot.core.callbacks import CallbackCodec, CallbackError
from bot.core.clarify import both_find_products, clarify
from bot.core.deps import Deps
from bot.core.errors_text import explain_store_error
from bot.core.events import ButtonPress, Event, TextMessage
from bot.core.pending import is_cancel, leaves
from bot.core.replies import CallbackAnswer, Reply, Text
from bot.core.router import DEFAULT_RULE, Router
from bot.core.services import Services
from bot.core.state import Conversation, Pending, begin_turn
from bot.core.understanding import AFTER_PARSE, BEFORE_PARSE
from bot.i18n import pick_language, translator
from store.errors import StoreError

__all__ = ["Dispatcher"]

log = logging.getLogger("shopbot.dispatcher")

MAX_TEXT = 2000  # longer messages are cut: nobody types a product query that long, and encoders truncate anyway
# A side question mid-checkout ("how long does express take?") is answered, then the open step is shown again.
# A cart change mid-checkout ("make the headphones 2", "remove the mug") keeps the checkout: its step again.
RESUME_CHECKOUT_AFTER = frozenset({"ask_question", "out_of_scope", "affirm", "deny", "pay", "update_cart",
                                   "remove_from_cart"})


class Dispatcher:
    def __init__(self, services: Services, router: Router, codec: CallbackCodec, transport: str = "core") -> None:
        self.services, self.router, self.codec, self.transport = services, router, codec, transport

    async def handle(self, event: Event) -> list[Reply]:
        if isinstance(event, TextMessage) and event.chat.is_group and not self._addressed_in_group(event):
            return []  # group chatter not meant for the bot: ignored (and ignored again if re-delivered)
        try:
            return await self._handle(event)
        except Exception:
            cid = uuid.uuid4().hex[:8]
            log.exception("internal error [%s] handling %s from user %s", cid, type(event).__name__, event.user.id)
            known = self.services.known_users.get(event.user.id)  # their /language choice, when remembered
            t = translator(known[1] if known is not None else pick_language(event.user.language_code))
            apology: list[Reply] = [Text(t(
                "Sorry, something went wrong on our side (error {cid}). Your cart and orders are safe; "
                "please try again in a moment.", cid=cid))]
            if isinstance(event, ButtonPress):
                apology.insert(0, CallbackAnswer())
            return apology

    async def _deps(self, event: Event, state: Conversation, lang: str) -> Deps:
        return Deps(event=event, user_id=event.user.id, chat_id=event.chat.id, state=state, t=translator(lang),
                    lang=lang, services=self.services, codec=self.codec, now=self.services.clock())

    async def _handle(self, event: Event) -> list[Reply]:
        from bot.core.users import remember_user

        services = self.services
        key = f"{self.transport}:{event.update_id}" if event.update_id is not None else None
        state = await begin_turn(services.updates, services.states, key, event.user.id, event.chat.id)
        if state is None:
            log.info("duplicate update %s ignored", event.update_id)
            return []
        lang = await remember_user(services, event.user)
        loaded = state.model_dump_json()
        deps = await self._deps(event, state, lang)
        try:
            replies = await self._route(event, deps)
        except StoreError as exc:
            replies = [Text(explain_store_error(exc, deps.t))]
            if isinstance(event, ButtonPress):
                replies.insert(0, CallbackAnswer())
        deps.state.remember_seen()
        if deps.state.model_dump_json() != loaded:  # most turns only read: skip the write (SQLite has one writer)
            await services.states.save(event.user.id, event.chat.id, deps.state)
        return replies

    def _addressed_in_group(self, event: TextMessage) -> bool:
        """Privacy mode: in groups the bot answers commands, mentions and replies to its own messages."""
        return event.command is not None or event.mentions_bot or event.reply_to_bot

    async def _route(self, event: Event, deps: Deps) -> list[Reply]:
        r = self.router
        deps.topic, deps.state.topic = deps.state.topic, None  # the previous reply's subject: this event only
        if isinstance(event, ButtonPress):
            return await self._button(event, deps)
        if isinstance(event, TextMessage):
            return await self._text(event, deps)
        handler = r.events.get(type(event))
        return await handler(deps) if handler else []

    async def _button(self, event: ButtonPress, deps: Deps) -> list[Reply]:
        t = deps.t
        try:
            deps.payload = self.codec.decode(event.user.id, event.data)
        except CallbackError:
            return [CallbackAnswer(t("This button isn't for you, or it has expired. Send your own request."),
                                   alert=True)]
        if deps.payload.prefix == "ci":
            replies = await self._clarified(deps, deps.payload.arg(0))
            return [CallbackAnswer(), *replies]
        handler = self.router.buttons.get(deps.payload.prefix)
        if handler is None:
            return [CallbackAnswer(t("This button has expired."), alert=True)]
        replies = await handler(deps)
        if not any(isinstance(x, CallbackAnswer) for x in replies):
            replies.insert(0, CallbackAnswer())
        return replies

    async def _text(self, event: TextMessage, deps: Deps) -> list[Reply]:
        text = event.text.strip()[:MAX_TEXT]
        if event.mentions_bot:
            text = text.replace(f"@{self.services.bot_username}", "").strip()
        deps.text = text
        command = event.command
        if command is not None:
            name, args = command
            deps.args = args
            handler = self.router.commands.get(name)
            if handler is None:
                return [Text(deps.t("I don't know the command /{name}. Send /help to see what I can do.",
                                    name=name))]
            deps.state.pending = None if name != "cancel" else deps.state.pending
            return await handler(deps)
        if not text:
            return [Text(deps.t("Send me what you are looking for, or /help."))]
        deps.state.remember_message(text)
        deps.yes_no, deps.state.yes_no = deps.state.yes_no, {}  # the last reply's yes/no: this message only
        pending = deps.state.pending
        if pending is not None and pending.kind in self.router.pending:
            return await self._pending(pending, deps)
        cancel = self.router.commands.get("cancel")
        if cancel is not None and deps.state.checkout and is_cancel(text):
            # Mid-checkout (choosing an address or a shipping option by button, nothing typed pending), a bare
            # "cancel" means this checkout, not "cancel one of my orders".
            return await cancel(deps)
        typed = self.router.intents.get("checkout_typed")
        if typed is not None:
            # "express please", "cash on delivery", an address typed at the address step (checkout.typed); with
            # no checkout open, only "I'll pick it up in store" (which starts one with pickup chosen)
            replies = await typed(deps)
            if replies:
                return list(replies)
        replies = await self.understand(deps)
        again = self.router.intents.get("checkout_resume")
        if again is not None and deps.state.checkout and deps.parse is not None \
                and (deps.parse.is_fallback or deps.parse.intent.name in RESUME_CHECKOUT_AFTER):
            replies = list(replies) + list(await again(deps) or [])  # the step again, under the answer
        return replies

    async def _pending(self, pending: Pending, deps: Deps) -> list[Reply]:
        """The step takes the message unless it leaves the step (bot.core.pending: the rule and why)."""
        step, text = self.router.pending[pending.kind], deps.text
        rule = self.router.pending_rules.get(pending.kind, DEFAULT_RULE)
        if rule.closed or (rule.answers is not None and rule.answers(pending.data, text)):
            return await step(deps)
        cancel = self.router.commands.get("cancel")
        if cancel is not None and is_cancel(text):
            return await cancel(deps)
        parse = await self.parse(deps)
        handler = self.router.intents.get(parse.intent.name)
        if handler is None or not leaves(rule, parse, text):
            return await step(deps)
        state = deps.state
        state.pending, state.fallback_count = None, 0
        replies = await handler(deps)
        if not replies:  # the intent's handler found its reading a guess (subscribe naming no alerts): the step's
            state.pending = pending
            return await step(deps)
        if rule.resume is not None and state.pending is None:
            state.pending = pending  # the other intent did not start a step of its own: come back to this one
            replies += await rule.resume(deps)
        return replies

    async def parse(self, deps: Deps) -> Any:
        services = self.services
        if services.encoder is not None:
            from knowledge.encoders.base import encode_async

            deps.vector = (await encode_async(services.encoder, [deps.text]))[0]
        await services.current_vocabulary()
        deps.parse = await services.nlu.parse(deps.text, self._context(deps), vector=deps.vector)
        return deps.parse

    async def understand(self, deps: Deps, lead_in: bool = False) -> list[Reply]:
        """The message through the understanding steps (bot.core.understanding), then its NLU intent. ``lead_in``:
        the message is the request after a yes/no, which the caller reads instead when nothing comes of it (an
        empty list)."""
        for step in BEFORE_PARSE:
            replies = await step(self, deps)
            if replies is not None:
                return replies
        await self.parse(deps)
        for step in AFTER_PARSE:
            replies = await step(self, deps)
            if replies is not None:
                return replies
        parse = deps.parse
        assert parse is not None
        if parse.is_fallback:
            from bot.core.skills.shopping.coupon_words import drops_coupon, has_coupon

            coupon = self.router.intents.get("apply_coupon")
            if coupon is not None and (drops_coupon(deps.text) or has_coupon(deps.text)):
                # "把优惠券删掉" read as remove (0.56) or apply_coupon below the threshold: both hand it to the
                # coupon, and it names the coupon and the removal, so there is nothing to ask; "我有优惠券"
                # (0.67) is a coupon to ask the code of.
                deps.state.fallback_count = 0
                return await coupon(deps)
            finding = self.router.intents.get(parse.intent.name) if both_find_products(parse) else None
            found = await finding(deps) if finding is not None else None
            return list(found) if found else clarify(self.router, deps, parse)
        deps.state.fallback_count = 0
        handler = self.router.intents.get(parse.intent.name)
        if handler is None:
            log.warning("no handler for intent %s", parse.intent.name)
            return clarify(self.router, deps, parse)
        replies = await handler(deps)
        if not replies and not lead_in:
            # The handler found the reading a guess (an add naming nothing to add): ask, as for an unsure parse.
            return clarify(self.router, deps, parse)
        return replies

    async def press(self, deps: Deps, data: str) -> list[Reply] | None:
        """Run the button ``data`` as if pressed (its callback answer dropped: there is no query to answer)."""
        try:
            deps.payload = self.codec.decode(deps.user_id, data)
        except CallbackError:
            return None
        handler = self.router.buttons.get(deps.payload.prefix)
        if handler is None:
            return None
        return [r for r in await handler(deps) if not isinstance(r, CallbackAnswer)]

    async def _clarified(self, deps: Deps, intent: str) -> list[Reply]:
        """The shopper picked one reading of an unclear message: run that intent on the remembered text."""
        handler = self.router.intents.get(intent)
        text = deps.state.unclear_text
        if handler is None or not text:
            return [Text(deps.t("This button has expired."))]
        deps.text, deps.state.unclear_text, deps.state.fallback_count = text, None, 0
        deps.parse = await self.services.nlu.parse(text, self._context(deps), vector=None)
        return await handler(deps)

    def _context(self, deps: Deps) -> Any:
        from nlu.context import DialogueContext

        state = deps.state
        return DialogueContext(last_results=tuple(state.last_results), focus=state.focus_sku,
                               last_order=state.last_order, catalog=self.services.vocabulary,
                               language=deps.lang, currency=self.services.settings.currency)
