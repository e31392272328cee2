"""A question about how the shop works, in the words of an action, gets the FAQ's answer and the action's button.

WHY: "can i use two coupons on one order", "退款多久到账", "do points expire", "付款失败了会扣钱吗" share their
words with list_promotions, return_or_refund, my_points and pay, so the NLU reads them as those actions, and the
action's panel ("🔥 Deals right now", "You have no orders yet, so there is nothing to return", the points card)
never answered them, even when the FAQ holds the question word for word. A walk of the real stack by shoppers'
own phrasings found 22 such turns in 216.

The rule, kept narrow so that requests still act:
- the NLU's intent is one whose action shows a panel or starts a step (``_ACTIONS``), or it is out of scope or
  not understood (the FAQ may still know: "满200减30怎么算");
- the message is shaped as a general question (can/how/when/do..., 吗/怎么/多久/能不能...), names no order id or
  coupon code, and asks neither for the shopper's own state ("where is my order", "我有多少积分") nor for a list
  ("any deals?", "有什么优惠");
- the knowledge base answers it confidently, from the FAQ or staff (a shopper's story is not policy).
The answer keeps its source line and votes, and gets the action's button, so a shopper who did want the
action is one tap away.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from bot.core.callbacks import CallbackCodec
from bot.core.followups import asks_something, is_question
from bot.core.intent_labels import N_
from bot.core.replies import Button, Reply, Text
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.community.fit_answers import fit_answer
from bot.core.skills.community.groups import asked_language
from bot.core.skills.community.question_scope import points_at_shown
from bot.core.skills.community.questions import answer_question, is_confident, shop_answer
from bot.core.skills.community.shop_topics import asks_about_shop, asks_for_sizes
from bot.core.state import Conversation
from bot.i18n import Translator
from nlu.result import ParseResult

__all__ = ["router", "is_policy_question"]

router = Router("community.policy_questions")

# Intents whose handler shows the shopper's own panel or starts a step; each with the button that leads there.
_ORDERS = (N_("📦 My orders"), "orders")
_ACTIONS: dict[str, tuple[str, str] | None] = {
    "list_promotions": (N_("🔥 Promotions"), "promos"), "apply_coupon": (N_("🔥 Promotions"), "promos"),
    "pay": _ORDERS, "return_or_refund": _ORDERS, "track_order": _ORDERS, "order_history": _ORDERS,
    "cancel_order": _ORDERS, "modify_order": _ORDERS, "get_invoice": _ORDERS, "my_points": (N_("⭐ My points"), "pts"),
    "give_feedback": None, "join_group": (N_("👥 Groups"), "groups"), "subscribe": None, "privacy": None,
    "manage_address": None, "checkout": None, "out_of_scope": None, "talk_to_human": None,
    "leave_review": None,  # "写评价能送积分吗": the rule, not "reviews once it's delivered"
    "greet": None,  # "周末有人吗" (is anyone there at the weekend?) reads as a greeting: the hours, not the menu
}
# What an answer must be tagged with to carry the button (untagged answers keep it: nothing says they do not
# fit). WHY: the NLU's intent picks the button, and it reads money words as deals: "什么时候扣款" was answered with
# the charge-timing entry under a "🔥 Promotions" button. "📦 My orders" fits any answer about paying, delivery or
# returns, so it is not checked.
_BUTTON_TOPICS: dict[str, frozenset[str]] = {
    "promos": frozenset({"coupon", "discount", "offer", "promotions", "flash-sale", "stacking", "spend-and-save",
                         "multi-buy", "minimum-spend", "price", "prices", "price-match"}),
    "pts": frozenset({"points", "rewards", "levels", "membership"}),
}
# Intents that say the NLU did not find an action in the message: there an open question ("what time does the
# pickup counter close", "客服电话多少") or a tag question ("你是机器人吧") is a question too, and "r u"/"ur" are
# "are you"/"your" ("what r ur hours" was "I can't help with that one" though the FAQ answers it word for word).
_NO_ACTION = frozenset({"nlu_fallback", "out_of_scope", "greet"})
_TEXTING = ((re.compile(r"\br\b", re.IGNORECASE), "are"), (re.compile(r"\bur\b", re.IGNORECASE), "your"),
            (re.compile(r"\bu\b", re.IGNORECASE), "you"))
_TAG_QUESTION = re.compile(r"(?:是.{0,12}|对|了)吧\s*[？?]*\s*$|呢\s*[？?]+\s*$")  # "你是机器人吧", not "加入购物车吧"
# "can i use WELCOME10 with that", "SAVE5能和满减一起用吗": whether a code combines is a question, not an apply.
_COMBINES = re.compile(r"\b(?:with|together|combine[ds]?|stack(?:s|ed)?|on top of|plus)\b|"
                       r"一起|叠加|同时|和.{0,6}(?:用|叠)", re.IGNORECASE)
_WITH_THAT = re.compile(r"\bwith\s+(?:that|this|it|those|them)\b", re.IGNORECASE)
_FALLBACK = "nlu_fallback"
# Actions whose panel states the shopper's own standing or the current deals, never a rule of the shop.
_PANELS = frozenset({"my_points", "list_promotions", _FALLBACK})

# The shopper's own state or a list: the action answers these, not the FAQ.
_OWN_STATE = re.compile(
    r"\bwhere(?:'s|\s+is|\s+are)?\s+(?:my|our)\b|\bstatus\s+of\s+my\b|\bmy\s+\w+\s+status\b|"
    r"\bhow\s+many\s+points\s+(?:do\s+i|have\s+i)\b|\bwhat(?:'s|\s+is)\s+my\b|\b(?:any|anything)\b|"
    r"\bdo\s+you\s+have\b|\bare\s+there\b|\bis\s+there\s+(?:a|any)\s+(?:sale|deal|discount|coupon|promo)|"
    r"\bdid\s+(?:my|the|it|you|u)\b|\bhas\s+(?:my|it|the)\b|\bhave\s+(?:you|u)\s+(?:sent|shipped|received|got|"
    r"charged)\b|了吗|了没|了么|"  # "付款了吗", "did my payment go through": the shopper's own order, now
    r"我的订单|我的包裹|我的快递|到哪|我有多少|有没有|有什么|有哪些|有啥|"
    r"催|\bhurry\b|\brush\b|"  # "什么时候发货啊 催一下": chasing one's own order, not asking the policy
    r"^(?:请问)?(?:你们|店里|现在)?有.{1,12}吗", re.IGNORECASE)
# About the support team rather than asking for it: "人工客服什么时候在线", "有会说中文的客服吗" (each opened a ticket
# or filed a complaint), "when is customer service available".
# "客服电话多少", "do you have an email": how to reach them, which the FAQ answers (it opened a ticket).
_ABOUT_SUPPORT = re.compile(r"\b(?:when|what time|hours?|online|open|available|speaks?|chinese|mandarin|english|"
                            r"languages?|phone|number|email|e-mail|hotline)\b|什么时候|几点|时间|在线|上班|营业|会说|"
                            r"说中文|讲中文|说英文|语言|电话|号码|热线|邮箱",
                            re.IGNORECASE)
_ZH_HAVE = re.compile(r"^(?:请问)?有.{1,12}吗")
_NAMES_SOMETHING = ("order_id", "coupon_code", "reference")
# "it" that points at nothing ("is it possible …"); any other "it", "this", "这双" is about something on screen,
# not the shop ("how much is it" was answered with the shipping costs).
_IMPERSONAL_IT = re.compile(
    r"\bis\s+it\s+(?:possible|ok|okay|true|safe|free)\b|\bhow\s+long\s+(?:does|will)\s+it\s+take\b", re.IGNORECASE)


# A yes/no question after a statement: "my payment failed, was i charged?", "it never came. is that normal?".
_CLAUSES = re.compile(r"[,.;!，。；！]\s*")
_WAS = re.compile(r"^(?:was|were|have|has|am)\s+(?:i|we|it|my|that)\b", re.IGNORECASE)


def asked_after(said: str) -> bool:
    """Whether the message ends in a question after a statement (its last clause is shaped as one)."""
    if not said.rstrip().endswith(("?", "？")):
        return False
    clauses = [c for c in _CLAUSES.split(said.strip()) if c.strip()]
    return len(clauses) > 1 and (is_question(clauses[-1]) or bool(_WAS.match(clauses[-1].strip())))


def plain_words(text: str) -> str:
    """Texting spelled out for the question's shape: "what r ur hours" -> "what are your hours"."""
    said = text.strip()
    for pattern, word in _TEXTING:
        said = pattern.sub(word, said)
    return said


