"""Part of an option typed at the variant picker: "42" under "Grey / EU 42", "黑" under "黑色 / M", "char" under
"Charcoal": when exactly one option in stock fits, that one is added.

WHY before the NLU: the picker's answer went through the NLU's entities, which do not see a bare "42" as a size
(it read "42" as goodbye and said "Bye!") nor "黑" as a colour when the options are named otherwise, so the
shopper was shown the picker again or lost it. Right after a picker (``state.topic`` "picker:<sku>:<qty>", this
event only) the typed words are matched against the options of that product alone, in both languages; anything
that is not a unique fit (two options, a question, words that are not options) goes on to the NLU as before.
"""

from __future__ import annotations

import re
from datetime import datetime

from bot.core.callbacks import CallbackCodec
from bot.core.followups import is_question
from bot.core.replies import Reply
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.shopping.details import matching_variants, variant_picker
from bot.core.skills.shopping.picker_answer import picker_topic, queued_after, read_topic
from bot.core.skills.shopping.picker_quantity import picker_quantity
from bot.core.skills.shopping.products import NOT_OPTIONS, active_variants, product_named
from bot.core.skills.shopping.words import option_value
from bot.core.state import Conversation
from bot.i18n import Translator
from store.catalog.views import ProductView, VariantView

__all__ = ["router", "picker_typed_answer", "typed_option"]

router = Router("shopping.picker_typed")

# Words around an option that are not part of it ("size 42 pls", "要黑色的", "the black one").
_FILLER = frozenset({"size", "colour", "color", "the", "one", "pls", "please", "plz", "in", "a", "i'll", "take",
                     "want", "i", "get", "me", "ok", "okay", "then", "just", "that", "for", "码", "号", "的", "要",
                     "吧", "个", "款", "那个", "就", "我要", "要个", "给我", "来",
                     # A change of mind before the choice ("算了还是要s码吧", "actually make it size S", "no wait,
                     # the black"): the choice, not a cancel (the model read "算了…" as deny and dropped it).
                     "actually", "make", "it", "instead", "rather", "change", "switch", "no", "wait", "sorry",
                     "hmm", "oh", "go", "with", "to", "let's", "lets", "算了", "还是", "换成", "改成", "换", "改",
                     "那", "不对", "不要了"})
_TOKEN = re.compile(r"[\u4e00-\u9fff]+|(?:[^\W\u4e00-\u9fff]|['.-])+")  # "s码": "s" and "码" apart
_CJK = re.compile(r"[\u4e00-\u9fff]")
_MAX_TOKENS = 4


def _tokens(text: str) -> list[str]:
    found: list[str] = []
    for token in _TOKEN.findall(text.casefold()):
        if _CJK.match(token):  # "要黑色的": the Chinese filler around the option goes too
            for word in sorted(_FILLER, key=len, reverse=True):
                if _CJK.match(word):
                    token = token.replace(word, " ")
            found += token.split()
        elif token not in _FILLER:
            found.append(token)
    return found


def _values(variant: VariantView) -> list[str]:
    """The variant's option values as said in either language ("eu 42", "black", "黑色")."""
    out: list[str] = []
    for key, value in variant.attributes.items():
        if key in NOT_OPTIONS or not isinstance(value, str | int) or not str(value).strip():
            continue
        out += {str(value).strip().casefold(), option_value(key, str(value), "zh").strip().casefold()}
    return out


def _fits(token: str, value: str) -> bool:
    """The whole value, a word of it ("42" of "eu 42"), or its beginning ("黑" of "黑色", "char" of "charcoal")."""
    if token == value or token in value.split():
        return True
    if _CJK.match(token):
        return value.startswith(token)
    return len(token) >= 3 and token.isalpha() and value.startswith(token)


def typed_option(text: str, product: ProductView, said: set[str] | None = None) -> VariantView | None:
    """The one in-stock variant every typed word fits, or None (no words, a word that fits nothing, several).
    ``said``: the options the picker was narrowed to ("black"), where "xs" is looked for first."""
    tokens = _tokens(text)
    if not tokens or len(tokens) > _MAX_TOKENS:
        return None
    fitting = fitting_options(text, product, said)
    return fitting[0] if len(fitting) == 1 else None


def fitting_options(text: str, product: ProductView, said: set[str] | None = None) -> list[VariantView]:
    """The in-stock variants every typed word fits (among those the picker was narrowed to first)."""
    tokens = _tokens(text)
    if not tokens or len(tokens) > _MAX_TOKENS:
        return []
    in_stock = [v for v in active_variants(product) if v.stock > 0]
    narrowed = matching_variants(in_stock, said) if said else []
    for variants in (narrowed, in_stock):
        fitting = [v for v in variants if all(any(_fits(token, value) for value in _values(v)) for token in tokens)]
        if fitting:
            return fitting
    return []


def _said_values(text: str, fitting: list[VariantView]) -> set[str] | None:
    """The option values the typed words name among ``fitting`` ("s" -> "S", "黑" -> "Black"), one per word;
    None when a word fits two values (then the picker is not narrowed by guess)."""
    out: set[str] = set()
    for token in _tokens(text):
        values = {str(raw) for v in fitting for key, raw in v.attributes.items() if key not in NOT_OPTIONS
                  and isinstance(raw, str | int) and any(_fits(token, x) for x in _values_of(key, str(raw)))}
        if len(values) != 1:
            return None
        out |= values
    return out


def _values_of(key: str, raw: str) -> set[str]:
    return {raw.strip().casefold(), option_value(key, raw, "zh").strip().casefold()}


@router.intent("picker_typed_answer")
async def picker_typed_answer(text: str, topic: str | None, services: Services, state: Conversation,
                              t: Translator, lang: str, codec: CallbackCodec, user_id: int,
                              now: datetime) -> list[Reply] | None:
    """Not an NLU intent: the dispatcher offers the message here right after a picker; None: not an answer."""
    read = read_topic(topic)
    if read is None or "?" in text or "？" in text or is_question(text):
        return None
    sku, qty, said = read
    product = await product_named(services.uows, sku)
    if product is None:
        return None
    fitting = fitting_options(text, product, said)
    if len(fitting) > 1 and (wanted := _said_values(text, fitting)):
        # "s码" with S in two colours: the picker again, narrowed to those (the rest said still waits)
        state.focus_sku, state.topic = product.external_id, picker_topic(
            product, qty, said | wanted, then=queued_after(topic, product.external_id))
        return [await variant_picker(product, services, t, lang, codec, user_id, now, qty, said | wanted)]
    if not fitting and (n := picker_quantity(text)) is not None:  # "actually only 2": the picker, for 2
        state.focus_sku, state.topic = product.external_id, picker_topic(
            product, n, said, then=queued_after(topic, product.external_id))
        return [await variant_picker(product, services, t, lang, codec, user_id, now, n, said or None)]
    if len(fitting) != 1:
        return None
    from bot.core.skills.shopping.add_several import add_picked

    return await add_picked(topic, fitting[0], product, qty, services, state, t, lang, codec, user_id, now)
