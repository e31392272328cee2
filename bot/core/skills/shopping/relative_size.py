"""A size relative to another: "do you have it in a bigger size?", "a size down?", "有大一码的吗", "小一号的呢".

WHY: with a hiking shoe open, "do you have it in a bigger size?" answered that its listing "doesn't say anything
about capacity", "does it come in a smaller size" quoted "Fit: True to size;" and "is there a larger size" searched
"hiking shoes larger". The answer is in the product's own sizes: those above (or below) the size of it in the
cart, or, with none chosen yet, its range and its largest (smallest) size, with the buttons to pick one.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from datetime import datetime

from bot.core.callbacks import CallbackCodec
from bot.core.reference_words import product_meant
from bot.core.replies import Reply, Text, keyboard
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.shopping.cart_swap import kept_options, swap_rows, swap_topic
from bot.core.skills.shopping.cart_view import LineInfo, line_infos
from bot.core.skills.shopping.details import variant_buttons
from bot.core.skills.shopping.picker_answer import picker_topic
from bot.core.skills.shopping.products import (
    Shown,
    active_variants,
    display_title,
    load_shown,
    product_named,
)
from bot.core.skills.shopping.size_order import size_key, size_of
from bot.core.skills.shopping.words import size_name
from bot.core.state import Conversation
from bot.i18n import Translator
from nlu.result import ParseResult
from store.cart import get_cart
from store.catalog.views import ProductView, VariantView

__all__ = ["router", "size_direction", "relative_size"]

router = Router("shopping.relative_size")

_SIZE = r"(?:size|sz)"
_BIGGER = re.compile(
    rf"\b(?:bigger|larger|next)\s+{_SIZE}\b|\b{_SIZE}\s+(?:up|bigger|larger)\b|"
    r"大一(?:号|码|个码|点的?(?:码|尺码|号))|更大(?:的)?(?:码|尺码|号)|大码|加大码", re.IGNORECASE)
_SMALLER = re.compile(
    rf"\bsmaller\s+{_SIZE}\b|\b{_SIZE}\s+(?:down|smaller)\b|"
    r"小一(?:号|码|个码|点的?(?:码|尺码|号))|更小(?:的)?(?:码|尺码|号)|小码", re.IGNORECASE)
# "bigger ones" / "a larger one" / "有大一点的吗" say a size only of a product that has sizes (a bigger backpack
# is its capacity).
_ONES_BIGGER = re.compile(r"\b(?:bigger|larger)\s+ones?\b|大一点的?(?:吗|呢|有吗|吗？|$)", re.IGNORECASE)
_ONES_SMALLER = re.compile(r"\bsmaller\s+ones?\b|小一点的?(?:吗|呢|有吗|吗？|$)", re.IGNORECASE)


def _direction(up: bool, down: bool) -> int | None:
    return None if up == down else 1 if up else -1


def size_direction(text: str, *, has_sizes: bool = False) -> int | None:
    """+1 for a bigger size, -1 for a smaller one, None when the message asks for neither (or both). With
    ``has_sizes``, "a bigger one" counts too."""
    found = _direction(bool(_BIGGER.search(text)), bool(_SMALLER.search(text)))
    if found is None and has_sizes:
        found = _direction(bool(_ONES_BIGGER.search(text)), bool(_ONES_SMALLER.search(text)))
    return found


def _in_size_order(variants: list[VariantView]) -> list[VariantView]:
    """Each colour's variants smallest first, the colours in their stored order."""
    colours: dict[str, int] = {}
    for v in variants:
        colours.setdefault(_colour(v.attributes) or "", len(colours))
    return sorted(variants, key=lambda v: (colours[_colour(v.attributes) or ""], size_key(size_of(v.attributes) or "")))


def _colour(attributes: Mapping[str, object]) -> str | None:
    return next((str(v).casefold() for k, v in attributes.items() if k.casefold() in ("color", "colour")), None)


def _sizes(product: ProductView) -> list[str]:
    """The product's sizes, smallest first, each once."""
    found = {s for v in active_variants(product) if (s := size_of(v.attributes)) is not None}
    return sorted(found, key=size_key)


async def _line_in_cart(services: Services, product: ProductView, user_id: int, now: datetime,
                        lang: str) -> tuple[LineInfo, str] | None:
    """The product's one cart line with a size, and that size (None with no line, or with two sizes in it)."""
    async with services.uows.read() as uow:
        infos = line_infos(await get_cart(uow, user_id, now), lang)
    sized = [(i, s) for i in infos if i.product_external_id == product.external_id
             and (s := size_of(i.line.attributes or {})) is not None]
    return sized[0] if len(sized) == 1 else None


