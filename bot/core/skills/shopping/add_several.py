"""Several products of a list added in one message: "I'll take the first and the second", "第一个和第二个都要",
"add the 1st and 3rd".

WHY: the add took the message's first reference only, so the second product was silently left out. Each one
named is added in the order said; a product with options shows its picker, and the ones after it wait in the
picker's topic (``picker_answer.picker_topic(then=...)``): choosing the option, by button or typed, adds it and
goes on to the next (``after_pick``), one question at a time. Doing something else instead drops the rest (the
topic lasts one event), so nothing is added behind the shopper's back later.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Reply, Text
from bot.core.services import Services
from bot.core.skills.shopping.details import variant_picker
from bot.core.skills.shopping.picker_answer import picker_topic, queued_after
from bot.core.skills.shopping.products import active_variants, display_title, product_named
from bot.core.state import Conversation
from bot.i18n import Translator
from nlu.result import ParseResult
from store.cart import MAX_QUANTITY
from store.catalog.views import ProductView, VariantView

__all__ = ["named_several", "add_several", "after_pick", "add_picked"]

_EACH = ("each", "各", "每个", "每样", "都来", "都要")


# "the first two", "前两个", "top 3": the first n shown; "both" / "这两个" when two are shown.
_FIRST_N = re.compile(r"\b(?:the\s+)?(?:first|top)\s+(?P<en>two|three|four|2|3|4)\b|"
                      r"前\s*(?P<zh>[两二三四234])\s*[个件款样]", re.I)
_BOTH = re.compile(r"\bboth\b|这两[个件款样]|两[个件款样]都", re.I)
_N = {"two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4, "两": 2, "二": 2, "三": 3, "四": 4}


def _first_shown(text: str, shown: Sequence[str]) -> list[tuple[str, int]] | None:
    m = _FIRST_N.search(text)
    n = _N[(m.group("en") or m.group("zh")).casefold()] if m is not None else (
        2 if len(shown) == 2 and _BOTH.search(text) else 0)
    return [(sku, 1) for sku in shown[:n]] if 2 <= n <= len(shown) else None


def named_several(text: str, parse: ParseResult | None, shown: Sequence[str] = ()) -> list[tuple[str, int]] | None:
    """The products of the list the message names by position, with the quantity said for each, when it names
    two or more different ones (None otherwise). A quantity counts for the reference after it ("2 of the first
    and the third"), or for all of them with "each" / "各". "the first two" / "前两个" are the first two shown."""
    if parse is None:
        return None
    options = any(e.entity in ("color", "size") for e in parse.entities)  # "both colours": options, not products
    if not options and (first := _first_shown(text, shown)) is not None:
        return first
    refs = sorted((e for e in parse.entities if e.entity == "reference" and e.resolved and e.ordinal is not None),
                  key=lambda e: e.start)
    skus: list[str] = []
    for e in refs:
        if str(e.value) not in skus:
            skus.append(str(e.value))
    if len(skus) < 2:
        return None
    counts = [e for e in parse.entities if e.entity == "quantity" and str(e.value).isdigit()]
    each = len(counts) == 1 and any(w in text.casefold() for w in _EACH)
    out: list[tuple[str, int]] = []
    before = 0
    for e in refs:
        said = [c for c in counts if before <= c.start < e.start]
        qty = int(counts[0].value) if each else int(said[-1].value) if said else 1
        before = e.end
        if str(e.value) not in (sku for sku, _ in out):
            out.append((str(e.value), max(1, min(qty, MAX_QUANTITY))))
    return out


async def add_several(items: Sequence[tuple[str, int]], services: Services, state: Conversation, t: Translator,
                      lang: str, codec: CallbackCodec, user_id: int, now: datetime) -> list[Reply]:
    """Add each product in turn; stop at the first one whose option is still open and show its picker, with the
    rest waiting in its topic."""
    from bot.core.skills.shopping.adding import add_and_confirm

    replies: list[Reply] = []
    for i, (sku, qty) in enumerate(items):
        product = await product_named(services.uows, sku)
        if product is None:
            continue
        variants = active_variants(product)
        if len(variants) == 1:
            state.topic = None  # each confirmation is its own; the topic is the last one's
            replies.append(await add_and_confirm(services, state, variants[0], product, qty, t, lang, codec,
                                                 user_id, now))
            continue
        rest = list(items[i + 1:])
        picker = await variant_picker(product, services, t, lang, codec, user_id, now, qty)
        state.focus_sku = product.external_id
        state.topic = picker_topic(product, qty, None, then=rest)
        replies.append(await _with_next(picker, rest, services, t, lang))
        break
    return replies


async def _with_next(picker: Reply, rest: Sequence[tuple[str, int]], services: Services, t: Translator,
                     lang: str) -> Reply:
    """The picker with a line saying which product comes after it, so the shopper knows it is not forgotten."""
    if not rest or not isinstance(picker, Text):
        return picker
    following = await product_named(services.uows, rest[0][0])
    if following is None:
        return picker
    note = t("Next: <b>{title}</b>.", title=html.escape(display_title(following, lang)))
    return replace(picker, text=picker.text + "\n" + note)


async def after_pick(topic: str | None, product: ProductView, services: Services, state: Conversation,
                     t: Translator, lang: str, codec: CallbackCodec, user_id: int, now: datetime) -> list[Reply]:
    """The next products said with this one, once its option was chosen (none: nothing)."""
    rest = queued_after(topic, product.external_id)
    return await add_several(rest, services, state, t, lang, codec, user_id, now) if rest else []


async def add_picked(topic: str | None, variant: VariantView, product: ProductView, qty: int, services: Services,
                     state: Conversation, t: Translator, lang: str, codec: CallbackCodec, user_id: int,
                     now: datetime) -> list[Reply]:
    """The option chosen at the picker added, then the next product said with it, if any."""
    from bot.core.skills.shopping.adding import add_and_confirm

    added = await add_and_confirm(services, state, variant, product, qty, t, lang, codec, user_id, now)
    return [added, *await after_pick(topic, product, services, state, t, lang, codec, user_id, now)]