def combining_code(text: str, parse: ParseResult | None) -> str | None:
    """The question with its coupon code as "a coupon" when it asks whether the code combines with something
    ("can i use WELCOME10 with that" -> "can i use a coupon with sale prices and offers"), else None."""
    code = parse.first("coupon_code") if parse is not None else None
    if code is None or not isinstance(code.value, str) or not _COMBINES.search(text) \
            or not (is_question(plain_words(text)) or _TAG_QUESTION.search(text)):
        return None
    said = re.sub(re.escape(code.value), "a coupon", text, flags=re.IGNORECASE)
    return _WITH_THAT.sub("with sale prices and offers", said)


def is_policy_question(text: str, parse: ParseResult | None, loose: bool = False) -> bool:
    """Shaped as a general question about the shop (not a request, not about the shopper's own things).
    ``loose``: open and tag questions count too (the NLU found no action in the message)."""
    if parse is not None and any(parse.first(name) is not None for name in _NAMES_SOMETHING):
        return False
    said = plain_words(text)
    shaped = is_question(said) or asked_after(said) \
        or (loose and (asks_something(said) or bool(_TAG_QUESTION.search(said))))
    if not shaped or points_at_shown(_IMPERSONAL_IT.sub(" ", said)):
        return False
    return not _OWN_STATE.search(text.strip())  # as typed: "do u have a phone number" is no "do you have …?"


