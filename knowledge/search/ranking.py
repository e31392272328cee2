"""From query text to the relevant products, in relevance order: retrieval, fusion, the relevance cut,
query expansion (misspellings, brand aliases) and filters. The engine (engine.py) owns the indexes and the
documents; this module decides which of them answer a query. docs/search.md "Ranking" walks through it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from knowledge.encoders.base import Vectors
from knowledge.search.audience import fits
from knowledge.search.brand_senses import brand_kind
from knowledge.search.documents import ProductDoc, name_text
from knowledge.search.filters import SearchFilters
from knowledge.search.heads import head_match, query_heads
from knowledge.search.hybrid import FusedHit, rrf_fuse
from knowledge.search.preferences import Preferences, brand_matches
from knowledge.search.relevance import RelevanceGate
from knowledge.search.short_forms import full_form
from knowledge.text import tokenize
from knowledge.text.brands import BRAND_ALIASES, aliases_in
from knowledge.text.spelling import corrected
from knowledge.text.synonyms import expansions
from knowledge.text.tokenize import has_han
from knowledge.text.values_zh import values_en

if TYPE_CHECKING:
    from knowledge.search.engine import SearchEngine

__all__ = ["Ranker", "NAME_CHECK_HITS", "topic_of"]

# What a query is *about* ("ebooks about personal finance", "a book on the history of tea", "关于理财的书"): the
# words after the topic marker, to the end of the clause.
_TOPIC = re.compile(r"\b(?:about|on the (?:topic|subject) of|regarding)\s+(?P<en>[^,.;!?]+)|"
                    r"关于(?P<zh>[^的，,。.！!？?；;]+)", re.I)


def topic_of(text: str) -> str:
    """The topic words of a query, or ""."""
    m = _TOPIC.search(text)
    if m is None:
        return ""
    return m.group("en") or m.group("zh") or ""


# How many of the best fused hits are checked for preference words in their titles ("olive oil").
NAME_CHECK_HITS = 3
# What naming the query's head noun adds to a product's relevance score (RRF share + strength, 0..2): enough
# to lift the shoes above the shoe trees for "shoes", not enough to lift a weak match over a strong one.
# Chosen on the search dev sets (knowledge/eval/dev), see knowledge/search/heads.py.
HEAD_BONUS = 0.25
# What a product word found only in a product's brand or description counts for in its keyword coverage, against
# one in its name fields (documents.name_text): "press" in a publisher's name or in coffee gear's care text is
# weaker evidence that the product is a French press than "press" in the title.
OUTSIDE_NAME = 0.5


class Ranker:
    def __init__(self, engine: SearchEngine) -> None:
        self.engine = engine
        # Brand aliases of the brands in the catalog, recomputed when the documents change (engine.version).
        self._alias_cache: tuple[int, dict[str, str]] | None = None
        # Product id -> (the document, the tokens of its name fields), recomputed when the document changes.
        self._names: dict[int, tuple[ProductDoc, frozenset[str]]] = {}
        # Chinese short form -> its full form in the catalog (short_forms.py), per catalog version.
        self._forms: tuple[int, dict[str, str | None]] | None = None

    def ranked(self, text: str, vector: Vectors | None, filters: SearchFilters, need: int, *,
               product_text: str | None = None,
               prefer: Preferences | None = None) -> tuple[list[FusedHit], Preferences]:
        """Products of the kind ``text`` asks for that pass ``filters``, best first (relevance order).

        1. candidates: vector top-K and BM25 top-K, fused by RRF (hybrid.py);
        2. the relevance cut (relevance.py), computed on these *unfiltered* candidates;
        3. the filters; if fewer than ``need`` pass, retrieval runs again restricted to the products that
           pass them, and the same cut (same reference) judges those candidates too.
        Returns the kept hits and the preferences in force (dropped when their words name the product).
        """
        prefer = prefer or Preferences()
        base = product_text if product_text is not None else text
        if not prefer.brand:
            # A brand by its Chinese name ("无印良品" for Muji): prefer it, and measure the product words without it.
            found = aliases_in(text, self._brand_aliases())
            if found:
                prefer = replace(prefer, brand=found[0][1])
                for alias, _ in found:
                    base = base.replace(alias, " ")
        tokens = tokenize(text)
        # Misspelt words ("headphnes", "脱鞋") and names the catalog does not use ("pram") also search its words.
        keywords = self.engine.keywords
        slips = keywords.spelling_fixes(tokens, text)
        fixes = list(dict.fromkeys(slips.values()))
        if slips:
            # What the product is comes from the corrected words ("laptp for school" -> "laptop for school"),
            # and so does the vector: the encoder reads "laptp" as noise and "school" as the request.
            base = corrected(base, slips)
            if vector is not None:
                vector = self.engine.encode_query(" ".join(corrected(text, slips).split()))
        names = expansions(text, tokens, lambda word: keywords.document_frequency(word) > 0, bool(prefer.brand))
        fixes = list(dict.fromkeys([*fixes, *(t for name in names for t in tokenize(name))]))
        # A model number typed without its hyphen or with spaces ("wh1000xm5", "wh 1000xm5"): the catalog's code.
        fixes += [t for t in keywords.code_forms(tokens) if t not in fixes]
        # Chinese words the catalog never uses: a short form's full form (跑鞋: 跑步鞋), a value's English (帆布 canvas)
        for word in (t for t in tokens if has_han(t) and keywords.document_frequency(t) == 0):
            fixes += [t for t in tokenize(f"{self._full_form(word) or ''} {values_en(word)}") if t not in fixes]
        brand_tokens = tokenize(prefer.brand) if prefer.brand else []
        # Only a colour asked for ("鼠尾草绿"): its catalog name ("sage") searched too, every product in it kept.
        colour_only = bool(prefer.colour) and not brand_tokens and product_text is not None and not tokenize(base)
        colour_tokens = tokenize(prefer.colour or "") if colour_only else []
        # A brand named by an alias ("戴森", "小米") also searches the catalog's own spelling.
        tokens += [t for t in [*fixes, *brand_tokens, *colour_tokens] if t not in tokens]
        k = max(self.engine.config.candidates, need * 3)
        fused, codes = self._fuse(tokens, vector, k, None)
        core = tokenize(base)
        core += [t for t in fixes if t not in core]
        if prefer.active and self._names_product(fused, tokens, core, prefer):
            prefer, core = Preferences(), tokens  # "olive oil", "green tea": the colour word is the name
        core = core or tokens
        # Only a brand was asked for ("戴森", "keychron"): every product of that brand is the kind asked for.
        brand_only = bool(brand_tokens) and not any(
            t not in brand_tokens and self.engine.keywords.document_frequency(t) > 0 for t in core)
        extra = (lambda doc: brand_matches(doc, prefer.brand or "")) if brand_only else \
            (lambda doc: prefer.misses(doc) < 1.0) if colour_only and prefer.colour else brand_kind(prefer.brand, names)
        # The cut judges what a product *is* on the product words: when a stated colour/size/brand was taken
        # out ("红色连衣裙" -> "连衣裙"), they are encoded on their own, or a red lipstick is as close to
        # "红色连衣裙" as a burgundy dress is. (One extra encoding, only for such queries.)
        kind_vector = vector
        if vector is not None and core != tokens and not brand_only and base.strip():
            kind_vector = self.engine.encode_query(" ".join(base.split()))
        cosines, coverage = self._evidence(fused, kind_vector, core, fresh=kind_vector is not vector)
        # The cut's reference (best cosine, best coverage, the kind asked for) comes only from candidates that
        # can be results at all: a vector-only neighbour below the noise floor is dropped anyway, and when it
        # sets the reference ("手冲壶": a badminton racket at cosine 0.17), every product that *has* the
        # words looks weak beside it and nothing is left.
        eligible = {h.product_id for h in fused if h.product_id in codes or self._above_floor(h)}
        if filters.audience:
            # Nor a product for another audience: the pet toys (玩具 in their names) set it for "儿童玩具", cut the toys
            eligible = {pid for pid in eligible if fits(self.engine.docs[pid], filters.audience)}
        kinds = {pid: self.engine.docs[pid].category_path for pid in eligible}
        # Chinese product words all in the catalog: a Chinese name with all of them is of the kind asked for.
        known = bool(core) and all(has_han(t) and keywords.document_frequency(t) > 0 for t in core)
        gate = RelevanceGate({p: c for p, c in cosines.items() if c is not None and p in eligible},
                             {p: c for p, c in coverage.items() if p in eligible}, kinds, self.engine.config.gate,
                             words_known=known, noise_floor=self.engine.config.min_cosine or 0.0)
        heads = query_heads(base)
        topic = [t for t in tokenize(topic_of(base)) if self.engine.keywords.document_frequency(t) > 0]
        kept = self._relevant(fused, codes, gate, cosines, coverage, extra, heads, topic)
        if filters.active:
            kept = [h for h in kept if self.engine.matches(self.engine.docs[h.product_id], filters)]
            if len(kept) < need:
                # Post-filtering ran dry: search again restricted to the products that pass the filters.
                allowed = {pid for pid, doc in self.engine.docs.items() if self.engine.matches(doc, filters)}
                kept = []
                if allowed:
                    more, codes = self._fuse(tokens, vector, k, allowed)
                    cosines, coverage = self._evidence(more, kind_vector, core, fresh=kind_vector is not vector)
                    kept = self._relevant(more, codes, gate, cosines, coverage, extra, heads, topic)
        return kept, prefer

    def _full_form(self, word: str) -> str | None:
        """short_forms.full_form over the catalog's Chinese titles, remembered per catalog version."""
        if self._forms is None or self._forms[0] != self.engine.version or len(self._forms[1]) > 4096:
            self._forms = (self.engine.version, {})  # (bounded: the words are shoppers' unknown words)
        forms = self._forms[1]
        if word not in forms:
            forms[word] = full_form(word, [d.title_zh for d in list(self.engine.docs.values()) if d.title_zh])
        return forms[word]

    def _brand_aliases(self) -> dict[str, str]:
        """Alias -> the catalog's spelling, for the brands this catalog carries (a sub-brand counts:
        "飞利浦" -> "Philips" when the catalog has "Philips Hue")."""
        if self._alias_cache is None or self._alias_cache[0] != self.engine.version:
            version = self.engine.version
            brands = {(d.brand or "").strip().lower() for d in list(self.engine.docs.values()) if d.brand}
            known = {a: b for a, b in BRAND_ALIASES.items()
                     if any(x == b.lower() or x.startswith(b.lower() + " ") for x in brands)}
            self._alias_cache = (version, known)
        return self._alias_cache[1]

    def _fuse(self, tokens: list[str], vector: Vectors | None, k: int,
              allowed: Collection[int] | None) -> tuple[list[FusedHit], list[int]]:
        vec_hits = self.engine.vectors.search(vector, k, allowed) if vector is not None else []
        kw_hits = self.engine.keywords.search(tokens, k, allowed)
        codes = [pid for t in tokens if (pid := self.engine.code_product(t)) is not None]
        if allowed is not None:
            codes = [pid for pid in codes if pid in allowed]
        weight = self.engine.config.code_keyword_weight if codes else self.engine.config.keyword_weight
        fused = rrf_fuse(vec_hits, kw_hits, vector_weight=self.engine.config.vector_weight, keyword_weight=weight)
        return [h for h in fused if h.product_id in self.engine.docs], codes

    def _evidence(self, hits: Sequence[FusedHit], vector: Vectors | None, core: list[str],
                  fresh: bool = False) -> tuple[dict[int, float | None], dict[int, float | None]]:
        """Cosine of every candidate (also of those only BM25 found: their vectors are looked up; of all of
        them when ``fresh``, for a vector other than the one retrieval used) and the keyword coverage of
        the product words.

        Chinese words are only evidence *for* a product, never against it: a Chinese word cannot occur in an
        English-only product, and a Chinese title is a short translation that often says it another way
        (巴旦木 for 坚果). So a product none of the query's Chinese words occur in is judged on the
        query's other words, or (``None``) by its vector alone, as for "机械键盘"."""
        cosines: dict[int, float | None] = {h.product_id: None if fresh else h.cosine for h in hits}
        missing = [pid for pid, cos in cosines.items() if cos is None and pid in self.engine.vectors]
        if vector is not None and missing:
            for pid, cos in zip(missing, (self.engine.vectors.vectors_of(missing) @ vector).tolist(), strict=True):
                cosines[pid] = float(cos)
        ids = list(cosines)
        named = self._name_tokens(ids)
        keywords = self.engine.keywords
        coverage: dict[int, float | None] = dict(keywords.coverage(core, ids, named, OUTSIDE_NAME))
        han = [t for t in core if has_han(t)]
        if han:
            matched = keywords.coverage(han, ids)
            unmatched = [pid for pid in ids if matched.get(pid, 0.0) == 0.0]
            latin = [t for t in core if not has_han(t)]
            partial = keywords.coverage(latin, unmatched, named, OUTSIDE_NAME) if latin else {}
            for pid in unmatched:
                coverage[pid] = partial.get(pid)
        return cosines, coverage

    def _name_tokens(self, ids: Sequence[int]) -> dict[int, frozenset[str]]:
        """The tokens of each product's name fields (documents.name_text), tokenised once per document."""
        out: dict[int, frozenset[str]] = {}
        for pid in ids:
            doc = self.engine.docs.get(pid)
            if doc is None:
                continue
            cached = self._names.get(pid)
            if cached is None or cached[0] is not doc:
                cached = self._names[pid] = (doc, frozenset(tokenize(name_text(doc))))
            out[pid] = cached[1]
        return out

    def _above_floor(self, hit: FusedHit) -> bool:
        """A keyword match, or a cosine that is not noise (``EngineConfig.min_cosine``)."""
        floor = self.engine.config.min_cosine or 0.0
        return (hit.bm25 or 0.0) > 0 or (hit.cosine is not None and hit.cosine >= floor)

    def _relevant(self, fused: Sequence[FusedHit], codes: list[int], gate: RelevanceGate,
                  cosines: dict[int, float | None], coverage: dict[int, float | None],
                  extra: Callable[[ProductDoc], bool] | None = None,
                  heads: frozenset[str] = frozenset(), topic: Sequence[str] = ()) -> list[FusedHit]:
        exact = set(codes)
        kept = []
        docs = self.engine.docs
        # "ebooks about personal finance": a product of the kind kept only for being of that kind (below the keep
        # ratio) must also be about the topic -- not the Python and coffee e-books (topic_of).
        on_topic = self.engine.keywords.coverage(list(topic), [h.product_id for h in fused]) if topic else {}
        keep_ratio = gate.config.keep_ratio
        for h in fused:
            pid = h.product_id
            if pid not in exact:
                # The absolute floor first (cheap): a keyword match, or a cosine that is not noise.
                if not self._above_floor(h):
                    continue
                doc = docs[pid]
                if not (gate.keeps(cosines.get(pid), coverage.get(pid), doc.category_path)
                        or (extra is not None and extra(doc))):
                    continue
                if topic and not on_topic.get(pid) and \
                        gate.strength(cosines.get(pid), coverage.get(pid)) < keep_ratio:
                    continue
            kept.append(h if h.cosine is not None else replace(h, cosine=cosines.get(pid)))
        if kept:
            # Final relevance order: the RRF score relative to the best one, plus the strength of the
            # evidence (0..1). RRF knows ranks only; the strength adds how completely the product words
            # occur, so the one rice cooker comes before rice noodles that are closer by vector alone. A product
            # that *is* the head noun asked for (heads.py) comes before one that only carries the word
            # ("shoes": the shoes before the shoe trees).
            top = max(h.score for h in kept) or 1.0
            strength = {h.product_id: gate.strength(cosines.get(h.product_id), coverage.get(h.product_id))
                        for h in kept}
            if heads:
                for pid in strength:
                    doc = docs[pid]
                    strength[pid] += HEAD_BONUS * head_match(heads, doc.title, doc.category_path, doc.title_zh)
            kept = sorted((replace(h, score=h.score / top + strength[h.product_id]) for h in kept),
                          key=lambda h: (-h.score, h.product_id))
        if exact:
            # A SKU typed verbatim names its product: put it first, whatever the fusion said.
            first = [h for pid in dict.fromkeys(codes) for h in kept if h.product_id == pid]
            kept = first + [h for h in kept if h.product_id not in exact]
        return kept

    def _names_product(self, fused: Sequence[FusedHit], tokens: list[str], core: list[str],
                       prefer: Preferences) -> bool:
        """Whether the preference words are part of a product's name: a top hit has them in its title
        but does not meet the preference ("olive oil" is not an olive-coloured product)."""
        said = set(tokens) - set(core)
        if not said:
            return False
        for hit in fused[:NAME_CHECK_HITS]:
            doc = self.engine.docs[hit.product_id]
            title = set(tokenize(f"{doc.title} {doc.title_zh or ''}"))
            if said <= title and prefer.misses(doc) > 0:
                return True
        return False

