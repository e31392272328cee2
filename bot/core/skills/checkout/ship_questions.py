"""Questions about the delivery options typed during checkout ("is there anything faster?", "有没有便宜点的快递",
"what's the difference between standard and express?"): the options offered for this address, each with its
price and delivery time, the cheapest or fastest named when that is what was asked, and the step kept open.

WHY: a question is not a choice. "有没有便宜点的快递" ("is there a cheaper courier?") named "cheap" and chose
standard delivery, moving on to payment; "is there anything faster?" and "is there a cheaper fast option?" reached
the NLU, which heard "deals" and showed the promotions panel; "what's the difference between standard and
express?" was read as a question about the product in view and got "I don't know that about …". A request that
is not a question ("standard please", "便宜的那个就行") still chooses (``checkout.typed``).
"""

from __future__ import annotations

import html
import re
from typing import Literal

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Reply, Text
from bot.core.services import Services
from bot.core.skills.checkout import for_order
from bot.core.skills.checkout.labels import shipping_label
from bot.core.state import Conversation
from bot.i18n import Translator
from store.cart import get_cart
from store.models.orders import ShippingOption
from store.money import Money
from store.shipping.options import ShippingQuote, available_options

__all__ = ["Asked", "asks_about_options", "offered", "options_answer"]

Asked = Literal["cheap", "fast", "both", "all"]

# A question, including the ones written without a question mark: "is there anything faster", "有没有更快的".
_ASKS = re.compile(r"[?？]|^\s*(how|what|what'?s|which|when|why|is|are|does|do|can|could|will|would|any)\b|"
                   r"\bis\s+there\b|\bare\s+there\b|多久|多长|什么|怎么|为什么|哪个|哪种|哪一个|吗|呢|区别|有没有|"
                   r"有无|还有别的", re.I)
# What makes it about delivery: its words or an option's name.
_SUBJECT = re.compile(r"\b(shipping|ship|delivery|deliver|courier|post(age)?|options?|choices?|standard|express|"
                      r"pick\s*-?\s*up|next\s*day|overnight)\b|快递|配送|运费|邮费|物流|发货|送货|寄|标准|加急|特快|"
                      r"自提|到店|方式", re.I)
_CHEAP = re.compile(r"\bcheap(er|est)?\b|\bless\s+expensive\b|\blower\s+price\b|\bcosts?\s+less\b|\bsave\s+money\b|"
                    r"便宜|省钱|划算|实惠|低价|少花", re.I)
_FAST = re.compile(r"\b(fast(er|est)?|quick(er|est)?|sooner|soonest|earlier|speedier)\b|(?<!快)快(?!递)", re.I)
_COMPARE = re.compile(r"\b(difference|differ(s|ent)?|compare|comparison|vs\.?|versus)\b|区别|不同|差别|差异|比较", re.I)
# Words that may stand around a bare comparison ("is there anything faster?", "哪个最快"): with nothing else in
# the message, it asks about the options on screen; "which mug is cheapest?" names something else.
_FILLER = re.compile(r"\b(is|are|there|any|anything|something|a|an|the|one|ones|which|what|what'?s|whats|it|that|"
                     r"this|much|more|even|bit|little|i|we|can|could|get|have|do|does|you|your|got|please|than|"
                     r"and|or|also|maybe|here|way|between|two|them|these|those|of|to|for|is|there'?s|other|else|"
                     r"option|options|choice|choices)\b|有没有|有无|还有|没有|有|的|更|最|一点|点|些|一些|吗|呢|哪个|"
                     r"哪种|哪一个|那个|这个|选|可以|能|我|要|是|么|啊|呀|吧|还|别的|其他|一下", re.I)


def asks_about_options(text: str) -> Asked | None:
    """What a question about the delivery options asks for (None: not such a question)."""
    if not _ASKS.search(text):
        return None
    plain = text.replace("快递", " 快递 ")
    cheap, fast = bool(_CHEAP.search(plain)), bool(_FAST.search(plain))
    if not _SUBJECT.search(text):
        if not (cheap or fast or _COMPARE.search(plain)):
            return None
        rest = _FILLER.sub(" ", _COMPARE.sub(" ", _FAST.sub(" ", _CHEAP.sub(" ", plain))))
        if re.sub(r"[\W_]+", "", rest):
            return None  # "which mug is the cheapest?": about something else
    return "both" if cheap and fast else "cheap" if cheap else "fast" if fast else "all"


