"""A deterministic keyword NLU for fast dialogue and transport tests (the real model has its own tests).

Rules are (regex, intent); the first match wins with confidence 0.95; no match is a fallback whose ranking
offers search_product and ask_question. Entities come from simple patterns: ordinals, quantities, order ids,
coupon codes.
"""

from __future__ import annotations

import re
from typing import Any

from nlu.result import IntentScore, ParsedEntity, ParseResult

__all__ = ["FakeNLU", "DEFAULT_RULES"]

DEFAULT_RULES: tuple[tuple[str, str], ...] = (
    (r"^(hi|hello|hey|你好)\b", "greet"),
    (r"\b(help|帮助)\b", "help"),
    (r"\b(thanks|thank you|谢谢)\b", "thanks"),
    (r"\b(bye|再见)\b", "goodbye"),
    (r"^(yes|yeah|ok|好的|是的)$", "affirm"),
    (r"^(no|nope|不要|不)$", "deny"),
    (r"\b(my cart|show cart|view cart|购物车)\b", "view_cart"),
    (r"\b(add|加入)\b", "add_to_cart"),
    (r"\b(remove|删除)\b", "remove_from_cart"),
    (r"\b(checkout|check out|结算)\b", "checkout"),
    (r"\b(coupon|优惠券)\b", "apply_coupon"),
    (r"\b(where is my order|track|物流)\b", "track_order"),
    (r"\b(my orders|order history|我的订单)\b", "order_history"),
    (r"\b(cancel order|取消订单)\b", "cancel_order"),
    (r"\b(return|refund|退货|退款)\b", "return_or_refund"),
    (r"\b(human|agent|人工)\b", "talk_to_human"),
    (r"\b(group|群)\b", "join_group"),
    (r"\b(promotions?|deals|活动)\b", "list_promotions"),
    (r"\b(points|积分)\b", "my_points"),
    (r"\b(recommend|推荐)\b", "recommend"),
    (r"\b(details|more about|详情)\b", "show_product_details"),
    (r"\?$|？$|\b(does|do you|is it|can i)\b", "ask_question"),
    (r"\b(weather|joke|天气)\b", "out_of_scope"),
    (r"\b(unclear|asdf)\b", "__fallback__"),
)

_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "第一": 1, "第二": 2, "第三": 3}


class FakeNLU:
    def __init__(self, rules: tuple[tuple[str, str], ...] = DEFAULT_RULES, default: str = "search_product") -> None:
        self.rules = [(re.compile(p, re.I), name) for p, name in rules]
        self.default = default
        self.calls: list[str] = []

    async def parse(self, text: str, context: Any = None, vector: Any = None) -> ParseResult:
        self.calls.append(text)
        intent = next((name for rx, name in self.rules if rx.search(text)), self.default)
        if intent == "__fallback__":
            ranking = (IntentScore("search_product", 0.31), IntentScore("ask_question", 0.29))
            return ParseResult(text=text, intent=ranking[0], intent_ranking=ranking, is_fallback=True)
        top = IntentScore(intent, 0.95)
        return ParseResult(text=text, intent=top, intent_ranking=(top,), entities=self._entities(text, context))

    def _entities(self, text: str, context: Any) -> tuple[ParsedEntity, ...]:
        found: list[ParsedEntity] = []
        for word, n in _ORDINALS.items():
            i = text.lower().find(word)
            if i >= 0:
                results = tuple(getattr(context, "last_results", ()) or ())
                value = results[n - 1] if len(results) >= n else str(n)
                found.append(ParsedEntity("reference", value, i, i + len(word), ordinal=n,
                                          resolved=len(results) >= n))
        for m in re.finditer(r"\b(?:x|qty\s*)?(\d{1,2})\b(?!\d)", text):
            found.append(ParsedEntity("quantity", int(m.group(1)), m.start(1), m.end(1)))
        for m in re.finditer(r"#?(SB)?(\d{5,8})\b", text):
            found.append(ParsedEntity("order_id", m.group(2), m.start(), m.end()))
        for m in re.finditer(r"\b([A-Z]{3,}[A-Z0-9-]*\d+)\b", text):
            found.append(ParsedEntity("coupon_code", m.group(1), m.start(), m.end()))
        return tuple(found)
