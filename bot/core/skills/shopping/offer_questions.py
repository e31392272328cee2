""""How much more do I need to spend for the bigger discount?" / "再满多少能减更多": the answer from the cart and the
running "spend X save Y" offers.

WHY: the NLU read the question as feedback ("再满多少能减更多" opened ticket T1001) or as a coupon's minimum
spend (the FAQ about SAVE5), and the shopper never learnt the number they asked for. The pricing engine already
knows it: the cart's breakdown carries the tier reached (``OfferTierSaving``) and the next one with what is
missing (``NextOfferTier``, docs/pricing.md); with an empty cart the offer's tiers say where they start.
"""

from __future__ import annotations

import re
from datetime import datetime

from bot.core.services import Services
from bot.core.skills.shopping.savings import offer_name, tier_text
from bot.i18n import Translator
from store.cart import CartView
from store.pricing.listing import OfferInfo, current_promotions
from store.pricing.reasons import NextOfferTier, OfferTierSaving

__all__ = ["asks_next_tier", "offer_tier_note"]

# Asking how far the cart is from a (bigger) saving ...
_HOW_FAR = re.compile(
    r"(再|还)(要)?(满|买|凑|花|差)(多少|几)|还差多少|差多少|满多少|多少.{0,4}(才|能|可以|就)|下一档|更高一档|高一档|"
    r"减更多|省更多|\bhow much more\b|\bhow far\b|\bnext (tier|level|discount)\b|\b(higher|bigger|larger|better|"
    r"next) (tier|discount|saving|offer|deal)\b|\b(need|have) to (spend|add|buy)\b|\bmore to (spend|save|get)\b|"
    # the offer quoted ("spend 200 save 30 how does that work", "how does spend more save more work?")
    r"\bspend\s+(?:more|\$?\d[\d.,]*)\W+(?:and\s+|to\s+)?(?:save|get)\s+(?:more|\$?\d)",
    re.IGNORECASE)
# ... in the words of the offer (a discount, not free shipping, which ``cart_questions`` answers).
_SAVING = re.compile(r"满减|减|优惠|省|折|档|\bdiscounts?\b|\bsav(e|ing|ings)\b|\boff\b|\btiers?\b|\boffers?\b",
                     re.IGNORECASE)


def asks_next_tier(text: str) -> bool:
    return bool(_HOW_FAR.search(text) and _SAVING.search(text))


def _tiers(offer: OfferInfo, t: Translator) -> str:
    """"Spend more, save more: $10.00 off $100.00, $30.00 off $200.00" (as the promotions list says it)."""
    tiers = ("，" if t.language == "zh" else ", ").join(
        t("{saving} off {threshold}", saving=saving.format(), threshold=threshold.format())
        for threshold, saving in offer.tiers)
    return t("{offer}: {tiers}.", offer=offer_name(offer.name, offer.name_zh, t), tiers=tiers)


async def offer_tier_note(services: Services, cart: CartView, t: Translator, now: datetime) -> str:
    """What the cart saves now, what the next tier needs (or that the top one is reached), or, for an empty
    cart, the offer's tiers."""
    breakdown = cart.breakdown
    currency = breakdown.currency if breakdown is not None else services.settings.currency
    async with services.uows.read() as uow:
        offers = [o for o in (await current_promotions(uow, now)).offers
                  if o.tiers and o.tiers[0][0].currency == currency]
    if not offers:
        return t("There is no spend-and-save offer running right now.")
    if cart.is_empty or breakdown is None:
        return t("Your cart is empty, so no tier is reached yet.") + " " + " ".join(_tiers(o, t) for o in offers)
    reached = next((a.reason for a in breakdown.adjustments if isinstance(a.reason, OfferTierSaving)), None)
    upcoming = next((h for h in breakdown.hints if isinstance(h, NextOfferTier)), None)
    notes: list[str] = []
    if reached is not None:
        notes.append(t("Your items ({base}) reach {offer}: {tier}, so you save {saving}.", base=reached.base.format(),
                       offer=offer_name(reached.offer_name, reached.offer_name_zh, t), saving=reached.applied.format(),
                       tier=tier_text(reached.threshold.format(), reached.saving.format(), reached.tier,
                                      reached.tiers, t)))
    if upcoming is not None:
        name = offer_name(upcoming.offer_name, upcoming.offer_name_zh, t)
        notes.append(t("Add {more} more to save {saving} ({offer}: {tier}).", more=upcoming.missing.format(),
                       saving=upcoming.saving.format(), offer=name,
                       tier=tier_text(upcoming.threshold.format(), upcoming.saving.format(), upcoming.tier,
                                      upcoming.tiers, t)))
        if upcoming.current.amount < breakdown.subtotal.amount:
            notes.append(t("Items bought at a flash-sale price don't count towards it."))
    elif reached is not None:
        notes.append(t("That is the top tier: spending more doesn't save more."))
    else:  # nothing in the cart counts (flash-sale items only, say): the tiers, as for an empty cart
        notes.append(" ".join(_tiers(o, t) for o in offers))
    return ("" if t.language == "zh" else " ").join(notes)
