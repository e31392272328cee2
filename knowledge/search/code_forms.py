"""Model numbers and other codes typed without their hyphens or with spaces: "wh1000xm5", "wh 1000xm5" and
"wh-1000 xm5" are all the catalog's "WH-1000XM5".

WHY: a code is indexed whole (knowledge/text/tokenize.py: "wh-1000xm5" is one token, so a SKU typed finds exactly
its product), and shoppers type model numbers every way: "wh1000xm5" found nothing, and "wh 1000xm5" found power
banks (their "10000 mAh" shares no token, but "1000" in their descriptions did). So the query's code tokens, and
two or three adjacent tokens run together, are compared with the catalog's codes by their letters and digits
alone; a match searches the catalog's spelling too (knowledge/search/ranking.py).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from knowledge.text.tokenize import is_code

__all__ = ["squash", "squashed_codes", "code_forms"]


def squash(token: str) -> str:
    """The letters and digits of a token ("wh-1000xm5" -> "wh1000xm5")."""
    return "".join(c for c in token if c.isalnum())


def squashed_codes(vocabulary: Collection[str]) -> dict[str, tuple[str, ...]]:
    """Squashed code -> the catalog's codes written so, for the (Latin) codes of an index vocabulary."""
    out: dict[str, list[str]] = {}
    for token in vocabulary:
        if is_code(token) and token.isascii():
            out.setdefault(squash(token), []).append(token)
    return {k: tuple(v) for k, v in out.items()}


def code_forms(tokens: Sequence[str], codes: Mapping[str, tuple[str, ...]]) -> list[str]:
    """The catalog codes (``codes``, from ``squashed_codes``) that a query token, or two or three adjacent query
    tokens run together, spell with other punctuation or spacing; codes already among the tokens are left out."""
    found: dict[str, None] = {}
    for size in (1, 2, 3):
        for i in range(len(tokens) - size + 1):
            joined = squash("".join(tokens[i:i + size]))
            if is_code(joined):
                for code in codes.get(joined, ()):
                    if code not in tokens:
                        found.setdefault(code, None)
    return list(found)
