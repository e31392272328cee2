"""Taking a delivery address in chat: in one message ("Ada Lovelace, 12 Analytical Way, Springfield, 62701,
US") or step by step, whichever the shopper does; both end in one confirmation before it is saved.

WHY a form kept in ``state.pending.data``: every answer is stored as it arrives, so a typo costs one
message, a restart loses nothing, and the same form serves checkout (``co_address``) and the address book
(``addr_new``). Parsing (address_parse.py) is forgiving and never guesses silently: the shopper confirms what was
understood.

Both steps share the pending-step rule declared here (``rules``, see bot.core.pending): the form's own answers
(``is_answer``: "cancel", a whole address, a postcode or phone number the NLU would read as an order number)
never leave it, managing addresses is an answer, and after the shopper went elsewhere ("where is my order?")
the half-typed form stays and the reply reminds them what it still needs (``resume_checkout``, ``resume_book``).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from bot.core.pending import is_cancel as is_cancel_word
from bot.core.replies import Reply, Text
from bot.core.router import Router
from bot.core.skills.checkout.address_parse import (
    POSTCODE,
    SPLIT,
    TRAILING_POSTCODE,
    country_code,
    is_phone,
    parse_address,
    phone_of,
    split_one_line,
)
from bot.core.state import Conversation
from bot.i18n import Translator
from store.users import AddressInput

# country_code and parse_address live in address_parse.py; they stay importable here, the form's own readers.
__all__ = ["FIELDS", "FormStep", "first_prompt", "take_answer", "to_input", "render", "country_code",
           "parse_address", "is_cancel", "awaiting_confirmation", "looks_like_address", "is_answer", "rules",
           "resume_checkout", "resume_book"]

FIELDS = ("name", "line1", "city", "postcode", "country")
_SKIP = frozenset({"-", "skip", "none", "no", "n/a", "无", "没有", "跳过"})


@dataclass(frozen=True)
class FormStep:
    data: dict[str, Any]  # the pending data to keep
    text: str  # what to say
    complete: bool  # every field is known: show the confirmation


def is_cancel(text: str) -> bool:
    return is_cancel_word(text)


def _prompt(field: str, t: Translator) -> str:
    prompts = {
        "name": t("Who should we deliver to? Send the recipient's full name."),
        "line1": t("What is the street address (house number and street)?"),
        "city": t("Which city?"),
        "postcode": t("What is the postcode or ZIP? Send “-” if there is none."),
        "country": t("Which country? A name or a two-letter code, e.g. US, CN, GB."),
    }
    return prompts[field]


def first_prompt(t: Translator) -> str:
    return t("Send the delivery address in one message — <i>name, street, city, postcode, country</i> — "
             "for example:\n<code>Ada Lovelace, 12 Analytical Way, Springfield, 62701, US</code>\n"
             "Or send just the recipient's name and I'll ask for the rest step by step. "
             "Send “cancel” to stop; your cart stays as it is.")


def _next_missing(fields: dict[str, str]) -> str | None:
    return next((f for f in FIELDS if f not in fields), None)


def awaiting_confirmation(data: dict[str, Any]) -> bool:
    """Every field is known and the shopper was asked to confirm."""
    fields = data.get("fields") or {}
    return bool(fields) and _next_missing(fields) is None and not data.get("asking")


def looks_like_address(text: str) -> bool:
    return len(split_one_line(text)) >= 3


def is_answer(data: dict[str, Any], text: str) -> bool:
    """Text the form takes before the NLU is asked: "cancel"; an address in one message (three parts, or two
    with a number: "12 Main St, Springfield"); a postcode or phone number (digits read as an order number); a
    country when asked for one."""
    value = text.strip()
    if is_cancel(value) or looks_like_address(value):
        return True
    parts = [p for p in SPLIT.split(value) if p]
    if len(parts) == 2 and any(c.isdigit() for c in value):
        return True
    if POSTCODE.match(value) or phone_of(value) is not None:
        return True
    return data.get("asking") == "country" and country_code(value) is not None


def _still_needed(data: dict[str, Any], t: Translator) -> str:
    fields: dict[str, str] = data.get("fields") or {}
    if awaiting_confirmation(data):
        return render(fields, t) + "\n\n" + t("Press ✅ in the message above to use it, or send the corrected "
                                               "address in one message.")
    asking = data.get("asking")
    return _prompt(asking, t) if asking in FIELDS else first_prompt(t)


async def resume_checkout(state: Conversation, t: Translator) -> Reply | None:
    """After the shopper went elsewhere during checkout's address step: the form waits; say for what."""
    if state.pending is None:
        return None
    return Text(t("Your checkout is still waiting for the delivery address.") + "\n\n"
                + _still_needed(state.pending.data, t))


