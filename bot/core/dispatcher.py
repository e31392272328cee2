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
import re
import uuid
from dataclasses import replace
from typing import Any

from bot.core.callbacks import CallbackCodec, CallbackError
from bot.core.deps import Deps
from bot.core.errors_text import explain_store_error
from bot.core.events import ButtonPress, Event, TextMessage
from bot.core.followups import (
    after_lead_in,
    asks_languages,
    asks_something,
    is_bare_reference,
    is_price_question,
    language_asked,
)
from bot.core.pending import is_cancel, leaves
from bot.core.replies import Button, CallbackAnswer, Keyboard, Reply, Text, keyboard
from bot.core.router import DEFAULT_RULE, Router
from bot.core.services import Services
from bot.core.state import UNCLEAR_TOPIC, Conversation, Pending, begin_turn
from bot.core.typed_answers import nlu_answer, typed_answer
from bot.i18n import Translator, pick_language, translator
from nlu.result import IntentScore, ParsedEntity, ParseResult
from store.errors import StoreError
from store.giftcards.cards import looks_like_gift_code

__all__ = ["Dispatcher"]

log = logging.getLogger("shopbot.dispatcher")

MAX_TEXT = 2000  # longer messages are cut: nobody types a product query that long, and encoders truncate anyway
# Readings a clarifying question never offers as a button: nothing to do for the shopper behind them.
NOT_ACTIONABLE = frozenset({"affirm", "deny", "greet", "thanks", "goodbye", "out_of_scope"})
# Pseudo-intents offered every message about what is on screen, after the NLU and before its intent runs:
# "compare the first two" / "对比一下前两个" (shopping.compare), "in black?" / "有M码吗" / "between $50 and $150"
# (shopping.option_followups), "any reviews for this one?" (community.reviews), "which has better battery"
# (shopping.which_shown). Each returns None for a message that is not its kind.
FOLLOW_UPS = ("flash_follow_up", "compare_follow_up", "which_shown", "option_follow_up", "stock_follow_up",
              "reviews_question", "buy_in_view")
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
        replies = await self._understand(deps)
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
        parse = await self._parse(deps)
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

    async def _parse(self, deps: Deps) -> Any:
        services = self.services
        if services.encoder is not None:
            from knowledge.encoders.base import encode_async

            deps.vector = (await encode_async(services.encoder, [deps.text]))[0]
        if services.vocabulary_stale:
            from bot.core.nlu_setup import catalog_vocabulary

            services.vocabulary, services.vocabulary_stale = await catalog_vocabulary(services.uows), False
        deps.parse = await services.nlu.parse(deps.text, self._context(deps), vector=deps.vector)
        return deps.parse

    async def _understand(self, deps: Deps, lead_in: bool = False) -> list[Reply]:
        """``lead_in``: the message is the request after a yes/no, which the caller reads instead when nothing
        comes of it (an empty list)."""
        switch = self.router.commands.get("language")
        asked = language_asked(deps.text)
        if switch is not None and asked is not None:  # "switch to chinese", "可以说英文吗": as /language zh|en
            deps.args = asked
            return await switch(deps)
        if switch is not None and asks_languages(deps.text):  # "do you speak chinese?": the two, to choose from
            deps.args = "?"
            return await switch(deps)
        redeem = self.router.intents.get("apply_coupon")
        if redeem is not None and looks_like_gift_code(deps.text):
            # A message that is only a gift-card code (pasted from the delivery message) is always meant to be
            # redeemed; the NLU sees a random-looking token and cannot be relied on to say so, so it is not asked.
            deps.state.fallback_count = 0
            return await redeem(deps)
        picked = self.router.intents.get("picker_typed_answer")
        if picked is not None and deps.topic:
            answer = await picked(deps)  # "42" / "黑" right after the colour/size picker: that option (picker_typed)
            if answer:
                deps.state.fallback_count = 0
                return list(answer)
        refine = self.router.intents.get("refine_search")
        if refine is not None and deps.state.last_query is not None:
            # "any cheaper ones?" right after a search re-sorts it (bot/core/skills/shopping/search.py)
            replies = await refine(deps)
            if replies:
                deps.state.fallback_count = 0
                return replies
        key = typed_answer(deps.yes_no, deps.text)  # "对 取消吧", "是的，删除": the button by its words
        if key is not None and (pressed := await self._press(deps, deps.yes_no[key])) is not None:
            return pressed
        parse = await self._parse(deps)
        key = nlu_answer(deps.yes_no, parse.intent.name) if deps.yes_no and not parse.is_fallback else None
        if key is not None and parse.intent.name in ("affirm", "deny") and key in deps.yes_no:
            # "yes" / "是的" to "Cancel order SB10002?": the button it means. It answered "Okay! Tell me what you'd
            # like to do next" and the order stayed open.
            pressed = await self._press(deps, deps.yes_no[key])
            if pressed is not None:
                return pressed
        detail = self.router.intents.get("ticket_detail")
        if detail is not None and deps.topic:
            added = await detail(deps)  # "its about order SB10002" right after a ticket opened: for that ticket
            if added:
                return list(added)
        for name in ("ticket_question", "payment_problem"):  # "is my ticket open?", "I was charged twice": a person's
            standing = await hook(deps) if (hook := self.router.intents.get(name)) is not None else None
            if standing:  # where the shopper's ticket stands (ticket_guards), a ticket for money (payment_problems)
                deps.state.fallback_count = 0
                return list(standing)
        bought = self.router.intents.get("bought_item_problem")
        sorry = await bought(deps) if bought is not None else None
        if sorry:  # "上周买的耳机有杂音": a return or a person for the item bought, not a search (bought_problems)
            deps.state.fallback_count = 0
            ret = self.router.intents.get("return_or_refund")
            return [*sorry, *(await ret(deps) if ret is not None else [])]
        rest = after_lead_in(deps.text) if parse.is_fallback or parse.intent.name in ("affirm", "deny") else None
        if rest is not None:  # "nah nevermind, show me nike only", "不要了，看看毛衣": the request after the no
            said = deps.text, deps.parse, deps.vector
            deps.text, deps.parse, deps.vector = rest, None, None
            replies = await self._understand(deps, lead_in=True)
            if replies:
                return replies
            # Nothing came of the rest ("算了 那我等着吧": "那我等着吧" read as an add with nothing to add): the yes
            # or no was the message.
            deps.text, deps.parse, deps.vector = said
        set_hook = self.router.intents.get("cart_quantity_said")
        set_line = await set_hook(deps) if set_hook is not None else None
        if set_line:  # "make the headphones 2": that cart line, not "not sure" (cart_said)
            deps.state.fallback_count = 0
            deps.parse = replace(parse, intent=IntentScore("update_cart", 1.0), is_fallback=False)  # read as such
            return list(set_line)
        money = self.router.intents.get("cart_money_question")
        answered_money = await money(deps) if money is not None else None
        if answered_money:  # "一共多少钱", "满50包邮吗": the cart's total and free shipping, not "which one?"
            deps.state.fallback_count = 0
            return list(answered_money)
        named = self.router.intents.get("focus_by_name")
        if named is not None and len(deps.state.last_results) > 1 and _NAMING.search(deps.text) \
                and _naming_spans(parse):
            before = deps.state.focus_sku
            await named(deps)  # "the uniqlo one" with a list shown: that product is in focus (named_on_screen)
            if deps.state.focus_sku != before and deps.state.focus_sku is not None:
                parse = deps.parse = _brand_as_reference(parse, deps.state.focus_sku, deps.text)
            elif self.services.vocabulary is not None:  # "the marshall one", none shown: the brand, not "which?"
                from bot.core.skills.shopping.named_on_screen import brand_in_reference

                parse = deps.parse = brand_in_reference(deps.text, parse, self.services.vocabulary.brands) or parse
        details = self.router.intents.get("show_product_details")
        if details is not None and deps.state.last_results and is_bare_reference(deps.text, parse):
            deps.state.fallback_count = 0  # "the first one" with results on screen: that one's card (followups)
            return await details(deps)
        if details is not None and (deps.state.focus_sku or deps.state.last_results) \
                and all(e.entity in ("reference", "brand") for e in parse.entities) \
                and is_price_question(deps.text, parse):
            # "what is the price?" with a product open (read as a deals request); "how much is it" with several on
            # screen and none open: details asks which one
            deps.state.fallback_count = 0
            return await details(deps)
        if deps.state.focus_sku or deps.state.last_query or deps.state.last_results:
            for name in FOLLOW_UPS:  # each returns None unless the message is its kind of follow-up
                hook = self.router.intents.get(name)
                found = await hook(deps) if hook is not None else None
                if found:
                    deps.state.fallback_count = 0
                    return list(found)
        policy = self.router.intents.get("policy_question")
        answered = await policy(deps) if policy is not None else None
        if answered:  # "can i use two coupons?", "退款多久到账": the FAQ, not the action's panel (policy_questions)
            deps.state.fallback_count = 0
            return list(answered)
        phrase = self.router.intents.get("product_phrase")
        if phrase is not None and (parse.is_fallback or parse.intent.name == "out_of_scope"):
            found = await phrase(deps)  # "also a french press": a product name the NLU has not seen (bare_product)
            if found:
                deps.state.fallback_count = 0
                return list(found)
        ask = self.router.intents.get("ask_question")
        if ask is not None and (_about_product_open(deps.state) or _points_at_shown(parse)) \
                and asks_something(deps.text) and (parse.is_fallback or _asks_about_open(deps.text, parse)):
            # "how much storage", "what size should i get", "are there bigger packs" with a product open: a
            # question about it, which the knowledge base answers or offers to ask staff ("not sure what you mean").
            # Also when read as details ("how wide are they" after the rain boots): details searched the words
            # and opened a pair of Oxford shoes whose description says "wide feet should size up".
            deps.state.fallback_count = 0
            return await ask(deps)
        if parse.is_fallback:
            from bot.core.skills.shopping.coupon_words import drops_coupon

            coupon = self.router.intents.get("apply_coupon")
            if coupon is not None and drops_coupon(deps.text):
                # "把优惠券删掉" read as remove (0.56) or apply_coupon below the threshold: both hand it to the
                # coupon, and it names the coupon and the removal, so there is nothing to ask.
                deps.state.fallback_count = 0
                return await coupon(deps)
            return self._clarify(deps, parse)
        deps.state.fallback_count = 0
        handler = self.router.intents.get(parse.intent.name)
        if handler is None:
            log.warning("no handler for intent %s", parse.intent.name)
            return self._clarify(deps, parse)
        replies = await handler(deps)
        if not replies and not lead_in:
            # The handler found the reading a guess (an add naming nothing to add): ask, as for an unsure parse.
            return self._clarify(deps, parse)
        return replies

    async def _press(self, deps: Deps, data: str) -> list[Reply] | None:
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

    def _clarify(self, deps: Deps, parse: Any) -> list[Reply]:
        """Unsure: offer the top two readings as buttons when both are something the shopper can do; otherwise
        (small talk, out of scope, or no handler) say so and show the main menu. The second miss in a row also
        offers a person."""
        t, state, user_id = deps.t, deps.state, deps.user_id
        state.fallback_count += 1
        state.unclear_text = deps.text[:500]
        state.topic = state.topic or UNCLEAR_TOPIC  # an add naming nothing next asks which (shopping/adding.py)
        top = [s.name for s in parse.intent_ranking[:2]
               if s.name not in NOT_ACTIONABLE and s.name in self.router.intents]
        if len(top) < 2:
            return [Text(t("Sorry, I didn't catch that. What would you like to do?"), buttons=self._menu(deps))]
        rows = [[Button(intent_label(name, t), data=self.codec.encode(user_id, "ci", name)) for name in top]]
        if state.fallback_count >= 2 and "talk_to_human" not in top:
            # The person sees the message we did not understand (it becomes the ticket's subject).
            rows.append([Button(t("Talk to a person"), data=self.codec.encode(user_id, "ci", "talk_to_human"))])
        return [Text(t("Sorry, I'm not sure what you mean. Did you want one of these?"), buttons=keyboard(*rows))]

    def _menu(self, deps: Deps) -> Keyboard:
        """Search, cart, orders, ask, a person: the main things a shopper does (those this router serves).
        The person button asks what they need (``sup``) rather than filing the message nobody understood."""
        t, user_id, have = deps.t, deps.user_id, self.router.buttons

        def b(label: str, prefix: str, *args: object) -> list[Button]:
            return [Button(label, data=self.codec.encode(user_id, prefix, *args))] if prefix in have else []

        return keyboard([*b(t("🔎 Search"), "menu", "search"), *b(t("🛒 Cart"), "cart")],
                        [*b(t("📦 My orders"), "orders"), *b(t("❓ Ask a question"), "menu", "ask")],
                        b(t("🙋 Talk to a person"), "sup"))


