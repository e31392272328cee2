"""The shapes of the understanding table's entries (``Step``, ``Hook``) and the steps in it that do more than offer
the message to one skill's hook: rewrite the text, press a yes/no button, read the rest after a lead-in, or
improve the parse for the steps after them.

WHY a module of its own: bot/core/understanding.py is the table, whose order is the policy; each step here says
in its docstring which real message it answers. Kept apart so the table stays readable at a glance, and so the
conditions a hook is offered under (understanding_when.py) can share ``parsed``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from bot.core.deps import Deps
from bot.core.followups import after_lead_in, asks_languages, language_asked
from bot.core.greeting_lead import without_greeting
from bot.core.reference_words import brand_as_reference, naming
from bot.core.replies import Reply
from bot.core.typed_answers import nlu_answer, typed_answer
from bot.core.typed_contractions import restore_contractions
from nlu.result import IntentScore, ParseResult

if TYPE_CHECKING:
    from bot.core.dispatcher import Dispatcher

__all__ = ["Step", "Hook", "parsed", "language_switch", "typed_contractions", "greeting_lead_off", "typed_yes_no",
           "parse_message", "nlu_yes_no", "bought_item_problem", "request_after_yes_no", "cart_quantity_said",
           "focus_by_name"]

Step = Callable[["Dispatcher", Deps], Awaitable[list[Reply] | None]]


def parsed(deps: Deps) -> ParseResult:
    """The NLU's reading, for a step after the parse."""
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
    parse = parsed(deps)
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
    parse = parsed(deps)
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
    deps.parse = replace(parsed(deps), intent=IntentScore("update_cart", 1.0), is_fallback=False)
    return list(set_line)


async def focus_by_name(d: Dispatcher, deps: Deps) -> list[Reply] | None:
    """"the uniqlo one" with a list shown: that product is in focus (named_on_screen), and the words that named it
    become a reference to it. Replies nothing: it only improves the reading for the steps after it."""
    named = d.router.intents.get("focus_by_name")
    parse = parsed(deps)
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
