"""Taking a delivery address in chat: in one message ("Ada Lovelace, 12 Analytical Way, Springfield, 62701,
US") or step by step, whichever the shopper does; both end in one confirmation before it is saved.

WHY a form kept in ``state.pending.data``: every answer is stored as it arrives, so a typo costs one
message, a restart loses nothing, and the same form serves checkout (``co_address``) and the address book
(``addr_new``). Parsing is forgiving (commas, new lines or Chinese commas; country names or codes; a postcode
glued to the city) and never guesses silently: the shopper confirms what was understood.

Both steps share the pending-step rule declared here (``rules``, see bot.core.pending): the form's own answers
(``is_answer``: "cancel", a whole address, a postcode or phone number the NLU would read as an order number)
never leave it, managing addresses is an answer, and after the shopper went elsewhere ("where is my order?")
the half-typed form stays and the reply reminds them what it still needs (``resume_checkout``, ``resume_book``).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

from bot.core.pending import is_cancel as is_cancel_word
from bot.core.replies import Reply, Text
from bot.core.router import Router
from bot.core.skills.checkout.zh_address import parse_zh_address, zh_parts
from bot.core.state import Conversation
from bot.i18n import Translator
from nlu.entities.identifiers import US_STATES
from store.users import AddressInput

__all__ = ["FIELDS", "FormStep", "first_prompt", "take_answer", "to_input", "render", "country_code",
           "parse_address", "is_cancel", "awaiting_confirmation", "looks_like_address", "is_answer", "rules",
           "resume_checkout", "resume_book"]

FIELDS = ("name", "line1", "city", "postcode", "country")
_SPLIT = re.compile(r"\s*(?:[,\n，;；、]+)\s*")
_POSTCODE = re.compile(r"^(?:\d{4,6}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}|[A-Z]\d[A-Z]\s*\d[A-Z]\d)$",
                       re.IGNORECASE)
# A postcode after the city in one part: "Springfield 62701", "London SW1A 2AA", "ON M5J 2J5" (Canada).
_TRAILING_POSTCODE = re.compile(r"^(?P<city>.*?\D)\s+(?P<code>\d{4,6}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}|"
                                r"[A-Z]\d[A-Z]\s*\d[A-Z]\d)$", re.IGNORECASE)
_PHONE = re.compile(r"^\+?[\d\s\-()]{7,20}$")
_SKIP = frozenset({"-", "skip", "none", "no", "n/a", "无", "没有", "跳过"})
_COUNTRIES = {
    "us": "US", "usa": "US", "u.s.": "US", "u.s.a.": "US", "united states": "US", "united states of america": "US",
    "america": "US", "美国": "US", "china": "CN", "prc": "CN", "中国": "CN", "中华人民共和国": "CN",
    "uk": "GB", "united kingdom": "GB", "great britain": "GB", "britain": "GB", "england": "GB", "scotland": "GB",
    "wales": "GB", "英国": "GB", "canada": "CA", "加拿大": "CA", "germany": "DE", "deutschland": "DE", "德国": "DE",
    "france": "FR", "法国": "FR", "japan": "JP", "日本": "JP", "australia": "AU", "澳大利亚": "AU",
    "singapore": "SG", "新加坡": "SG", "hong kong": "HK", "香港": "HK", "taiwan": "TW", "台湾": "TW",
    "macau": "MO", "macao": "MO", "澳门": "MO", "korea": "KR", "south korea": "KR", "韩国": "KR",
    "netherlands": "NL", "spain": "ES", "italy": "IT", "ireland": "IE", "new zealand": "NZ", "india": "IN",
    "malaysia": "MY", "马来西亚": "MY", "switzerland": "CH", "sweden": "SE", "austria": "AT", "belgium": "BE",
}


_ZH_COUNTRY_PREFIX = re.compile(r"^(中国|中华人民共和国|美国|英国|加拿大|日本|新加坡|澳大利亚|香港|台湾|澳门|韩国)\s*")
_ZH_CITY = re.compile(r"^(?P<province>[\u4e00-\u9fff]{2,7}(?:省|自治区))?(?P<city>[\u4e00-\u9fff]{2,6}?市)")


@dataclass(frozen=True)
class FormStep:
    data: dict[str, Any]  # the pending data to keep
    text: str  # what to say
    complete: bool  # every field is known: show the confirmation


def is_cancel(text: str) -> bool:
    return is_cancel_word(text)


def country_code(text: str) -> str | None:
    key = text.strip().strip(".").strip().lower()
    if key in _COUNTRIES:
        return _COUNTRIES[key]
    if len(key) == 2 and key.isascii() and key.isalpha():
        return key.upper()
    return None


def _is_phone(part: str) -> bool:
    return bool(_PHONE.match(part)) and sum(c.isdigit() for c in part) >= 7


# A number after a phone label is the phone, wherever it is: "…, IL 62704, phone 217-555-0199" kept the
# labelled part as the city (and the ZIP before it was asked for again), "tel: …", "ph 555…", "电话 138…".
_PHONE_LABEL = re.compile(
    r"(?:^|(?<=\s))(?:phone|telephone|tel|ph|mobile|mob|cell|cellphone|contact)\.?(?:\s*(?:no\.?|number|#))?"
    r"\s*[:：.]?\s*(?P<number>\+?[\d\s\-().]{7,20})$|(?:电话|手机|联系电话|手机号)\s*[:：]?\s*"
    r"(?P<zh>\+?[\d\s\-()]{7,20})$", re.IGNORECASE)


def _labelled_phone(part: str) -> tuple[str, str] | None:
    """(the words before the label, the number) when the part ends in a labelled phone number."""
    m = _PHONE_LABEL.search(part.strip())
    if m is None:
        return None
    number = (m.group("number") or m.group("zh")).strip()
    return (part.strip()[:m.start()].strip(), number) if _is_phone(number) else None


def _phone_of(part: str) -> str | None:
    """The phone number a part is, with or without its label ("217-555-0199", "phone 217-555-0199")."""
    if _is_phone(part):
        return part.strip()
    labelled = _labelled_phone(part)
    return labelled[1] if labelled is not None and not labelled[0] else None


# A US address typed on one line without commas: "李明 123 Main St Apt 4 Seattle WA 98101 美国". The street
# ends at its suffix (and an optional unit); the city runs from there to the state code before the ZIP.
_ONE_LINE_US = re.compile(
    r"^(?P<name>[^\d,]*?)\s*(?P<street>\d+[A-Za-z]?\s+.*?\b(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Dr|Drive|"
    r"Ln|Lane|Way|Ct|Court|Pl|Place|Ter|Terrace|Pkwy|Parkway|Hwy|Highway|Cir|Circle|Sq|Square|Loop|Trl|Trail)\.?"
    r"(?:\s+(?:Apt|Apartment|Suite|Ste|Unit|Fl|Floor|Rm|Room|#)\.?\s*#?\w+)?)"
    r"\s+(?P<city>[A-Za-z][A-Za-z .'-]*?)\s+(?P<state>[A-Z]{2})\s+(?P<zip>\d{5}(?:-\d{4})?)"
    r"(?:\s+(?P<country>\S.*))?$")


def _split_one_line(text: str) -> list[str]:
    """The parts of an address typed with commas, new lines or Chinese commas; a one-line US address typed
    with spaces only is cut at its street suffix, state and ZIP (it became one long street line)."""
    parts = [p for p in _SPLIT.split(text.strip()) if p]
    if len(parts) == 1 and (zh := zh_parts(parts[0])) is not None:
        return zh  # "上海市 浦东新区 世纪大道100号 张三 13800138000"
    if len(parts) == 1 and (m := _ONE_LINE_US.match(parts[0])) is not None and m.group("state") in US_STATES:
        pieces = [m.group("name").strip(), m.group("street"), f"{m.group('city')}, {m.group('state')} {m.group('zip')}"]
        return [p for p in (*pieces, (m.group("country") or "").strip()) if p]
    return parts


def parse_address(text: str) -> dict[str, str]:
    """The fields found in a one-message address (missing ones are simply absent)."""
    if (zh := parse_zh_address(text)) is not None:
        return zh  # read by the shapes of its parts, in any order (zh_address)
    parts = _split_one_line(text)
    parts = [q for p in parts for q in _SPLIT.split(p) if q]
    found: dict[str, str] = {}
    for i, part in enumerate(parts):
        if (labelled := _labelled_phone(part)) is not None:
            found["phone"] = labelled[1]
            parts[i:i + 1] = [labelled[0]] if labelled[0] else []
            break
    # The country is often not last: a phone after it ("…，200120，中国，13800138000"), or first, glued to the
    # rest as Chinese addresses are written ("中国上海市浦东新区…"). It was asked for again, and the shopper's
    # next words ("加急") were read as country names.
    for i in range(len(parts) - 1, -1, -1):
        last = i == len(parts) - 1 or all(_is_phone(q) for q in parts[i + 1:])  # "…, US, +1 217 555 0142"
        if (code := country_code(parts[i])) is not None and (last or not _is_two_letters(parts[i])):
            found["country"] = code
            del parts[i]
            break
    else:
        for i, part in enumerate(parts):
            if (m := _ZH_COUNTRY_PREFIX.match(part)) is not None and m.end() < len(part):
                found["country"], parts[i] = _COUNTRIES[m.group(1)], part[m.end():]
                break
    for part in list(parts):
        if "phone" not in found and _is_phone(part):
            found["phone"] = part
            parts.remove(part)
        elif "postcode" not in found and _POSTCODE.match(part):
            found["postcode"] = part.upper()
            parts.remove(part)
    if parts and "postcode" not in found and (m := _TRAILING_POSTCODE.match(parts[-1])):
        found["postcode"], parts[-1] = m.group("code").upper(), m.group("city").strip()
    if len(parts) >= 2 and re.fullmatch(r"[A-Z]{2,3}", parts[-1]):
        found["region"] = parts.pop()  # "Seattle, WA 98101": the state on its own once the ZIP is taken
    elif parts:
        city_words = parts[-1].split()
        if len(parts) >= 3 and len(city_words) > 1 and re.fullmatch(r"[A-Z]{2,3}", city_words[-1]):
            found["region"], parts[-1] = city_words[-1], " ".join(city_words[:-1])  # "Springfield IL"
    if "country" not in found and found.get("region") in US_STATES and re.fullmatch(r"\d{5}(-\d{4})?",
                                                                                    found.get("postcode", "")):
        found["country"] = "US"  # a US state with a ZIP code
    if len(parts) >= 3 and any(c.isdigit() for c in parts[0]) and not any(c.isdigit() for c in parts[-1]):
        # no name in front: "412 Pine St, Apt 3, Seattle" (the name was asked for, or comes later)
        found["line1"], found["city"] = parts[0], parts[-1]
        if len(parts) > 2:
            found["line2"] = ", ".join(parts[1:-1])
    elif len(parts) >= 3:
        found["name"], found["line1"], found["city"] = parts[0], parts[1], parts[-1]
        if len(parts) > 3:
            found["line2"] = ", ".join(parts[2:-1])
    elif len(parts) == 2:
        first_is_street = any(c.isdigit() for c in parts[0])
        keys = ("line1", "city") if first_is_street else ("name", "line1")
        found.update(zip(keys, parts, strict=True))
    elif len(parts) == 1:
        found["line1" if any(c.isdigit() for c in parts[0]) else "name"] = parts[0]
    if "city" not in found and (m := _ZH_CITY.match(found.get("line1", ""))) is not None:
        found["city"] = m.group("city")  # "上海市浦东新区世纪大道100号": the city heads a Chinese street line
        if m.group("province"):
            found.setdefault("region", m.group("province"))
    return found


def _is_two_letters(part: str) -> bool:
    """A bare two-letter word is a country code only at the end ("…, 62701, US"), not a name or initials."""
    return len(part.strip()) == 2 and part.strip().isascii()


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
    return len(_split_one_line(text)) >= 3


def is_answer(data: dict[str, Any], text: str) -> bool:
    """Text the form takes before the NLU is asked: "cancel"; an address in one message (three parts, or two
    with a number: "12 Main St, Springfield"); a postcode or phone number (digits read as an order number); a
    country when asked for one."""
    value = text.strip()
    if is_cancel(value) or looks_like_address(value):
        return True
    parts = [p for p in _SPLIT.split(value) if p]
    if len(parts) == 2 and any(c.isdigit() for c in value):
        return True
    if _POSTCODE.match(value) or _phone_of(value) is not None:
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
    if asking in ("line1", "city", "postcode") and (phone := _phone_of(value)) is not None \
            and "phone" not in fields:
        fields["phone"] = phone[:40]
        return t("Thanks, I noted the phone number.") + sep + _prompt(asking, t)
    if asking == "city" and _POSTCODE.match(value) and any(c.isdigit() for c in value):
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
    parts = _split_one_line(text)
    # Two parts answering one question ("12 Main St, Apt 4", "Springfield, IL") are that answer, not an address.
    whole = len(parts) >= 3 or (len(parts) == 2 and not asking)
    if asking == "line1" and len(parts) == 2 and not _is_phone(parts[1]):
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
        elif asking == "city" and "postcode" not in fields and (m := _TRAILING_POSTCODE.match(value)):
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
