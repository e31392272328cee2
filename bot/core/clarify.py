"""What the bot says when it is unsure what a message means: the two likeliest readings as buttons, or the main
menu; a second miss in a row also offers a person.

WHY buttons and not a guess: acting on a wrong reading costs the shopper more (a search they did not ask for, a
cart change) than one tap; the shopper's message is remembered so the button they press runs on it.
"""

from __future__ import annotations

from bot.core.deps import Deps
from bot.core.replies import Button, Keyboard, Reply, Text, keyboard
from bot.core.router import Router
from bot.core.state import UNCLEAR_TOPIC
from bot.i18n import Translator
from nlu.result import ParseResult

__all__ = ["NOT_ACTIONABLE", "clarify", "intent_label", "main_menu", "both_find_products"]

# Readings a clarifying question never offers as a button: nothing to do for the shopper behind them.
NOT_ACTIONABLE = frozenset({"affirm", "deny", "greet", "thanks", "goodbye", "out_of_scope"})


# Readings that each show products for what the message names: between two of them there is nothing to ask.
_FINDING = frozenset({"search_product", "recommend"})


def both_find_products(parse: ParseResult) -> bool:
    """Unsure only between a search and a recommendation ("适合5岁孩子的玩具": recommend 0.39, search 0.35): both
    buttons would show the products the message names, so the dispatcher runs the likelier one instead of asking
    ("抱歉，我不太确定您的意思" with [为我推荐] [搜索商品] made the shopper tap for what they had said)."""
    return len(parse.intent_ranking) >= 2 and {s.name for s in parse.intent_ranking[:2]} <= _FINDING


def clarify(router: Router, deps: Deps, parse: ParseResult) -> list[Reply]:
    """Unsure: offer the top two readings as buttons when both are something the shopper can do; otherwise
    (small talk, out of scope, or no handler) say so and show the main menu. The second miss in a row also
    offers a person."""
    t, state, user_id, codec = deps.t, deps.state, deps.user_id, deps.codec
    state.fallback_count += 1
    state.unclear_text = deps.text[:500]
    state.topic = state.topic or UNCLEAR_TOPIC  # an add naming nothing next asks which (shopping/adding.py)
    top = [s.name for s in parse.intent_ranking[:2] if s.name not in NOT_ACTIONABLE and s.name in router.intents]
    if len(top) < 2:
        return [Text(t("Sorry, I didn't catch that. What would you like to do?"), buttons=main_menu(router, deps))]
    rows = [[Button(intent_label(name, t), data=codec.encode(user_id, "ci", name)) for name in top]]
    if state.fallback_count >= 2 and "talk_to_human" not in top:
        # The person sees the message we did not understand (it becomes the ticket's subject).
        rows.append([Button(t("Talk to a person"), data=codec.encode(user_id, "ci", "talk_to_human"))])
    return [Text(t("Sorry, I'm not sure what you mean. Did you want one of these?"), buttons=keyboard(*rows))]


def main_menu(router: Router, deps: Deps) -> Keyboard:
    """Search, cart, orders, ask, a person: the main things a shopper does (those this router serves).
    The person button asks what they need (``sup``) rather than filing the message nobody understood."""
    t, user_id, have = deps.t, deps.user_id, router.buttons

    def b(label: str, prefix: str, *args: object) -> list[Button]:
        return [Button(label, data=deps.codec.encode(user_id, prefix, *args))] if prefix in have else []

    return keyboard([*b(t("🔎 Search"), "menu", "search"), *b(t("🛒 Cart"), "cart")],
                    [*b(t("📦 My orders"), "orders"), *b(t("❓ Ask a question"), "menu", "ask")],
                    b(t("🙋 Talk to a person"), "sup"))


def intent_label(name: str, t: Translator) -> str:
    from bot.core.intent_labels import LABELS

    return t(LABELS.get(name, name.replace("_", " ").capitalize()))
