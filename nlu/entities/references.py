"""References to things shown earlier ("the second one", "that one", "it", "第二个", "这个", "那件") and their
resolution against the ``DialogueContext``.

Ordinals resolve to ``last_results[n-1]`` ("the last one" to the final item); demonstratives and pronouns to
the product in focus, or to the only result when exactly one was shown. Unresolvable references are still
reported (``resolved=False``, value = the words used) so the dialogue can ask "which one?".
"""

from __future__ import annotations

import re

from nlu.constants import EntityName, Extractor
from nlu.context import DialogueContext
from nlu.entities.numbers import parse_cn_number
from nlu.entities.span import Span

__all__ = ["find_references"]

_ORDINALS = {
    "first": 1,
    "frist": 1,
    "1st": 1,
    "second": 2,
    "secnd": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "fifth": 5,
    "5th": 5,
    "sixth": 6,
    "6th": 6,
    "seventh": 7,
    "7th": 7,
    "eighth": 8,
    "8th": 8,
    "ninth": 9,
    "9th": 9,
    "tenth": 10,
    "10th": 10,
    "last": -1,
    "final": -1,
}
_NOUNS = r"(?:one|ones|item|product|option|result|choice|link|pick)"
_ORD = "|".join(sorted(_ORDINALS, key=len, reverse=True))
_EN_ORDINAL = re.compile(
    rf"\b(?:(?:the|that|this)\s+)?(?P<ord>{_ORD})(?:\s+(?:{_NOUNS}|\w+\s+{_NOUNS}))?\b(?!\s+(?:time|order))",
    re.IGNORECASE,
)
_EN_NUMBERED = re.compile(r"(?:\b(?:item|option|number|no\.?|product)\s*#?|(?<![\w#])#)(?P<n>\d{1,2})\b", re.IGNORECASE)
_EN_DEMONSTRATIVE = re.compile(
    r"\b(?:(?:the|that|this)\s+(?:[\w$.-]+\s+)?one|that one|this one|these|those|them|all of them|"
    r"(?:that|this)\s+(?:jacket|hoodie|shirt|dress|item|product|thing|model|pair|phone|charger|bag|shoe|shoes)|"
    r"the one you (?:just )?(?:showed|sent|mentioned)|the previous one|it|'?em)\b",
    re.IGNORECASE,
)
_EN_BARE_THIS = re.compile(
    r"\b(?P<w>this|that)\b(?=\s*(?:$|[?.!,]|\s(?:in|for|to|come|comes|fit|fits|have|work|available|cost|ship)\b))",
    re.IGNORECASE,
)
_ZH_ORDINAL = re.compile(r"第\s*(?P<n>\d{1,2}|[一二两三四五六七八九十]{1,3})\s*(?:个|件|款|双|条|种|项|台|本|只|套)?")
_ZH_LAST = re.compile(r"最后(?:一|那)?(?:个|件|款|双|条)")
_ZH_DEMONSTRATIVE = re.compile(r"(?:刚才|刚刚)?(?:这|那)(?:个|款|件|双|条|台|本|只|套|些|几个)|上一个|它")
_PLURAL = re.compile(r"these|those|them|'?em|all of them|这些|那些|这几个|那几个", re.IGNORECASE)


def find_references(text: str, context: DialogueContext | None) -> list[Span]:
    found: list[tuple[int, int, int | None]] = []
    for m in _EN_ORDINAL.finditer(text):
        has_det = m.group(0).casefold().startswith(("the", "that", "this"))
        if not has_det and m.group(0).casefold() == m.group("ord").casefold():
            continue  # a bare "first"/"last" ("first time here", "last week") is not a reference
        found.append((m.start(), m.end(), _ORDINALS[m.group("ord").casefold()]))
    for m in _EN_NUMBERED.finditer(text):
        found.append((m.start(), m.end(), int(m.group("n"))))
    for m in _ZH_ORDINAL.finditer(text):
        n = parse_cn_number(m.group("n"))
        if n is not None and 0 < n <= 50:
            found.append((m.start(), m.end(), int(n)))
    for m in _ZH_LAST.finditer(text):
        found.append((m.start(), m.end(), -1))
    ordinal_spans = list(found)
    for pattern in (_EN_DEMONSTRATIVE, _EN_BARE_THIS, _ZH_DEMONSTRATIVE):
        for m in pattern.finditer(text):
            if not any(m.start() < e and s < m.end() for s, e, _ in ordinal_spans):  # "the fifth one"
                found.append((m.start(), m.end(), None))
    return [_resolve(text, start, end, ordinal, context) for start, end, ordinal in found]


def _resolve(text: str, start: int, end: int, ordinal: int | None, context: DialogueContext | None) -> Span:
    surface = text[start:end]
    results = context.last_results if context else ()
    if ordinal is not None:
        index = len(results) - 1 if ordinal == -1 else ordinal - 1
        if 0 <= index < len(results):
            return Span(EntityName.REFERENCE, results[index], start, end, Extractor.REFERENCE, 0.95, ordinal=index + 1)
        return Span(
            EntityName.REFERENCE,
            surface,
            start,
            end,
            Extractor.REFERENCE,
            0.6,
            ordinal=ordinal if ordinal > 0 else None,
            resolved=False,
        )
    if _PLURAL.fullmatch(surface.strip()) and results:
        return Span(EntityName.REFERENCE, ",".join(results), start, end, Extractor.REFERENCE, 0.8)
    if context is not None and context.focus:
        return Span(EntityName.REFERENCE, context.focus, start, end, Extractor.REFERENCE, 0.9)
    if len(results) == 1:
        return Span(EntityName.REFERENCE, results[0], start, end, Extractor.REFERENCE, 0.85, ordinal=1)
    return Span(EntityName.REFERENCE, surface, start, end, Extractor.REFERENCE, 0.5, resolved=False)
