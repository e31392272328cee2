"""Whether the shop has a kind of product, asked as a Chinese question: "猫粮有吗", "有猫粮吗", "猫粮有没有",
"你们卖猫粮吗", "有口罩吗", "airpods pro还有货没", "sony耳机有降噪的吗".

WHY: the NLU is unsure of such questions ("猫粮有吗": search 0.38 -> "did you mean search or details?") or reads
them as a question for the knowledge base ("有口罩吗", "洗衣液有吗": "I don't know that yet, shall I ask staff?").
The answer to "do you have X" is a search for X: its products, or, when the shop does not sell the kind, the
search's honest "we don't carry 口罩" above the nearest things (knowledge/search/kind_absent.py).

Kept narrow: the message is only the asking frame around the product words; the words name a noun (jieba) that is
not one of the shop's services or states ("有货吗", "有优惠吗", "有发票吗", "有人吗"); no colour, size, price or
order is said (option and stock follow-ups answer those); a sure search is the search intent's own; and with a
product open a question read as one ("有说明书吗") stays a question about it.
"""

from __future__ import annotations

import re
from datetime import datetime

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Reply
from bot.core.router import Router
from bot.core.services import Services
from bot.core.state import Conversation
from bot.i18n import Translator
from knowledge.search.kind_absent import asked_kind
from nlu.result import ParseResult

__all__ = ["router", "asked_product", "availability", "goods_words", "misread"]

router = Router("shopping.availability")

_END = r"[?？!！。~～\s]*$"
_WHO = r"(?:你们|你家|店里|这里|这儿|贵店|本店|咱们)?"
_BEFORE = re.compile(rf"^(?:请问|你好|您好|哈喽)?[\s,，]*{_WHO}(?:还)?(?:有没有|有没|有卖|卖|有)(?:卖)?"
                     rf"(?P<x>[^?？!！。]{{1,16}}?)(?:的)?(?:吗|么|嘛|呢|不|没|没有)?{_END}")
_AFTER = re.compile(rf"^(?P<x>[^?？!！。]{{1,16}}?)(?:的)?{_WHO}(?:还)?"
                    rf"(?:有没有卖|有没有现?货|有没有|有没|有卖吗|有卖没|有现?货(?:吗|没|不|么)?|有吗|有么|有嘛|有不|有伐|"
                    rf"卖吗|卖不){_END}")
# "sony耳机有降噪的吗", "跑鞋有防水的没": that kind with that quality
_QUALITY = re.compile(rf"^(?P<x>[^有?？!！。]{{1,12}}?){_WHO}(?:还)?有(?:没有)?(?P<y>[^有的?？!！。]{{1,8}})的"
                      rf"(?:吗|么|嘛|没|不|呢)?{_END}")
# Not goods: the shop's services and states, people, parts of a product ("有货吗", "有人吗", "有中文客服吗",
# "有别的颜色吗", "有说明书吗", "有差评吗", "有英文群吗"): the whole words, or a word in them.
_NOT_GOODS = re.compile(r"^(?:货|人|空|码|号|券|别的|其他|其它|新款|同款|链接|门店|实体店|中文|英文|视频|"
                        r"图片|问题|办法|时间|位置|地址|电话|邮箱|微信|红包|秒杀|团购|包装|自提)$")
_SERVICE_WORDS = re.compile(r"现货|库存|优惠|活动|折扣|打折|促销|满减|发票|积分|会员|客服|人工|运费|包邮|"
                            r"赠品|保修|质保|尺码|尺寸|颜色|说明书|评|群|发货|快递|退货|退款|保价|礼品包装")
_NAMED = ("color", "size", "price_min", "price_max", "order_id", "coupon_code", "quantity", "reference")
# Readings under which "do you have X" was not searched (a sure search is the search intent's own).
_READINGS = frozenset({"ask_question", "show_product_details", "list_promotions", "recommend", "out_of_scope",
                       "check_stock", "search_product"})


def asked_product(text: str) -> str | None:
    """The product words a "do you have X" question asks about ("猫粮有吗" -> 猫粮), or None."""
    said = text.strip()
    quality = _QUALITY.match(said)
    if quality is not None and not _SERVICE_WORDS.search(quality.group("y")) and asked_product(quality.group("x")
                                                                                                + "有吗"):
        return f"{quality.group('x').strip()} {quality.group('y').strip()}"
    for m in (_AFTER.match(said), _BEFORE.match(said)):  # "有机茶有吗": 有机茶, not 机茶
        words = m.group("x").strip(" ，,") if m is not None else ""
        if words and goods_words(words):
            return words
    return None


def goods_words(words: str, named: bool = False) -> bool:
    """Whether ``words`` name goods: not the shop's services or states, no person, and a noun (jieba) or, when
    ``named`` (the caller knows them for a product's name), any words."""
    return not (_NOT_GOODS.match(words) or _SERVICE_WORDS.search(words) or re.search(r"[我你他她它吗呢]", words)) \
        and (named or asked_kind(words) is not None)


def misread(parse: ParseResult, readings: frozenset[str]) -> bool:
    """Whether the NLU was unsure of the message or read it as one of ``readings`` (but a sure search: that is the
    search intent's own). The gate of the steps that search a product named in a frame ("猫粮有吗", "狗窝多少钱")."""
    name = parse.intent.name
    return parse.is_fallback or (name in readings and name != "search_product")


def asks_for_product(parse: ParseResult | None, text: str, focus: str | None) -> bool:
    """Whether the dispatcher should offer the message to ``availability`` (see the module docstring)."""
    if parse is None or any(e.entity in _NAMED for e in parse.entities):
        return False
    if not misread(parse, _READINGS):
        return False
    if focus and parse.intent.name == "ask_question":
        return False  # "有说明书吗" with a product open asks about it
    return asked_product(text) is not None


@router.intent("availability")
async def availability(text: str, services: Services, state: Conversation, t: Translator, lang: str,
                       codec: CallbackCodec, user_id: int, now: datetime) -> list[Reply] | None:
    """The search for the product words asked about; None when the message is not such a question."""
    from bot.core.skills.shopping.search import search_typed

    words = asked_product(text)
    if words is None or services.search is None:
        return None
    return await search_typed(words, services, state, t, lang, codec, user_id, now)
