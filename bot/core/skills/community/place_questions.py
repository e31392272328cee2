"""A delivery or returns question that names a place gets the shop's answer: "how much is shipping to texas?",
"what does delivery to california cost", "寄到上海运费多少", "can i return things from ohio".

WHY: the place's name is in product titles and brands (Texas Instruments, California Olive Ranch, 上海滩), and the
steps that find a product a question names (focus_by_name on screen, named_question in the catalogue) took it for
that product: "how much is shipping to texas?" showed the calculator's card. Where a parcel goes is a question
about the shop, whose answer is the same for every place of a country it serves; the Q&A asks it without the
place (knowledge/qa/regions.py) and says so when the country is not served (knowledge/qa/places.py).

The rule, before the steps that look for a named product: the message asks something, about sending or returning
(ship, deliver, return, 寄, 运费, 包邮, 退货...), names a country, state, province or city where a destination
stands ("to texas", "in the state of ohio", "寄到上海", "北京包邮吗"; "the texas instruments calculator" is no
destination), and the NLU read it as a question, a search, a product's details, or nothing it can act on. An
action on the shopper's own order ("I want to return my order from texas") is the action's, and a question
about a policy in an action's words is policy_questions'.
"""

from __future__ import annotations

from typing import Any

from bot.core.callbacks import CallbackCodec
from bot.core.followups import asks_something
from bot.core.replies import Reply
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.community.questions import answer_question
from bot.core.state import Conversation
from bot.i18n import Translator
from knowledge.qa.regions import asks_about_a_place
from nlu.result import ParseResult

__all__ = ["router", "PLACE_READINGS"]

router = Router("community.place_questions")

# Readings of a place question that would look for a product in it, or refuse it; nlu_fallback is "unsure".
PLACE_READINGS = frozenset({"ask_question", "search_product", "show_product_details", "recommend", "out_of_scope",
                            "greet", "nlu_fallback"})


@router.intent("place_question")
async def place_question(text: str, parse: ParseResult | None, services: Services, state: Conversation,
                         t: Translator, user_id: int, codec: CallbackCodec, vector: Any) -> list[Reply] | None:
    """The Q&A's answer to the question, about the shop (no product), or None when it is not such a question."""
    if parse is None or services.qa is None:
        return None
    reading = "nlu_fallback" if parse.is_fallback else parse.intent.name
    if reading not in PLACE_READINGS or any(parse.first(n) is not None for n in ("order_id", "coupon_code")):
        return None
    if not asks_something(text) or not asks_about_a_place(text):
        return None
    return await answer_question(text, services=services, state=state, t=t, user_id=user_id, codec=codec,
                                 vector=vector, sku=None)
