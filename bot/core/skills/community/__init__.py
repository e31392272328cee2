"""Community and account skills: Q&A, groups and flash sales, support tickets, points, reviews, promotion
alerts and privacy. One composed router, registered once in ``bot.core.skills.registry``.

Intents: ask_question, policy_question, place_question, named_product_question, ticket_detail, bought_item_problem
and payment_problem (pseudo-intents the dispatcher runs after the NLU), join_group, talk_to_human, complain,
give_feedback, leave_review, my_points, subscribe, privacy. Commands: /ask /groups /flash /support /points
/privacy. Button prefixes: qa, groups, claim, tk, rv, sub, priv, pts. Pending steps: ask, qa_answer, tk_new,
tk_reply, rv_text. Event: MembersJoined.
"""

from __future__ import annotations

from bot.core.router import Router
from bot.core.skills.community import (
    answers,
    asking,
    bought_problems,
    flash,
    frustrated_requests,
    groups,
    named_question,
    payment_problems,
    place_questions,
    points,
    policy_questions,
    privacy,
    reviews,
    subscriptions,
    support,
    ticket_guards,
)

__all__ = ["router"]

router = Router("community").include(
    asking.router, policy_questions.router, place_questions.router, answers.router, groups.router, flash.router,
    frustrated_requests.router, support.router, ticket_guards.router, bought_problems.router, named_question.router,
    payment_problems.router, points.router, reviews.router, subscriptions.router, privacy.router,
)
