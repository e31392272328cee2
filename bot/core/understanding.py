"""The steps a typed message passes through before its NLU intent runs, in order, as one table.

WHY a table: each step exists because the NLU's top intent alone answered some real message wrongly (the comment
on each says which), and their order is the policy ("a gift code is redeemed before anything else is tried",
"a question about the product open wins over a new search"). Kept as a list of small steps, the order is
visible in one place and a new step is a line in ``BEFORE_PARSE`` / ``AFTER_PARSE`` plus a function, instead of
another branch in the dispatcher. A step returns the replies when the message is its kind, else None (the next
step is tried); steps after the parse read ``deps.parse`` and may replace it with a better reading.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from bot.core.deps import Deps
from bot.core.followups import (
    after_lead_in,
    asks_languages,
    asks_something,
    is_bare_reference,
    is_price_question,
    language_asked,
)
from bot.core.greeting_lead import without_greeting
from bot.core.named_question_step import question_naming_a_product
from bot.core.reference_words import about_product_open, asks_about_open, brand_as_reference, naming, points_at_shown
from bot.core.replies import Reply
from bot.core.typed_answers import nlu_answer, typed_answer
from bot.core.typed_contractions import restore_contractions
from nlu.result import IntentScore, ParseResult
from store.giftcards.cards import looks_like_gift_code

if TYPE_CHECKING:
    from bot.core.dispatcher import Dispatcher

__all__ = ["AFTER_PARSE", "BEFORE_PARSE", "FOLLOW_UPS", "Step"]

Step = Callable[["Dispatcher", Deps], Awaitable[list[Reply] | None]]

# Pseudo-intents offered every message about what is on screen, after the NLU and before its intent runs:
# "compare the first two" / "对比一下前两个" (shopping.compare), "in black?" / "有M码吗" / "between $50 and $150"
# (shopping.option_followups), "any reviews for this one?" (community.reviews), "which has better battery"
# (shopping.which_shown). Each returns None for a message that is not its kind.
FOLLOW_UPS = ("flash_follow_up", "compare_follow_up", "which_shown", "option_follow_up", "stock_follow_up",
              "reviews_question", "buy_in_view")


def _parsed(deps: Deps) -> ParseResult:
    assert deps.parse is not None, "a step after the parse ran before it"
    return deps.parse


def _always(_deps: Deps) -> bool:
    return True


@dataclass(frozen=True)
class Hook:
    """A pseudo-intent registered by a skill (``router.intents[name]``), offered the message when ``when`` holds.

    ``settles``: an answer ends the run of unclear messages (the next miss is the first again). ``owns``: once
    ``when`` holds the message is the hook's, whatever it replies (a handler, not a guess that may pass)."""

    name: str
    when: Callable[[Deps], bool] = _always
    settles: bool = True
    owns: bool = False

    async def __call__(self, d: Dispatcher, deps: Deps) -> list[Reply] | None:
        hook = d.router.intents.get(self.name)
        if hook is None or not self.when(deps):
            return None
        if self.owns:
            deps.state.fallback_count = 0
            return list(await hook(deps))
        found = await hook(deps)
        if not found:
            return None
        if self.settles:
            deps.state.fallback_count = 0
        return list(found)


async def language_switch(d: Dispatcher, deps: Deps) -> list[Reply] | None:
    """"switch to chinese", "可以说英文吗": as /language zh|en; "do you speak chinese?": the two, to choose from."""
    switch = d.router.commands.get("language")
    if switch is None:
        return None
    asked = language_asked(deps.text)
    if asked is None and not asks_languages(deps.text):
        return None
    deps.args = asked if asked is not None else "?"
    return await switch(deps)


def _gift_code(deps: Deps) -> bool:
    """A message that is only a gift-card code (pasted from the delivery message) is always meant to be redeemed;
    the NLU sees a random-looking token and cannot be relied on to say so, so it is not asked."""
    return looks_like_gift_code(deps.text)


async def typed_contractions(_d: Dispatcher, deps: Deps) -> list[Reply] | None:
    """"ok ill take the midea": read as "i'll take" (typed_contractions), not a removal."""
    deps.text = restore_contractions(deps.text)
    return None


async def greeting_lead_off(_d: Dispatcher, deps: Deps) -> list[Reply] | None:
    """"good morning, is the vitamix still on sale?": the request without the greeting (greeting_lead)."""
    deps.text = without_greeting(deps.text)
    return None


async def typed_yes_no(d: Dispatcher, deps: Deps) -> list[Reply] | None:
    """"对 取消吧", "是的，删除": the button of the last yes/no question, by its words (typed_answers)."""
    key = typed_answer(deps.yes_no, deps.text)
    return await d.press(deps, deps.yes_no[key]) if key is not None else None


