"""The steps a typed message passes through before its NLU intent runs, in order, as one table.

WHY a table: each step exists because the NLU's top intent alone answered some real message wrongly (the comment
on each says which), and their order is the policy ("a gift code is redeemed before anything else is tried",
"a question about the product open wins over a new search"). Kept as a list of small steps, the order is
visible in one place and a new step is a line in ``BEFORE_PARSE`` / ``AFTER_PARSE`` plus a function (a step in
understanding_steps.py, or a hook's condition in understanding_when.py), instead of another branch in the
dispatcher. A step returns the replies when the message is its kind, else None (the next
step is tried); steps after the parse read ``deps.parse`` and may replace it with a better reading.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.core.deps import Deps
from bot.core.named_question_step import question_naming_a_product
from bot.core.replies import Reply
from bot.core.understanding_steps import (
    Hook,
    Step,
    bought_item_problem,
    cart_quantity_said,
    focus_by_name,
    greeting_lead_off,
    language_switch,
    nlu_yes_no,
    request_after_yes_no,
    typed_contractions,
    typed_yes_no,
)
from bot.core.understanding_when import (
    asks_by_abbreviation,
    asks_for_product,
    bare_reference,
    frames_a_product,
    gift_code,
    price_of_shown,
    question_about_open,
    something_on_screen,
    unsure_or_out_of_scope,
    uses_gift_card,
)

if TYPE_CHECKING:
    from bot.core.dispatcher import Dispatcher

# Hook and Step are defined in understanding_steps.py; the table's entries are of these shapes.
__all__ = ["AFTER_PARSE", "BEFORE_PARSE", "FOLLOW_UPS", "Hook", "Step"]

# Pseudo-intents offered every message about what is on screen, after the NLU and before its intent runs:
# "compare the first two" / "对比一下前两个" (shopping.compare), "in black?" / "有M码吗" / "between $50 and $150"
# (shopping.option_followups), "any reviews for this one?" (community.reviews), "which has better battery"
# (shopping.which_shown). Each returns None for a message that is not its kind.
FOLLOW_UPS = ("flash_follow_up", "compare_follow_up", "which_shown", "option_follow_up", "stock_follow_up",
              "reviews_question", "buy_in_view")


def _follow_ups() -> Step:
    hooks = [Hook(name, something_on_screen) for name in FOLLOW_UPS]

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
    Hook("apply_coupon", gift_code, owns=True),
    Hook("apply_coupon", uses_gift_card, owns=True),  # "我想用礼品卡" (read as a search): its code is asked for
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
    # "add another mug to that order": a placed order's items can't change; the mug offered for the cart (order_add)
    Hook("add_to_placed_order", lambda deps: not deps.state.checkout),
    bought_item_problem,
    request_after_yes_no,
    cart_quantity_said,
    Hook("product_not_cart"),  # "给我看看T恤" read as view_cart: a search for the product named
    Hook("cart_money_question"),  # "一共多少钱", "满50包邮吗": the cart's total and free shipping, not "which one?"
    Hook("add_brand_not_shown"),  # "add the nike one", no Nike shown: says so, offers the search (brand_not_shown)
    Hook("question_brand_not_shown"),  # "耐克那个有白色吗", no Nike shown: the same, not a Nike never shown
    Hook("place_question"),  # "how much is shipping to texas?": the shop's answer, not the Texas Instruments card
    focus_by_name,
    Hook("add_by_brand"),  # "add the samsung ones" with two Samsung shown: which of those two (brand_add)
    Hook("put_in_cart"),  # "put the cheapest in my basket" read as checkout, or unsure: the add (cart_put)
    # "do you have it in a bigger size?", "有大一码的吗": the sizes above the one chosen, or the range (relative_size)
    Hook("relative_size", something_on_screen),
    Hook("goes_with", something_on_screen),  # "anything that goes with it?", "有配件吗": other departments (goes_with)
    Hook("which_add_answer", lambda deps: bool(deps.topic)),  # "the first one" after "Which one?" for an add
    Hook("show_product_details", bare_reference, owns=True),
    Hook("show_product_details", price_of_shown, owns=True),
    _follow_ups(),
    Hook("compare_named"),  # "iphone 15 和 iphone 15 pro 有什么区别": the two named side by side (compare_named)
    Hook("ask_question", asks_by_abbreviation, owns=True),  # "spf多少", "这个多少GB": not the points panel
    Hook("named_product_question"),  # "whats the best before date on the matcha": about that product (named_question)
    # "change the delivery to express" after the order is placed: that order keeps its option (delivery_change)
    Hook("placed_order_delivery", lambda deps: not deps.state.checkout),
    Hook("policy_question"),  # "can i use two coupons?", "退款多久到账": the FAQ, not the action's panel
    Hook("availability", asks_for_product),  # "猫粮有吗", "有口罩吗": a search for it, not "which did you mean?"
    Hook("product_in_frame", frames_a_product),  # "红米note13pro多少钱", "帮我看看狗窝": a search for it
    question_naming_a_product,  # "french press how big is it", "惠普那台电池怎么样": about the product it names
    Hook("price_named_search"),  # "how much is a kayak": the search says whether the shop has it (price_search)
    Hook("product_phrase", unsure_or_out_of_scope),
    Hook("ask_question", question_about_open, owns=True),
)
