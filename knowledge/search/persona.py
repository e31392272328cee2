"""Gift requests that describe a person instead of a product: search for what the person is into.

Why: "birthday gift for my sister who loves reading" or "送妈妈的礼物 她喜欢做饭" name no product. Searched as
typed, the gift, occasion and family words dominate both signals (gift cards, a "Mother's Day" card, a
picture book titled "...Who Loved..."), while the one word that says what to buy -- the interest -- is a
small part of the text. The interest ("reading", "coffee", "science") is what tells the books, the coffee, the
science kits apart. So when everything around the interest clause is gift, occasion, recipient or asking words,
the interest becomes the *product words* (``SearchQuery.product_text``, bot/core/skills/shopping/query.py): the
relevance cut and the final order judge products on it, while retrieval still reads the whole request (the
vector of "a 10 year old who loves science" finds the kits for that age). When the request also names a
product ("running shoes for my son who loves football"), the product words stay in charge.
On the shopper dev set (knowledge/eval/dev/shopper) judging on the interest alone beat searching for it alone.

General vocabulary of how people ask for presents in English and Chinese, not a list of queries.
"""

from __future__ import annotations

import re

__all__ = ["interest_phrase", "child_gift_words", "CHILD_GIFT", "CHILD_GIFTS", "adult_gift", "recipient_audience",
           "GIFT_CARDS", "GIFT_TAG", "NOT_FOR_ADULTS"]

# What a present for a child is when the request names nothing else ("gift for 7 year old boy", "给6岁孩子买个礼物"):
# searched as typed, the gift words found coffee gift baskets and gift cards (the kids filter keeps unmarked
# products), while toys are what such a request wants. The dialogue lists them (bot/core/skills/shopping/query.py).
CHILD_GIFT = "toys"
# ... and the department listed for it (with the "gift" tag and the child's age: knowledge/search/ages.py).
CHILD_GIFTS = "Toys & Games"

# "who loves X", "that likes X", "she's into X", "he is a big fan of X", "who just got a puppy".
_EN_CLAUSE = re.compile(
    r"\b(?:(?:who|that|he|she|they)(?:'s|'re| is| are)?\s+(?:(?:really|just|also|totally|absolutely|always|"
    r"recently)\s+)?(?:loves?|likes?|enjoys?|adores?|into|is into|are into|(?:a |an )?(?:big |huge )?fans? of|"
    r"obsessed with|crazy about|passionate about|mad about|does|do|plays?|collects?|has|have|got|owns?)|"
    r"(?:loves|likes|enjoys|adores)|(?:is|'s) (?:really )?into)\s+(?P<interest>[^,.;!?]+)", re.I)
_EN_GENERIC_WORDS = """
gift gifts present presents idea ideas something anything stuff thing things birthday christmas xmas holiday
holidays anniversary graduation retirement housewarming valentine valentines day mothers fathers mother's
father's good nice cool great best perfect little small special unique fun new what what's whats should could
would can i we me my our a an the for to of some any please buy get give getting buying find recommend suggest
suggestions need want looking look help someone somebody person people friend friends bestie dad daddy father
mum mummy mom mommy mother parents parent sister brother sibling wife husband boyfriend girlfriend partner
fiance fiancee son daughter kid kids child children boy boys girl girls man men woman women guy guys teen
teenager toddler baby grandma grandpa granny grandmother grandfather grandparents uncle aunt auntie nephew
niece cousin boss colleague coworker co-worker teacher neighbour neighbor year years old yo age aged his her
their he she they who that is for
"""
_EN_GENERIC = frozenset(_EN_GENERIC_WORDS.split())
_ARTICLE = re.compile(r"^(?:a|an|the|some)\s+", re.I)
_EN_WORD = re.compile(r"[a-z0-9'’-]+")

# 喜欢喝茶, 爱好是摄影, 热爱跑步, 他爱跑步, 迷上了露营: the interest runs to the next 的 or punctuation.
_ZH_CLAUSE = re.compile(r"(?:喜欢|爱好是|爱好|热爱|迷上了|迷上|沉迷于|着迷于|痴迷于|爱喝|爱吃|爱玩|爱看|爱读|在学|学|"
                        r"(?<![可恋心])爱(?=[\u4e00-\u9fff]))"
                        r"(?P<interest>[^的，,。.！!？?；;、\s]+)")
_ZH_GENERIC_WORDS = """
送给 送 给 买给 买 挑 选 个 一个 份 一份 件 一件 礼物 礼品 生日 圣诞 圣诞节 节日 新年 春节 情人节 母亲节 父亲节 纪念日
推荐 推荐一下 什么 啥 什么好 好 呢 吗 吧 啊 呀 的 他 她 他们 我 我的 我们 你 爸爸 老爸 爸 父亲 妈妈 老妈 妈 母亲 爸妈
父母 老婆 老公 男朋友 女朋友 男友 女友 对象 朋友 闺蜜 兄弟 同事 领导 老板 老师 儿子 女儿 孩子 小孩 宝宝 哥哥 姐姐
弟弟 妹妹 爷爷 奶奶 外公 外婆 姥姥 姥爷 岁 人 位 一位 适合 有 想 要 想要 帮 帮我 找 东西 一下 很 特别 非常 超 超级
也 平时 经常 就 最 又 还 比较 挺 特 十 一 二 三 四 五 六 七 八 九 两
"""
_ZH_GENERIC = re.compile("|".join(sorted(_ZH_GENERIC_WORDS.split(), key=len, reverse=True)))
_ZH_FILLER = re.compile(r"[\s0-9，,。.！!？?；;、~]+")


