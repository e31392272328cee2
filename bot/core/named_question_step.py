"""The understanding step for a question that names the product it is about (see
bot/core/skills/shopping/named_question.py for which product): kept out of bot/core/understanding.py, which holds
the table, so that file stays small. It comes after the ``named_product_question`` hook
(community/named_question.py: "the best before date on the matcha", a question that names its product with
"on/of/for the X"), and takes what that one leaves: a message the NLU was unsure of, or read as a question, that
names a product shown or in the catalogue."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from bot.core.deps import Deps
from bot.core.replies import Reply
from nlu.result import IntentScore, ParsedEntity

if TYPE_CHECKING:
    from bot.core.dispatcher import Dispatcher

__all__ = ["question_naming_a_product"]


async def question_naming_a_product(d: Dispatcher, deps: Deps) -> list[Reply] | None:
    """"french press how big is it", "惠普那台电池怎么样": a question naming a product (on screen, else in the
    catalogue) is about that product ("didn't catch that" or the off-topic refusal before: named_question)."""
    from bot.core.skills.shopping.bare_product import brand_alone
    from bot.core.skills.shopping.named_question import ASKS_UNSURE, product_asked_about

    parse, ask = deps.parse, d.router.intents.get("ask_question")
    assert parse is not None
    ref = parse.first("reference")
    if ask is None or not (parse.is_fallback or parse.intent.name in ASKS_UNSURE) or \
            (ref is not None and ref.resolved and ref.ordinal is not None):
        return None  # "is the second one waterproof": the reference says which
    if brand_alone(deps.text, parse):
        return None  # "耐克的吗": the brand's products (bare_product.py), not a question about one of them
    sku = await product_asked_about(d.services, deps.state, deps.text, parse)
    if sku is None:
        return None
    deps.state.focus_sku, deps.state.fallback_count = sku, 0
    kept = tuple(e for e in parse.entities if e.entity not in ("reference", "product", "brand"))
    deps.parse = replace(parse, intent=IntentScore("ask_question", 1.0), is_fallback=False,
                         entities=(*kept, ParsedEntity("reference", sku, 0, len(deps.text))))
    for name in ("option_follow_up", "stock_follow_up"):  # "无印良品那个有什么颜色": its colours, its stock
        hook = d.router.intents.get(name)
        found = await hook(deps) if hook is not None else None
        if found:
            return list(found)
    return list(await ask(deps))
