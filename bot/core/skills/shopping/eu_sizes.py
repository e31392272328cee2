"""EU shoe sizes said for shoes the shop sizes in US sizes: "有42码的吗", "42码的跑鞋", "eu 43 in stock?".

WHY: a Chinese (or European) shopper gives a shoe size in EU numbers; the catalog's shoes come in "US 6" ..
"US 12". Taken as typed, "42" matched no option: with a running shoe open the picker said it "doesn't come in
42", and after "跑鞋" the search was dropped to "nothing in size 42". An EU number is converted with the usual
men's and women's tables: for a product, with its own gender (a unisex sneaker is sized in men's sizes); for a
search, with the gender the shopper said ("女款"), else both, and the reply says what it maps to. A half size
the shop does not stock is said to be not stocked, with the nearest sizes it has.

Only shoes: "36码的裤子" is a waist size, so the conversion needs a shoe product or shoe words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from bot.core.skills.shopping.words import size_name
from bot.i18n import Translator
from knowledge.search.models import SearchQuery
from store.catalog.views import ProductView

__all__ = ["EuSize", "eu_number", "us_for", "said_gender", "product_gender", "shoe_context", "for_search",
           "us_label", "note", "for_product", "in_us_sizes",
           "search_in_us", "shoe_sizes"]

# EU -> US (men's and women's), the common brand charts (Nike, Adidas); integers shoppers type included.
_MEN: dict[float, float] = {
    38.5: 6, 39: 6.5, 40: 7, 40.5: 7.5, 41: 8, 42: 8.5, 42.5: 9, 43: 9.5, 44: 10, 44.5: 10.5, 45: 11,
    45.5: 11.5, 46: 12, 47: 12.5, 47.5: 13,
}
_WOMEN: dict[float, float] = {
    35: 4.5, 35.5: 5, 36: 5.5, 36.5: 6, 37: 6.5, 37.5: 6.5, 38: 7, 38.5: 7.5, 39: 8, 40: 8.5, 40.5: 9,
    41: 9.5, 42: 10, 42.5: 10.5, 43: 11, 44: 12,
}
_EU = re.compile(r"^(?:eu|欧码|欧)?\s*(\d{2}(?:\.5)?)\s*(?:码|号)?$", re.IGNORECASE)
_WOMEN_WORDS = re.compile(r"\bwom[ae]n'?s?\b|\bladies\b|\bfemale\b|女")
_MEN_WORDS = re.compile(r"\bmen'?s?\b|\bman\b|\bmale\b|男", re.IGNORECASE)
_SHOE_WORDS = re.compile(r"鞋|靴|\bshoes?\b|\bsneakers?\b|\btrainers?\b|\bboots?\b|\bsandals?\b|\bloafers?\b|"
                         r"\boxfords?\b|\brunners?\b", re.IGNORECASE)


@dataclass(frozen=True)
class EuSize:
    """An EU size and what it is in US sizes, for the genders it was converted for."""

    eu: float
    men: float | None = None
    women: float | None = None
    # The US sizes it is that none of the shop's shoes come in ("US 8.5": the demo has whole sizes only).
    missing: tuple[str, ...] = ()

    @property
    def values(self) -> list[str]:
        """The catalog's spelling of the US sizes ("US 8.5", "US 10")."""
        return [us_label(v) for v in (self.men, self.women) if v is not None]


def eu_number(value: str) -> float | None:
    """The EU shoe size a size value names ("42", "42.5", "EU 42", "欧码42"), or None."""
    m = _EU.match(value.strip())
    if m is None:
        return None
    number = float(m.group(1))
    return number if 35 <= number <= 47.5 else None


def us_for(eu: float, gender: str) -> float | None:
    """The US size of ``eu`` in men's or women's sizes, or None outside the table."""
    return (_WOMEN if gender == "women" else _MEN).get(eu)


def said_gender(text: str) -> str | None:
    """"women" / "men" when the message says whose shoes ("女款", "men's"), else None."""
    if _WOMEN_WORDS.search(text.casefold()):
        return "women"
    return "men" if _MEN_WORDS.search(text) else None


def product_gender(title: str) -> str | None:
    """The sizing a shoe's title implies: Women's, else Men's (a unisex sneaker is sized in US men's sizes);
    None for kids' shoes (their own sizes)."""
    if re.search(r"\bkids?'?s?\b|\btoddler|\byouth\b|儿童|童", title, re.IGNORECASE):
        return None
    return "women" if re.search(r"\bwomen'?s\b|女款", title, re.IGNORECASE) else "men"


def shoe_context(*texts: str | None) -> bool:
    """Whether any of the texts (the message, the search on screen) is about shoes."""
    return any(text and _SHOE_WORDS.search(text) for text in texts)


def shoe_sizes(search: Any) -> frozenset[str]:
    """The sizes the shop's shoes come in, lower case ("us 9"), from the search index (``ProductSearch``)."""
    engine = getattr(search, "engine", None)
    docs = list(engine.docs.values()) if engine is not None else []
    return frozenset().union(*(d.sizes for d in docs if (d.category_path or "").startswith("Shoes")))


