"""Colours and sizes: sizes said with a cue, words that are colours or sizes only in some uses, and the
catalogue's own spelling of both.

WHY a module of its own: a colour or size entity becomes a search preference or picks a variant, so a false
one does harm ("clear my cart" is not about clear products, "face cream" is not cream-coloured, "a full
refund" is no bed size), and a right one must use the words the catalogue uses ("Grey", "Sage", "US 9") or the
dialogue cannot match it against a variant's attributes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from nlu.constants import EntityName, Extractor
from nlu.context import CatalogVocabulary
from nlu.entities.span import Span

__all__ = ["CatalogAttributes", "is_attribute_use", "size_cue_spans"]

# "size 42", "US 9", "42码", "M码", "XL号", "1.8米床", "6-12个月"
_SIZE_CUE = re.compile(
    # a letter size needs a gap after the cue: the "s" of "sizes available?" is not size S
    r"\b(?:size|sz|us|eu|uk)(?:\s*[:=]\s*|\s+|(?=\d))(?P<v>\d{1,2}(?:\.5)?|x{0,3}[sml]|\d?xl|xxs|one size)\b"
    # "42码", "37.5码", and one digit with 码 ("换成7码": size 7, not seven of it); "7号" may be a date
    r"|(?P<zh>\d{2}(?:\.5)?(?=\s*号)|\d{1,2}(?:\.5)?(?=\s*码))\s*(?:码|号)(?!\s*(?:订单|单))"
    r"|(?<![A-Za-z])(?P<letter>[234]?X{0,3}[SML]|XXS)\s*(?:码|号)(?!\s*(?:订单|单))"
    r"|(?P<bed>\d(?:\.\d)?)\s*米(?:床)?"
    r"|(?P<months>\d{1,2}\s*[-~到至]\s*\d{1,2})\s*(?:个月|月龄|months?\b|mos?\b)",
    re.IGNORECASE,
)


def size_cue_spans(text: str, canonical: Callable[[str], str]) -> list[Span]:
    """Sizes shown as sizes by the words around them. ``canonical`` maps a surface to its value (the
    lexicon's synonyms: "2xl" -> "XXL")."""
    spans: list[Span] = []
    for m in _SIZE_CUE.finditer(text):
        group = next(g for g in ("v", "zh", "letter", "bed", "months") if m.group(g))
        raw = m.group(group)
        if group == "bed":
            value = f"{raw}m"
        elif group == "months":
            low, high = re.split(r"\s*[-~到至]\s*", raw)
            value = f"{low}-{high} months"
        elif group == "zh":
            value = raw
        else:
            value = canonical(raw)
            value = value.upper() if group == "letter" or re.fullmatch(r"[a-z0-9]{1,4}", value) else value
        spans.append(Span(EntityName.SIZE, value, m.start(group), m.end(group), Extractor.REGEX, 0.9))
    return spans


# Words that are colours or sizes in some uses only: "clear my cart", "face cream", "olive oil", "mint
# toothpaste", "gold member", "a full refund", "double check", "standard shipping".
_GUARDED_COLOURS = frozenset({
    "clear", "natural", "cream", "tan", "mint", "gold", "olive", "nude", "rose", "peach", "chocolate", "lime",
    "plum", "wine", "sand", "stone", "oak", "walnut", "honey", "coffee", "champagne", "blush", "charcoal",
    "salmon", "rust", "denim", "mustard", "lavender", "cherry", "lemon", "caramel", "mocha", "amber", "midnight",
    "starlight", "transparent"
})
_GUARDED_SIZES = frozenset({"full", "double", "single", "twin", "standard", "regular", "petite"})
_COLOUR_BEFORE = re.compile(r"(?:\bin|\bcolou?rs?|\bshades?|\bfinish|颜色)\s*[:：]?\s*(?:(?:an?|the)\s+)?$", re.I)
_COLOUR_AFTER = re.compile(r"\s*(?:-?\s*colou?r(?:ed|s)?\b|ones?\b|version\b|variant\b|shade\b|tone\b|finish\b|色)",
                           re.I)
# things that come in colours, for "cream cardigan" when the lexicon does not know the noun
_COLOURED_THING = re.compile(
    r"\s+(?:hoodies?|sweat(?:er|shirt)s?|jumpers?|cardigans?|shirts?|t-?shirts?|tees?|tops?|blouses?|dress(?:es)?|"
    r"skirts?|coats?|jackets?|blazers?|trousers|pants|jeans|shorts|leggings|socks|scarf|scarves|hats?|beanies?|"
    r"caps?|bags?|backpacks?|totes?|wallets?|shoes|sneakers|trainers|boots|sandals|heels|loafers|sofas?|couch|"
    r"chairs?|rugs?|curtains?|towels?|sheets?|duvets?|pillows?|cushions?|throws?|blankets?|mugs?|vases?|lamps?|"
    r"cases?|covers?|bottles?|tumblers?|desks?|tables?|shelf|shelves|frames?|straps?|bands?|earrings?|"
    r"necklaces?|bracelets?|rings?|watch(?:es)?|cardholders?|pouch(?:es)?)\b",
    re.I,
)
_SIZE_BEFORE = re.compile(r"(?:\bsize|\bsz|尺码|尺寸)\s*[:：=]?\s*$", re.I)
_SIZE_AFTER = re.compile(
    r"\s*(?:-?\s*sized?\b|beds?\b|sheets?\b|mattress(?:es)?\b|duvets?\b|quilts?\b|comforters?\b|bedding\b|"
    r"(?:bed)?frames?\b|toppers?\b|blankets?\b|pillow\s*cases?\b|fitted\b|flat\b|xl\b|码|尺寸|床)",
    re.I,
)
_SHAPE_AFTER = re.compile(r"[型形级记字头]")
_ONLY_WORDS = re.compile(r"^\W*(?:(?:the|in|a|an|please|pls)\s+)*(?P<w>.+?)(?:\s+(?:please|pls|one|ones))?\W*$", re.I)


def is_attribute_use(text: str, span: Span, following: Iterable[Span], focus: bool) -> bool:
    """Whether a colour or size span is really one. Unambiguous words always are; a guarded word needs a
    cue ("in cream", "cream colour", "cream hoodie" before a product word, "queen bed", "size full"), or to
    be the whole answer while a product is in focus ("cream" after a product was shown)."""
    word = text[span.start : span.end].casefold()
    if span.entity == EntityName.SIZE and len(word) == 1 and _SHAPE_AFTER.match(text[span.end :]):
        return False  # "L型沙发" is an L-shaped sofa, "S级" a grade
    guarded = _GUARDED_COLOURS if span.entity == EntityName.COLOR else _GUARDED_SIZES
    if span.entity not in (EntityName.COLOR, EntityName.SIZE) or word not in guarded:
        return True
    before, after = text[: span.start], text[span.end :]
    if span.entity == EntityName.COLOR:
        if _COLOUR_BEFORE.search(before) or _COLOUR_AFTER.match(after) or _COLOURED_THING.match(after):
            return True
        gap = len(after) - len(after.lstrip())
        names = (EntityName.PRODUCT, EntityName.CATEGORY)
        if gap and any(s.entity in names and s.start == span.end + gap for s in following):
            return True
    elif _SIZE_BEFORE.search(before) or _SIZE_AFTER.match(after):
        return True
    only = _ONLY_WORDS.match(text)
    return focus and only is not None and only.group("w").casefold() == word


def _key(value: str) -> str:
    """Spelling-insensitive key: "Grey"/"gray", "Sky Blue"/"sky-blue", "6-12 Months"/"6-12 months"."""
    folded = value.casefold().replace("gray", "grey")
    return re.sub(r"[\s\-_'’.]+", "", folded)


# a lexicon value the catalogue may spell as another: US bedding says twin/full for single/double
_SIZE_ALIASES = {"single": "twin", "double": "full"}


@dataclass(frozen=True)
class CatalogAttributes:
    """The catalogue's colour and size values, by spelling-insensitive key."""

    colours: dict[str, str]
    sizes: dict[str, str]

    @classmethod
    def of(cls, vocab: CatalogVocabulary) -> CatalogAttributes:
        return cls(
            colours={_key(v): v for v in vocab.colors.values()},
            sizes={_key(v): v for v in vocab.sizes.values()},
        )

    def terms(self) -> list[tuple[str, str, str]]:
        """Gazetteer terms for the catalogue's values: every colour; sizes except bare numbers and single
        letters (those need a cue or upper case: "size 30", "M") and the space-less "us9" too."""
        terms: list[tuple[str, str, str]] = [(EntityName.COLOR, v, v) for v in self.colours.values()]
        for value in self.sizes.values():
            if re.fullmatch(r"[\d.]+|[A-Za-z]", value.strip()):
                continue
            terms.append((EntityName.SIZE, value, value))
            squeezed = re.sub(r"^([A-Za-z]+) (\d+(?:\.5)?)$", r"\1\2", value)
            if squeezed != value:
                terms.append((EntityName.SIZE, squeezed, value))
        return terms

    def canonical(self, entity: str, value: str) -> str:
        """The catalogue's spelling of a colour or size the lexicon found ("gray" -> "Grey", "单人" -> "Twin"),
        or the value unchanged when the catalogue has no such value."""
        table = self.colours if entity == EntityName.COLOR else self.sizes
        key = _key(value)
        if key in table:
            return table[key]
        alias = _SIZE_ALIASES.get(key) if entity == EntityName.SIZE else None
        if alias:
            return table.get(alias, value)
        if entity == EntityName.COLOR and len(key) >= 4:
            # a typo the training data marks as a colour ("blak ones only"): the one catalogue colour a single
            # slip away. Left as typed, the colour filter matched nothing ("found nothing … without the colour")
            near = [v for k, v in table.items() if _one_edit(key, k)]
            if len(near) == 1:
                return near[0]
        return value


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one inserted, dropped, changed or swapped letter."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) < len(b):
        return a[i:] == b[i + 1:]
    swapped = i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:]
    return a[i + 1:] == b[i + 1:] or swapped