async def offered(services: Services, user_id: int, state: Conversation) -> tuple[Money, list[ShippingQuote]] | None:
    """What the items cost and the options that serve the chosen address, priced (None: the cart is empty)."""
    from bot.core.skills.checkout.steps import address_country

    if "order" in state.checkout:
        merchandise = for_order.merchandise(await for_order.load(services, user_id, int(state.checkout["order"])))
    else:
        async with services.uows() as uow:
            cart = await get_cart(uow, user_id, services.clock())
        if cart.breakdown is None:
            return None
        merchandise = cart.breakdown.total
    country = await address_country(services, user_id, state)
    return merchandise, available_options(merchandise, is_digital=False, country=country,
                                          zones=services.settings.shipping_zones)


def _price(q: ShippingQuote, t: Translator) -> str:
    return t("free") if q.price.amount == 0 else q.price.format()


def _days(q: ShippingQuote, t: Translator) -> str:
    return t("today") if q.days == "0" else t("{days} days", days=q.days)


def _first_day(q: ShippingQuote) -> int:
    return int(q.days.split("-")[0])


def _leads(asked: Asked, quotes: list[ShippingQuote], services: Services, t: Translator) -> list[str]:
    delivered = [q for q in quotes if q.option is not ShippingOption.PICKUP]
    pickup = next((q for q in quotes if q.option is ShippingOption.PICKUP), None)
    leads = []
    if asked in ("fast", "both") and delivered:
        fastest = min(delivered, key=_first_day)
        leads.append(t("The fastest delivery is {option} ({days}, {price}).", option=shipping_label(fastest.option, t),
                       days=_days(fastest, t), price=_price(fastest, t)))
        if pickup is not None:
            leads.append(t("If you can collect it, {option} is ready today.", option=shipping_label(pickup.option, t)))
    if asked in ("cheap", "both") and delivered:
        cheapest = min(delivered, key=lambda q: (q.price.amount, _first_day(q)))
        if pickup is not None and pickup.price.amount < cheapest.price.amount:
            leads.append(t("The cheapest is {pickup} ({pickup_price}); the cheapest delivery to your address is "
                           "{option} ({price}).", pickup=shipping_label(pickup.option, t),
                           pickup_price=_price(pickup, t), option=shipping_label(cheapest.option, t),
                           price=_price(cheapest, t)))
        else:
            leads.append(t("The cheapest delivery to your address is {option} ({price}).",
                           option=shipping_label(cheapest.option, t), price=_price(cheapest, t)))
    if not leads:
        leads.append(t("Here are the delivery options for this order:"))
    return leads


def _line(q: ShippingQuote, chosen: str | None, services: Services, t: Translator) -> str:
    line = "• " + t("{option}: {price}, {days}", option=shipping_label(q.option, t), price=_price(q, t),
                    days=_days(q, t))
    point = services.settings.shipping_zones.pickup
    sep = "" if t.language == "zh" else " "
    if q.option is ShippingOption.PICKUP and point is not None:
        line += sep + t("(you collect it at our {city} pickup counter)", city=html.escape(point.city))
    if q.option.value == chosen:
        line += sep + t("(chosen)")
    return line


async def options_answer(asked: Asked, services: Services, user_id: int, state: Conversation, t: Translator,
                         codec: CallbackCodec) -> list[Reply] | None:
    """The answer and the shipping step (its buttons choose); None when there is nothing to list (empty cart, no
    option serves the address: the step itself says so)."""
    from bot.core.skills.checkout.steps import shipping_step

    found = await offered(services, user_id, state)
    if found is None or not found[1]:
        return None
    quotes = found[1]
    chosen = state.checkout.get("ship")
    sep = "" if t.language == "zh" else " "
    lines = [sep.join(_leads(asked, quotes, services, t)), *(_line(q, chosen, services, t) for q in quotes)]
    if chosen is not None:
        lines.append(t("Tap an option below to change the delivery, or the one chosen to keep it and pay."))
    return [Text("\n".join(lines)), *await shipping_step(services, user_id, state, t, codec)]
