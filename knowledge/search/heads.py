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
(knowledge/search/ranking.py) lifts those.

Chinese compounds put the head last too: the query's head is its last word (jieba; a trailing 子 dropped:
鞋子 -> 鞋), and a product is that kind when the name in its Chinese title ends with it ("手冲壶": 手冲电热壶 and
电热水壶 end with 壶, the kettlebell 铸铁壶铃 does not). Whole words, not single characters: 机 ends 耳机 and
咖啡机 alike. The name is the Chinese part of the title's first chunk that has one ("Stanley 保温随行杯 470毫升"
-> 保温随行杯), so specs after it do not count.
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
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
# Where a product title's name part ends.
_TITLE_TAIL = re.compile(r"(?:,|:| - | \| |\bwith\b|\bfor\b|\bin\b|\bby\b).*$", re.I)


def _last_word(text: str) -> str | None:
    """The last plain word of ``text`` (stemmed like the index), skipping numbers and codes."""
    words = [t for t in tokenize(text) if t.isalpha() and t not in STOPWORDS]
    return words[-1] if words else None


def _chinese_heads(text: str) -> frozenset[str]:
    runs = _HAN_RUN.findall(text)
    words = tokenize(runs[-1]) if runs else []
    if not words:
        return frozenset()
    last = words[-1]
    heads = {last, last[:-1]} if len(last) > 1 and last.endswith("子") else {last}
    # Its other names' heads, as for English ("电饭锅" is a rice cooker, "咖啡杯" a mug): the head bonus then lifts
    # the 马克杯 and the "Coffee Mug" over the coffee beans that only share 咖啡.
    for other in SYNONYMS.get(last, ()):
        word = other if has_han(other) else _last_word(other)
        if word:
            heads.add(word)
    return frozenset(heads)


def _chinese_name(title_zh: str | None) -> str | None:
    """The Chinese name in a Chinese title: the last Han run of its first chunk that has one."""
    for chunk in (title_zh or "").split():
        runs = _HAN_RUN.findall(re.split(r"[：:（(]", chunk)[0])
        if runs:
            return str(runs[-1])
    return None


def query_heads(text: str) -> frozenset[str]:
    """The head noun of a search text and the heads of its other names ("portable charger" is also a
    power bank: knowledge/text/synonyms.py); empty when the text has no head that could name a product (a
    Chinese query, "something for a 10 year old", a bare number) or when the noun is something the shopper
    already has ("carry my laptop to work": the laptop is theirs, the product is what carries it)."""
    if has_han(text):
        return _chinese_heads(text)
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


def head_match(heads: frozenset[str], title: str, category_path: str | None, title_zh: str | None = None) -> float:
    """1.0 when the product's title names a head asked for (its Chinese name ends with a Chinese head), 0.5
    when only its category leaf does, else 0."""
    own, leaf = product_heads(title, category_path)
    if heads & own:
        return 1.0
    name = _chinese_name(title_zh) if title_zh else None
    if name is not None and any(has_han(h) and name.endswith(h) for h in heads):
        return 1.0
    return 0.5 if heads & leaf else 0.0
