"""An answer that lists where the shop delivers answers a question about another place only if it names it.

WHY: "可以寄到台湾吗" was answered with the entry "可以寄到中国吗？支持哪些国家？" -> "可以。我们发往…中国大陆、香港…":
the closest question by meaning, whose list does not include Taiwan, and whose "yes" reads as a promise (so did
"能寄到澳门吗" and "do you ship to taiwan"). The shop's FAQ has no answer for such a place, and the honest reply is
that the place is not on the shop's list: the question is left unanswered, never a neighbouring place's answer, and
the answer carries the place and the list (``place_not_served``), from which the bot says "we don't ship to
Russia" and shows where it does ship ("do you ship to russia?" was "I don't know the answer to that yet").

The rule is narrow: the question asks about delivery (ship, deliver, 寄, 发货, 配送...) and names a place of the
table below; the answer lists places (``MIN_LISTED`` or more: a destination list, not "free returns from a US
address"); and neither the place nor a group it belongs to ("all EU countries" for France) is among them. An answer
that names no place, or one or two, is about delivery in general and stands ("how long does shipping to canada
take": the delivery-time entry). Places are general geography, not taken from any FAQ or evaluation set. A state,
province or city counts as its country (regions.py: "do you ship to moscow" asks about Russia).
"""

from __future__ import annotations

import re
from dataclasses import replace

from knowledge.qa.answer import Answer
from knowledge.qa.regions import REGIONS, destination_pattern, regions_asked
from knowledge.qa.verdict import opens_with_verdict

__all__ = ["for_the_place_asked", "place_asked", "places_named", "place_name", "MIN_LISTED", "COUNTRY_DESTINATION",
           "country_names"]

MIN_LISTED = 3
# The list's own yes ("可以。我们发往…"): said for the places on it, not the one asked about.
_VERDICT_WORD = re.compile(r"^\s*[^，。,.！!：:；;、\s]+(?:\s+[^，。,.！!：:；;、\s]+)?[，。,.！!：:；;、]\s*")
_EU = ("EU", "European Union", "欧盟")
# Each place's names and the groups that cover it; the more specific first ("中国台湾" is Taiwan, not China).
_PLACES: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("Taiwan", "台湾", "臺灣", "Taipei", "台北"), ()),
    (("Macau", "Macao", "澳门"), ()),
    (("Hong Kong", "香港"), ()),
    (("mainland China", "China", "PRC", "中国大陆", "中国内地", "大陆", "内地", "中国"), ()),
    (("United States", "USA", "US", "U.S.", "America", "美国"), ()),
    (("Canada", "加拿大"), ()),
    (("United Kingdom", "UK", "Britain", "England", "Scotland", "Wales", "英国"), ()),
    (("Japan", "日本"), ()),
    (("Australia", "澳大利亚", "澳洲"), ()),
    (("New Zealand", "新西兰"), ()),
    (("Singapore", "新加坡"), ()),
    (("South Korea", "Korea", "韩国"), ()),
    (("Malaysia", "马来西亚"), ()),
    (("Thailand", "泰国"), ()),
    (("Vietnam", "越南"), ()),
    (("Philippines", "菲律宾"), ()),
    (("Indonesia", "印度尼西亚", "印尼"), ()),
    (("India", "印度"), ()),
    (("United Arab Emirates", "UAE", "Dubai", "阿联酋", "迪拜"), ()),
    (("Israel", "以色列"), ()),
    (("Turkey", "土耳其"), ()),
    (("Russia", "俄罗斯"), ()),
    (("Switzerland", "瑞士"), ()),
    (("Norway", "挪威"), ()),
    (("Brazil", "巴西"), ()),
    (("Mexico", "墨西哥"), ()),
    (("Argentina", "阿根廷"), ()),
    (("South Africa", "南非"), ()),
    (("Germany", "德国"), _EU),
    (("France", "法国"), _EU),
    (("Italy", "意大利"), _EU),
    (("Spain", "西班牙"), _EU),
    (("Netherlands", "Holland", "荷兰"), _EU),
    (("Ireland", "爱尔兰"), _EU),
    (("Belgium", "比利时"), _EU),
    (("Austria", "奥地利"), _EU),
    (("Sweden", "瑞典"), _EU),
    (("Denmark", "丹麦"), _EU),
    (("Finland", "芬兰"), _EU),
    (("Poland", "波兰"), _EU),
    (("Portugal", "葡萄牙"), _EU),
    (("Greece", "希腊"), _EU),
    (("Czech Republic", "Czechia", "捷克"), _EU),
    (("Hungary", "匈牙利"), _EU),
)
_DELIVERY = re.compile(r"\b(?:ship\w*|deliver\w*|send|sent|post(?:age)?|mail|courier)\b|寄|发货|发到|发往|送到|送货|"
                       r"运到|配送|快递|包邮|邮到", re.IGNORECASE)


