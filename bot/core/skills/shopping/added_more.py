""""再来一个", "再要两个", "one more", "another one" right after an item was added: more of that item.

WHY: the model read "再来一个" as goodbye (below its threshold) and the shopper got "Sorry, I didn't understand"
right after the confirmation of the item they wanted one more of. Right after an add (``state.topic``
"added:<sku>", this event only), a message that only asks for n more (a count and nothing else) adds n of that
item; anything naming a product or an option goes on to the NLU as before.

With the option picker still open ("picker:<sku>:<qty>", nothing added yet) "再来一个" / "one more" got "没听明白"
the same way: it is one more of what is being picked, so the picker again for that many more, narrowed to the
options already said (the option is still the shopper's to choose; none is guessed).
"""

from __future__ import annotations

import re
from datetime import datetime

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Reply
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.shopping.picker_answer import picker_topic, queued_after, read_topic
from bot.core.state import Conversation
from bot.i18n import Translator
from store.catalog.queries import get_product
from store.errors import NotFound

__all__ = ["router", "more_of_added"]

router = Router("shopping.added_more")

_CN = {"一": 1, "1": 1, "两": 2, "二": 2, "俩": 2, "2": 2, "三": 3, "3": 3}
_ZH = re.compile(r"^(?:那|好的?|嗯)?[，, ]*(?:再|还)(?:来|要|加|拿|买)(?P<n>[一两二俩三123])?"
                 r"(?:个|件|份|杯|双|条|只|盒|瓶|本|套)(?:吧|哈|呢|啊)?[。!！~]*$")
_EN = re.compile(r"^(?:(?:ok|okay|and|yes|yeah)[, ]+)?(?:(?P<n>one|two|three|1|2|3)\s+more|another(?:\s+one)?|"
                 r"add\s+(?:one|1)\s+more)(?:\s+(?:please|pls|of\s+(?:it|those|these|them)))?[.!]*$", re.I)
_EN_N = {"one": 1, "1": 1, "two": 2, "2": 2, "three": 3, "3": 3}


def more_count(text: str) -> int | None:
    """How many more the message asks for, when that is all it says ("再来一个" -> 1, "two more" -> 2)."""
    said = text.strip()
    if (m := _ZH.match(said)) is not None:
        return _CN.get(m.group("n") or "一", 1)
    if (m := _EN.match(said)) is not None:
        return _EN_N.get((m.group("n") or "one").casefold(), 1)
    return None


@router.intent("more_of_added")
async def more_of_added(text: str, topic: str | None, services: Services, state: Conversation, t: Translator,
                        lang: str, codec: CallbackCodec, user_id: int, now: datetime) -> list[Reply] | None:
    """Not an NLU intent: offered the message right after an add; None when it is not "n more"."""
    from bot.core.skills.shopping.adding import ADDED_TOPIC, add_and_confirm
    from bot.core.skills.shopping.products import variant_from_arg

    if not topic or (n := more_count(text)) is None:
        return None
    if (picking := read_topic(topic)) is not None:
        return await _picker_for_more(picking, n, topic, services, state, t, lang, codec, user_id, now)
    if not topic.startswith(ADDED_TOPIC):
        return None
    try:
        async with services.uows.read() as uow:
            variant = await variant_from_arg(uow, topic[len(ADDED_TOPIC):])
            product = await get_product(uow, variant.product_id)
    except NotFound:
        return None
    return [await add_and_confirm(services, state, variant, product, n, t, lang, codec, user_id, now)]


async def _picker_for_more(picking: tuple[str, int, set[str]], n: int, topic: str, services: Services,
                           state: Conversation, t: Translator, lang: str, codec: CallbackCodec, user_id: int,
                           now: datetime) -> list[Reply] | None:
    """The open picker again, for ``n`` more than it was for (the products queued after it still wait)."""
    from bot.core.skills.shopping.details import variant_picker
    from bot.core.skills.shopping.products import product_named

    sku, qty, said = picking
    product = await product_named(services.uows, sku)
    if product is None:
        return None
    state.focus_sku, state.topic = product.external_id, picker_topic(
        product, qty + n, said, then=queued_after(topic, product.external_id))
    return [await variant_picker(product, services, t, lang, codec, user_id, now, qty + n, said or None)]
