"""Whether the words left of an add name a product, and which: the one on screen, the one in focus, or none.

WHY: an add's leftover words went straight to the search and its top hit went into the cart. Words that were
only options of the product open ("加一台 黑色 128G的" with the iPhone 15 Pro open: "128G") or a name of a
product just shown ("先加个S24 灰的 256" with the Galaxy S24 shown) put a Samsung Galaxy A55 and a Spigen case
for the S24 in the cart. And a demonstrative with a name ("还是要那个德龙 黑色": "that De'Longhi") added the
product in focus (the grinder just removed), because "那个" resolved to it and the name was never read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.core.services import Services
from bot.core.skills.shopping.products import products_named
from bot.core.state import Conversation
from knowledge.text.brands import BRAND_ALIASES
from store.catalog.views import ProductView

__all__ = ["names_product", "only_options_of", "shown_named", "word_tokens", "price_asked_of", "price_subject",
           "ON_SALE"]


def word_tokens(words: str) -> list[str]:
    return [w.casefold() for w in words.split() if w.strip()]


def _names_of(product: ProductView) -> str:
    brand = (product.brand or "").strip()
    aliases = [alias for alias, owner in BRAND_ALIASES.items() if brand and owner.casefold() == brand.casefold()]
    return " ".join([product.title, product.title_zh or "", brand, *aliases]).casefold()


def _meaningful(token: str) -> bool:
    """A token that can name something: two characters or more ("是", "就" left over from a sentence cannot)."""
    return len(token) >= 2


def names_product(words: str, product: ProductView, *, every: bool = False) -> bool:
    """Whether the words (some of them, or ``every`` one) occur in the product's titles, brand or brand's Chinese
    name ("德龙" names De'Longhi)."""
    names = _names_of(product)
    tokens = [t for t in word_tokens(words) if every or _meaningful(t)]
    if not tokens:
        return False
    hits = [_holds(names, t) for t in tokens]
    return all(hits) if every else any(hits)


def _holds(names: str, token: str) -> bool:
    """An English word is a whole word of the names (a plural either way: "mugs" / "Mug", "headphone" /
    "Headphones"): as a substring, "can" of "can i buy 2" named the JBL's "Noise Cancelling" and 2 JBL headphones
    were added with a blender sale asked about. Chinese has no spaces, so a part of a name is a name there."""
    if not token.isascii():
        return token in names
    stem = token[:-1] if len(token) > 3 and token.endswith("s") else token
    # A model number glued to the word is still the word: "buds" names "Galaxy Buds2 Pro" (walk 9).
    digits = r"\d{0,3}" if len(token) > 3 and token.isalpha() else ""
    return re.search(rf"(?<![a-z0-9]){re.escape(stem)}(?:e?s)?{digits}(?![a-z0-9])", names) is not None


def only_options_of(words: str, product: ProductView) -> bool:
    """Whether every word is (part of) one of the product's option values ("128g" of "128GB", "灰" of "灰色")."""
    values = {str(v).strip().casefold() for variant in product.variants for v in variant.attributes.values()}
    tokens = word_tokens(words)
    return bool(tokens) and all(any(t in v for v in values if v) for t in tokens)


async def shown_named(services: Services, state: Conversation, words: str,
                      refs: Iterable[str] = ()) -> str | None:
    """The one product on screen (the results, the one in focus, ``refs``) whose names hold every word; None
    when none or several do (the search decides then)."""
    candidates = list(dict.fromkeys([*refs, *state.on_screen()]))
    if not candidates or not word_tokens(words):
        return None
    shown = [p for p in await products_named(services.uows, candidates) if p is not None]
    matches = {p.external_id for p in shown if names_product(words, p, every=True)}
    return matches.pop() if len(matches) == 1 else None


# "is the vitamix on sale", "打折吗", "有秒杀价吗": whether it is on sale is a price question too.
ON_SALE = re.compile(r"\bon sale\b|\bon offer\b|\bdiscounted\b|\bflash (?:sale )?price\b|\bsale price\b|"
                     r"打折吗|有折扣|有优惠吗|特价吗|秒杀价", re.IGNORECASE)
# The words of a price question that are not the product's name.
_PRICE_TALK = re.compile(
    r"\bhow much\b|\bwhat'?s the price\b|\bprice of\b|\bcosts?\b|\bprices?\b|\bon sale\b|\bon offer\b|"
    r"\bdiscounted\b|\bflash\b|\bsale\b|\b(?:is|are|does|do|the|a|an|it|its|with|for|of|now|right|currently|"
    r"still|any|what|whats|r|u|pls|please|one|ones|those|these|them|they)\b|多少钱|什么价|价格是|价格|几块钱|多少|打折|有折扣|有优惠|特价|秒杀价|"
    r"现在|目前|还|是不是|是|的|吗|呢|啊|呀|[\s,，。.!！?？]", re.IGNORECASE)


def price_subject(text: str) -> str:
    """What a price question names, its price and asking words left out ("how much r the asics ones" -> "asics")."""
    return " ".join(_PRICE_TALK.sub(" ", text).split())


async def price_asked_of(services: Services, state: Conversation, text: str) -> str | None:
    """The product on screen a price question names ("iPhone 15 多少钱" under a list of iPhones, "is the vitamix on
    sale"), or the one open (or the only one shown) when it names none ("how much with the flash sale price").

    WHY: the question went to the Q&A, which has no entry on prices, and got "I don't know that about Vitamix"
    with its flash price on the card above. Several titles hold the words ("iPhone 15" is in "iPhone 15 Pro"):
    the one whose model is exactly the one said (knowledge/search/model_numbers.py); otherwise nothing."""
    from knowledge.search.model_numbers import parse_models

    words = price_subject(text)
    if not words:
        return state.focus_sku or (state.last_results[0] if len(state.last_results) == 1 else None)
    candidates = state.on_screen()
    shown = [p for p in await products_named(services.uows, candidates) if p is not None]
    matches = [p for p in shown if names_product(words, p, every=True)]
    if len(matches) > 1 and (said := {m.key for m in parse_models(words)}):
        matches = [p for p in matches if said & {m.key for m in parse_models(p.title)}]
    return matches[0].external_id if len(matches) == 1 else None


# Size and storage words: options of a product, never its name ("M码", "10码", "美码10", "42号", "128G", "1TB").
# "码" alone only after a size or a space ("M码", "加购物车 码"), so "密码锁" and "二维码" keep theirs.
OPTION_WORDS = re.compile(
    r"[美欧英日]码\s*\d{0,2}(?:\.5)?|码数|尺码|[大中小]码|(?<![\u4e00-\u9fff])码(?![表锁])|"
    r"(?<![\d.a-z])(?:\d{1,2}(?:\.5)?|[smlx]{1,4})\s*号|"
    r"(?<![\d.a-z])(?:\d{2,4}\s*g(?:b)?|\d\s*t(?:b)?)(?![a-z])",
    re.IGNORECASE)


_STORAGE = re.compile(r"(?<![\d.a-z])(\d{2,4})\s*(?:g|gb)?(?![\da-z])|(?<![\d.a-z])(\d)\s*(?:t|tb)(?![a-z])",
                      re.IGNORECASE)


def storage_said(text: str, product: ProductView) -> set[str]:
    """The product's storage option the shopper said ("128G", "256", "1TB"), spelt as the option is ("128GB");
    a number that is none of its options says nothing."""
    values = {str(v).strip() for variant in product.variants for v in variant.attributes.values()}
    by_key = {v.casefold().replace(" ", ""): v for v in values}
    said: set[str] = set()
    for m in _STORAGE.finditer(text):
        key = f"{m.group(1)}gb" if m.group(1) else f"{m.group(2)}tb"
        if key in by_key:
            said.add(by_key[key])
    return said
