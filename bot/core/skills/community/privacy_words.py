"""What a typed message says about erasing the shopper's data: a request to erase it, a "delete everything" that
may mean the cart, and the typed answer to "Delete your data?".

WHY strict words and not the NLU's "affirm": erasure cannot be undone. Under the question, "yes" / "确认" /
"yes delete it" / "是的，删除" must erase (they did nothing, or emptied the cart: the NLU reads "delete it" as
removing a cart line), but a yes that asks for something else too ("yes but export it first") must not. So a
confirmation is a message made only of yes words, delete words and words naming the data; any "no", "keep",
"不", "别", "算了" makes it a refusal, which keeps everything.
"""

from __future__ import annotations

import re

__all__ = ["asks_erasure", "asks_export", "deletes_everything", "confirms_erasure", "refuses_erasure"]

_DELETE = re.compile(r"\b(?:delete|erase|remove|wipe|clear|destroy|purge|forget)\b|删除|删掉|删了|删光|清除|清空|"
                     r"抹掉|注销|销毁|删", re.I)
_DATA = re.compile(r"\b(?:data|account|profile|personal|information|info|everything (?:you|u) (?:have|know|store|"
                   r"keep)|about me)\b|数据|账号|账户|帐号|帐户|个人信息|我的信息|资料|隐私", re.I)
_ALL = re.compile(r"\b(?:everything|all)\b|全部|所有|一切|统统|都删", re.I)
_CART = re.compile(r"\b(?:cart|basket|items?|products?|coupon|address(?:es)?|orders?|reviews?)\b|购物车|商品|"
                   r"优惠券|地址|订单|评价", re.I)
_NO = re.compile(r"\b(?:no|nope|nah|not|don'?t|do\s+not|never|keep|cancel|stop|wait|hold\s+on)\b|never\s*mind|"
                 r"不|别|算了|取消|保留|等等|先不|留着", re.I)
_YES = re.compile(r"\b(?:yes|yeah|yep|yup|ya|sure|ok|okay|confirm(?:ed)?|do\s+it|go\s+ahead|go\s+for\s+it|"
                  r"i'?m\s+sure|please|pls|correct|right|absolutely|definitely)\b|确认|确定|是的|是|对的|对|好的|好|可以|嗯|没错|"
                  r"要|行", re.I)
# What may stand around the yes and the delete words in a confirmation: the data named, pronouns, politeness.
_FILLER = re.compile(r"\b(?:it|them|that|this|my|all|everything|of|the|now|just|then|and|please|pls|thanks|"
                     r"data|account|profile|personal|information|info|go|do)\b|我的|我|全部|所有|都|吧|了|啊|呀|"
                     r"数据|账号|账户|信息|资料|把|它|这些|现在|直接|马上|请|帮我|的", re.I)


def asks_erasure(text: str) -> bool:
    """"delete my account", "erase all my data", "删除我的所有数据", "注销账号": the shopper's data, by name."""
    return (bool(_DELETE.search(text)) and bool(_DATA.search(text)) and not _CART.search(text)
            and not _NO.search(text))


# "导出我的数据", "download my data", "send me a copy of my data": the export itself, not the overview to press on.
_EXPORT = re.compile(r"\b(?:export|download|copy)\b|\bsend\s+me\b|导出|下载|拷贝|复制一份|发给我|给我一份", re.I)


def asks_export(text: str) -> bool:
    """The shopper asks for a copy of their data by name ("导出我的数据", "export my data")."""
    return (bool(_EXPORT.search(text)) and bool(_DATA.search(text)) and not _DELETE.search(text)
            and not _CART.search(text) and not _NO.search(text))


def deletes_everything(text: str) -> bool:
    """"delete everything", "全部删掉": a delete naming neither the data nor the cart, so either may be meant."""
    return (bool(_DELETE.search(text)) and bool(_ALL.search(text)) and not _DATA.search(text)
            and not _CART.search(text) and not _NO.search(text))


def refuses_erasure(text: str) -> bool:
    """"no", "no, keep it", "don't delete", "算了", "不要删", "取消": keep everything."""
    return bool(_NO.search(text))


def confirms_erasure(text: str) -> bool:
    """"yes", "yes delete it", "确认", "是的，删除", "删吧": only yes and delete words (and the data named), no "no"."""
    said = text.strip()
    if not said or _NO.search(said) or not (_YES.search(said) or _DELETE.search(said)):
        return False
    rest = _FILLER.sub(" ", _DELETE.sub(" ", _YES.sub(" ", said)))
    return not re.sub(r"[\W_]+", "", rest)
