"""An option value typed under a result list with nothing open ("有256g的吗" under phones): which products shown
come with it.

WHY: "256g" is no colour or size entity, so the option follow-ups let it pass and the intent's search looked for
"256g" across the shop (honey and Sichuan pepper by their grams). A word with a digit that is part of an option
value of a product on screen ("256g" of "256GB", "42" of "EU 42") asks about those products' options.
"""

from __future__ import annotations

import html
import re
from dataclasses import replace

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Reply, Text
from bot.core.services import Services
from bot.core.skills.shopping.details import which_one
from bot.core.skills.shopping.named_words import only_options_of
from bot.core.skills.shopping.products import display_title, products_named
from bot.core.skills.shopping.words import short_label
from bot.core.state import Conversation
from bot.i18n import Translator
from store.catalog.views import ProductView

__all__ = ["option_word", "shown_with_option"]

_SHOWN = 4


# An option value with a digit: a number with a short unit or label around it ("256g", "42", "eu42", "128gb", "xl2");
# "红米note13pro多少钱" is a product asked about, not an option ("none of those come in 红米note13pro多少钱").
_OPTION_SHAPED = re.compile(r"^[a-z]{0,2}\d+(?:\.\d+)?(?:[a-z]{0,3}|[\u4e00-\u9fff])$", re.IGNORECASE)


def option_word(text: str, asking: re.Pattern[str]) -> str | None:
    """The one word left once the asking words are gone, when it is shaped as an option value ("有256g的吗" ->
    "256g")."""
    words = asking.sub(" ", text).split()
    return words[0] if len(words) == 1 and _OPTION_SHAPED.match(words[0]) else None


def _values_with(word: str, product: ProductView) -> list[str]:
    folded = word.casefold()
    values = (str(v).strip() for variant in product.variants for v in variant.attributes.values())
    return list(dict.fromkeys(v for v in values if v and folded in v.casefold()))


def _has_numbered_options(product: ProductView) -> bool:
    return any(re.search(r"\d", str(v)) for variant in product.variants for v in variant.attributes.values())


async def shown_with_option(word: str, services: Services, state: Conversation, t: Translator, lang: str,
                            codec: CallbackCodec, user_id: int) -> Reply | None:
    """Which shown products come with the option, then which one; None when no product shown has options of
    that kind (a number that is no option: the message goes on as the NLU read it)."""
    shown = [p for p in await products_named(services.uows, state.last_results[:_SHOWN]) if p is not None]
    if not any(_has_numbered_options(p) for p in shown):
        return None
    lines = []
    for i, product in enumerate(shown, 1):
        if only_options_of(word, product):
            title = html.escape(short_label(display_title(product, lang), 40))
            lines.append(f"{i}. <b>{title}</b> — {html.escape(' / '.join(_values_with(word, product)))}")
    if not lines:
        return Text(t("None of the products shown comes in {option}.", option=html.escape(word)))
    ask = await which_one(services, state, t, lang, codec, user_id)
    text = t("These come in {option}:", option=html.escape(word)) + "\n" + "\n".join(lines) + "\n\n" + \
        t("Which one would you like?")
    return replace(ask, text=text) if isinstance(ask, Text) else ask
