"""The answer typed to "Which one do you mean?" asked for an add ("add 2 of those" under four earbuds, then "the
first one"): that product is added with the quantity asked, as its button would have done.

WHY: the typed answer opened the first one's details and the 2 was lost, so "remove one" next found an empty cart.
Only a bare pick counts ("the first one", "第二个", "the jbl one"): a question about one of them ("is the first one
waterproof?") or words naming something else go on to their own readings.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from bot.core.callbacks import CallbackCodec
from bot.core.followups import is_question
from bot.core.replies import Reply, Text
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.community.question_scope import several
from bot.core.skills.shopping.targets import leftover_words
from bot.core.state import Conversation
from bot.i18n import Translator
from nlu.result import ParsedEntity, ParseResult
from store.cart import MAX_QUANTITY

__all__ = ["router", "WHICH_ADD_TOPIC", "which_add_topic", "which_add_answer"]

router = Router("shopping.which_add")
WHICH_ADD_TOPIC = "which-add:"


def which_add_topic(qty: int) -> str:
    """The topic left by "Which one do you mean?" for an add of ``qty``."""
    return f"{WHICH_ADD_TOPIC}{qty}"


def _asked_quantity(topic: str | None) -> int | None:
    if not topic or not topic.startswith(WHICH_ADD_TOPIC):
        return None
    rest = topic[len(WHICH_ADD_TOPIC):]
    return int(rest) if rest.isdigit() else 1


def _only_picks(text: str, parse: ParseResult) -> bool:
    """No question and no words beyond the pick or the number ("the first one", "actually just 1")."""
    return not (is_question(text) or "?" in text or "？" in text
                or leftover_words(text, parse, drop_options=True).strip())


@router.intent("which_add_answer")
async def which_add_answer(text: str, parse: ParseResult | None, services: Services, state: Conversation,
                           t: Translator, lang: str, codec: CallbackCodec, user_id: int, now: datetime,
                           topic: str | None = None) -> list[Reply] | None:
    """Not an NLU intent: offered right after "Which one do you mean?" for an add; None unless the message only
    picks one of the products shown."""
    from bot.core.skills.shopping.adding import add_intent

    qty = _asked_quantity(topic)
    ref = parse.first("reference") if parse is not None else None
    if qty is not None and parse is not None and ref is None:  # "actually just 1": the same question, for 1
        return await _new_quantity(text, parse, services, state, t, lang, codec, user_id)
    if qty is None or parse is None or ref is None or not ref.resolved or several(ref.value):
        return None
    if not _only_picks(text, parse):
        return None
    if qty > 1 and parse.first("quantity") is None:  # the number said with the add, unless a new one is said now
        parse = replace(parse, entities=(*parse.entities, ParsedEntity("quantity", str(qty), len(text), len(text))))
    added = await add_intent(text, parse, services, state, t, lang, codec, user_id, now)
    if added is None:
        return None
    return added if isinstance(added, list) else [added]


async def _new_quantity(text: str, parse: ParseResult, services: Services, state: Conversation, t: Translator,
                        lang: str, codec: CallbackCodec, user_id: int) -> list[Reply] | None:
    """Only a new number typed at "Which one do you mean?" ("actually just 1", "make it 3"): asked again with it.
    It had read as a cart change and answered "Your cart is empty."."""
    from bot.core.skills.shopping.details import which_one
    from nlu.entities.numbers import parse_en_number

    if not _only_picks(text, parse):
        return None
    entity = parse.first("quantity") or parse.first("order_id")
    said = [str(entity.value)] if entity is not None else re.findall(r"[a-z]+|\d+", text.casefold())
    numbers = [n for n in (parse_en_number(w) for w in said) if n]
    if len(numbers) != 1 or numbers[0] > MAX_QUANTITY:
        return None
    asked = await which_one(services, state, t, lang, codec, user_id, action="add", qty=numbers[0])
    if isinstance(asked, Text) and state.topic == which_add_topic(numbers[0]):
        asked = replace(asked, text=asked.text + " " + t("(quantity: {qty})", qty=numbers[0]))
    return [asked]