def intent_label(name: str, t: Translator) -> str:
    from bot.core.intent_labels import LABELS

    return t(LABELS.get(name, name.replace("_", " ").capitalize()))


# "the uniqlo one", "that macbook", "这款小米": a determiner before the name. Without one ("nike running shoes") the
# message is a new search, and looking the shown products up for it cost every search a few reads.
_NAMING = re.compile(r"\b(the|that|this|those|these)\b|这|那", re.IGNORECASE)


def _about_product_open(state: Conversation) -> bool:
    return bool(state.focus_sku) or len(state.last_results) == 1


def _points_at_shown(parse: ParseResult) -> bool:
    """An unsure question that names one of the products shown ("第一个多少克" under five teas): about that one
    ("抱歉，我没听明白" before)."""
    ref = parse.first("reference")
    return ref is not None and ref.resolved


def _asks_about_open(text: str, parse: ParseResult) -> bool:
    """A question read as "show details" that names no product and asks more than to see it ("how wide are
    they", not "what is it" or "how much is it", which the card answers)."""
    from bot.core.skills.shopping.targets import leftover_words

    if parse.intent.name != "show_product_details" or is_price_question(text, parse):
        return False
    if any(e.entity in ("product", "brand", "category") or (e.entity == "reference" and e.ordinal is not None)
           for e in parse.entities):
        return False
    return bool(leftover_words(text, parse).strip())


def _naming_spans(parse: ParseResult) -> list[ParsedEntity]:
    """What may name a product on screen: a brand, product words, or a reference nothing resolved."""
    return [e for e in parse.entities
            if e.entity in ("brand", "product") or (e.entity == "reference" and not e.resolved)]


def _brand_as_reference(parse: ParseResult, sku: str, text: str) -> ParseResult:
    """The words that named a product on screen ("the uniqlo one", "the soundcore") become a resolved reference
    to it, in place of the brand and of the reference around it: handlers then treat it as "the second one"."""
    from bot.core.skills.shopping.named_on_screen import names_next_to_references

    spans = _naming_spans(parse)
    start, end = min(e.start for e in spans), max(e.end for e in spans)
    for _, s, e in names_next_to_references(text, parse):  # "north face那个": the name before it too
        start, end = min(start, s), max(end, e)
    kept = [e for e in parse.entities
            if not (e.start < end and start < e.end and e.entity in ("brand", "product", "reference"))]
    return replace(parse, entities=(*kept, ParsedEntity("reference", sku, start, end)))
