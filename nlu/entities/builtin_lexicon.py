"""Built-in colour and size words: Chinese ones with their canonical English values, and letter sizes.

WHY built in: entity values are canonical English ("红色" -> "red") so search filters match the catalogue's
attribute values whatever language the shopper uses. Training data may add more via ``synonym`` items.
"""

from __future__ import annotations

from knowledge.text.colour_names import ZH_SHADES

__all__ = ["LETTER_SIZES", "ZH_COLORS", "ZH_SIZES"]

LETTER_SIZES: dict[str, str] = {s.casefold(): s for s in ("XXS", "XS", "XL", "XXL", "XXXL", "2XL", "3XL", "4XL")}

ZH_COLORS: dict[str, str] = {
    "红色": "red",
    "红": "red",
    "大红": "red",
    "酒红": "burgundy",
    "酒红色": "burgundy",
    "粉色": "pink",
    "粉红": "pink",
    "粉红色": "pink",
    "橙色": "orange",
    "橘色": "orange",
    "黄色": "yellow",
    "黄": "yellow",
    "绿色": "green",
    "绿": "green",
    "军绿": "olive",
    "军绿色": "olive",
    "墨绿": "dark green",
    "蓝色": "blue",
    "蓝": "blue",
    "天蓝": "sky blue",
    "天蓝色": "sky blue",
    "藏青": "navy",
    "藏青色": "navy",
    "深蓝": "navy",
    "深蓝色": "navy",
    "紫色": "purple",
    "紫": "purple",
    "黑色": "black",
    "黑": "black",
    "白色": "white",
    "白": "white",
    "米白": "off-white",
    "米白色": "off-white",
    "米色": "beige",
    "卡其": "khaki",
    "卡其色": "khaki",
    "灰色": "gray",
    "灰": "gray",
    "深灰": "dark gray",
    "深灰色": "dark gray",
    "浅灰": "light gray",
    "棕色": "brown",
    "咖啡色": "brown",
    "驼色": "camel",
    "金色": "gold",
    "银色": "silver",
    "玫瑰金": "rose gold",
    "透明": "clear",
    "彩色": "multicolor",
    "杏色": "apricot",
    # shades catalogues name (the demo's sage, blush, cream, coral, charcoal...): the Chinese words shoppers
    # use for them, so "鼠尾草绿" is sage, not green, and "腮红色" is blush, not red
    "鼠尾草绿": "sage",
    "鼠尾草色": "sage",
    "灰绿色": "sage",
    "腮红色": "blush",
    "腮红粉": "blush",
    "奶油色": "cream",
    "奶油白": "cream",
    "珊瑚色": "coral",
    "珊瑚红": "coral",
    "珊瑚粉": "coral",
    "炭灰": "charcoal",
    "炭灰色": "charcoal",
    "炭黑": "charcoal",
    "炭黑色": "charcoal",
    "棕褐色": "tan",
    "浅棕色": "tan",
    "奶茶色": "tan",
    "橄榄绿": "olive",
    "橄榄色": "olive",
    "原木色": "natural",
    "本白色": "natural",
    "不锈钢色": "stainless steel",
    "薰衣草紫": "lavender",
    "薰衣草色": "lavender",
    "陶土色": "terracotta",
    "赤陶色": "terracotta",
    "砖红色": "terracotta",
    "水鸭蓝": "teal",
    "水鸭色": "teal",
    "孔雀蓝": "teal",
    "芥末黄": "mustard",
    "芥末色": "mustard",
    "胡桃色": "walnut",
    "胡桃木色": "walnut",
    "橡木色": "oak",
    "薄荷绿": "mint",
    "薄荷色": "mint",
    "香槟色": "champagne",
    "紫罗兰": "violet",
}

# The rest of the family of shade names (knowledge/text/colour_names.py: "宝蓝色", "雾霾蓝", "燕麦色"); the words above
# keep their values.
for _name, _english in ZH_SHADES.items():
    ZH_COLORS.setdefault(_name, _english)

ZH_SIZES: dict[str, str] = {
    "小号": "S",
    "中号": "M",
    "大号": "L",
    "加大": "XL",
    "加大号": "XL",
    "特大": "XXL",
    "特大号": "XXL",
    "均码": "one size",
    "单人": "single",
    "双人": "double",
    "加宽": "wide",
    "新生儿": "newborn",
    "标准码": "standard",
}
