"""Who a product is for -- women, men or kids -- as a query asks it and as the catalog marks it.

WHY: "running shoes for women" showed one women's running shoe and then the men's ones: the gender word is
one word among several, and a men's running shoe has all the others. A product marked for *another*
audience is not an answer (a shopper asking for women's shoes cannot wear the men's sizes), while an
unmarked or unisex product may well be. So a stated audience is a hard filter that leaves out products
marked only for another audience (``SearchFilters.audience``) and a preference that lists the products
marked for it first (``Preferences.audience``). The catalog marks audiences in the title ("Running Shoes,
Women's", "Kids' Sneakers", "Unisex"), the Chinese title (女款, 男士, 男女同款, 儿童), the department
("Men's Fashion > ...", "Shoes > Kids > ...") or a ``gender`` attribute.
"""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.search.documents import ProductDoc, attribute_values

__all__ = ["WOMEN", "MEN", "KIDS", "PETS", "query_audience", "query_without_audience", "product_audiences", "fits",
           "child_age"]

WOMEN = "women"
MEN = "men"
KIDS = "kids"
# Products for animals (a pet department): never an answer for a person. "Senior 7+" and "Puppy" are life
# stages of dog food, and "a gift for my 6 year old" listed the senior dog food next to the toys.
PETS = "pets"

# Query words. Bare "man"/"woman" are left out of the English ("spider-man", "a man's watch" is rare), so
# are son/daughter ("running shoes for my son" may mean a grown son).
_QUERY = {
    WOMEN: re.compile(r"\b(?:women'?s?|womens'?|woman'?s|ladies'?|lady'?s|female|girls?'?|"
                      r"girl'?s)(?![\w'])|女士|女款|女式|女性|女生|女装|女鞋|女用|女孩", re.I),
    MEN: re.compile(r"\b(?:men'?s?|mens'?|man'?s|gents?|male|boys?'?|boy'?s)(?![\w'])|男士|男款|男式|男性|男生|男装|"
                    r"男鞋|男用|男孩", re.I),
    KIDS: re.compile(r"\b(?:kids?'?|kid'?s|children'?s?|childrens|child'?s|toddlers?'?)(?![\w'])|儿童|童装|童鞋|孩子|"
                     r"小孩|男童|女童|宝宝|小朋友|幼儿|婴儿", re.I),
}
# "Boys'"/"girls'" are kids *and* a gender: a query for them is read as kids (the catalog has no boys'
# department), which keeps adult products of either gender out.
_CHILD_WORDS = re.compile(r"\b(?:boys?'?|girls?'?|boy'?s|girl'?s)(?![\w'])|男孩|女孩|男童|女童", re.I)
_BOTH = re.compile(r"\bunisex\b|男女同款|男女通用|男女款", re.I)
# An animal named in the query: the product is for it, whoever else is mentioned.
_PET_WORDS = re.compile(r"\b(?:pets?|dogs?|puppy|puppies|cats?|kittens?|kitty|doggy|doggie|pups?)\b|宠物|狗|猫", re.I)

# Product marks.
_TITLE = {
    WOMEN: re.compile(r"\b(?:women'?s|womens|ladies'?)(?![\w'])", re.I),
    MEN: re.compile(r"\b(?:men'?s|mens)(?![\w'])", re.I),
    KIDS: re.compile(r"\b(?:kids'?|children'?s|boys'|girls'|toddlers?'?)(?![\w'])", re.I),
}
_TITLE_ZH = {WOMEN: re.compile(r"女款|女士|女式|女装|女鞋"), MEN: re.compile(r"男款|男士|男式|男装|男鞋"),
             KIDS: re.compile(r"儿童|童款|童装|童鞋")}
_ATTRIBUTE = {"women": WOMEN, "woman": WOMEN, "female": WOMEN, "女": WOMEN, "men": MEN, "man": MEN,
              "male": MEN, "男": MEN, "kids": KIDS, "kid": KIDS, "children": KIDS, "儿童": KIDS}


# A child's age ("shoes for my 6 yo", "a 6-year-old", "18 month old", "6岁孩子的鞋"): a child is who the product is
# for (an age is never a size: "6" is not US 6). Only after words that introduce a person ("for", "my", "a")
# or before one ("6 year old son"), so "12 year old scotch" stays a whisky; 岁 is said only of people.
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "一": 1, "两": 2, "二": 2, "三": 3, "四": 4,
                 "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12}
