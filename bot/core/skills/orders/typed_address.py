"""A delivery address typed with no checkout or form in progress ("123 Main St, Springfield, IL 62704", "ship to
77 Elm Road, Austin TX 78701"): the bot says it reads as an address and offers to save it for checkout.

WHY: the message went to the NLU, which has no intent for it: "Sorry, I didn't catch that", or a product search
for the street's words (testers, s9-en). Read before the NLU, and only when the words have a street (a house
number and a street word) and a postcode, a state or city after a comma: product words with numbers ("water
bottle 750 ml", "size 42 running shoes") are not taken for one. The offer's button starts the address book's
form (``addr_new``) with what was typed, so only what is missing (usually the recipient's name) is asked.
"""

from __future__ import annotations

import html
import re

from bot.core.callbacks import CallbackCodec
from bot.core.followups import is_question
from bot.core.replies import Button, Reply, Text, keyboard
from bot.core.router import Router
from bot.core.skills.checkout import address_form
from bot.core.skills.checkout.address_parse import parse_address
from bot.core.state import Conversation, Pending
from bot.i18n import Translator

__all__ = ["router", "typed_address", "address_typed"]

router = Router("orders.typed_address")

_TOPIC = "typed_address:"
_LEAD_IN = re.compile(r"^\s*(?:(?:my|the|our)\s+(?:new\s+)?(?:delivery\s+|shipping\s+|home\s+|postal\s+)?address"
                      r"(?:\s+is)?|(?:please\s+)?(?:ship|deliver|send|mail)(?:\s+(?:it|them|this|that|my\s+order|"
                      r"the\s+order|everything))?\s+to|address|i\s+live\s+at|deliver\s+here)\s*[:：,-]?\s*",
                      re.IGNORECASE)
_STREET = re.compile(
    r"\b\d{1,6}[A-Za-z]?\s+(?:[A-Za-z0-9.'-]+\s+){0,4}?(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Dr|Drive|Ln|"
    r"Lane|Way|Ct|Court|Pl|Place|Ter|Terrace|Pkwy|Parkway|Hwy|Highway|Cir|Circle|Sq|Square|Loop|Trl|Trail|"
    r"Close|Crescent|Row|Walk|Gardens)\b\.?", re.IGNORECASE)
_AFTER_STREET = re.compile(r"\b\d{5}(?:-\d{4})?\b|\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b|\b[A-Z]{2}\s+\d{5}\b|,")


def address_typed(text: str) -> str | None:
    """The address in the message (without "my address is" / "ship to" before it), or None when it is none."""
    if is_question(text) or "?" in text:
        return None  # "do you ship to 123 Main St?": a question about delivery, answered elsewhere
    rest = _LEAD_IN.sub("", text, count=1).strip()
    street = _STREET.search(rest)
    if street is None or not _AFTER_STREET.search(rest[street.end():]):
        return None
    fields = parse_address(rest)
    return rest if fields.get("line1") and (fields.get("city") or fields.get("postcode")) else None


@router.intent("typed_address")
async def typed_address(text: str, state: Conversation, t: Translator, codec: CallbackCodec,
                        user_id: int) -> list[Reply] | None:
    """Not an NLU intent: offered each message before the parse when no checkout is open; None: not an address."""
    address = address_typed(text)
    if address is None or state.checkout or state.pending is not None:
        return None
    fields = parse_address(address)
    shown = ", ".join(v for v in (fields.get("line1"), fields.get("line2"), fields.get("city"), fields.get("region"),
                                  fields.get("postcode"), fields.get("country")) if v)
    state.topic, state.fallback_count = _TOPIC + address, 0
    return [Text(t("That looks like a delivery address:\n<b>{address}</b>\nShall I save it to your address book? "
                   "Checkout then offers it, so you don't have to type it again.", address=html.escape(shown)),
                 buttons=keyboard([Button(t("💾 Save this address"), data=codec.encode(user_id, "taddr"))]))]


@router.button("taddr")
async def save_typed_address(topic: str | None, state: Conversation, t: Translator, codec: CallbackCodec,
                             user_id: int) -> list[Reply]:
    """The form of the address book, filled with the address just typed: what it lacks is asked next."""
    address = topic[len(_TOPIC):] if topic and topic.startswith(_TOPIC) else ""
    step = address_form.take_answer({"fields": {}}, address, t) if address else None
    if step is None:  # pressed later, the address is gone: the form from its start
        state.pending = Pending(kind="addr_new", data={"fields": {}})
        return [Text(address_form.first_prompt(t))]
    state.pending = Pending(kind="addr_new", data=step.data)
    if not step.complete:
        return [Text(step.text)]
    return [Text(step.text, buttons=keyboard([
        Button(t("✅ Save this address"), data=codec.encode(user_id, "addr", "ok")),
        Button(t("✏️ Start again"), data=codec.encode(user_id, "addr", "add"))]))]
