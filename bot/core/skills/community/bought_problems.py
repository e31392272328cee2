"""A problem with something the shopper already bought is a return or a complaint, never a product search.

WHY: "上周买的耳机有杂音" (the headphones I bought last week crackle) names a product, so the NLU read it as a
search and the shopper got four headphones with [Add to cart]. A message that says the item was bought (bought,
ordered, got, 买的, 收到的...) and what is wrong with it (noise, broken, stopped working, 杂音, 坏了...) gets an
apology and the return step for their orders, which offers a person when there is no order to return.
Requests the NLU already read as a return, a complaint, a cancel or a person keep their own handling.
"""

from __future__ import annotations

import re

from bot.core.replies import Reply, Text
from bot.core.router import Router
from bot.i18n import Translator
from nlu.result import ParseResult

__all__ = ["router", "is_bought_item_problem", "names_a_fault"]

router = Router("community.bought_problems")

_BOUGHT = re.compile(r"\b(?:bought|purchased|ordered|got|received)\b|买的|买了|收到的|收到了|到手|入手|下单的",
                     re.IGNORECASE)
_WRONG = re.compile(
    r"\b(?:noise|noisy|crackl\w*|buzz\w*|broken|broke|cracked|defective|faulty|damaged|leak\w*|scratch\w*|"
    r"stopped working|doesn'?t work|does not work|not working|won'?t (?:turn on|charge|work)|dead|ripped|torn|"
    r"peeling|smells?)\b|杂音|噪音|异响|坏了|坏的|破了|裂|漏|不响|没声|不亮|不能用|用不了|充不进|开不了机|故障|"
    r"有问题|质量问题|掉色|开线|起球|划痕|瑕疵|有味",
    re.IGNORECASE)
_KEEP = frozenset({"return_or_refund", "complain", "cancel_order", "talk_to_human", "track_order", "give_feedback"})


def names_a_fault(text: str) -> bool:
    """Whether the message says what is wrong with an item ("it leaks", "坏了")."""
    return bool(_WRONG.search(text))


def is_bought_item_problem(text: str) -> bool:
    """The message says an item was bought and what is wrong with it."""
    return bool(_BOUGHT.search(text) and _WRONG.search(text))


@router.intent("bought_item_problem")
async def bought_item_problem(text: str, parse: ParseResult | None, t: Translator) -> list[Reply] | None:
    """An apology before the return step's reply, or None when the message is not about a bought item."""
    if parse is None or (not parse.is_fallback and parse.intent.name in _KEEP) or not is_bought_item_problem(text):
        return None
    return [Text(t("I'm sorry it isn't working as it should. 😔 Items can be returned within 30 days of delivery "
                   "(a faulty one is covered by its warranty after that), or a person from our team can help."))]