@router.intent("policy_question")
async def policy_question(text: str, parse: ParseResult | None, services: Services, state: Conversation,
                          t: Translator, user_id: int, codec: CallbackCodec, vector: Any) -> list[Reply] | None:
    """The FAQ's answer when the rule above holds, else None (the NLU's intent goes on as it would)."""
    if parse is None or services.qa is None:
        return None
    intent = _FALLBACK if parse.is_fallback else parse.intent.name
    # "尺码表发我看看", "size chart pls" read as a search or as details (for "表发我"): a service of the shop, asked
    # for (shop_topics); with a product open, its own sizing advice comes first
    service = intent in ("search_product", "show_product_details") and asks_about_shop(text)
    # A shop service ("do you price match?", "有实体店吗") is the shop's to answer even unsure or unknown: the nearest
    # FAQ entry with [Ask staff], or "I don't know" (answer_question), never "not sure what you mean".
    shop = service or (asks_about_shop(text) and intent in (_FALLBACK, "out_of_scope"))
    if intent != _FALLBACK and intent not in _ACTIONS and not service:
        return None
    if intent == "join_group" and asked_language(text) is not None:
        return None  # "is there a chinese group": the groups list answers it (groups.join_group)
    question = combining_code(text, parse) if intent == "apply_coupon" else None
    if question is not None:
        vector = None  # the words asked about changed
    elif intent == "talk_to_human":
        if not (_ABOUT_SUPPORT.search(text) and (asks_something(text) or _ZH_HAVE.search(text))):
            return None  # "can i talk to a real person" wants one: the ticket, not the FAQ
    elif not shop and not is_policy_question(text, parse, loose=intent in _NO_ACTION):
        return None
    from store.models.knowledge_base import AnswerSource

    answer = await shop_answer(services, question or text, vector)
    # A confident entry written for a neighbouring question ("积分能抵扣吗" -> "可以用积分付款吗？") is shown under that
    # question (answer_question): the points panel or the deals list the action would show answers neither.
    near = is_confident(services, replace(answer, same_question=True)) if answer is not None else False
    if answer is None or answer.product_external_id or (
            not shop and (not (is_confident(services, answer) or (near and intent in _PANELS))
                          or answer.source not in (AnswerSource.FAQ, AnswerSource.STAFF))):
        return None  # (one product's own entry is no policy: "能带上飞机吗" got a power bank's with a backpack open)
    replies = await answer_question(text, services=services, state=state, t=t, user_id=user_id, codec=codec,
                                    vector=vector, answer=answer)
    if service and state.focus_sku and asks_for_sizes(text):
        fit = await fit_answer(services, state.focus_sku, t)
        replies = [Text(fit), *replies] if fit else replies
    action = _ACTIONS.get(intent)
    last = replies[-1]
    if action is not None and isinstance(last, Text) and await _fits(services, answer, action[1]):
        label, prefix = action
        replies[-1] = replace(last, buttons=(*last.buttons, (Button(t(label), data=codec.encode(user_id, prefix)),)))
    return replies


async def _fits(services: Services, answer: Any, prefix: str) -> bool:
    """Whether the answer's entry is on the topic of the button ``prefix`` leads to (``_BUTTON_TOPICS``)."""
    topic = _BUTTON_TOPICS.get(prefix)
    if topic is None or answer.question_id is None:
        return True
    from sqlalchemy import select

    from store.models.knowledge_base import KBQuestion

    async with services.uows.read() as uow:
        found = await uow.session.scalar(select(KBQuestion.tags).where(KBQuestion.id == answer.question_id))
    tags = set(found or ())
    return not tags or bool(tags & topic)
