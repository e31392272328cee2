"""A Chinese address in one message, its parts separated by spaces or commas, in the orders people write them:
"上海市 浦东新区 世纪大道100号 张三 13800138000", "张三 13800138000 上海市浦东新区世纪大道100号",
"上海市浦东新区世纪大道100号，张三，13800138000".

WHY: the form's parser split only on commas and read parts by position (name, street, …, city), as English
addresses are written. A Chinese address typed with spaces stayed one street line and the name was asked for
again; with the address first and the name after it, the name became the city. Here each part is read by its
shape: the phone and postcode by their digits, the country by its name, the name as a short run of Chinese (or
Latin) letters outside the address, a city part (…市, or 北京/上海/天津/重庆) as the city, and the address parts
joined, in order, as the street line, as Chinese addresses are written. Only a message whose address parts are
all Chinese and that has a street-like part (a number with 号/路/街…) is read this way.
"""

from __future__ import annotations

import re

__all__ = ["zh_parts", "parse_zh_address"]

_CJK = re.compile(r"[\u4e00-\u9fff]")
_SPLIT = re.compile(r"[\s,\n，;；、]+")
# Characters that end or mark a piece of a Chinese address (province, city, district, road, number, building…).
_ADDRESS_MARK = re.compile(r"[省市区县镇乡村路街道巷弄号楼室栋幢座层单元园苑院里]|胡同|大厦|小区|广场|中心")
_STREET = re.compile(r"\d+\s*(?:号|弄|室|楼|栋|幢|座|层)|[路街道巷弄]\s*\d+")
_MUNICIPALITY = re.compile(r"^(?:北京|上海|天津|重庆|香港|澳门)市?$")
_CITY = re.compile(r"^[\u4e00-\u9fff]{2,6}市$")
_ZH_CITY_HEAD = re.compile(r"^(?P<province>[\u4e00-\u9fff]{2,7}(?:省|自治区))?(?P<city>[\u4e00-\u9fff]{2,6}?市)")
_NAME_LABEL = re.compile(r"^(?:收件人|收货人|联系人|姓名|收货地址|地址)\s*[:：]?\s*")
_LABEL_ONLY = re.compile(r"^(?:电话|手机|联系电话|手机号|邮编|邮政编码|地址|收货地址)\s*[:：]?$")
_PHONE = re.compile(r"^(?:电话|手机|联系电话|手机号)?\s*[:：]?\s*(?P<n>\+?[\d\-()]{7,20})$")
_POSTCODE = re.compile(r"^(?:邮编|邮政编码)?\s*[:：]?\s*(?P<n>\d{6})$")
_COUNTRY = {"中国": "CN", "中华人民共和国": "CN", "中国大陆": "CN"}
_COUNTRY_HEAD = re.compile(r"^(中华人民共和国|中国)(?=[\u4e00-\u9fff])")
_LATIN_NAME = re.compile(r"^[A-Za-z][A-Za-z.'-]*$")


def _phone(part: str) -> str | None:
    m = _PHONE.match(part)
    return m.group("n") if m is not None and sum(c.isdigit() for c in m.group("n")) >= 7 else None


def _is_address(part: str) -> bool:
    """A piece of the address; a short one only when it ends like one ("浦东新区", "上海市"), so a name with 园 or
    里 in it ("李园园" aside) stays a name."""
    if not _CJK.search(part):
        return False
    if any(c.isdigit() for c in part) or len(part) > 4 or _MUNICIPALITY.match(part):
        return True
    return bool(_ADDRESS_MARK.search(part[-2:]))


def zh_parts(text: str) -> list[str] | None:
    """The parts of a Chinese address (None: not one). Shared by ``looks_like_address`` so a space-separated
    Chinese address counts as a whole address in the form."""
    if not _CJK.search(text):
        return None
    parts = [p for p in _SPLIT.split(text.strip()) if p]
    if len(parts) < 2 or not any(_STREET.search(p) and _CJK.search(p) for p in parts):
        return None
    for part in parts:
        if _phone(part) or _POSTCODE.match(part) or part in _COUNTRY or _CJK.search(part):
            continue
        if not _LATIN_NAME.match(part):
            return None  # "123 Main St": an English address with a Chinese name (the form's own parser)
    return parts


def parse_zh_address(text: str) -> dict[str, str] | None:
    """The fields of a Chinese address, or None when the message is not one (see ``zh_parts``)."""
    parts = zh_parts(text)
    if parts is None:
        return None
    found: dict[str, str] = {}
    kinds: list[str] = []
    # "收件人：张三" or "收件人 张三": the label goes, and a label standing alone is no part at all
    parts = [q for q in (_NAME_LABEL.sub("", p) for p in parts) if q and not _LABEL_ONLY.match(q)]
    for part in parts:
        if (phone := _phone(part)) is not None and "phone" not in found:
            found["phone"], kind = phone, "phone"
        elif (m := _POSTCODE.match(part)) is not None and "postcode" not in found:
            found["postcode"], kind = m.group("n"), "postcode"
        elif part in _COUNTRY:
            found["country"], kind = _COUNTRY[part], "country"
        elif _is_address(part):
            kind = "address"
        else:
            kind = "name"
        kinds.append(kind)
    at = [i for i, k in enumerate(kinds) if k == "address"]
    first, last = (at[0], at[-1]) if at else (0, -1)
    names = [i for i, k in enumerate(kinds) if k == "name" and not first < i < last]
    if names:
        found["name"] = parts[names[0]]  # never empty: the parts are
    pieces = [parts[i] for i in range(first, last + 1) if kinds[i] in ("address", "name") and i not in names[:1]]
    if pieces and (m := _COUNTRY_HEAD.match(pieces[0])) is not None:
        found["country"], pieces[0] = "CN", pieces[0][m.end():]
    cities = [p for p in pieces if _CITY.match(p) or _MUNICIPALITY.match(p)]
    line = "".join(pieces)
    if cities:
        rest = "".join(p for p in pieces if p != cities[-1])
        if rest.startswith(cities[-1].removesuffix("市")) and pieces[-1] == cities[-1]:
            line = rest  # "北京市朝阳区建国路88号，北京": the city said again after the street line
        found["city"] = cities[-1]
    if line:
        found["line1"] = line
    if (m := _ZH_CITY_HEAD.match(line)) is not None:
        found.setdefault("city", m.group("city"))
        if m.group("province"):
            found.setdefault("region", m.group("province"))
    return found
