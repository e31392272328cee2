"""Claiming a flash sale by typing: "抢一个", "grab one", "I'll take 2", "能买3个吗", "耳机那个还剩几个", with the
list of deals on screen or a sale's product open.

WHY: the deals list and a sale's card only had buttons; typed, "抢一个" got "not sure what you mean" with
[See deals][Write a review], and nobody learnt that the flash price is limited per shopper. A claim here puts
the sale's item in the cart (the cart prices it at the flash price up to the limit, ``store.pricing``) and says
the limit; asking for more than the limit explains it and offers the limit or the number asked (the rest at the
regular price); several sales on screen and none named: which one, one button each.
"""

from __future__ import annotations

import html
import re
from datetime import datetime

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Button, Reply, Text, keyboard
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.community.shop_topics import asks_about_shop
from bot.core.skills.shopping.adding import add_and_confirm
from bot.core.skills.shopping.flash_named import names_another_product
from bot.core.skills.shopping.named_words import shown_named
from bot.core.skills.shopping.products import resolve_ref, sku_code
from bot.core.skills.shopping.targets import leftover_words
from bot.core.state import Conversation
from bot.i18n import Translator
from nlu.result import ParseResult
from store.cart import MAX_QUANTITY
from store.pricing.listing import FlashSaleInfo, current_promotions

__all__ = ["router", "flash_follow_up"]

router = Router("shopping.flash_claim")

_CLAIM = re.compile(r"\b(grab|claim|snag|take|buy|get|order|want|i'?ll have|add)\b|抢|买|拿|下单|"
                    r"[来要加][一二两三四五六七八九十几\d]", re.IGNORECASE)
# Words that only mean a flash claim ("grab", "抢"), unlike add/buy/加/买 which any list takes.
_GRAB = re.compile(r"\b(grab|claim|snag)\b|抢|秒杀", re.IGNORECASE)
_LEFT = re.compile(r"\bhow many\b.*\bleft\b|\bany left\b|还剩|剩几|剩多少|还有几[个件]", re.IGNORECASE)
# Questions about the shop's rules mention a sale but claim nothing ("秒杀的能用优惠券吗", "can i return it").
_POLICY = re.compile(r"优惠券|券|退|换货|发票|coupon|refund|return|invoice", re.IGNORECASE)
# When a sale starts, or a reminder for it, claims nothing either: "明天马克杯几点开抢" and "开抢提醒我一下" each
# added another JBL headphone (walk 5).
_NOT_NOW = re.compile(r"开抢|几点|什么时候|啥时候|明天|提醒|通知|\bwhen\b|\bremind|\bnotify|\balert|\bstarts?\b|"
                      r"\btomorrow\b|\bnext\b", re.IGNORECASE)


# Asking about the per-shopper limit claims nothing: "怎么只能买两个" (why only two?) silently added two more
# headphones (walk6-zh). "Why …" always asks; a limit word asks with a question word ("限购几个", "只能买两个吗").
# Readings of other requests. "get", "order", "want" and "take" are everywhere in them: with a sale in focus,
# "where is my order", "did I get charged?" and "i placed an order for a blender, SB10002" each added another
# unit (walk7-en; since session 5). Under one of these readings (however sure the NLU is), or naming an order,
# a claim word claims nothing; "grab"/"抢" always claim.
_OTHER_REQUESTS = frozenset({
    "track_order", "order_history", "cancel_order", "return_or_refund", "modify_order", "pay", "get_invoice",
    "talk_to_human", "complain", "give_feedback", "view_cart", "help", "privacy", "my_points", "manage_address",
    "leave_review", "join_group", "subscribe", "greet", "goodbye", "thanks", "deny"})
# A question about what happened or where something is claims nothing either, whatever the NLU read ("did I get
# charged?", "what did i order", "下单了吗", "我的订单呢"); "can I get one?" is a request and still claims.
_NOT_A_REQUEST = re.compile(r"^\W*(?:(?:hi|hey|ok|okay|so|and|but|um|hmm)\b[\s,]*)*"
                            r"(?:did|does|do i|where|what|when|how|why|has|have i|was|were|is|are)\b"
                            r"|订单|[了过](?:吗|没)", re.IGNORECASE)
_WHY = re.compile(r"为什么|为啥|怎么只|怎么才|凭什么|干嘛只|\bwhy\b|\bhow come\b", re.IGNORECASE)
_LIMIT = re.compile(r"限购|只能|只可以|最多|\blimit(?:ed)?\b|\bonly\b|\bmax(?:imum)?\b", re.IGNORECASE)
_ASKS = re.compile(r"[?？吗几]|多少|\bhow many\b|\bis there\b|\bcan i\b", re.IGNORECASE)


def asks_about_limit(text: str) -> bool:
    """A question about the flash sale's per-shopper limit, not a claim."""
    return _WHY.search(text) is not None or (_LIMIT.search(text) is not None and _ASKS.search(text) is not None)


def _title(sale: FlashSaleInfo, lang: str) -> str:
    return html.escape(sale.product_title_zh if lang == "zh" and sale.product_title_zh else sale.product_title)


def _sales_in_view(running: list[FlashSaleInfo], state: Conversation) -> list[FlashSaleInfo]:
    focus = [s for s in running if state.focus_sku in (s.sku, s.product_external_id)]
    if focus:
        return focus[:1]
    return [s for s in running if s.product_external_id in state.last_results or s.sku in state.last_results]


def _quantity(parse: ParseResult | None) -> int:
    entity = parse.first("quantity") if parse is not None else None
    return int(entity.value) if entity is not None and str(entity.value).isdigit() else 1


