"""One context rule on top of the classifier: with a product in focus, a bare colour or size is about it.

WHY a rule and not a feature: "有没有蓝色的" / "any in blue?" / "M码" are a product search when nothing is being
looked at and a question about the options of the product in view when something is (label spec:
show_product_details). The words are the same, so no text feature can tell; the training data has no
conversation context to learn a context feature from. The dialogue knows what is in focus
(``DialogueContext.focus``, or the only result shown), so the reading is moved here, narrowly: only from
search_product, only when the message names a colour or size and no product, brand, category or price of its
own (which would make it a new search).
"""

from __future__ import annotations

from dataclasses import replace

from nlu.constants import EntityName, Intent
from nlu.context import DialogueContext
from nlu.result import IntentScore, ParseResult

__all__ = ["about_product_in_focus"]

_OPTIONS = frozenset({EntityName.COLOR, EntityName.SIZE})
_NEW_SEARCH = frozenset(
    {EntityName.PRODUCT, EntityName.BRAND, EntityName.CATEGORY, EntityName.PRICE_MIN, EntityName.PRICE_MAX}
)


def about_product_in_focus(result: ParseResult, context: DialogueContext | None) -> ParseResult:
    """``result`` with the confidences of search_product and show_product_details swapped when the message
    asks for an option of the product in focus (search stays the runner-up a clarifying question offers);
    unchanged otherwise."""
    if context is None or not (context.focus or len(context.last_results) == 1):
        return result
    if result.intent.name != Intent.SEARCH_PRODUCT:
        return result
    names = {e.entity for e in result.entities}
    if not names & _OPTIONS or names & _NEW_SEARCH:
        return result
    scores = {s.name: s.confidence for s in result.intent_ranking}
    search, details = Intent.SEARCH_PRODUCT.value, Intent.SHOW_PRODUCT_DETAILS.value
    scores[search], scores[details] = scores.get(details, 0.0), scores[search]
    ranking = sorted((IntentScore(name, conf) for name, conf in scores.items()), key=lambda s: -s.confidence)
    ranking = ranking[: len(result.intent_ranking)]
    # the top confidence is the same number as before, so the fallback decision stands
    return replace(result, intent=ranking[0], intent_ranking=tuple(ranking))
