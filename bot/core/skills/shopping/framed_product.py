"""A Chinese request or question around a product's name is a search for it: "红米note13pro多少钱",
"帮我看看狗窝", "香薰蜡烛怎么样", "蓝牙耳机好不好用".

WHY: the NLU knows the frame ("多少钱", "帮我看看", "怎么样") from its training lines but not the catalogue's
product words, so it was unsure (search 0.46 vs ask 0.33 -> "did you mean search or a question?"), or read the
message as off topic (out of scope 0.50 -> "Sorry, I didn't catch that"), or as a recommendation it could not
make. The other understanding steps did not take it: product_phrase wants the bare name (it strips only "also" /
"还要"), availability only "有没有X" / "X有吗", and the named question picks ONE catalogue product for a kind
("香薰蜡烛怎么样" answered from one candle's description). The frame says what is wanted -- the products
called X, with their prices and ratings -- so X is searched, as English "how much is the redmi note 13 pro"
finds its phone.

Kept narrow as availability is (its goods test is shared): X is the whole message but the frame, names a noun
that is not one of the shop's services ("运费多少钱", "物流怎么样"), holds no pronoun ("这个多少钱": the one
open) and no aspect ("电池怎么样": a question about the one open); and a name that a product on screen holds is
left to the named question (its card, "Nova 12 多少钱" after a list of phones).
"""

from __future__ import annotations

import re
from datetime import datetime

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Reply
from bot.core.router import Router
from bot.core.services import Services
from bot.core.skills.shopping.aspects import aspect_asked
from bot.core.skills.shopping.availability import goods_words, misread
from bot.core.state import Conversation
from bot.i18n import Translator
from nlu.result import ParseResult

__all__ = ["router", "framed_product", "frames_a_product"]

router = Router("shopping.framed_product")

_END = r"[啊呀呢吗嘛哈~～?？!！。.\s]*$"
_X = r"(?P<x>[^?？!！。，,]{1,16}?)"
# "X多少钱", "X什么价格", "X怎么卖", "X价格多少", "X几块钱一个"
_PRICE = re.compile(rf"^{_X}(?:的)?(?:多少钱|多少米|多少块|几块钱?|几多钱|啥价格?|什么价(?:格|钱|位)?|"
                    rf"价格(?:是)?(?:多少|几何)?|价钱(?:是)?(?:多少)?|售价(?:是)?(?:多少)?|怎么卖|咋卖)"
                    rf"(?:一(?:个|件|台|双|套|只|瓶|盒|包))?{_END}")
# "帮我看看X", "给我找找X", "我想看看X", "看一下X", "推荐几款X"
_LOOK = re.compile(rf"^(?:请|麻烦)?(?:你)?(?:帮我|给我|帮忙|我想|我要|想)?(?:看看|看一下|看一看|瞧瞧|找找|找一下|"
                   rf"找一找|搜搜|搜一下|搜索|查查|查一下|推荐(?:一下|几款|几个|一款|个|些)?)(?:有没有)?"
                   rf"(?:一些|一下|有什么|什么)?{_X}{_END}")
# "X怎么样", "X好不好用", "X好用吗", "X值得买吗", "X靠谱吗"
_QUALITY = re.compile(rf"^{_X}(?:的)?(?:怎么样|咋样|怎样|如何|好不好用|好不好|好用不|好用吗|好用么|好用|好吗|"
                      rf"值得买|值不值得买|值得入手|靠谱|靠不靠谱|推荐)(?:吗|么|不)?{_END}")
# "X" that is the one open or on screen, or the shopper: the named question and the Q&A read those.
_POINTS = re.compile(r"[我你他她它这那哪]|第.|^\d+$|上面|前面|刚才|之前")
# Not goods, beyond availability's list: the shop itself and its service ("物流怎么样", "质量怎么样").
_SHOP = re.compile(r"物流|服务|售后|质量|价格|价钱|店|商品|东西|产品|天气|购物车|订单|包裹|账户|账号|地址")
# A model's code: "note13pro", "p60", "15 pro" (a product's name even when jieba finds no noun in it).
_MODEL = re.compile(r"[a-z]\s*\d|\d\s*[a-z]", re.I)
# Readings under which the frame was not searched (a sure search is the search intent's own).
_READINGS = frozenset({"ask_question", "show_product_details", "recommend", "out_of_scope", "greet",
                       "search_product", "leave_review", "view_cart"})


def framed_product(text: str, parse: ParseResult | None = None) -> str | None:
    """The product words of a framed request ("帮我看看狗窝" -> 狗窝), or None. They name goods by jieba's noun
    test (availability's), a model's code ("红米note13pro") or the NLU's product entity ("瑜伽垫", which jieba does
    not read as one noun)."""
    said = text.strip()
    named = [str(e.value) for e in parse.entities if e.entity == "product"] if parse is not None else []
    for frame in (_PRICE, _LOOK, _QUALITY):
        found = frame.match(said)
        if found is None:
            continue
        words = found.group("x").strip(" ，,的")
        if words and not _POINTS.search(words) and not _SHOP.search(words) and aspect_asked(words) is None \
                and goods_words(words, _MODEL.search(words) is not None or any(n and n in words for n in named)):
            return words
    return None


def frames_a_product(parse: ParseResult | None, text: str) -> bool:
    """Whether the dispatcher should offer the message to ``product_in_frame`` (see the module docstring)."""
    if parse is None or any(e.entity in ("order_id", "coupon_code", "reference") for e in parse.entities):
        return False
    if not misread(parse, _READINGS):
        return False
    return framed_product(text, parse) is not None


@router.intent("product_in_frame")
async def product_in_frame(text: str, services: Services, state: Conversation, t: Translator, lang: str,
                           codec: CallbackCodec, user_id: int, now: datetime,
                           parse: ParseResult | None = None) -> list[Reply] | None:
    """The search for the product words in the frame; None when there are none, or when a product on screen holds
    them (the named question answers about that one)."""
    from bot.core.skills.shopping.search import search_typed

    words = framed_product(text, parse)
    if words is None or services.search is None:
        return None
    if await _about_shown(services, state, text, words, parse):
        return None
    return await search_typed(words, services, state, t, lang, codec, user_id, now)


async def _about_shown(services: Services, state: Conversation, text: str, words: str,
                       parse: ParseResult | None) -> bool:
    """Whether the words name a product on screen: the one the named question finds, or, under a sure reading of
    the NLU (its intent answers about those on screen: "Nova 12 多少钱" read as a question), any that holds them."""
    from bot.core.skills.shopping.named_best import held_count
    from bot.core.skills.shopping.named_question import product_asked_about
    from bot.core.skills.shopping.products import products_named

    shown = state.on_screen()
    if not shown:
        return False
    if await product_asked_about(services, state, text, parse) in shown:
        return True
    if parse is None or parse.is_fallback:
        return False
    return any(p is not None and held_count(words, p) > 0 for p in await products_named(services.uows, shown))