def _generic_en(text: str) -> bool:
    return all(w in _EN_GENERIC or w.isdigit() for w in _EN_WORD.findall(text.lower().replace("’", "'")))


def _generic_zh(text: str) -> bool:
    rest = _ZH_GENERIC.sub("", text)
    return not _ZH_FILLER.sub("", rest) or rest.isascii() and _generic_en(rest)


def interest_phrase(text: str) -> str | None:
    """What to search for when ``text`` asks for a present for someone described by an interest, else None.

    "gift for my dad who likes coffee" -> "coffee"; "给爸爸买个礼物，他喜欢喝茶" -> "喝茶";
    "running shoes for my son who loves football" -> None (a product is named)."""
    for clause, generic in ((_ZH_CLAUSE, _generic_zh), (_EN_CLAUSE, _generic_en)):
        match = clause.search(text)
        if match is None:
            continue
        interest = _ARTICLE.sub("", " ".join(match.group("interest").split()).strip(" '\""))
        around = text[:match.start()] + " " + text[match.start("interest") + len(match.group("interest")):]
        if interest and generic(around) and not generic(interest):
            return interest
    return None


def child_gift_words(product_words: str) -> str | None:
    """``CHILD_GIFT`` when the product words of a request for a child (its age and audience words already taken
    out: "gift for", "birthday present for my", "送 买个礼物") are only gift, occasion, recipient and asking words,
    else None ("shoes for my" names shoes)."""
    said = product_words.strip()
    if not _A_GIFT.search(said):
        return None  # "kids" alone, "for kids": searched as typed
    generic = _generic_zh(said) if re.search(r"[\u4e00-\u9fff]", said) else _generic_en(said)
    return CHILD_GIFT if generic else None


_A_GIFT = re.compile(r"\b(?:gifts?|presents?|something|anything|birthday|christmas|xmas|ideas?)\b|礼物|礼品|生日|东西",
                     re.I)


# The catalogue department a request for "a gift" alone is not answered from: a gift card is a way out when
# nothing else fits, not the gift itself ("birthday gift for my girlfriend" listed four gift cards).
GIFT_CARDS = "Gift Cards"
GIFT_TAG = "gift"
# Nor, for a grown-up, the children's departments (a rag doll for a girlfriend).
NOT_FOR_ADULTS = "Toys & Games|Baby"
# Who a present is for, when the request says it by who they are to the shopper.
_FOR_WOMEN = re.compile(r"\b(?:girlfriend|wife|mom|mum|mommy|mummy|mother|sister|grandma|granny|grandmother|aunt|"
                        r"auntie|fiancee|her)\b|女朋友|女友|老婆|妻子|媳妇|太太|妈妈|老妈|母亲|姐姐|妹妹|奶奶|外婆|姥姥|"
                        r"闺蜜|阿姨|婆婆|岳母", re.I)
_FOR_MEN = re.compile(r"\b(?:boyfriend|husband|dad|daddy|father|brother|grandpa|grandfather|uncle|fiance|him)\b|"
                      r"男朋友|男友|老公|丈夫|爸爸|老爸|父亲|哥哥|弟弟|爷爷|外公|姥爷|叔叔|公公|岳父", re.I)
_CARD = re.compile(r"\bcards?\b|卡", re.I)
# A present said in so many words ("something for my mom" may be anything).
_A_PRESENT = re.compile(r"\b(?:gifts?|presents?|birthday|christmas|xmas|anniversary|valentine'?s?)\b|礼物|礼品|生日|"
                        r"圣诞|纪念日|情人节", re.I)


def adult_gift(product_words: str) -> tuple[str | None, str] | None:
    """(the audience the recipient says, or None, and the catalogue tag of gifts) when a request is only
    gift, occasion, recipient and asking words ("birthday gift for my girlfriend", "送爸爸的生日礼物"), else None.

    Such a request names no product; searched as typed, its gift words found the gift cards and gift baskets
    (the relevance cut keeps only products whose own words say "gift"). It is answered as a list of the
    catalogue's gifts ("gift" tag, ``SearchFilters.tag``) without the gift cards (``GIFT_CARDS``): the products
    marked for the recipient's audience first, none marked only for another, best sellers first."""
    said = product_words.strip()
    if not _A_PRESENT.search(said) or _CARD.search(said):
        return None
    generic = _generic_zh(said) if re.search(r"[\u4e00-\u9fff]", said) else _generic_en(said)
    if not generic:
        return None
    return recipient_audience(said), GIFT_TAG


def recipient_audience(text: str) -> str | None:
    """"women" for a girlfriend, a mother, 老婆..., "men" for a boyfriend, a father, 爸爸...; None otherwise."""
    women, men = bool(_FOR_WOMEN.search(text)), bool(_FOR_MEN.search(text))
    return "women" if women and not men else "men" if men and not women else None