_AGE_NUMBER = r"(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_AGE_UNIT = r"[\s-]*(?:(?P<months>months?[\s-]*old)|yo\b|y/o|y\.o\.|yrs?[\s-]*old|years?[\s-]*old)"
_AGE = re.compile(
    rf"\b(?:for|my|a|an|our|his|her|their)\s+(?:(?:little|young)\s+)?{_AGE_NUMBER}{_AGE_UNIT}|"
    rf"\b{_AGE_NUMBER.replace('<n>', '<n2>')}{_AGE_UNIT.replace('<months>', '<months2>')}\s+"
    r"(?:son|daughter|kid|child|boy|girl|nephew|niece|grandson|granddaughter|toddler|baby)\b|"
    r"(?P<n3>\d{1,2}|十[一二]?|[一两二三四五六七八九])\s*(?:周岁|岁)", re.I)
# The age itself inside an ``_AGE`` match ("6 year old" in "for a 6 year old"), which leaves the product words.
_AGE_ONLY = re.compile(rf"\b{_AGE_NUMBER}{_AGE_UNIT}|(?:\d{{1,2}}|十[一二]?|[一两二三四五六七八九])\s*(?:周岁|岁)",
                       re.I)
# Up to this age a shopper means a child's product.
CHILD_AGE = 12


def child_age(text: str) -> int | None:
    """The age in whole years of the child the query is for ("gift for my 7 year old": 7; "18 month old": 1), or
    None (no age, or an adult's). It also leaves out the products whose age range excludes it
    (``SearchFilters.age``)."""
    for m in _AGE.finditer(text):
        number = (m.group("n") or m.group("n2") or m.group("n3")).lower()
        value = int(number) if number.isdigit() else _NUMBER_WORDS.get(number, 99)
        if m.group("months") or m.group("months2"):
            return value // 12
        if value <= CHILD_AGE:
            return value
    return None


def _child_age(text: str) -> bool:
    """Whether the query states the age of a child (months, or up to ``CHILD_AGE`` years)."""
    return child_age(text) is not None


def query_audience(text: str) -> str | None:
    """The one audience a query asks for, or None (none, unisex, both women and men, or an animal named:
    "a dog toy my kids can throw" is a pet product)."""
    if _BOTH.search(text) or _PET_WORDS.search(text):
        return None
    found = {name for name, pattern in _QUERY.items() if pattern.search(text)}
    if _child_age(text):
        found.add(KIDS)
    if _CHILD_WORDS.search(text):
        found = (found - {WOMEN, MEN}) | {KIDS}
    if KIDS in found:
        # "kids' shoes for girls", "男童": the children's products; either gender of them.
        return KIDS
    return found.pop() if len(found) == 1 else None


def query_without_audience(text: str) -> str:
    """The query's words without its audience words ("running shoes for women" -> "running shoes for"), and
    without a child's age ("toys for a 6 year old" -> "toys for a"): the age says who, it names no product, and
    its number matched "Size 7" and "Senior 7+"."""
    text = _AGE.sub(lambda m: _AGE_ONLY.sub(" ", m.group(0)), text)
    for pattern in _QUERY.values():
        text = pattern.sub(" ", text)
    return " ".join(text.split())


def _strip_brand(title: str, brand: str | None) -> str:
    """A brand is not an audience ("Boy Smells" candles)."""
    if brand and title.lower().startswith(brand.lower()):
        return title[len(brand):]
    return title


@lru_cache(maxsize=65536)
def _audiences(title: str, title_zh: str, category_path: str, gender: str) -> frozenset[str]:
    if _BOTH.search(title) or _BOTH.search(title_zh) or gender.strip().lower() == "unisex":
        return frozenset()
    found = {name for name, pattern in _TITLE.items() if pattern.search(title)}
    found |= {name for name, pattern in _TITLE_ZH.items() if pattern.search(title_zh)}
    for level in category_path.split(">"):
        words = level.strip().lower()
        if words.startswith(("women's", "womens")):
            found.add(WOMEN)
        elif words.startswith(("men's", "mens")):
            found.add(MEN)
        elif words.startswith(("kids", "children")):
            found.add(KIDS)
        elif words.startswith(("pet ", "pets")):
            found.add(PETS)
    for value in gender.lower().replace(",", " ").split():
        if value in _ATTRIBUTE:
            found.add(_ATTRIBUTE[value])
    if {WOMEN, MEN} <= found:
        # Marked for both: unisex in effect.
        found -= {WOMEN, MEN}
    return frozenset(found)


def product_audiences(doc: ProductDoc) -> frozenset[str]:
    """The audiences a product is marked for; empty when unmarked or unisex (it fits anyone)."""
    gender = " ".join(attribute_values(doc.attributes.get("gender")))
    return _audiences(_strip_brand(doc.title, doc.brand), doc.title_zh or "", doc.category_path or "", gender)


def fits(doc: ProductDoc, audience: str) -> bool:
    """Whether the product may be shown to a shopper asking for ``audience``: marked for it, or unmarked."""
    marked = product_audiences(doc)
    return not marked or audience in marked
