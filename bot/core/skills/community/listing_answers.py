"""A question about one product answered from its own listing: "the 3rd one - is it durable?", "is the second one
good for running?", "第二个防水吗", "这个续航多久".

WHY: the Q&A scores the question against every sentence of the description and, without an entry of its own,
quoted the closest one however unrelated ("I think this answers it: Three sizes of silicone ear tips" for
"durable", the title for "good for running"), or said "I don't know that about …" while the listing stated the
figure ("IPX5"). When the question is about an aspect the listing can state (``shopping.aspects``), the answer is
that figure and the description's sentences on it; when the listing says nothing about it, the shopper is told so
plainly, with what it does say, and the staff button.
"""

from __future__ import annotations

import html
import re
from typing import Any

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Button, Reply, Text, keyboard
from bot.core.services import Services
from bot.core.skills.community.fit_answers import asks_about_fit
from bot.core.skills.community.question_scope import CJK
from bot.core.skills.shopping.aspects import (
    Aspect,
    aspect_asked,
    description_sentences,
    figure_of,
    flag_of,
    sentences_about,
)
from bot.core.skills.shopping.attributes import attribute_lines, attribute_name, attribute_value
from bot.core.skills.shopping.products import display_title, product_named
from bot.core.skills.shopping.words import short_label
from bot.i18n import Translator
from store.catalog.views import ProductView

__all__ = ["listing_reply", "listing_states"]

# Price, ratings and sales are on the card and have their own answers (details, reviews).
_OWN_ANSWERS = ("price", "rating", "sales")


def _aspect(question: str) -> Aspect | None:
    aspect = aspect_asked(question)
    if aspect is None or aspect.kind in _OWN_ANSWERS or asks_about_fit(question):
        return None  # "does it run small": the fit attribute (fit_answers)
    return aspect


def listing_states(question: str, product: ProductView) -> bool:
    """Whether the product's attributes give the figure or yes/no asked ("is it waterproof?" and it has an IPX
    rating): that beats any sentence the Q&A found."""
    aspect = _aspect(question)
    if aspect is None:
        return False
    if aspect.kind == "flag":
        return any(isinstance(product.attributes.get(k), bool) for k in aspect.keys)
    # a text aspect with attributes of its own ("material"): those state it
    return aspect.kind in ("number", "text") and any(k in product.attributes for k in aspect.keys)


def _options_of(aspect: Aspect, product: ProductView) -> list[str]:
    """The values its options come in when the figure is an option ("128GB", "256GB" of a phone), smallest first:
    the figure of one option (the largest, as comparisons use) is not the product's ("storage: 256GB" answered a
    phone sold in both)."""
    if any(k in product.attributes for k in aspect.keys):
        return []
    values = list(dict.fromkeys(str(v.attributes[k]) for v in product.variants if v.is_active
                                for k in aspect.keys if k in v.attributes))
    number = re.compile(r"\d+(?:\.\d+)?")
    return sorted(values, key=lambda v: float(m.group(0)) if (m := number.search(v)) else 0.0)


def _quoted(sentences: list[str]) -> str:
    return " ".join(f"“{html.escape(s)}”" for s in sentences)


async def listing_reply(services: Services, question: str, sku: str, answer: Any, t: Translator,
                        codec: CallbackCodec, user_id: int) -> list[Reply] | None:
    """The answer from the listing, or None when the question is about no aspect a listing states, or when the
    knowledge base's ``answer`` is a confident one written for it (staff, a shopper, the FAQ) and the listing
    has no figure that settles it."""
    from bot.core.skills.community.questions import is_confident
    from store.models.knowledge_base import AnswerSource

    aspect = _aspect(question)
    if aspect is None:
        return None
    product = await product_named(services.uows, sku)
    if product is None:
        return None
    written = is_confident(services, answer) and answer.source != AnswerSource.PRODUCT_DESCRIPTION
    if written and not listing_states(question, product):
        return None
    lang = t.language
    title = html.escape(short_label(display_title(product, lang), 70))
    what = html.escape(t(aspect.name))
    said = sentences_about(aspect, product, 2, lang)
    lines: list[str] = []
    if aspect.kind == "number":
        keys = {k: attribute_value(k, v, t) for k, v in product.attributes.items() if k in aspect.keys}
        figure = figure_of(aspect, product, keys)
        options = _options_of(aspect, product)
        if figure is not None or len(options) > 1:
            value = html.escape(("、" if lang == "zh" else ", ").join(options) if len(options) > 1
                                else figure.shown if figure is not None else "")
            lines.append(t("<b>{title}</b> — {what}: {value}.", title=title, what=what, value=value))
    elif aspect.kind == "flag":
        flag = flag_of(aspect, product)
        if flag is not None:
            lines.append(t("<b>{title}</b> — {what}: {value}.", title=title, what=what,
                           value=t("yes") if flag else t("no")))
    elif aspect.kind == "text":  # "是什么面料": "材质：…" (the attributes that state it)
        lines += [t("<b>{title}</b> — {what}: {value}.", title=title, what=html.escape(attribute_name(k, t)),
                    value=html.escape(attribute_value(k, v, t)))
                  for k, v in product.attributes.items() if k in aspect.keys and v not in (None, "", [], {})]
    # Its other attributes that speak of it ("Material: …, water-repellent coating" for "is it waterproof?")
    noted = [line for k, v in product.attributes.items() if k not in aspect.keys and isinstance(v, str)
             and aspect.mentions is not None and aspect.mentions.search(v) for line in attribute_lines({k: v}, t)]
    if said or noted:
        if lines:
            lead = t("The listing says:")
        elif aspect.kind == "number":  # "Charges over USB-C" is about the battery but gives no battery life
            lead = t("The listing of <b>{title}</b> doesn't give its {what}. What it says about it:",
                     what=what, title=title)
        else:
            lead = t("About {what}, the listing of <b>{title}</b> says:", what=what, title=title)
        if lang == "zh" and said and not any(CJK.search(s) for s in said):
            lines.append(t("The product details are only available in English:"))
        lines.append(f"{lead}{'' if lang == 'zh' else ' '}{_quoted(said)}".rstrip())
        lines += noted
    source = f"\n\n<i>{t('From the product description')}</i>"
    details = Button(t("ℹ️ Details"), data=codec.encode(user_id, "pd", product.id))
    if lines:
        return [Text("\n".join(lines) + source, buttons=keyboard([details]))]
    return [Text(_silent(product, title, what, t) + source,
                 buttons=keyboard([details, Button(t("Ask staff"), data=codec.encode(user_id, "qa", "post", "s"))]))]


def _silent(product: ProductView, title: str, what: str, t: Translator) -> str:
    """The listing is silent on it: say so, with what it does say, and offer staff."""
    lines = [t("The listing of <b>{title}</b> doesn't say anything about {what}.", title=title, what=what)]
    opening = description_sentences(product, t.language)[:2]
    facts = attribute_lines(product.attributes, t)[:3]
    if opening or facts:
        lines.append(t("Here is what it says:"))
        if opening and t.language == "zh" and not any(CJK.search(s) for s in opening):
            lines.append(t("The product details are only available in English:"))
        if opening:
            lines.append(_quoted(opening))
        lines += facts
    lines.append(t("Our staff can find out for you."))
    return "\n".join(lines)
