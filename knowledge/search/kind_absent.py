"""Whether the kind of product a query asks for is absent from the shop, so the results are only the closest.

WHY: search is semantic and the relevance cut is relative to the best candidate (relevance.py), so a query for
something the shop does not sell still gets its nearest neighbours: "yoga block" listed yoga mats and leggings as
if they were matches. The results stay (the closest we have), but the dialogue must say plainly that the kind
asked for is not carried. This module only *judges*; it never changes which products are found or their order.

The kind asked for is the query's head noun (heads.py: "yoga block" -> block; "瑜伽砖" -> 砖, jieba's last word,
which must be a noun). It is **absent** only when all of these fail -- each is a way of being sure it is there:

1. a result *is* that kind: its title's name part ends with it (a trailing "set", "kit", "pair"... is see-through:
   "Resistance Band Set" is bands), a part of its category leaf or of its ``product_type`` attribute does, or
   its Chinese name ends with it ("机械键盘" -> 无线机械键盘);
2. some product in the catalog is that kind (the same test over every product), or the kind is the short form of
   one of its Chinese names (跑鞋 of 跑步鞋): then "we don't carry" would be false, whatever the ranking showed;
3. a result names the word in its title, tags, category or type as a whole word ("桌游" in "展翅翱翔 桌游", "novel"
   in a tag), or the query's other names for it (synonyms.py) do, or it is made of it (帆布鞋: a 鞋 of "Canvas");
4. (Chinese) a result's Chinese name ends with the same character as the kind asked for (the head morpheme of a
   compound) and the encoder reads the two as the same thing (cosine >= ``SAME_KIND_COSINE``): "遥控车" and 遥控特技车,
   "保温杯" and 保温随行杯. Both conditions: by cosine alone neighbouring kinds come close ("瑜伽砖" and 瑜伽垫 0.82),
   and the same last character alone joins 自行车 to 婴儿车. English has no such test: word-level cosines do not
   separate "fish tank"/Aquarium (0.65) from "yoga block"/Yoga Mat (0.68).

Not judged (no note): no head noun, a head that names no kind ("gift", "礼物", "东西"), a Chinese last word that is
not a noun ("猫老是抓沙发怎么办"), or a brand: "耐克的" asks for Nike ("暂时没有耐克" over the Nike products was false).
Brand names (the Chinese ones of brands.py, a catalog brand said alone) leave the text first, and a query whose
product words were all stated preferences (``product_text`` "") names no kind.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from knowledge.search.code_forms import squash
from knowledge.search.documents import ProductDoc, attribute_values
from knowledge.search.heads import query_heads
from knowledge.search.models import SearchResults
from knowledge.search.short_forms import full_form
from knowledge.text.brands import aliases_in
from knowledge.text.synonyms import SYNONYMS
from knowledge.text.tokenize import has_han, is_code, tokenize
from knowledge.text.values_zh import value_zh

if TYPE_CHECKING:
    from knowledge.search.engine import SearchEngine

__all__ = ["absent_kind", "with_kind_note", "asked_kind", "without_brands", "AskedKind", "SAME_KIND_COSINE"]

# Cosine (Chinese kind asked for vs a result's Chinese name with the same last character) above which the
# result is that kind, named differently. Chosen on hand-written lists of kinds the demo shop has and lacks
# (not on any eval set): same things said otherwise 0.9+ (遥控车/遥控特技车 0.92, 保温杯/保温随行杯 0.94).
SAME_KIND_COSINE = 0.8
# How many results are looked at (a chat page shows 4).
LOOKED_AT = 5

# Words that name no kind of product: a request for "a gift" or "something" is answered by meaning.
_GENERIC = frozenset({
    "gift", "gifts", "present", "presents", "something", "anything", "stuff", "thing", "things", "idea", "ideas",
    "item", "items", "product", "products", "option", "options", "recommendation", "recommendations",
    "suggestion", "suggestions", "someone", "somebody",
    "礼物", "礼品", "东西", "商品", "产品", "好物", "推荐", "什么", "啥", "怎么办", "怎么"})
# A last word that only packages the kind: "Resistance Band Set" is bands, "哑铃一对" dumbbells.
_CONTAINERS = frozenset({"set", "sets", "kit", "kits", "pack", "packs", "pair", "pairs", "bundle", "bundles", "box",
                         "collection", "piece", "pieces", "pcs"})
_QUERY_TAIL = re.compile(
    r"\b(?:for|with|without|that|which|who|to|under|below|over|above|in|from|near|size|sizes|colou?rs?|"
    r"when|while|during|like)\b.*$", re.I)
_DETERMINERS = re.compile(r"^(?:(?:a|an|the|some|any)\s+)+", re.I)
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# The last Chinese words followed by a model code (letters and digits): "红米note13pro", "小米14", "华为p60 pro".
_MODEL_AFTER_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]\s*(?=[a-z]*\d|[a-z]+\s*\d)[a-z0-9 ]+$", re.I)
_TITLE_CHUNKS = re.compile(r",|:| - | \| |\(|\)|\[|\]")
_NOT_NAME = re.compile(r"^(?:with|for|in|by)\b", re.I)
_PROSE = frozenset({"description_zh", "tags_zh", "title_zh", "tags"})


@dataclass(frozen=True)
class AskedKind:
    """The kind a query asks for: its head word(s) and the phrase to name it by ("yoga block", "瑜伽砖")."""

    heads: frozenset[str]
    phrase: str
    # The words before the head ("yoga" in "yoga block", 烧烤 in 烧烤架): which one of that kind.
    modifiers: tuple[str, ...] = ()


def _words(text: str) -> list[str]:
    return [t for t in tokenize(text) if t.isalpha()]


def _zh_nouns(run: str) -> list[str]:
    """The trailing nouns of a Han run as jieba tags them ("想给狗子买个窝" -> ["窝"]; "瑜伽砖" -> 瑜伽, 砖)."""
    import jieba.posseg as pseg

    pairs = [(p.word, p.flag) for p in pseg.lcut(run)]
    nouns: list[str] = []
    for word, flag in reversed(pairs):
        if not flag.startswith("n"):
            break
        nouns.insert(0, word)
    return nouns


def asked_kind(text: str) -> AskedKind | None:
    """The kind ``text`` (the query's product words) asks for, or None when it names none."""
    if has_han(text):
        if _MODEL_AFTER_HAN.search(text):
            return None  # "红米note13pro", "华为p60": the Chinese is a brand or line, the code a model (no kind)
        runs = _HAN_RUN.findall(text)
        nouns = _zh_nouns(runs[-1]) if runs else []
        if not nouns or nouns[-1] in _GENERIC or any(n in _GENERIC for n in nouns):
            return None
        last = nouns[-1]
        zh_heads = {last, last[:-1]} if len(last) > 1 and last.endswith("子") else {last}
        return AskedKind(frozenset(zh_heads), "".join(nouns), tuple(nouns[:-1]))
    phrase = _DETERMINERS.sub("", " ".join(_QUERY_TAIL.sub("", text).split())).strip()
    if not phrase or any(w.lower() in _GENERIC for w in re.findall(r"[A-Za-z]+", phrase)):
        return None
    heads = query_heads(phrase)
    if not heads:
        return None
    words = _words(phrase)
    return AskedKind(heads, phrase, tuple(w for w in words[:-1] if w not in heads))


def _leaf_words(text: str | None) -> set[str]:
    """The last word of each part of a category leaf or type ("Cat Tree & Scratcher" -> tree, scratcher)."""
    out: set[str] = set()
    for part in re.split(r"&|,|/|\band\b|\bor\b", (text or "").split(">")[-1]):
        words = [w for w in _words(part) if w not in _CONTAINERS]
        if words:
            out.add(words[-1])
    return out


@lru_cache(maxsize=16384)
def _kinds(title: str, category_path: str | None, product_type: str | None) -> frozenset[str]:
    """What a product is, in English head words: the last word of its title's name part (containers see-through),
    and of the parts of its category leaf and type."""
    name = _TITLE_CHUNKS.split(title)[0]
    name = re.split(r"\b(?:with|for|in|by)\b", name, flags=re.I)[0]
    words = [w for w in _words(name) if w not in _CONTAINERS]
    own = {words[-1]} if words else set()
    return frozenset(own | _leaf_words(category_path) | _leaf_words(product_type))


def _zh_name(title_zh: str | None) -> str:
    for chunk in (title_zh or "").split():
        runs = _HAN_RUN.findall(re.split(r"[：:（(]", chunk)[0])
        if runs:
            return str(runs[-1])
    return ""


def _type(doc: ProductDoc) -> str | None:
    values = attribute_values(doc.attributes.get("product_type"))
    return values[0] if values else None


def _is_kind(asked: AskedKind, doc: ProductDoc) -> bool:
    """Test 1: the product is the kind asked for."""
    if any(has_han(h) for h in asked.heads):
        name = _zh_name(doc.title_zh)
        return any(name.endswith(h) for h in asked.heads if h)
    return bool(asked.heads & _kinds(doc.title, doc.category_path, _type(doc)))


def _other_names(asked: AskedKind) -> set[str]:
    """The phrase and its other names (synonyms.py), for the whole-word test."""
    names = {asked.phrase.lower(), *asked.heads}
    for name in list(names):
        names.update(SYNONYMS.get(name, ()))
    return names


def _names_it(asked: AskedKind, doc: ProductDoc) -> bool:
    """Test 3: the product names the kind as a whole word in its title, tags, category or type."""
    names = _other_names(asked)
    zh = doc.title_zh or ""
    # A whole Chinese word: not followed by another Han character (桌游 in "展翅翱翔 桌游 1-5人", 小说 in
    # "（英文原版悬疑小说）"; not 滑板 in 滑板车).
    if any(has_han(n) and re.search(re.escape(n) + r"(?![\u3400-\u9fff])", zh) for n in names):
        return True
    fields = " ".join([doc.title, doc.category_path or "", _type(doc) or "",
                       " ".join(t.replace("-", " ") for t in attribute_values(doc.attributes.get("tags")))])
    words = set(_words(fields))
    return any(not has_han(n) and (set(_words(n)) and set(_words(n)) <= words) for n in names
               if " " not in n or n == asked.phrase.lower())


def _of_a_quality(asked: AskedKind, doc: ProductDoc) -> bool:
    """Test 3 too (Chinese): the kind is a word of one of the product's values in Chinese and the head its Chinese name
    ends with: 帆布鞋 is the sneakers whose upper is "Canvas" (帆布) and whose name is 男女同款休闲鞋."""
    name, phrase = _zh_name(doc.title_zh), asked.phrase
    return bool(name) and has_han(phrase) and any(
        has_han(zh) and any(phrase[:i] in zh and name.endswith(phrase[i:]) for i in range(2, len(phrase)))
        for key, values in doc.attributes.items() if key not in _PROSE
        for zh in (value_zh(str(v), key) for v in attribute_values(values)))


_CATALOG: weakref.WeakKeyDictionary[object, tuple[int, dict[str, list[ProductDoc]], dict[str, list[ProductDoc]]]] = \
    weakref.WeakKeyDictionary()


def _name_words(doc: ProductDoc) -> str:
    return " ".join([doc.title, doc.title_zh or "", doc.category_path or "", _type(doc) or "",
                     " ".join(attribute_values(doc.attributes.get("tags")))]).lower()


def _catalog_has(asked: AskedKind, owner: object, version: int, docs: Iterable[ProductDoc]) -> bool:
    """Test 2: some product of the catalog is the kind, and the same one of it when the query says which
    ("washing machine" is not the espresso machine, "yoga block" not the building blocks, 烧烤架 not a 引体向上杆).
    The products by kind are gathered once per catalog version."""
    cached = _CATALOG.get(owner)
    if cached is None or cached[0] != version:
        english: dict[str, list[ProductDoc]] = {}
        chinese: dict[str, list[ProductDoc]] = {}
        for doc in docs:
            for kind in _kinds(doc.title, doc.category_path, _type(doc)):
                english.setdefault(kind, []).append(doc)
            if name := _zh_name(doc.title_zh):
                chinese.setdefault(name, []).append(doc)
        cached = (version, english, chinese)
        _CATALOG[owner] = cached
    _, by_english, by_chinese = cached
    if any(has_han(h) for h in asked.heads):
        found = [d for name, ds in by_chinese.items() if any(h and name.endswith(h) for h in asked.heads) for d in ds]
    else:
        found = [d for h in asked.heads for d in by_english.get(h, ())]
    if not asked.modifiers:
        return bool(found)
    return any(any(m.lower() in _name_words(d) for m in asked.modifiers) for d in found)


def without_brands(text: str, brands: Collection[str] = ()) -> str:
    """``text`` without the Chinese brand names in it (brands.py), or "" when it is only one of ``brands`` (the
    catalog's, normalised lower-case: "nike's"). Catalog brands are not cut out of longer text: some are
    everyday words ("head", "branch", "nothing") that the dialogue's reading leaves as product words."""
    for alias, _ in aliases_in(text):
        text = text.replace(alias, " ")
    text = " ".join(text.split())
    bare = re.sub(r"['’]s$", "", text.lower()).strip()
    return "" if bare in brands else text


def _names_code(text: str, top: Sequence[ProductDoc]) -> bool:
    """The query types the model number of a result, whatever its hyphens and spaces ("wh 1000xm5" for the
    WH-1000XM5, code_forms.py): the last plain word ("wh") is part of the code, not a kind."""
    tokens = tokenize(text)
    runs = {squash("".join(tokens[i:i + n])) for n in (1, 2, 3) for i in range(len(tokens) - n + 1)}
    titles = [squash(d.title.lower()) for d in top]
    return any(is_code(run) and any(run in title for title in titles) for run in runs)


def absent_kind(text: str, hits: Sequence[ProductDoc], catalog: Iterable[ProductDoc], *, owner: object,
                version: int, encode: Callable[[list[str]], np.ndarray] | None = None,
                brands: Collection[str] = ()) -> str | None:
    """The phrase naming the kind ``text`` asks for when neither the results ``hits`` (best first) nor the
    catalog have it, else None. ``owner``/``version`` key the catalog's cached kinds; ``encode`` (texts ->
    unit vectors) enables test 4; ``brands``: the catalog's brands, which name no kind."""
    asked = asked_kind(without_brands(text, brands))
    if asked is None or not hits:
        return None
    top = list(hits[:LOOKED_AT])
    if _names_code(text, top) or any(_is_kind(asked, d) for d in top) or _catalog_has(asked, owner, version, catalog):
        return None
    if any(_names_it(asked, d) or _of_a_quality(asked, d) for d in top):
        return None
    if has_han(asked.phrase) and full_form(asked.phrase, [d.title_zh for d in catalog if d.title_zh]):
        return None  # "跑鞋" of the catalog's 跑步鞋 (test 2): sorted by price, no running shoe came first
    if encode is not None and has_han(asked.phrase):
        names = sorted({n for d in top if (n := _zh_name(d.title_zh)) and n[-1] == asked.phrase[-1]})
        if names:
            vectors = encode([asked.phrase, *names])
            if float(np.max(vectors[1:] @ vectors[0])) >= SAME_KIND_COSINE:
                return None
    return asked.phrase


def with_kind_note(engine: SearchEngine, results: SearchResults) -> SearchResults:
    """``results`` with ``missing_kind`` set when the kind asked for is absent (first page only: the dialogue
    says it once, before the first cards; a missing model is already said, more precisely)."""
    query = results.query
    if not results.hits or query.offset > 0 or results.missing_model or not query.text.strip():
        return results
    docs = engine.docs
    hits = [docs[h.product_id] for h in results.hits if h.product_id in docs]
    # The catalog is read only when its kinds are gathered (once per version): no copy of it per search.
    # product_text "" (not None): every word was a stated colour, size or brand ("耐克的"), no kind was named.
    text = query.product_text if query.product_text is not None else query.text
    missing = absent_kind(text, hits, docs.values(), owner=engine, version=engine.version,
                          encode=engine.query_encoder.encode, brands=engine.brands())
    return replace(results, missing_kind=missing) if missing else results
