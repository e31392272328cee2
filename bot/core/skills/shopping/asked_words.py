"""The product words of a search message: how the shopper asked ("do u have", "有没有…的", "帮我找") and a
scene-setting first clause ("hi im in canada, need …") are not what they want.

WHY: left in, asking words became keywords ("results for 'do you have tents'") and the head noun the relevance
cut judged a product's kind on ("too" in "a yoga block too").
"""

from __future__ import annotations

import re

__all__ = ["asked_for", "names_nothing", "product_words"]

# Asking words around the product words ("do you have ...?", "有没有...的", "帮我找..."): they are how the
# shopper asked, not what they want, so they leave the keyword text and the "results for X" line.
# Greetings and fillers first ("hey need wireless earbuds", "ok so do u have the …"): none is a product word.
_ASKING_BEFORE = re.compile(
    r"^(?:(?:please|pls|plz|(?:can|cn|could|cud) (?:you|u)|hi|hey|hello|hiya|heya|yo|ok|okay|so|um+|hm+|"
    r"also|and|but)[\s,!.]+)*"
    r"(?:(?:show me|find me|find|search for|search|look(?:ing)? for|(?:i'?m|im|i am) looking for|"
    r"(?:i\s+)?(?:really\s+)?(?:want|need|wanna)(?:\s+to\s+(?:buy|get|find))?|(?:i'?d|id|i would) like|"
    r"do (?:you|u|ya|yall|y'all)(?: guys| all)? (?:have|sell|carry|stock|got)|have (?:you|u) got|got any|any|"
    r"get me|give me|gimme|lemme see|let me see|recommend(?: me)?|suggest(?: me)?|some?thing (?:from|by)|"
    r"(?:are|r|is) there|how much (?:is|are|does|do|r)|what'?s the price of|what is the price of|price of)\s+)+"
    r"(?:(?:some|any|a|an|the|your|ur)(?:\s+|$))?|"
    r"^(?:请|麻烦)?(?:(?:帮我|给我)?(?:找找|找一下|找一找|找|搜一下|搜索|看看|看一下)|有没有|有无|来个|来一个|来点|"
    r"我想要|我想买|我要买|我要|想要|想买|(?:我)?想(?:看看|看一下)|推荐一下|推荐|"
    # "有256g的吗", "有茶叶没": 有 opening a yes/no question asks whether the shop has it ("有机"/"有线" are words)
    r"有(?![没机线声氧效色趣名用点])(?=\S.*?(?:吗|么|嘛|没有?|不)[\s?？!！。~]*$))+(?:一个|个|一些|些|一点|点|一双|一件|一条|一台|一套|一只|一款|"
    # "我想买双跑鞋", "要件外套": the measure word after a buying verb ("双肩包", "双人床" are things)
    r"(?<=[买要])(?:双(?![肩人层开门色面头胞])|件)(?=\S))?",
    re.I)
# "华为手机有吗", "size 10 有没有", "灰色有没", "茶叶有不": 有 (没/不) at the end asks whether the shop has it.
# "华为mate60多少钱", "电动牙刷怎么卖", "how much do snow boots cost": asking the price is asking for it too (the kind
# check read 钱 as the head noun: "暂时没有钱").
_ASKING_AFTER = re.compile(r"(?:[\s,，。.!！?？的吗呢啊吧呀么嘛没不]|有没有|有木有|没有|有没|有|\bplease\b|\bpls\b|"
                           r"(?:多少钱|多少块|几块钱?|什么价(?:格|钱|位)?|啥价格?|(?:价格|价钱|售价)(?:是)?(?:多少)?|怎么卖|咋卖)"
                           r"(?:一(?:个|件|台|双|套|只|瓶|盒|包))?|\bcosts?\b)+$", re.I)
_LEADING_JUNK = re.compile(r"^[\s,，。.的]+")
# A first clause that only sets the scene ("hi im in canada, need a warm winter jacket", "it's for my trip. i'm
# looking for a tent"): the request starts at the asking verb of a later clause.
_LATER_ASK = re.compile(r"[,，.;!！]\s*(?=(?:(?:so|and|but|i|i'?m|im|i am|we|we'?re)\s+)*(?:need|want|looking for|"
                        r"searching for)\b)", re.I)


def _request_clause(text: str) -> str:
    """The text from the clause that asks for something, when an earlier clause only set the scene."""
    m = _LATER_ASK.search(text)
    return text[m.end():] if m is not None else text


def names_nothing(text: str) -> bool:
    """Whether a search text is only asking words ("有没有", "do you have"): a budget or an order said alone."""
    return not _LEADING_JUNK.sub("", _ASKING_AFTER.sub("", _ASKING_BEFORE.sub("", text.strip()))).strip()


def product_words(text: str) -> str:
    """The product words of a search message: "有没有无线耳机， 的" -> "无线耳机"; a clause before the one that
    asks is how the shopper began, not what they want ("hi im in canada, need a warm jacket" -> "warm jacket")."""
    return asked_for(text) or text.strip()


# "do you have a yoga block too?", "a leash as well": the word that adds it to what came before is no product
# word (the search showed mats "for 'yoga block too'", and "too" became the head noun the kind is judged on).
_ALSO_AFTER = re.compile(r"(?:[\s,]+(?:too|as\s+well|aswell|also|either))+[\s,.!?？！]*$", re.I)


def asked_for(text: str) -> str:
    """The words asked for, without the asking words around them (empty when nothing else was said)."""
    text = _request_clause(text.strip())
    clauses = text.split(",")
    asking = [i for i, c in enumerate(clauses) if i and _ASKING_BEFORE.match(c.strip())]
    cleaned = _ASKING_BEFORE.sub("", ",".join(clauses[asking[-1]:]).strip() if asking else text)
    cleaned = _LEADING_JUNK.sub("", _ASKING_AFTER.sub("", _ALSO_AFTER.sub("", cleaned)))
    return " ".join(cleaned.split())