async def parse_message(d: Dispatcher, deps: Deps) -> list[Reply] | None:
    await d.parse(deps)
    return None


async def nlu_yes_no(d: Dispatcher, deps: Deps) -> list[Reply] | None:
    """"yes" / "是的" to "Cancel order SB10002?": the button it means. It answered "Okay! Tell me what you'd like to
    do next" and the order stayed open."""
    parse = _parsed(deps)
    if not deps.yes_no or parse.is_fallback or parse.intent.name not in ("affirm", "deny"):
        return None
    key = nlu_answer(deps.yes_no, parse.intent.name)
    if key is None or key not in deps.yes_no:
        return None
    return await d.press(deps, deps.yes_no[key])


async def bought_item_problem(d: Dispatcher, deps: Deps) -> list[Reply] | None:
    """"上周买的耳机有杂音": a return or a person for the item bought, not a search (bought_problems)."""
    bought = d.router.intents.get("bought_item_problem")
    sorry = await bought(deps) if bought is not None else None
    if not sorry:
        return None
    deps.state.fallback_count = 0
    ret = d.router.intents.get("return_or_refund")
    return [*sorry, *(await ret(deps) if ret is not None else [])]


async def request_after_yes_no(d: Dispatcher, deps: Deps) -> list[Reply] | None:
    """"nah nevermind, show me nike only", "不要了，看看毛衣": the request after the yes or no is the message."""
    parse = _parsed(deps)
    rest = after_lead_in(deps.text) if parse.is_fallback or parse.intent.name in ("affirm", "deny") else None
    if rest is None:
        return None
    said = deps.text, deps.parse, deps.vector
    deps.text, deps.parse, deps.vector = rest, None, None
    replies = await d.understand(deps, lead_in=True)
    if replies:
        return replies
    # Nothing came of the rest ("算了 那我等着吧": "那我等着吧" read as an add with nothing to add): the yes or no
    # was the message.
    deps.text, deps.parse, deps.vector = said
    return None


async def cart_quantity_said(d: Dispatcher, deps: Deps) -> list[Reply] | None:
    """"make the headphones 2": that cart line, not "not sure" (cart_said); read as an update from here on."""
    hook = d.router.intents.get("cart_quantity_said")
    set_line = await hook(deps) if hook is not None else None
    if not set_line:
        return None
    deps.state.fallback_count = 0
    deps.parse = replace(_parsed(deps), intent=IntentScore("update_cart", 1.0), is_fallback=False)
    return list(set_line)


async def focus_by_name(d: Dispatcher, deps: Deps) -> list[Reply] | None:
    """"the uniqlo one" with a list shown: that product is in focus (named_on_screen), and the words that named it
    become a reference to it. Replies nothing: it only improves the reading for the steps after it."""
    named = d.router.intents.get("focus_by_name")
    parse = _parsed(deps)
    if named is None or len(deps.state.last_results) <= 1 or not naming(deps.text, parse):
        return None
    before = deps.state.focus_sku
    await named(deps)
    if deps.state.focus_sku != before and deps.state.focus_sku is not None:
        deps.parse = brand_as_reference(parse, deps.state.focus_sku, deps.text)
    elif d.services.vocabulary is not None:  # "the marshall one", none shown: the brand, not "which?"
        from bot.core.skills.shopping.named_on_screen import brand_in_reference

        deps.parse = brand_in_reference(deps.text, parse, d.services.vocabulary.brands) or parse
    return None


def _bare_reference(deps: Deps) -> bool:
    """"the first one" with results on screen: that one's card (followups)."""
    return bool(deps.state.last_results) and is_bare_reference(deps.text, _parsed(deps))


def _price_of_shown(deps: Deps) -> bool:
    """"what is the price?" with a product open (read as a deals request); "how much is it" with several on screen
    and none open: details asks which one."""
    parse = _parsed(deps)
    return bool(deps.state.focus_sku or deps.state.last_results) \
        and all(e.entity in ("reference", "brand") for e in parse.entities) and is_price_question(deps.text, parse)


def _something_on_screen(deps: Deps) -> bool:
    return bool(deps.state.focus_sku or deps.state.last_query or deps.state.last_results)


def _unsure_or_out_of_scope(deps: Deps) -> bool:
    """"also a french press": a product name the NLU has not seen (bare_product)."""
    parse = _parsed(deps)
    return parse.is_fallback or parse.intent.name == "out_of_scope"


def _asks_by_abbreviation(deps: Deps) -> bool:
    """"spf多少", "这个多少GB": a product's figure by its Latin abbreviation (community/unit_questions.py)."""
    from bot.core.skills.community.unit_questions import asks_by_abbreviation

    named = any(e.entity in ("product", "brand") for e in _parsed(deps).entities)
    return asks_by_abbreviation(deps.text) and (bool(deps.state.focus_sku) or bool(deps.state.last_results) or named)


