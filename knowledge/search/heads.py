"""Head nouns: what a query asks for and what a product *is*, as opposed to the words that modify them.

Why: "shoes" and "Cedar Shoe Trees" share the word "shoe", and the shoe trees sit in the Shoes department
with "shoes" among their tags, so both signals (cosine and keyword coverage) rank them with the shoes --
often first. In English noun phrases the last noun is the head ("shoe trees" are trees, "rain jacket" is a
jacket, "coffee mug" is a mug); the words before it only say which one. So:

* the query's head is the last word of its product phrase -- the words before a purpose or a qualifier
  ("rain jacket *for hiking*", "bag *for* my laptop", "shoes *in* size 10");
* a product's heads are the last word of its title's name part (before the first comma, a " with ",
  " for ", " in ", " by " or ":"; bracketed asides removed) and the last word of each part of its category
  leaf ("Insoles & Care" -> insole, care; "Laptop Bags & Sleeves" -> bag, sleeve).

A product whose heads include the query's head is the kind asked for, not merely related to it; ranking
(knowledge/search/ranking.py) lifts those. Chinese compounds put the head last too, but titles there are
short translations with specs after the name, so this reads Latin-script words only: a Chinese query has no
head here and ranks as before.
"""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.text.stopwords import STOPWORDS
from knowledge.text.synonyms import SYNONYMS
from knowledge.text.tokenize import has_han, tokenize

__all__ = ["query_heads", "product_heads", "head_match"]

# Where a product phrase ends: a purpose, a relative clause, a qualifier ("under $50", "in black", "size 10").
_QUERY_TAIL = re.compile(
    r"\b(?:for|with|without|that|which|who|to|under|below|over|above|in|from|near|size|sizes|colou?rs?|"
    r"when|while|during|like)\b.*$", re.I)
_POSSESSIVE = re.compile(r"\b(?:my|our|his|her|their|your)\b")
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
# Where a product title's name part ends.
_TITLE_TAIL = re.compile(r"(?:,|:| - | \| |\bwith\b|\bfor\b|\bin\b|\bby\b).*$", re.I)


def _last_word(text: str) -> str | None:
    """The last plain word of ``text`` (stemmed like the index), skipping numbers and codes."""
    words = [t for t in tokenize(text) if t.isalpha() and t not in STOPWORDS]
    return words[-1] if words else None


def query_heads(text: str) -> frozenset[str]:
    """The head noun of a search text and the heads of its other names ("portable charger" is also a
    power bank: knowledge/text/synonyms.py); empty when the text has no head that could name a product (a
    Chinese query, "something for a 10 year old", a bare number) or when the noun is something the shopper
    already has ("carry my laptop to work": the laptop is theirs, the product is what carries it)."""
    if has_han(text):
        return frozenset()
    phrase = " ".join(_QUERY_TAIL.sub("", _BRACKETS.sub(" ", text.lower())).split())
    if not phrase or _POSSESSIVE.search(phrase):
        return frozenset()
    head = _last_word(phrase)
    if head is None:
        return frozenset()
    heads = {head}
    words = phrase.split()
    # The longest name the phrase ends with: "portable charger" is a power bank, not a wall plug.
    name = next((n for n in (" ".join(words[i:]) for i in range(len(words))) if n in SYNONYMS), None)
    for other in SYNONYMS.get(name, ()) if name else ():
        if not has_han(other) and (word := _last_word(other)) is not None:
            heads.add(word)
    return frozenset(heads)


@lru_cache(maxsize=16384)
def product_heads(title: str, category_path: str | None) -> tuple[frozenset[str], frozenset[str]]:
    """What a product is: the head of its title's name part, and the heads of the parts of its category
    leaf (a leaf often lumps kinds together: "Sleeping Bags & Mats" also holds the pads)."""
    name = _TITLE_TAIL.sub("", _BRACKETS.sub(" ", title)).strip()
    word = _last_word(name)
    leaf: set[str] = set()
    if category_path:
        for part in re.split(r"&|,|/|\band\b", category_path.split(">")[-1]):
            if (head := _last_word(part)) is not None:
                leaf.add(head)
    return frozenset({word} if word else ()), frozenset(leaf)


def head_match(heads: frozenset[str], title: str, category_path: str | None) -> float:
    """1.0 when the product's title names a head asked for, 0.5 when only its category leaf does, else 0."""
    own, leaf = product_heads(title, category_path)
    return 1.0 if heads & own else 0.5 if heads & leaf else 0.0
