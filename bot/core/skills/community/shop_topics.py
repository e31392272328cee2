"""Whether a question is about the shop's services rather than a product: gift wrap, price matching, bulk orders,
business invoices (发票), the shop's hours or premises, warranty claims, size charts, paying in instalments.

WHY: with a product open, "do you do gift wrap?", "do you price match?", "你们保价吗", "你们几点上班" were scoped to
that product, and with no answer the shopper read "I don't know that about <b>Sennheiser Accentum…</b>", as if
the headphones were the question. "how do i make a warranty claim?" and "if the price drops after i buy, do i get
the difference?" with a flash sale on screen were even read as claiming it ("claim", "buy"). Such a question is
answered from the FAQ, shop-wide, and when the FAQ has no answer the bot says so about the shop and offers staff
(``questions.answer_question``). Questions a product's own entries answer ("does it have a warranty?", "是正品吗")
are not listed: the product page states its warranty.
"""

from __future__ import annotations

import re

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Button, Text, keyboard
from bot.i18n import Translator

__all__ = ["asks_about_shop", "asks_for_sizes", "shop_unknown"]

_SERVICES = re.compile(
    r"\bgift[\s-]?wrap\w*|\bwrap\w*\s+(?:it|this|them|that)?\s*(?:as\s+a\s+gift|for\s+a\s+gift|up)\b|"
    r"\bgift\s+(?:message|note|card\s+message|receipt|box|bag|packaging)\b|"
    r"\bprice[\s-]?match\w*|\bprice\s+(?:protection|guarantee|adjustment)\b|\bprice\s+(?:drops?|goes\s+down|falls?)\b|"
    r"\bcheaper\s+(?:elsewhere|somewhere\s+else|at\s+another|on\s+amazon)\b|\bother\s+(?:shops?|stores?|sites?)\b|"
    r"\b(?:refund|pay\s+(?:me\s+)?back)\s+the\s+difference\b|\bget\s+the\s+difference\b|\bbeat\s+(?:a|the|their|any)\b|"
    r"\b(?:bulk|wholesale|corporate|b2b)\b|\b(?:business|company|vat|tax)\s+(?:invoice|receipt|account|order)s?\b|"
    r"\bfapiao\b|\bwarranty\s+claims?\b|\bclaim\s+(?:on\s+)?(?:the\s+|a\s+|my\s+)?warranty\b|"
    r"\b(?:physical|real|brick[\s-]and[\s-]mortar|retail)\s+(?:store|shop)s?\b|\bshowroom\b|"
    r"\b(?:opening|business|store|shop|office)\s+hours\b|\bsize\s+(?:chart|guide|table)s?\b|"
    r"礼品包装|礼物包装|包装成礼物|礼盒|贺卡|留言卡|保价|价保|补差价|退差价|差价|比价|别家|别的店|其他店|批发|团购|大量购买|企业采购|公司采购|"
    r"发票|实体店|线下店|门店|营业时间|几点上班|几点下班|几点开门|几点关门|上班时间|申请保修|保修申请|尺码表|尺码对照|"
    r"尺码指南|"
    # paying in instalments ("can i pay in 12 monthly payments", "信用卡分6期有手续费吗", "花呗能用吗"): the payment
    # FAQ answers it; read as out of scope, "分6期有手续费吗" was "I didn't catch that"
    r"\binstal?l?ments?\b|\bmonthly\s+payments?\b|\bpay\s+(?:it\s+)?(?:over|in)\s+\d+\s+months\b|"
    r"\bbuy\s+now,?\s+pay\s+later\b|\bbnpl\b|\bklarna\b|\bafterpay\b|"
    r"分\s*(?:\d+|[一二三四五六七八九十两几]+)?\s*期|花呗|白条|免息|"
    # haggling ("第二个能便宜点不", "可以讲价吗"): the shop's prices, not the product open ("I don't know that about…")
    r"(?:能|可以|能不能|可不可以)再?便宜(?:点|一点|些)?(?:吗|不|嘛|么|呢)?[\s?？!！。~]*$|讲价|砍价|还价|议价|打个折|"
    r"\bhaggle\b|\bbetter\s+price\b|\bgive\s+me\s+a\s+discount\b", re.IGNORECASE)
# The shop addressed as such: "your products", "you guys", "你们店", "贵店".
_THE_SHOP = re.compile(r"\byour\s+(?:shop|store|company|business|products|prices|policy|policies)\b|\byou\s+guys\b|"
                       r"你们店|贵店|本店|你们家|你们公司", re.IGNORECASE)


def asks_about_shop(text: str) -> bool:
    """The message asks about one of the shop's services or addresses the shop itself."""
    return bool(_SERVICES.search(text) or _THE_SHOP.search(text))


def shop_unknown(t: Translator, codec: CallbackCodec, user_id: int) -> Text:
    """No answer in the FAQ to a question about the shop: said of the shop, never of the product on screen, with
    staff to ask (the community group can't speak for the shop's policies)."""
    return Text(t("Our FAQ doesn't answer that about our shop yet. Shall I ask our staff? I'll message you here as "
                  "soon as they answer."),
                buttons=keyboard([Button(t("Ask staff"), data=codec.encode(user_id, "qa", "post", "s"))]))


_SIZE_CHART = re.compile(r"\bsize\s+(?:chart|guide|table)s?\b|尺码表|尺码对照|尺码指南", re.IGNORECASE)


def asks_for_sizes(text: str) -> bool:
    """A size chart asked for: with a product open, its own sizing advice leads the answer."""
    return bool(_SIZE_CHART.search(text))


# Costs and ways of shipping and paying are the same whichever product is meant: "how much will shipping be for
# this?", "can I pay cash for it", "这个能寄到加拿大吗" with several shown need no "which one?" first (returns do:
# some items cannot be returned; and when an item ships depends on its stock, so "发货" is not here).
_SAME_FOR_EVERY_PRODUCT = re.compile(
    r"\b(?:shipping|postage|delivery|pay(?:ing|ment)?|cash on delivery|cod|customs|duties)\b|\bship\s+to\b|"
    r"运费|邮费|包邮|快递费|寄到|付款|支付|货到付款|关税", re.IGNORECASE)


def same_for_every_product(text: str) -> bool:
    """The question is about shipping or paying, which do not depend on the product it points at."""
    return bool(_SAME_FOR_EVERY_PRODUCT.search(text))