@router.intent("relative_size")
async def relative_size(text: str, parse: ParseResult | None, services: Services, state: Conversation,
                        t: Translator, lang: str, codec: CallbackCodec, user_id: int,
                        now: datetime) -> list[Reply] | None:
    """Not an NLU intent: offered each message with a product open or one shown; None unless it asks for a
    bigger or smaller size of that product."""
    if size_direction(text, has_sizes=True) is None:
        return None
    about = product_meant(parse, state)
    product = await product_named(services.uows, about) if about else None
    if product is None and about is None and len(state.last_results) > 1 and size_direction(text) is not None:
        # "有大一码的吗" under a list of shoes: which one (it searched "跑步鞋 有大一码")
        from bot.core.skills.shopping.details import which_one

        return [await which_one(services, state, t, lang, codec, user_id)]
    if product is None:
        return None
    sizes = _sizes(product)
    direction = size_direction(text, has_sizes=bool(sizes))
    if direction is None:
        return None  # "a bigger one" of a product without sizes: its capacity, not a size
    if not sizes:
        title = html.escape(display_title(product, lang))
        return [Text(t("<b>{title}</b> comes in one size only.", title=title))]
    state.focus_sku = product.external_id
    return [await _answer(product, sizes, direction, services, state, t, lang, codec, user_id, now)]


def _then(lang: str, first: str, second: str) -> str:
    """Two sentences: a space between them in English, none in Chinese."""
    return first + second if lang == "zh" else f"{first} {second}"


async def _answer(product: ProductView, sizes: list[str], direction: int, services: Services, state: Conversation,
                  t: Translator, lang: str, codec: CallbackCodec, user_id: int, now: datetime) -> Reply:
    title = html.escape(display_title(product, lang))
    named = html.escape(", ".join(size_name(s, lang) for s in sizes))
    in_cart = await _line_in_cart(services, product, user_id, now, lang)
    if in_cart is not None:
        return _from_cart_line(product, sizes, direction, in_cart, state, t, lang, codec, user_id)
    in_stock = _in_size_order([v for v in active_variants(product) if v.stock > 0 and size_of(v.attributes)])
    if not in_stock:
        return Text(t("Sorry, those sizes of <b>{title}</b> are sold out right now. Its sizes: {sizes}.",
                      title=title, sizes=named))
    first, last = html.escape(size_name(sizes[0], lang)), html.escape(size_name(sizes[-1], lang))
    lead = t("<b>{title}</b> comes in sizes {first} to {last}; the largest is {edge}.", title=title, first=first,
             last=last, edge=last) if direction > 0 else \
        t("<b>{title}</b> comes in sizes {first} to {last}; the smallest is {edge}.", title=title, first=first,
          last=last, edge=first)
    loaded = await load_shown(services.uows, [product.id], now)
    rows = variant_buttons(in_stock, loaded[0] if loaded else Shown(product), t, lang, codec, user_id, 1)
    state.topic = picker_topic(product, 1)
    return Text(_then(lang, lead, t("Which would you like?")), buttons=keyboard(*rows))


def _from_cart_line(product: ProductView, sizes: list[str], direction: int, in_cart: tuple[LineInfo, str],
                    state: Conversation, t: Translator, lang: str, codec: CallbackCodec, user_id: int) -> Reply:
    """The sizes above (below) the one in the cart, as buttons that change that line."""
    info, current = in_cart
    title = html.escape(display_title(product, lang))
    size = html.escape(size_name(current, lang))
    wanted = [s for s in sizes if s != current and (size_key(s) > size_key(current)) == (direction > 0)]
    if not wanted:
        lead = t("{size} is the largest size of <b>{title}</b>.", size=size, title=title) if direction > 0 else \
            t("{size} is the smallest size of <b>{title}</b>.", size=size, title=title)
        return Text(_then(lang, lead, t("Its sizes: {sizes}.",
                                        sizes=html.escape(", ".join(size_name(s, lang) for s in sizes)))))
    in_stock = _in_size_order([v for v in active_variants(product) if v.stock > 0 and size_of(v.attributes) in wanted])
    if not in_stock:
        return Text(t("Sorry, those sizes of <b>{title}</b> are sold out right now. Its sizes: {sizes}.",
                      title=title, sizes=html.escape(", ".join(size_name(s, lang) for s in sizes))))
    shown = html.escape(", ".join(size_name(s, lang) for s in wanted))
    lead = t("Bigger than the {size} in your cart: {sizes}.", size=size, sizes=shown) if direction > 0 else \
        t("Smaller than the {size} in your cart: {sizes}.", size=size, sizes=shown)
    # the other sizes in the line's colour (the grey pair stays grey), all of them when none is
    kept = kept_options(in_stock, {k: str(v) for k, v in (info.line.attributes or {}).items()}, {"size": current})
    state.topic = swap_topic(info, {"size": current})
    return Text(_then(lang, lead, t("Which should your cart have instead?")),
                buttons=keyboard(*swap_rows(info, kept, t, lang, codec, user_id)))