def _pattern(name: str) -> re.Pattern[str]:
    """Chinese names as they are; English ones as whole words, abbreviations ("US", "UK") in capitals only (the
    word "us" is no country)."""
    if not name.isascii():
        return re.compile(re.escape(name))
    flags = 0 if len(name.replace(".", "")) <= 3 else re.IGNORECASE
    return re.compile(rf"(?<![A-Za-z]){re.escape(name)}(?![A-Za-z])", flags)


_NAMES = tuple(tuple(_pattern(n) for n in names) for names, _ in _PLACES)
_GROUPS = tuple(tuple(_pattern(n) for n in groups) for _, groups in _PLACES)
_INDEX = {names[0]: i for i, (names, _) in enumerate(_PLACES)}
# Regions (regions.py) by their country's position, longest name first: "New Mexico" is no Mexico.
_REGION_NAMES = tuple(sorted(((_pattern(n), _INDEX[country]) for country, names in REGIONS for n in names),
                             key=lambda r: len(r[0].pattern), reverse=True))
# A country where a destination stands ("ship to canada", "寄到日本", "加拿大包邮吗"; not "canada goose jackets").
COUNTRY_DESTINATION = destination_pattern(n for names, _ in _PLACES for n in names)


def places_named(text: str, *, regions: bool = True) -> set[int]:
    """The places (positions in the table) that ``text`` names: "中国大陆、香港" names China and Hong Kong; a
    region names its country ("Belfast, Northern Ireland": the UK, not Ireland). ``regions=False``: a region's name
    names nothing (a question's "texas instruments" is no place), but is still no country ("New Mexico")."""
    found: set[int] = set()
    rest = text
    for pattern, country in _REGION_NAMES:
        if pattern.search(rest):
            if regions:
                found.add(country)
            rest = pattern.sub(" ", rest)
    for i, names in enumerate(_NAMES):  # the specific first, its words then removed ("中国台湾" is not China too)
        for pattern in names:
            if pattern.search(rest):
                found.add(i)
                rest = pattern.sub(" ", rest)
    return found


def place_asked(question: str) -> int | None:
    """The place a question about delivery names (its position in the table), or None."""
    if not _DELIVERY.search(question):
        return None
    regions = regions_asked(question)  # "ship to ohio?": the US, by the region's position as a destination
    if regions:
        return _INDEX[regions[0]]
    named = places_named(question, regions=False)
    return min(named) if named else None


def for_the_place_asked(question: str, answer: Answer) -> Answer:
    """``answer``, or no answer when it lists places and not the one asked about (see the module docstring)."""
    if not answer.answered or answer.product_scoped:
        return answer
    asked = place_asked(question)
    if asked is None:
        return answer
    said = answer.answer or ""
    listed = places_named(said)
    if len(listed) < MIN_LISTED or asked in listed or any(p.search(said) for p in _GROUPS[asked]):
        return answer
    return replace(answer, answer=None, source=None, matched_question=None, answer_id=None,
                   nearest_question=answer.matched_question, same_question=True, place_not_served=asked,
                   places_served=_VERDICT_WORD.sub("", said, count=1) if opens_with_verdict(said) else said)


def country_names(country: str) -> tuple[str, str | None]:
    """A country's English name as regions.py gives it, and its first Chinese name in the table (None if none)."""
    for names, _ in _PLACES:
        if country in names:
            return country, next((n for n in names if not n.isascii()), None)
    return country, None


def place_name(place: int, *, chinese: bool = False) -> str:
    """The place's name (its position in the table) for a reply: its first English or first Chinese name."""
    names = _PLACES[place][0]
    return next((n for n in names if n.isascii() != chinese), names[0])
