"""Which word of a message is a coupon code: "use coupon SAVE5", "优惠券 welcome10", "/coupon VIP-2026".

WHY: any word after "coupon" was taken as the code, so "I have a coupon too" tried a coupon "TOO" ("I don't
know the coupon TOO") instead of asking for the code. A code looks like one: it has a digit (the shop's codes:
SAVE5, WELCOME10, VIP-2026), or it was typed in capitals in a message that is not all capitals (FREESHIP), or the
shop has a coupon of that name (``said_code``, typed in any case). Common words ("too", "here", "on", "please")
are none of these, so they are never tried as codes; the shopper is asked for the code instead.
"""

from __future__ import annotations

import re

from bot.core.services import Services
from nlu.result import ParseResult
from store.pricing.loaders import coupon_exists

__all__ = ["candidates", "looks_like_code", "code_from_text", "said_code"]

_WORD = r"([A-Za-z0-9][A-Za-z0-9_-]{2,39})"
_CODE = re.compile(r"(?:/coupon(?:@\w+)?|\b(?:coupon|promo|discount)(?:\s+code)?(?![A-Za-z])|\bcode(?![A-Za-z])|"
                   r"优惠券|优惠码|折扣码)\s*[:：]?\s*(?:is\s+|是\s*)?" + _WORD, re.I)
_BARE = re.compile(r"^\s*" + _WORD + r"\s*$")
# "use save5", "apply WELCOME10 pls", "用SAVE5": a code after a verb.
_VERB_CODE = re.compile(r"^\s*(?:(?:please|pls|can you|can i)\s+)?(?:use|apply|try|enter|redeem|add)\s+(?:the\s+)?"
                        + _WORD + r"\s*(?:please|pls|plz)?[.!?]?\s*$|"
                        r"^\s*(?:用|使用|输入)\s*" + _WORD + r"\s*(?:吧|呢)?\s*$", re.I)


def looks_like_code(word: str, text: str) -> bool:
    """A digit with a letter ("save5", "VIP-2026"), or capitals typed on purpose ("FREESHIP" in "use FREESHIP")."""
    if any(c.isdigit() for c in word) and any(c.isalpha() for c in word):
        return True
    shouting = not any(c.islower() for c in text)  # "I HAVE A COUPON TOO": capitals say nothing
    return word.isupper() and len(word) >= 3 and not shouting


def candidates(text: str) -> list[str]:
    """Words the message may give as a code, as typed, most likely first (after "coupon"/"code", after a verb,
    the whole message)."""
    found = [m.group(1) for m in _CODE.finditer(text)]
    verb = _VERB_CODE.match(text)
    if verb is not None:
        found.append(verb.group(1) or verb.group(2))
    bare = _BARE.match(text)
    if bare is not None:
        found.append(bare.group(1))
    return list(dict.fromkeys(found))


def _entity(parse: ParseResult | None) -> str | None:
    entity = parse.first("coupon_code") if parse is not None else None
    return str(entity.value).strip().upper() if entity is not None and str(entity.value).strip() else None


def code_from_text(text: str, parse: ParseResult | None = None) -> str | None:
    """The code the message gives by its shape (None: no word looks like a code)."""
    return _entity(parse) or next((w.upper() for w in candidates(text) if looks_like_code(w, text)), None)


async def said_code(text: str, parse: ParseResult | None, services: Services) -> str | None:
    """``code_from_text``, or a word the shop has a coupon of ("freeship" typed in small letters)."""
    code = code_from_text(text, parse)
    if code is not None:
        return code
    words = [w for w in candidates(text) if any(c.isalpha() for c in w)]
    if not words:
        return None
    async with services.uows.read() as uow:
        for word in words:
            if await coupon_exists(uow.session, word):
                return word.upper()
    return None
