""""hi do u have the bose soundlink flex": whether the shop has a product, asked (after a greeting), is a search.

WHY: the NLU reads the product words of the catalog poorly, and a greeting plus texting ("u") in front of an
availability question left it unsure (search 0.48, join_group 0.26): the shopper got "Sorry, I'm not sure what you
mean" with [Search products] [Join our groups]. The question names what to search for -- the words after "do you
have" -- and the honest answer is the search itself: the product when the shop has it, else the closest items
under the results' own note ("We don't have …", "We don't carry …": results.py, knowledge/search/kind_absent.py).
This module only finds the product words; bare_product decides whether they are searched.
"""

from __future__ import annotations

import re

from bot.core.greeting_lead import LEAD

__all__ = ["asked_product", "requested_product", "MAX_WORDS"]

# Asking whether the shop has something: "do u have", "do you guys sell", "you have", "have you got", "got any",
# "any chance you have", "is there a", "does the shop carry".
_YOU = r"(?:you|u|ya|y'?all|you\s+guys|u\s+guys|the\s+shop|this\s+shop|your\s+shop)"
_HAVE = re.compile(
    rf"^(?:(?:so|um+|uh+|quick\s+question|question|just\s+wondering|wondering)[\s,:]+)?"
    rf"(?:(?:do|does|did)\s+{_YOU}\s+(?:still\s+|also\s+|even\s+)?(?:have|sell|carry|stock|got)|"
    rf"{_YOU}\s+(?:still\s+|also\s+)?(?:have|sell|carry|stock|got)|(?:have|has)\s+{_YOU}\s+got|got|"
    rf"(?:is|are)\s+there|any\s+chance\s+{_YOU}\s+(?:have|sell|carry|stock|got))\s+(?P<rest>.+)$", re.I)
# What follows the product: "in stock", "here", "at the moment", "pls", "?".
_TAIL = re.compile(r"(?:[\s?？!.,]+|\b(?:in\s+stock|available|here|at\s+the\s+moment|right\s+now|rn|atm|now|today|"
                   r"by\s+any\s+chance|please|pls|plz|thanks|thx|ty)\b)+$", re.I)
_ARTICLE = re.compile(r"^(?:(?:a|an|the|any|some)\s+)+", re.I)
# A longer "rest" is a sentence, not a product's name ("do you have a store in london i could visit").
MAX_WORDS = 6


def asked_product(text: str) -> str | None:
    """The product words of an availability question, else None.

    "hi do u have the bose soundlink flex" -> "bose soundlink flex"; "hey, got any yoga blocks?" -> "yoga blocks";
    "do you have it in black" -> None (a question about the product on screen); "hi" -> None."""
    said = LEAD.sub("", text.strip())  # "hi~ do u have": the greeting, as greeting_lead reads one
    found = _HAVE.match(said)
    if found is None:
        return None
    rest = _ARTICLE.sub("", _TAIL.sub("", found.group("rest"))).strip()
    words = rest.split()
    if not words or len(words) > MAX_WORDS or words[0].lower() in _NOT_PRODUCT:
        return None
    return rest


# Asking to see or get something: "show me", "i want", "i'm looking for", "can i see", "find me".
_REQUEST = re.compile(
    r"^(?:(?:so|um+|uh+|ok|okay|please|pls)[\s,:]+)?(?:(?:(?:can|could)\s+(?:you|u)\s+)?(?:show|find|get)\s+me|"
    r"i\s+(?:want|need|would\s+like)|i'?d\s+like|i'?m\s+looking\s+for|(?:i\s+am\s+)?looking\s+for|"
    r"(?:can|could|may)\s+i\s+(?:see|have|get)|let\s+me\s+see)\s+(?P<rest>.+)$", re.I)


def requested_product(text: str) -> str | None:
    """The product words of a request to see or get one, else None: "show me the stanley tumbler" -> "stanley
    tumbler", "i'm looking for a yoga mat" -> "yoga mat"; "show me my orders", "i want to talk to someone" -> None."""
    said = LEAD.sub("", text.strip())
    found = _REQUEST.match(said)
    if found is None:
        return None
    rest = _ARTICLE.sub("", _TAIL.sub("", found.group("rest"))).strip()
    words = rest.split()
    if not words or len(words) > MAX_WORDS or words[0].lower() in _NOT_PRODUCT:
        return None
    return rest


# The first word of a rest that is not a product: about the item on screen, an option, or the shop itself.
_NOT_PRODUCT = frozenset({"it", "this", "that", "these", "those", "them", "one", "ones", "in", "on", "for", "with",
                          "to", "more", "other", "another", "else", "anything", "something",
                          "free", "discount", "discounts", "coupon", "coupons", "sale", "sales", "deal", "deals",
                          "promo", "promos", "offers", "delivery", "shipping", "store", "stores", "shop", "shops",
                          "physical", "my", "your", "our", "time", "way", "option", "options", "size", "sizes",
                          "colour", "colours", "color", "colors", "stock", "customer", "support", "phone", "email",
                          "gift", "wrapping", "i", "we", "you", "u"})