async def resume_book(state: Conversation, t: Translator) -> Reply | None:
    if state.pending is None:
        return None
    return Text(t("I'm still adding your new address.") + "\n\n" + _still_needed(state.pending.data, t))


# The pending-step rule of both address steps (their handlers are in checkout.flow and orders.addresses).
# "checkout" typed during checkout's address step is not leaving it: the step asks again rather than restart
# checkout and lose the address typed so far.
rules = Router("address_form")
# A question about the shop ("how much is shipping to texas?") is answered and the form waits (``asides``).
rules.pending_rule("co_address", keeps=("manage_address", "checkout"), answers=is_answer, resume=resume_checkout,
                   asides=True)
rules.pending_rule("addr_new", keeps=("manage_address",), answers=is_answer, resume=resume_book, asides=True)


def _misplaced(asking: str, value: str, fields: dict[str, str], t: Translator) -> str | None:
    """An answer that is clearly another field (a phone number for the street, a city for the postcode): keep
    it where it belongs and say what is still needed, instead of saving it in the wrong place."""
    sep = "" if t.language == "zh" else " "
    if asking in ("line1", "city", "postcode") and (phone := phone_of(value)) is not None \
            and "phone" not in fields:
        fields["phone"] = phone[:40]
        return t("Thanks, I noted the phone number.") + sep + _prompt(asking, t)
    if asking == "city" and POSTCODE.match(value) and any(c.isdigit() for c in value):
        fields["postcode"] = value.upper()[:20]
        return t("Thanks, I noted the postcode.") + sep + _prompt("city", t)
    if asking == "postcode" and not any(c.isdigit() for c in value):
        return t("A postcode usually has digits, like 94105 or 100022. Please send it again, or “-” if there "
                 "is none.")
    return None


def take_answer(data: dict[str, Any], text: str, t: Translator) -> FormStep:
    """Fold one message into the form: a whole address, or the answer to the field being asked."""
    fields: dict[str, str] = dict(data.get("fields", {}))
    asking = data.get("asking")
    text = " ".join(text.split()) if "\n" not in text else text.strip()
    parts = split_one_line(text)
    # Two parts answering one question ("12 Main St, Apt 4", "Springfield, IL") are that answer, not an address.
    whole = len(parts) >= 3 or (len(parts) == 2 and not asking)
    if asking == "line1" and len(parts) == 2 and not is_phone(parts[1]):
        fields["line1"], fields["line2"] = parts[0][:200], parts[1][:200]
        missing = _next_missing(fields)
        new = {**data, "fields": fields, "asking": missing}
        return FormStep(new, render(fields, t) if missing is None else _prompt(missing, t), missing is None)
    if asking and not whole:
        value = text.strip()
        if asking != "postcode" or value.lower() not in _SKIP:
            moved = _misplaced(asking, value, fields, t)
            if moved is not None:
                return FormStep({**data, "fields": fields}, moved, False)
        if asking == "country":
            code = country_code(value)
            if code is None:
                return FormStep(data, t("I don't know the country “{value}”. Please send its name or a two-letter "
                                        "code such as US, CN (China) or GB, or /cancel to stop.",
                                        value=html.escape(value)), False)
            value = code
        elif asking == "postcode" and value.lower() in _SKIP:
            value = ""
        elif not value:
            return FormStep(data, _prompt(asking, t), False)
        elif asking == "city" and "postcode" not in fields and (m := TRAILING_POSTCODE.match(value)):
            fields["postcode"], value = m.group("code").upper()[:20], m.group("city").strip()  # "London SW1A 2AA"
        fields[asking] = value[:200]
    else:
        fields.update({k: v[:200] for k, v in parse_address(text).items()})
    missing = _next_missing(fields)
    new = {**data, "fields": fields, "asking": missing}
    if missing is None:
        return FormStep(new, render(fields, t), True)
    return FormStep(new, _prompt(missing, t), False)


def render(fields: dict[str, str], t: Translator) -> str:
    lines = [fields.get("name", ""), fields.get("phone", ""), fields.get("line1", ""), fields.get("line2", ""),
             " ".join(p for p in (fields.get("city", ""), fields.get("region", ""), fields.get("postcode", "")) if p),
             fields.get("country", "")]
    body = "\n".join(html.escape(x) for x in lines if x)
    return t("Is this address right?\n\n{address}", address=body)


def to_input(fields: dict[str, str]) -> AddressInput:
    return AddressInput(name=fields.get("name", ""), line1=fields.get("line1", ""), city=fields.get("city", ""),
                        country=fields.get("country", ""), phone=fields.get("phone", ""),
                        line2=fields.get("line2", ""), region=fields.get("region", ""),
                        postcode=fields.get("postcode", ""))
