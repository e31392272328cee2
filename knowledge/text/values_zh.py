"""Attribute and option VALUES in Chinese, for display only ("材质：Porcelain" -> "材质：白瓷").

WHY in knowledge/text: the details card and comparisons (bot/) and the product answers built from attributes
(``knowledge/qa/facts.py``) show the same values, and knowledge/ must not import bot/; both may import this.
It is a display glossary: what is scored, searched or stored stays in the catalogue's English.

WHY a fixed glossary: the catalogue stores attribute values in English ("Porcelain", "True to size",
"Instant, in Telegram"); the attribute names are translated (``attributes.py``) but a Chinese shopper still
read the values in English. Only values whose Chinese is certain are listed -- the common materials, fits,
fills, skin and hair types, delivery terms of the demo catalogue. A value is translated whole, or part by part
when it is a comma list whose every part is known ("Bluetooth, Wi-Fi, GPS"); ages and shares follow patterns
("6-36 months" -> "6-36个月", "98% cotton" -> "98%棉"); anything else (model names,
brands, units, a material we do not know) is shown as it is rather than half-translated.
"""

from __future__ import annotations

import re

__all__ = ["value_zh", "values_en", "GLOSSARY"]

GLOSSARY: dict[str, str] = {
    # Materials
    "porcelain": "白瓷", "ceramic": "陶瓷", "stoneware": "粗陶", "glass": "玻璃", "tempered glass": "钢化玻璃",
    "stainless steel": "不锈钢", "18/8 stainless steel": "18/8不锈钢", "brushed stainless steel": "拉丝不锈钢",
    "tri-ply stainless steel": "三层不锈钢", "cast iron": "铸铁", "carbon steel": "碳钢", "aluminium": "铝合金",
    "aluminum": "铝合金", "steel burrs": "钢制磨盘", "bamboo": "竹", "bamboo viscose": "竹纤维",
    "beech wood": "山毛榉木", "teak wood": "柚木", "cork": "软木", "felt": "毛毡", "felted wool": "羊毛毡",
    "seagrass": "海草编织", "water hyacinth": "水葫芦编织", "linen": "亚麻", "linen blend": "亚麻混纺",
    "cotton-linen blend": "棉麻混纺", "organic cotton": "有机棉", "egyptian cotton": "埃及棉",
    "turkish cotton": "土耳其棉", "supima cotton": "Supima棉", "waffle cotton": "华夫格棉", "cotton blend": "混纺棉",
    "cotton fleece": "棉质抓绒", "cotton poplin": "府绸棉", "cotton twill": "斜纹棉", "cotton denim": "棉质牛仔布",
    "cotton cover": "纯棉外套", "cotton shell": "纯棉面料", "heavyweight cotton": "重磅棉",
    "non-iron cotton": "免烫棉", "chunky knit cotton": "粗针棉", "cotton tufted": "纯棉簇绒",
    "tencel lyocell": "天丝莱赛尔", "modal jersey": "莫代尔针织", "viscose crepe": "粘胶绉布", "silk": "真丝",
    "cashmere": "羊绒", "merino wool": "美利奴羊毛", "alpaca wool": "羊驼毛", "alpaca blend": "羊驼毛混纺",
    "wool blend": "羊毛混纺", "acrylic knit": "腈纶针织", "polyester": "涤纶", "recycled polyester": "再生涤纶",
    "recycled polyester fleece": "再生涤纶抓绒", "nylon": "尼龙", "braided nylon": "尼龙编织",
    "waterproof recycled nylon": "防水再生尼龙", "plush fleece": "毛绒抓绒", "plush microfibre": "超细纤维毛绒",
    "brushed flannel": "磨毛法兰绒", "waxed canvas": "油蜡帆布", "waxed cotton": "油蜡棉", "canvas": "帆布",
    "leather": "皮革", "full-grain leather": "头层牛皮", "calf leather": "小牛皮", "smooth leather": "光面皮革",
    "pebbled leather": "荔枝纹皮革", "patent leather": "漆皮", "nubuck leather": "磨砂皮", "oiled leather": "油皮",
    "waterproof leather": "防水皮革", "vegetable-tanned leather": "植鞣皮", "vegan leather": "素皮",
    "synthetic leather": "合成皮革", "composite leather": "复合皮革", "suede": "麂皮", "sheepskin": "羊皮",
    "pu": "PU", "rubber": "橡胶", "natural rubber": "天然橡胶", "rubber sole": "橡胶鞋底", "memory foam": "记忆棉",
    "abs plastic": "ABS塑料", "bpa-free plastic": "无双酚A塑料", "bpa-free polypropylene": "无双酚A聚丙烯",
    "tritan plastic": "Tritan塑料", "fire-resistant polycarbonate": "阻燃聚碳酸酯", "graphite": "石墨",
    "carbon fibre": "碳纤维", "solid 14k gold": "14K实心金", "gold-plated brass": "镀金黄铜",
    "recycled cardboard": "再生纸板", "sturdy board pages": "加厚纸板页", "plastic and fabric": "塑料和布料",
    "glass jar": "玻璃罐", "cotton wick": "棉芯", "silicone band": "硅胶表带", "aluminium case": "铝合金表壳",
    "knit cover": "针织面料", "foam seat": "泡棉坐垫", "mesh back": "网布靠背", "aluminium base": "铝合金底座",
    "steel frame": "钢架", "laminated top": "覆膜桌面", "aluminium wand": "铝合金吸管",
    # Fit
    "true to size": "尺码标准", "runs small, size up": "尺码偏小，建议选大一码",
    "runs half a size small, size up": "尺码偏小半码，建议选大一码",
    "relaxed fit, size down for a closer fit": "宽松版型，想更贴身可选小一码",
    "narrow, wide feet should size up": "版型偏窄，脚宽建议选大一码",
    "compressive, size up if between sizes": "紧身压缩版型，介于两码之间建议选大一码",
    "true to size, leave 1 cm to grow": "尺码标准，建议预留1 cm成长空间",
    "true to size; size up for longer wear": "尺码标准；想穿得更久可选大一码",
    # Bedding
    "down alternative": "仿羽绒", "white goose down": "白鹅绒", "goose down": "鹅绒", "latex": "乳胶",
    "shredded memory foam": "碎记忆棉", "soft": "偏软", "medium": "适中", "firm": "偏硬", "medium-firm": "中等偏硬",
    "lightweight": "轻薄款", "all-season": "四季款", "winter": "冬季加厚款", "button closure": "纽扣开合",
    "hidden zip": "隐形拉链",
    # Beauty
    "all skin types": "所有肤质", "dry skin": "干性肌肤", "oily skin": "油性肌肤", "sensitive skin": "敏感肌肤",
    "oily and combination skin": "油性及混合性肌肤", "normal to dry skin": "中性至干性肌肤",
    "all hair types": "所有发质", "dry or damaged hair": "干枯受损发质", "fine hair": "细软发质",
    "hyaluronic acid": "玻尿酸", "niacinamide": "烟酰胺", "squalane": "角鲨烷", "ceramides": "神经酰胺",
    # Books, gift cards, digital goods
    "paperback": "平装", "hardcover": "精装", "english": "英文", "chinese": "中文", "english and chinese": "中英双语",
    "english with chinese notes": "英文（附中文注释）", "chinese with english notes": "中文（附英文注释）",
    "epub and pdf": "EPUB和PDF", "instant, in telegram": "在Telegram中即时发送",
    "shipped free, standard 3-5 business days": "免费配送，标准3-5个工作日",
    "printed voucher in a gift wallet, shipped free": "印刷体验券装于礼品卡套，免费配送", "never": "永不过期",
    "united states accounts": "美国账户",
    # Food, pets, office, misc.
    "whole bean": "咖啡豆（未研磨）", "tree nuts": "坚果", "milk": "牛奶", "wheat": "小麦", "peanuts": "花生",
    "dog": "狗", "cat": "猫", "fish": "鱼",
    "kitten": "幼猫", "puppy": "幼犬", "dotted": "点阵", "lined": "横线", "grid": "方格", "blank": "空白",
    "battery": "电池供电", "solar and battery": "太阳能与电池双供电", "usb-c rechargeable": "USB-C充电",
    "automatic": "自动机械", "quartz": "石英", "leather strap": "皮表带", "resin strap": "树脂表带",
    "stainless steel bracelet": "不锈钢表链", "german stainless": "德国不锈钢", "black": "黑色", "blue": "蓝色",
    "assorted": "混色", "small": "小号", "large": "大号",
    # Connectivity
    "bluetooth": "蓝牙", "3.5 mm jack": "3.5 mm耳机孔", "2.4 ghz usb receiver": "2.4 GHz USB接收器",
    "2.4 ghz closed radio link": "2.4 GHz封闭无线电连接", "app": "App",
    # Materials of the demo catalogue made of several parts ("Engineered mesh upper, foam midsole, rubber outsole")
    "cotton": "棉", "elastane": "氨纶", "steel": "钢", "silicone": "硅胶", "polycarbonate": "聚碳酸酯",
    "polypropylene": "聚丙烯", "plush": "毛绒", "borosilicate glass": "高硼硅玻璃",
    "recycled nylon": "再生尼龙", "recycled nylon and elastane": "再生尼龙和氨纶",
    "recycled nylon shell": "再生尼龙面料", "700-fill down": "700蓬松度羽绒", "down fill": "羽绒填充",
    "water-repellent coating": "防泼水涂层", "waterproof membrane": "防水膜",
    "water-repellent cotton gabardine": "防泼水棉质华达呢", "reverse weave cotton": "反织纯棉",
    "cotton stretch": "弹力棉", "cotton rib": "罗纹棉", "engineered mesh upper": "工程网眼鞋面",
    "foam midsole": "泡棉中底", "rubber outsole": "橡胶大底", "textile upper": "织物鞋面",
    "suede and mesh with waterproof membrane": "麂皮和网布，带防水膜", "croslite foam": "Croslite泡棉",
    "recycled polyester webbing": "再生涤纶织带", "recycled nylon webbing": "再生尼龙织带",
    "aluminium hardware": "铝合金配件", "pu leather top": "PU皮革台面", "eva": "EVA", "peva": "PEVA",
    "eva foam": "EVA泡棉", "cast iron with rubber or neoprene coating": "铸铁，橡胶或氯丁橡胶涂层",
    "ripstop polyester": "防撕裂涤纶", "aluminium poles": "铝合金帐杆",
    "polycarbonate and eps foam / aluminium": "聚碳酸酯和EPS泡沫 / 铝合金", "wood and carbon": "木材和碳素",
    "polyester plush": "涤纶毛绒", "polyester fibre fill": "涤纶纤维填充", "faux fur and memory foam": "人造毛和记忆棉",
    "polyester canvas": "涤纶帆布", "sisal rope": "剑麻绳", "engineered wood": "人造板",
    "plant-based liner": "植物基内衬", "fragrance-free": "无香", "pu cushion": "PU坐垫", "steel legs": "钢制桌腿",
    "vegan leather (polyurethane) with card slot": "素皮（聚氨酯），带卡槽",
    "polycarbonate with built-in magnet ring": "聚碳酸酯，内置磁吸环",
    "liquid silicone with microfibre lining": "液态硅胶，超细纤维内衬",
    "polycarbonate back with tpu bumper": "聚碳酸酯背板，TPU边框", "tpu with carbon-fibre texture": "TPU，碳纤维纹理",
    "stainless steel thermal carafe": "不锈钢保温壶", "stainless steel blade": "不锈钢刀片", "pom handle": "POM手柄",
    "non-stick inner pot": "不粘内胆", "bpa-free tritan jar": "无双酚A Tritan料理杯", "plastic body": "塑料机身",
    "non-stick basket": "不粘炸篮", "ceramic-coated basket": "陶瓷涂层炸篮", "certipur-us foam": "CertiPUR-US认证泡棉",
    "eucalyptus knit": "桉树纤维针织", "suede and canvas": "麂皮和帆布", "suede and mesh": "麂皮和网布",
    "vg-10 damascus": "VG-10大马士革钢",
    # Origins and teas (place names as Chinese shops write them)
    "colombia huila": "哥伦比亚慧兰", "guatemala antigua": "危地马拉安提瓜",
    "ethiopia yirgacheffe": "埃塞俄比亚耶加雪菲",
    "yunnan pu'er": "云南普洱", "aged pu'er": "陈年普洱", "ceremonial matcha": "仪式级抹茶", "earl grey": "伯爵红茶",
    "west lake longjing green tea": "西湖龙井绿茶",
    # Food, pets, paper, skin care
    "milk, soy; may contain nuts": "牛奶、大豆；可能含坚果",
    "none (packed in a facility that handles nuts)": "无（生产设施同时处理坚果）", "senior 7+": "老年（7岁以上）",
    "a6 pocket": "A6口袋本", "vitamin c 15%": "维生素C 15%", "hyaluronic acid 2% + b5": "玻尿酸2% + 维生素B5",
}
# Words whose Chinese depends on the attribute ("Medium" roast is 中度烘焙, a "Medium" pillow 适中).
_BY_KEY: dict[str, dict[str, str]] = {
    "roast": {"light": "浅度烘焙", "medium": "中度烘焙", "dark": "深度烘焙"},
    "wax": {"soy": "大豆蜡", "coconut-soy": "椰子大豆混合蜡", "beeswax blend": "混合蜂蜡"},
}
_BLUETOOTH = re.compile(r"^bluetooth(\s+[\d.]+)$", re.IGNORECASE)
# Parts that read the same in Chinese (standards, ports, numbers): a list of them and known words is translated.
_AS_IS = re.compile(r"^(?:5G|NFC|GPS|Wi-Fi(?: \d+E?)?|USB-[AC](?: PD [\d.]+| x\d+)?|HDMI [\d.]+(?: x\d+)?|"
                    r"[\d.]+ GHz Wi-Fi)$", re.IGNORECASE)