def _add_button(sale: FlashSaleInfo, qty: int, label: str, codec: CallbackCodec, user_id: int) -> Button:
    return Button(label, data=codec.encode(user_id, "add", sku_code(sale.sku, sale.variant_id), qty))


@router.intent("flash_follow_up")
async def flash_follow_up(text: str, parse: ParseResult | None, services: Services, state: Conversation,
                          t: Translator, lang: str, codec: CallbackCodec, user_id: int,
                          now: datetime) -> list[Reply] | None:
    """Not an NLU intent: a follow-up the dispatcher offers every message with something on screen; None unless
    the message claims or asks what is left of a running flash sale in view."""
    claims, left, limit_asked = bool(_CLAIM.search(text)), bool(_LEFT.search(text)), asks_about_limit(text)
    if limit_asked and not left:
        claims = False
    if claims and parse is not None and not _GRAB.search(text) and (
            parse.intent.name in _OTHER_REQUESTS or parse.first("order_id") is not None
            or _NOT_A_REQUEST.search(text)):
        claims = False
    if not (claims or left or limit_asked) or _POLICY.search(text) or _NOT_NOW.search(text) or asks_about_shop(text):
        return None  # "how do i make a warranty claim?", "if the price drops after i buy…": the shop (shop_topics)
    from bot.core.skills.orders.reorder import asks_reorder

    if asks_reorder(text):  # "再来一单一样的": an earlier order again (orders.reorder), not the sale item in view
        return None
    if parse is not None and parse.first("reference") is not None:
        return None  # "add the first one": the shopper said which; the add flow prices a sale item anyway
    async with services.uows.read() as uow:
        promos = await current_promotions(uow, now)
    sales = _sales_in_view([s for s in promos.running if s.running(now)], state)
    if not sales:
        return None
    in_focus = any(state.focus_sku in (s.sku, s.product_external_id) for s in sales)
    if limit_asked and not left:
        return _limits(sales, t, lang, codec, user_id)
    if claims and not left and not in_focus and not _GRAB.search(text) \
            and await names_another_product(text, parse, sales, services):
        return None  # "add 1 white 256gb" / "add the hp laptop" with the deals on screen: about another product
    if claims and not left and not in_focus and not _GRAB.search(text) and len(sales) < len(state.last_results):
        # "add …" / "加…" with a search list on screen where one result happens to be on sale: an ordinary add
        # (the demo's "wireless headphones under 100" + "add the first one" added the JBL, the second result).
        return None
    if len(sales) > 1:
        words = leftover_words(_LEFT.sub(" ", text), None, drop_options=True)  # "耳机那个还剩几个": "耳机"

        named = await shown_named(services, state, words) if words else None
        sales = [s for s in sales if named in (s.sku, s.product_external_id)] or sales
    qty = min(_quantity(parse), MAX_QUANTITY)
    if len(sales) > 1:
        rows = [[_add_button(s, min(qty, s.per_user_limit),
                             f"⚡ {html.unescape(_title(s, lang))[:40]} · {s.price.format()}", codec, user_id)]
                for s in sales[:5]]
        return [Text(t("Which flash sale would you like? Each is limited per shopper at the flash price."),
                     buttons=keyboard(*rows))]
    sale = sales[0]
    state.focus_sku = sale.sku
    limit = t("Limit {n} per shopper at this price.", n=sale.per_user_limit)
    if left and not claims:
        return [Text(t("⚡ <b>{title}</b>: {left} of {total} left at {price}.", title=_title(sale, lang),
                       left=sale.quantity_remaining, total=sale.quantity_total, price=sale.price.format())
                     + " " + limit, buttons=keyboard([_add_button(sale, 1, t("🛒 Add to cart"), codec, user_id)]))]
    if qty > sale.per_user_limit:
        rows = [[_add_button(sale, sale.per_user_limit, t("🛒 Add {n}", n=sale.per_user_limit), codec, user_id),
                 _add_button(sale, qty, t("🛒 Add {n}", n=qty), codec, user_id)]]
        return [Text(t("The flash price of <b>{title}</b> ({price} instead of {was}) is limited to {n} per shopper; "
                       "any more are at the regular price. How many shall I add?", title=_title(sale, lang),
                       price=sale.price.format(), was=sale.list_price.format(), n=sale.per_user_limit),
                     buttons=keyboard(*rows))]
    async with services.uows.read() as uow:
        product, variant = await resolve_ref(uow, sale.sku)
    if variant is None:
        return None
    added = await add_and_confirm(services, state, variant, product, qty, t, lang, codec, user_id, now)
    return [added, Text("⚡ " + t("Flash price {price} instead of {was}.", price=sale.price.format(),
                                  was=sale.list_price.format()) + " " + limit)]


def _limits(sales: list[FlashSaleInfo], t: Translator, lang: str, codec: CallbackCodec, user_id: int) -> list[Reply]:
    """Each sale's limit, with its own button to add that many: the answer adds nothing by itself."""
    lines = [t("The flash price of <b>{title}</b> ({price} instead of {was}) is limited to {n} per shopper, so more "
               "shoppers get one at that price; any more are at the regular price.", title=_title(s, lang),
               price=s.price.format(), was=s.list_price.format(), n=s.per_user_limit) for s in sales[:5]]
    rows = [[_add_button(s, s.per_user_limit, t("🛒 Add {n}", n=s.per_user_limit)
                         + (f" · {html.unescape(_title(s, lang))[:30]}" if len(sales) > 1 else ""), codec, user_id)]
            for s in sales[:5]]
    return [Text("\n".join(lines), buttons=keyboard(*rows))]
