"""Built-in colour and size words: Chinese ones with their canonical English values, and letter sizes.

WHY built in: entity values are canonical English ("红色" -> "red") so search filters match the catalogue's
attribute values whatever language the shopper uses. Training data may add more via ``synonym`` items.
"""

from __future__ import annotations

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
}

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
}
