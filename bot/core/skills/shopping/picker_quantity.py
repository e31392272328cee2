"""A quantity changed at the variant picker: "actually only 2", "make it 3", "就要两件", "改成2个".

WHY: the picker is not in the cart yet, so the NLU's reading (update_cart) answered "Your cart is empty" and the
shopper lost the picker. Right after a picker (``state.topic``), a message that only says a number with a word
that makes it a count ("only", "just", "make it", a Chinese measure word) shows the picker again with that
quantity; a bare number stays an option ("42" is a size).
"""

from __future__ import annotations

import re

from nlu.entities.numbers import parse_cn_number
from store.cart import MAX_QUANTITY

__all__ = ["picker_quantity"]

_EN_N = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_EN = re.compile(
    r"^(?:(?:actually|no|oh|ok|okay|wait|sorry|hmm)[,.]?\s+)*"
    r"(?:only|just|make\s+it|change\s+it\s+to|i\s+want|i'?ll\s+take|i\s+need|i'?d\s+like|let'?s\s+do)\s+"
    r"(?:(?:only|just)\s+)?(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)"
    r"(?:\s+(?:of\s+(?:them|it|those)|pieces?|pcs|units?|pairs?))?(?:\s+(?:please|pls|then|instead))?\s*[.!]*$",
    re.IGNORECASE)
_ZH = re.compile(r"^(?:算了|还是|那|不对|嗯)*[，, ]*(?:只要|就要|要|改成|换成|来|买)?"
                 r"(?P<n>\d{1,2}|[一两二三四五六七八九十]{1,2})"
                 r"(?:个|件|双|条|只|份|套|瓶|盒|台|本|支|把)(?:就行|就好|好了|吧|就够了)?[。!！~]*$")


def picker_quantity(text: str) -> int | None:
    """The quantity the message sets (1..MAX_QUANTITY), or None when it is not only a count."""
    said = text.strip()
    if (m := _EN.match(said)) is not None:
        word = m.group("n").casefold()
        n = int(word) if word.isdigit() else _EN_N[word]
    elif (m := _ZH.match(said)) is not None:
        value = parse_cn_number(m.group("n"))
        n = int(value) if value is not None else 0
    else:
        return None
    return n if 1 <= n <= MAX_QUANTITY else None
