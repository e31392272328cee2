"""Follow-ups made only of attribute words, read as a refinement of the search on screen: a measure ("要500ml左右的",
"28cm的", "500ml ones"), a size or colour with a describing word ("S码 碎花"), a short quality ("辣的").

WHY: the NLU guesses a search for them, and the words alone searched the whole shop: after thermos cups
"要500ml左右的" listed Sichuan pepper, a perfume and a conditioner; after pans "28cm的" a mattress; after summer
dresses "S码 碎花" a shirt, baby pyjamas and a board book; after snacks "辣的" pepper jars (walk 7). They name no
product, so they are about the kind on screen: its product words plus these.
"""

from __future__ import annotations

import re

from nlu.result import ParseResult

__all__ = ["attribute_words"]

# A number with a unit of capacity, length, weight or power ("500ml", "28 cm", "1.5升").
_MEASURE = re.compile(
    r"\d+(?:\.\d+)?\s*(?:ml|毫升|升|l|cm|厘米|公分|mm|毫米|英寸|寸|inch(?:es)?|oz|kg|公斤|千克|克|g|w|瓦|gb|tb|mah)"
    r"(?![a-z])",
    re.IGNORECASE,
)
# Asking words around a Chinese attribute ("有没有…的", "要…左右的吗", the 码 after "S").
_ZH_CHUNK = re.compile(
    r"^(?:有没有|有没|还有|有|想要|就要|只要|只看|要|来点|来个)?(?P<core>.*?)"
    r"(?:尺码|码|号|颜色|色|左右|上下|大概|差不多)?(?:的)?(?:有吗|有没有|有没|吗|呢|吧|啊)?$"
)
# A word that is not a quality of a product: a pronoun, a yes/no, a verb of the conversation.
_NOT_QUALITY = re.compile(r"[我你他她它这那哪啥么谁好对是要买行不都个些看加删车单算钱吗呢]")
_ENDS_WITH_DE = re.compile(r"的(?:有吗|有没有|有没|吗|呢)?[\s?？!！。~]*$")
_LATIN = re.compile(r"[a-z]", re.IGNORECASE)
_OPTIONS = frozenset({"color", "size"})


def attribute_words(text: str, parse: ParseResult, asking: re.Pattern[str]) -> tuple[list[str], bool] | None:
    """The attribute words to add to the search on screen and whether the message named a colour or size (a
    filter the caller adds), or None when anything else is said. ``asking``: English asking words to ignore.
    A message without a measure or option must end in 的 ("辣的"): a bare word ("辣条") may start a new search."""
    if parse.text != text:
        return None
    spans: list[tuple[int, int]] = []
    measures: list[str] = []
    for m in _MEASURE.finditer(text):
        spans.append((m.start(), m.end()))
        measures.append(re.sub(r"\s+", "", m.group(0)).lower())
    options = False
    for e in parse.entities:
        inside = any(a <= e.start and e.end <= b for a, b in spans)
        if e.entity in _OPTIONS:
            options = True
            spans.append((e.start, e.end))
        elif not (e.entity == "quantity" and inside):
            return None  # a product, brand, reference, price or count: not only attributes
    rest = text
    for a, b in sorted(spans, reverse=True):
        rest = rest[:a] + " " + rest[b:]
    words: list[str] = []
    for chunk in re.split(r"[\s,，、。.!！?？~]+", rest):
        if not chunk:
            continue
        if _LATIN.search(chunk):
            if asking.sub("", re.sub(r"\b(?:ones?|kinds?|types?|versions?)\b", "", chunk, flags=re.I)).strip():
                return None
            continue
        core = _ZH_CHUNK.match(chunk)
        word = core.group("core") if core is not None else chunk
        if not word:
            continue
        if not re.fullmatch(r"[\u4e00-\u9fff]{1,4}", word) or _NOT_QUALITY.search(word):
            return None
        words.append(word)
    if len(words) > 2 or not (measures or words) or not (measures or options or _ENDS_WITH_DE.search(text)):
        return None
    return measures + words, options
