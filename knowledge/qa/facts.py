"""A product's facts beyond its description: the parts of its titles and its attributes, as short candidates.

A title such as "Sony WF-1000XM5 True Wireless Earbuds, Wireless Charging Case, IPX4 Water Resistant" states
what a shopper asks ("is it waterproof?") even when the description puts it differently or not at all, and
the attributes hold exact figures ("weight_g": 299, "warranty_months": 12). Each becomes a candidate next to
the description's sentences (``description.py``):

* every comma-separated part of the English and the Chinese title is scored on its own (a short part such as
  "IPX4 Water Resistant" matches the question far better than the whole title), but the reply quotes the
  whole title, so the shopper sees which product and what it says;
* every attribute that is the product's own (variant options such as colour and size are answered from the
  options, not here) becomes "Label: value unit" in English and, for the keys we know, "标签：值" in Chinese,
  so a Chinese shopper gets a Chinese line where the data allows it (numbers and units need no translation);
  each line of such a pair is shown only to questions in its language (``Fact.language``);
* a VALUE is shown to a Chinese question in Chinese where the glossary knows it (``knowledge/text/values_zh.py``:
  "材质：Nylon" -> "材质：尼龙"), and a key with no Chinese label is shown with a Chinese label and value
  (``Fact.shown_zh``). Only what is shown changes: the scored texts are as before, so which line answers a
  question, and how confidently, is unchanged.

Attributes that are bookkeeping (rating, sales, tags, list price) or only repeat the title are left out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from knowledge.text.values_zh import value_zh

__all__ = ["Fact", "product_facts", "title_parts", "attribute_lines", "key_unit", "states_the_duration_asked"]

# Bookkeeping, or what the title already says.
_SKIP = frozenset({"rating", "sales_count", "tags", "title_zh", "list_price", "product_type", "model", "digital",
                   "description_zh"})  # the Chinese description is prose: description.py splits it
# Unit suffixes of attribute keys: (English unit, Chinese unit).
_UNITS: dict[str, tuple[str, str]] = {
    "mah": ("mAh", "mAh"), "h": ("hours", "小时"), "g": ("g", "克"), "kg": ("kg", "公斤"), "in": ("inches", "英寸"),
    "cm": ("cm", "厘米"), "mm": ("mm", "毫米"), "ml": ("ml", "毫升"), "l": ("L", "升"), "months": ("months", "个月"),
    "years": ("years", "年"), "days": ("days", "天"), "pct": ("%", "%"), "gb": ("GB", "GB"), "pcs": ("pieces", "件"),
    "nights": ("nights", "晚"), "gsm": ("gsm", "克/平方米"),
}
# English labels where the key alone reads badly.
_LABELS_EN = {"ipx": "Water resistance rating", "pet": "For", "fill": "Filling", "ground": "Grind",
              "upper": "Upper material", "drop": "Heel-to-toe drop", "count": "Count"}
# Chinese labels of common keys (after the unit suffix is removed).
_LABELS_ZH = {
    "material": "材质", "fit": "尺码建议", "weight": "重量", "warranty": "保修", "waterproof_rating": "防水等级",
    "ipx": "防水等级", "battery_life": "电池续航", "battery": "电池容量", "capacity": "容量", "volume": "容量",
    "screen_size": "屏幕尺寸", "storage": "存储容量", "ram": "内存", "cpu": "处理器", "display": "屏幕",
    "connectivity": "连接方式", "dishwasher_safe": "可用洗碗机", "microwave_safe": "可用微波炉",
    "thread_count": "支数", "age_range": "适用年龄", "wattage": "功率", "pages": "页数", "author": "作者",
    "language": "语言", "height": "高度", "inseam": "内长", "drop": "前后掌落差", "max_load": "最大承重",
    "pieces": "颗粒数", "best_before": "保质期", "origin": "产地", "roast": "烘焙程度", "allergens": "过敏原",
    "firmness": "软硬度", "fill": "填充物", "case": "表盘直径", "strap": "表带", "movement": "机芯",
    "compatible_with": "适用机型", "phone_model": "适用机型", "ports": "接口", "panel": "面板",
    "refresh": "刷新率", "players": "玩家人数", "trial_nights": "试睡", "burn_time": "燃烧时间",
    "closure": "闭合方式", "format": "格式", "publication_year": "出版年份", "paper_size": "纸张尺寸",
    "count": "数量", "protein": "蛋白质含量", "warmth": "保暖程度", "life_stage": "适用阶段", "wax": "蜡",
}
# Chinese labels only shown (never scored: a new scored line would change every answer's scores) for keys that
# have a single line offered to both languages.
_SHOWN_LABELS_ZH = {
    "pet": "适用宠物", "delivery": "配送", "expires": "有效期", "upper": "鞋面材质", "ground": "研磨方式",
    "ruling": "内页样式", "active": "有效成分", "skin_type": "适用肤质", "hair_type": "适用发质",
    "file_format": "文件格式", "ink_color": "墨水颜色", "safety_standard": "安全标准", "tea": "茶类",
    "pack": "规格", "steel": "钢材", "scent": "香型", "power": "供电方式", "region": "适用地区", "value": "面值",
    "noise_cancelling": "主动降噪", "non_toxic": "无毒", "induction": "适用电磁炉", "sulfate_free": "无硫酸盐",
    "vegan": "纯素",
}
_YES_NO = {True: ("yes", "是"), False: ("no", "否")}
_TITLE_SPLIT = re.compile(r"\s*[,，|]\s*")


@dataclass(frozen=True)
class Fact:
    """``text`` is scored against the question; ``shown`` is what the reply quotes. ``language`` is set when
    the fact is one of a pair written in both languages: it is then offered only for questions in that
    language (a Chinese shopper gets "材质：Nylon", an English one "Material: Nylon", never the other)."""

    text: str
    shown: str
    language: str | None = None
    # What a Chinese question is shown instead of ``shown`` (a fact offered to both languages, one scored text).
    shown_zh: str | None = None


def title_parts(title: str, language: str | None = None) -> list[Fact]:
    """Each comma-separated part of a title, quoting the whole title (a one-part title is itself)."""
    title = " ".join((title or "").split())
    if not title:
        return []
    parts = [p for p in _TITLE_SPLIT.split(title) if p]
    return [Fact(p, title, language) for p in parts]


def _value(value: Any, zh: bool) -> str | None:
    if isinstance(value, bool):
        return _YES_NO[value][1 if zh else 0]
    if isinstance(value, (int, float)):
        return f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, str):
        return " ".join(value.split()) or None
    if isinstance(value, (list, tuple)):
        items = [v for v in (_value(x, zh) for x in value) if v]
        return ("、" if zh else ", ").join(items) or None
    return None


def _in_chinese(value: Any, key: str) -> Any:
    """``value`` with its words in Chinese where the glossary knows them, for display only."""
    if isinstance(value, str):
        return value_zh(" ".join(value.split()), key)
    if isinstance(value, (list, tuple)):
        return [_in_chinese(v, key) for v in value]
    return value


def _split_unit(key: str) -> tuple[str, tuple[str, str] | None]:
    head, _, tail = key.rpartition("_")
    if head and tail in _UNITS:
        return head, _UNITS[tail]
    return key, None


def key_unit(key: str) -> tuple[str, str] | None:
    """The unit an attribute key names by its suffix ("weight_g" -> ("g", "克")), or None."""
    return _split_unit(key.lower())[1]


def attribute_lines(attributes: Mapping[str, Any]) -> list[Fact]:
    """English lines for every attribute worth quoting, and a Chinese line for the keys with a Chinese label."""
    out: list[Fact] = []
    for key in sorted(attributes):
        if key in _SKIP:
            continue
        base, unit = _split_unit(key.lower())
        en, zh = _value(attributes[key], False), _value(attributes[key], True)
        if en is None or zh is None:
            continue
        if base == "ipx" and en.isdigit():
            en = zh = f"IPX{en}"
        label = _LABELS_EN.get(base, base.replace("_", " ").capitalize())
        line = f"{label}: {en}" + (f" {unit[0]}" if unit and unit[0] != "%" else ("%" if unit else ""))
        label_zh = _LABELS_ZH.get(base)
        shown = _value(_in_chinese(attributes[key], base), True) or zh
        if base == "ipx" and shown.isdigit():
            shown = f"IPX{shown}"
        if label_zh is None:
            shown_label = _SHOWN_LABELS_ZH.get(base)
            out.append(Fact(line, line, None, f"{shown_label}：{shown}" + (unit[1] if unit else "")
                            if shown_label else None))
            continue
        line_zh = f"{label_zh}：{zh}" + (unit[1] if unit else "")
        line_shown = f"{label_zh}：{shown}" + (unit[1] if unit else "")
        # A Chinese question is scored against both wordings (the encoder often matches the English one
        # better) but is always shown the Chinese line, its value in Chinese where the glossary knows it.
        out += [Fact(line, line, "en"), Fact(line_zh, line_shown, "zh"), Fact(line, line_shown, "zh")]
    return out


def product_facts(title: str, title_zh: str | None, attributes: Mapping[str, Any] | None) -> list[Fact]:
    """The title parts and the attribute lines of one product. The English title may answer a Chinese
    question (the Chinese title is often shorter: no "IPX4"); the Chinese title answers only Chinese ones."""
    return [*title_parts(title), *title_parts(title_zh or "", "zh"), *attribute_lines(attributes or {})]


# "how long does it keep drinks hot", "第一个能保温多久", "电池能用多久": a question asking for a length of time.
_ASKS_DURATION = re.compile(r"\bhow long\b|\bhow many (?:hours|minutes|days|weeks|months|years)\b|多久|多长时间|"
                            r"多少(?:个)?(?:小时|分钟|天)|几(?:个)?(?:小时|分钟|天)", re.I)
_NUMBER = (r"(?:\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
           r"[一二两三四五六七八九十百]+)")
_STATES_DURATION = re.compile(
    rf"{_NUMBER}\s*(?:\+|-|–|to\s+{_NUMBER})?\s*(?:hours?|hrs?|h\b|minutes?|mins?|days?|weeks?|months?|years?|"
    r"yrs?|nights?|小时|分钟|天|周|星期|个月|年)|\ball[- ]day\b|全天", re.I)


def states_the_duration_asked(question: str, fact: str) -> bool:
    """False for a fact that cannot answer a question asking how long: "第一个能保温多久" matched the Chinese
    title "Yeti 保温随行杯 470毫升" on its word 保温 and was served, hedged, as if it answered. A fact answers
    such a question only when it states a length of time ("Battery life: 8 hours", "电池续航：8小时")."""
    return not _ASKS_DURATION.search(question) or bool(_STATES_DURATION.search(fact))
