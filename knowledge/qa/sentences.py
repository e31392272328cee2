"""Split a product description into sentences: each is a candidate answer to a question about the product.

Splits after . ! ? ; and their full-width Chinese forms (。！？；), and at line breaks; keeps decimals
("2.5 kg") together. Fragments too short to answer anything are dropped.
"""

from __future__ import annotations

import re

__all__ = ["split_sentences"]

_SPLIT = re.compile(r"(?<=[。！？；])|(?<=[!?;])\s+|(?<=\.)\s+(?=\S)|\n+")
MIN_CHARS = 6


def split_sentences(text: str) -> list[str]:
    parts = (p.strip() for p in _SPLIT.split(text or ""))
    out: list[str] = []
    for part in parts:
        if not part:
            continue
        has_han = any("\u4e00" <= c <= "\u9fff" for c in part)
        if len(part) >= (3 if has_han else MIN_CHARS):
            out.append(part)
    return out