def _asks_for_product(deps: Deps) -> bool:
    """"猫粮有吗", "有口罩吗": whether the shop has a kind of product (shopping/availability.py)."""
    from bot.core.skills.shopping.availability import asks_for_product

    return asks_for_product(deps.parse, deps.text, deps.state.focus_sku)


def _frames_a_product(deps: Deps) -> bool:
    """"狗窝多少钱", "帮我看看狗窝", "香薰蜡烛怎么样": a product's name in a request or question (framed_product)."""
    from bot.core.skills.shopping.framed_product import frames_a_product

    return frames_a_product(deps.parse, deps.text)


def _question_about_open(deps: Deps) -> bool:
    """"how much storage", "what size should i get", "are there bigger packs" with a product open: a question about
    it, which the knowledge base answers or offers to ask staff ("not sure what you mean" before). Also when read as
    details ("how wide are they" after the rain boots): details searched the words and opened a pair of Oxford
    shoes whose description says "wide feet should size up"."""
    parse = _parsed(deps)
    return (about_product_open(deps.state) or points_at_shown(parse)) and asks_something(deps.text) \
        and (parse.is_fallback or asks_about_open(deps.text, parse))


def _follow_ups() -> Step:
    hooks = [Hook(name, _something_on_screen) for name in FOLLOW_UPS]

    async def follow_up(d: Dispatcher, deps: Deps) -> list[Reply] | None:
        for hook in hooks:  # each returns None unless the message is its kind of follow-up
            found = await hook(d, deps)
            if found:
                return found
        return None

    return follow_up


BEFORE_PARSE: Sequence[Step] = (
    typed_contractions,
    greeting_lead_off,
    language_switch,
    Hook("apply_coupon", _gift_code, owns=True),
    # "123 Main St, Springfield, IL 62704" with no checkout open: offered to be saved (orders/typed_address)
    Hook("typed_address", lambda deps: not deps.state.checkout),
    Hook("picker_typed_answer", lambda deps: bool(deps.topic)),  # "42" / "黑" right after the colour/size picker
    Hook("swap_typed_answer", lambda deps: bool(deps.topic)),  # "9" right after "doesn't come in 7.5" (cart_swap)
    Hook("cart_size_number", lambda deps: deps.state.focus_sku is not None),  # "9 instead": the shoe's size
    Hook("more_of_added", lambda deps: bool(deps.topic)),  # "再来一个" / "one more" right after an add
    Hook("refine_search", lambda deps: deps.state.last_query is not None),  # "any cheaper ones?" after a search
    typed_yes_no,
)

AFTER_PARSE: Sequence[Step] = (
    nlu_yes_no,
    Hook("frustrated_request"),  # "wtf why cant u just find me a cheap tv": the search, kindly, not a ticket
    # "its about order SB10002" right after a ticket opened: for that ticket
    Hook("ticket_detail", lambda deps: bool(deps.topic), settles=False),
    Hook("ticket_question"),  # "i already have a ticket open?": where the shopper's ticket stands (ticket_guards)
    Hook("payment_problem"),  # "I was charged twice": a ticket for the money (payment_problems)
    bought_item_problem,
    request_after_yes_no,
    cart_quantity_said,
    Hook("product_not_cart"),  # "给我看看T恤" read as view_cart: a search for the product named
    Hook("cart_money_question"),  # "一共多少钱", "满50包邮吗": the cart's total and free shipping, not "which one?"
    Hook("add_brand_not_shown"),  # "add the nike one", no Nike shown: says so, offers the search (brand_not_shown)
    focus_by_name,
    Hook("add_by_brand"),  # "add the samsung ones" with two Samsung shown: which of those two (brand_add)
    Hook("put_in_cart"),  # "put the cheapest in my basket" read as checkout, or unsure: the add (cart_put)
    Hook("show_product_details", _bare_reference, owns=True),
    Hook("show_product_details", _price_of_shown, owns=True),
    _follow_ups(),
    Hook("ask_question", _asks_by_abbreviation, owns=True),  # "spf多少", "这个多少GB": not the points panel
    Hook("named_product_question"),  # "whats the best before date on the matcha": about that product (named_question)
    Hook("policy_question"),  # "can i use two coupons?", "退款多久到账": the FAQ, not the action's panel
    Hook("availability", _asks_for_product),  # "猫粮有吗", "有口罩吗": a search for it, not "which did you mean?"
    Hook("product_in_frame", _frames_a_product),  # "红米note13pro多少钱", "帮我看看狗窝": a search for it
    question_naming_a_product,  # "french press how big is it", "惠普那台电池怎么样": about the product it names
    Hook("product_phrase", _unsure_or_out_of_scope),
    Hook("ask_question", _question_about_open, owns=True),
)
