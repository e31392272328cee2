"""Conversation basics: /start (with deep links), help, greetings, thanks, goodbye, yes/no, language, cancel,
out-of-scope, and the clarifying-question buttons."""

from __future__ import annotations

from datetime import datetime

from bot.core.callbacks import CallbackCodec, CallbackPayload
from bot.core.intent_labels import N_
from bot.core.replies import Button, Reply, Text, keyboard
from bot.core.router import Router
from bot.core.services import Services
from bot.core.state import Conversation
from bot.i18n import SUPPORTED, Translator

__all__ = ["router", "main_menu"]

router = Router("general")

# Said in the language just chosen (not the one the message came in), so it is marked for the catalogue here.
LANGUAGE_SET = N_("Language set to English.")


def main_menu(t: Translator, codec: CallbackCodec, user_id: int) -> tuple[tuple[Button, ...], ...]:
    def b(label: str, prefix: str, *args: object) -> Button:
        return Button(label, data=codec.encode(user_id, prefix, *args))

    return keyboard(
        [b(t("🔎 Search"), "menu", "search"), b(t("🛒 Cart"), "cart")],
        [b(t("📦 My orders"), "orders"), b(t("🔥 Promotions"), "promos")],
        [b(t("❓ Ask a question"), "menu", "ask"), b(t("👥 Groups"), "groups")],
    )


def _help(t: Translator) -> str:
    return t(
        "I'm your shop assistant. Just tell me what you need, in English or Chinese:\n"
        "• <b>find</b> — \u201cwireless earbuds under $50\u201d, \u201c红色连衣裙\u201d\n"
        "• <b>buy</b> — \u201cadd the second one\u201d, \u201cshow my cart\u201d, \u201ccheckout\u201d\n"
        "• <b>orders</b> — \u201cwhere is my order?\u201d, \u201ccancel order SB10042\u201d, returns\n"
        "• <b>ask</b> — \u201cis the mug dishwasher safe?\u201d, \u201cdo you ship to Canada?\u201d\n"
        "Commands: /search /cart /orders /track /ask /groups /support /language /privacy /cancel"
    )


@router.command("help")
@router.intent("help")
async def show_help(t: Translator, codec: CallbackCodec, user_id: int) -> Reply:
    return Text(_help(t), buttons=main_menu(t, codec, user_id))


@router.intent("greet")
async def greet(t: Translator, codec: CallbackCodec, user_id: int, event: object) -> Reply:
    name = getattr(getattr(event, "user", None), "first_name", "") or ""
    return Text(t("Hi {name}! What are you shopping for today?", name=name).replace("Hi !", "Hi!"),
                buttons=main_menu(t, codec, user_id))


@router.intent("thanks")
async def thanks(t: Translator) -> Reply:
    return Text(t("You're welcome! Anything else I can find for you?"))


@router.intent("goodbye")
async def goodbye(t: Translator) -> Reply:
    return Text(t("Bye! Your cart is saved whenever you come back. 👋"))


@router.intent("affirm", "deny")
async def yes_no(t: Translator, state: Conversation, codec: CallbackCodec, user_id: int) -> Reply:
    # A bare yes/no with nothing pending: say what we can do instead of guessing.
    return Text(t("Okay! Tell me what you'd like to do next, or send /help."), buttons=main_menu(t, codec, user_id))


@router.intent("out_of_scope")
async def out_of_scope(t: Translator, codec: CallbackCodec, user_id: int, text: str) -> Reply:
    from bot.core.skills.community.who_answers import asks_if_bot, bot_answer

    if asks_if_bot(text):  # "are you a bot?" is about us, and has an answer
        return bot_answer(t, codec, user_id)
    return Text(t("I'm a shop assistant, so I can't help with that one. I can find products, manage your cart "
                  "and orders, and answer questions about our shop."), buttons=main_menu(t, codec, user_id))


@router.command("cancel")
async def cancel(t: Translator, state: Conversation) -> Reply:
    had = state.pending is not None or bool(state.checkout)
    state.pending, state.checkout = None, {}
    return Text(t("Okay, cancelled. Your cart is still there.") if had else t("Nothing to cancel."))


async def _set_language(services: Services, user_id: int, choice: str) -> Reply:
    from bot.core.users import choose_language
    from bot.i18n import translator

    await choose_language(services, user_id, choice)
    return Text(translator(choice)(LANGUAGE_SET))


@router.command("language")
async def language(t: Translator, codec: CallbackCodec, user_id: int, args: str, services: Services) -> Reply:
    choice = args.strip().lower()[:2]
    if choice in SUPPORTED:
        return await _set_language(services, user_id, choice)
    prompt = t("Choose your language:") if not args.strip() else t("I speak English and Chinese. Choose one:")
    return Text(prompt, buttons=keyboard([
        Button("English", data=codec.encode(user_id, "lang", "en")),
        Button("中文", data=codec.encode(user_id, "lang", "zh")),
    ]))


@router.button("lang")
async def language_button(payload: CallbackPayload, t: Translator, user_id: int, services: Services) -> Reply:
    choice = payload.arg(0)
    if choice not in SUPPORTED:
        return Text(t("This button has expired."))
    return await _set_language(services, user_id, choice)


@router.command("start")
async def start(t: Translator, codec: CallbackCodec, user_id: int, args: str, event: object, services: Services,
                state: Conversation, lang: str, now: datetime) -> Reply | list[Reply]:
    """Welcome; deep links (t.me/bot?start=p_SKU, start=promo_ID) are handled by the skills that own them.
    Either way the conversation begins afresh (a deep link then puts its own product or sale in view)."""
    state.begin_afresh()
    if args.strip():
        from bot.core.skills.shopping.deeplinks import open_deep_link

        opened = await open_deep_link(args, services, state, t, lang, codec, user_id, now)
        if opened is not None:
            return opened
    name = getattr(getattr(event, "user", None), "first_name", "") or ""
    greeting = t("Welcome to our shop, {name}! 👋", name=name) if name else t("Welcome to our shop! 👋")
    return Text(greeting + "\n\n" + _help(t), buttons=main_menu(t, codec, user_id))