# Ages and durations ("0+ months", "6-36 months", "6 months to 6 years", "Birth to 22 kg") and shares of a
# known fibre ("98% cotton").
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(\d+)\+ months?$|^(\d+) months?\+$", re.I), "{}个月以上"),
    (re.compile(r"^(\d+-\d+|\d+) months?$", re.I), "{}个月"),
    (re.compile(r"^(\d+) months? to (\d+) years?$", re.I), "{}个月至{}岁"),
    (re.compile(r"^birth to (\d+) kg$", re.I), "出生至{}公斤"),
)
_SHARE = re.compile(r"^(\d+(?:\.\d+)?%)\s+(.+)$")


def _pattern(text: str) -> str | None:
    for pattern, template in _PATTERNS:
        if (found := pattern.match(text)) is not None:
            return template.format(*(g for g in found.groups() if g is not None))
    share = _SHARE.match(text)
    if share is not None and share.group(2).casefold() in GLOSSARY:
        return share.group(1) + GLOSSARY[share.group(2).casefold()]
    return None


def _part(text: str) -> str | None:
    key = text.strip().casefold()
    if key in GLOSSARY:
        return GLOSSARY[key]
    if (pattern := _pattern(text.strip())) is not None:
        return pattern
    if (bluetooth := _BLUETOOTH.match(text.strip())) is not None:
        return "蓝牙" + bluetooth.group(1)
    if _AS_IS.match(text.strip()):
        return text.strip()
    return None


def value_zh(text: str, key: str = "") -> str:
    """``text`` (the value of attribute ``key``) in Chinese when the whole value, or every part of a comma
    list, is known; else unchanged."""
    own = _BY_KEY.get(key, {}).get(text.strip().casefold())
    if own is not None:
        return own
    whole = _part(text)
    if whole is not None:
        return whole
    parts = [p for p in re.split(r"\s*,\s*", text) if p]
    translated = [_part(p) for p in parts]
    if len(parts) > 1 and all(translated):
        return "、".join(p for p in translated if p)
    return text


_ENGLISH: dict[str, list[str]] = {}
for _en, _zh in GLOSSARY.items():
    _ENGLISH.setdefault(_zh, []).append(_en)


def values_en(word: str) -> str:
    """The catalogue's English for a Chinese value word a shopper searches by ("帆布鞋": 帆布 -> "canvas"): the
    English values are what the titles and attributes say; "" when the word is no known value."""
    return " ".join(_ENGLISH.get(word, ()))