def for_search(value: str, text: str, sizes: frozenset[str]) -> EuSize | None:
    """The EU size ``value`` converted for a search of shoes said in ``text`` (both genders unless said there), when
    the shop's shoes (``sizes``) come in US sizes and not in that number (a shop in EU sizes has "42")."""
    eu = eu_number(value)
    if eu is None or not shoe_context(text) or value.strip().casefold() in sizes \
            or not any(s.startswith("us ") for s in sizes):
        return None
    gender = said_gender(text)
    men = us_for(eu, "men") if gender in (None, "men") else None
    women = us_for(eu, "women") if gender in (None, "women") else None
    if men is None and women is None:
        return None
    found = EuSize(eu, men, women)
    return replace(found, missing=tuple(v for v in found.values if v.casefold() not in sizes))


def us_label(us: float) -> str:
    """"US 8.5", "US 10": the catalog's spelling."""
    return f"US {us:g}"


def _eu_text(eu: float) -> str:
    return f"{eu:g}"


def note(size: EuSize, t: Translator) -> str:
    """What the EU size is in US sizes (and which of them no shoe comes in), said before the answer."""
    said = _said(size, t)
    if size.missing:
        gap = "" if t.language == "zh" else " "
        return said + gap + t("None of our shoes come in {sizes}.",
                             sizes=" / ".join(size_name(v, t.language) for v in size.missing))
    return said


def _said(size: EuSize, t: Translator) -> str:
    if size.men is not None and size.women is not None:
        return t("EU {eu} is about US {men} in men's sizes and US {women} in women's sizes (our shoes use US "
                 "sizes).", eu=_eu_text(size.eu), men=f"{size.men:g}", women=f"{size.women:g}")
    if size.women is not None:
        return t("EU {eu} is about US {us} in women's sizes.", eu=_eu_text(size.eu), us=f"{size.women:g}")
    return t("EU {eu} is about US {us} in men's sizes.", eu=_eu_text(size.eu), us=f"{size.men:g}")


def for_product(title: str, category_path: str | None, sizes: set[str], wanted: set[str],
                t: Translator, lang: str) -> tuple[set[str] | None, str] | None:
    """For a shoe open sized in US sizes, ``wanted`` with its EU number as the US size it is (``sizes``: the
    sizes of its active variants, as spelled) and the note saying so; None when nothing in
    ``wanted`` is an EU size of a US-sized shoe. The wanted set is None when that US size is not stocked: the
    note says so and names the closest sizes, and the picker shows every option."""
    if not (shoe_context(title) or (category_path or "").startswith("Shoes")):
        return None
    spelled = {s.casefold(): s for s in sizes}
    if not any(s.startswith("us ") for s in spelled):
        return None
    for said in wanted:
        eu = eu_number(said)
        if eu is None or said.strip().casefold() in spelled:
            continue
        gender = product_gender(title)
        us = us_for(eu, gender) if gender is not None else None
        if us is None:
            return None
        size = EuSize(eu, us if gender == "men" else None, us if gender == "women" else None)
        lead = note(size, t)
        have = spelled.get(us_label(us).casefold())
        if have is not None:
            return (wanted - {said}) | {have}, lead
        near = [spelled[k] for k in (us_label(us - 0.5).casefold(), us_label(us + 0.5).casefold()) if k in spelled]
        sep = "、" if lang == "zh" else " / "
        shown = sep.join(size_name(n, lang) for n in near)
        gap = "" if lang == "zh" else " "
        if near:
            return None, lead + gap + t("This one doesn't come in US {us}; the closest sizes are {near}.",
                                        us=f"{us:g}", near=shown)
        return None, lead + gap + t("This one doesn't come in US {us}.", us=f"{us:g}")
    return None


def in_us_sizes(product: ProductView, wanted: set[str], t: Translator, lang: str) -> tuple[set[str] | None, str] | None:
    """``for_product`` for a product of the catalog."""
    sizes = {str(v.attributes["size"]) for v in product.variants if v.is_active and v.attributes.get("size")}
    return for_product(product.title, product.category_path, sizes, wanted, t, lang)


def search_in_us(query: SearchQuery, text: str, search: Any) -> tuple[SearchQuery, EuSize | None]:
    """A shoe search naming an EU size ("42码的跑鞋") without it, preferring the US size it is when the gender is
    said ("42码的女款跑鞋": US 10), and that size (the note says what it is in US sizes). With the gender unsaid
    no size is preferred: "US 8.5 or US 10" would list men's shoes in US 10, which is EU 44."""
    prefer = query.prefer
    size = for_search(prefer.size, text, shoe_sizes(search)) if prefer.size else None
    if size is None or prefer.size is None:
        return query, None
    said = re.compile(rf"(?:\beu\s*|欧码\s*)?(?<![\d.]){re.escape(prefer.size)}(?![\d.])\s*(?:码|号)?的?", re.I)
    prefer = replace(prefer, size=size.values[0] if len(size.values) == 1 else None)
    cleaned = " ".join(said.sub(" ", query.text).split()) or query.text
    product = " ".join(said.sub(" ", query.product_text).split()) if query.product_text else None
    return replace(query, text=cleaned, product_text=product if prefer.active else None, prefer=prefer), size
