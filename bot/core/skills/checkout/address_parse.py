"""Reading a delivery address typed in one message into its fields: "Ada Lovelace, 12 Analytical Way, Springfield,
62701, US" -> name, line1, city, postcode, country (and phone, region, line2 when given).

WHY a module of its own: this is text in, fields out, with no dialogue in it; address_form.py keeps the form
around it (what to ask next, the confirmation, the pending-step rule) and uses the same pieces to read one
answer (a postcode, a phone number, a country). Parsing is forgiving -- commas, new lines or Chinese commas;
country names or codes; a postcode glued to the city; a labelled phone anywhere; a US address on one line
without commas -- and Chinese addresses are read by the shapes of their parts (zh_address.py).
"""

from __future__ import annotations

import re

from bot.core.skills.checkout.zh_address import parse_zh_address, zh_parts
from nlu.entities.identifiers import US_STATES

__all__ = ["SPLIT", "POSTCODE", "TRAILING_POSTCODE", "country_code", "is_phone", "phone_of", "split_one_line",
           "parse_address"]

SPLIT = re.compile(r"\s*(?:[,\n，;；、]+)\s*")
POSTCODE = re.compile(r"^(?:\d{4,6}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}|[A-Z]\d[A-Z]\s*\d[A-Z]\d)$",
                      re.IGNORECASE)
# A postcode after the city in one part: "Springfield 62701", "London SW1A 2AA", "ON M5J 2J5" (Canada).
TRAILING_POSTCODE = re.compile(r"^(?P<city>.*?\D)\s+(?P<code>\d{4,6}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}|"
                               r"[A-Z]\d[A-Z]\s*\d[A-Z]\d)$", re.IGNORECASE)
_PHONE = re.compile(r"^\+?[\d\s\-()]{7,20}$")
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


def country_code(text: str) -> str | None:
    key = text.strip().strip(".").strip().lower()
    if key in _COUNTRIES:
        return _COUNTRIES[key]
    if len(key) == 2 and key.isascii() and key.isalpha():
        return key.upper()
    return None


def is_phone(part: str) -> bool:
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
    return (part.strip()[:m.start()].strip(), number) if is_phone(number) else None


def phone_of(part: str) -> str | None:
    """The phone number a part is, with or without its label ("217-555-0199", "phone 217-555-0199")."""
    if is_phone(part):
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


def split_one_line(text: str) -> list[str]:
    """The parts of an address typed with commas, new lines or Chinese commas; a one-line US address typed
    with spaces only is cut at its street suffix, state and ZIP (it became one long street line)."""
    parts = [p for p in SPLIT.split(text.strip()) if p]
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
    parts = split_one_line(text)
    parts = [q for p in parts for q in SPLIT.split(p) if q]
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
        last = i == len(parts) - 1 or all(is_phone(q) for q in parts[i + 1:])  # "…, US, +1 217 555 0142"
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
        if "phone" not in found and is_phone(part):
            found["phone"] = part
            parts.remove(part)
        elif "postcode" not in found and POSTCODE.match(part):
            found["postcode"] = part.upper()
            parts.remove(part)
    if parts and "postcode" not in found and (m := TRAILING_POSTCODE.match(parts[-1])):
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
