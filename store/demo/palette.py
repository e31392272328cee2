"""Colour names used by the demo catalog: SKU code, RGB for the product image, and a Chinese name.

One table serves both the catalog builder (SKU codes such as ``P0001-BLK-M``) and the image renderer
(background colour), so a colour can never be sold under one name and drawn as another.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["ColorInfo", "COLORS", "color_info"]


class ColorInfo(NamedTuple):
    code: str
    rgb: tuple[int, int, int]
    zh: str


COLORS: dict[str, ColorInfo] = {
    "Black": ColorInfo("BLK", (33, 33, 36), "黑色"),
    "White": ColorInfo("WHT", (244, 244, 240), "白色"),
    "Grey": ColorInfo("GRY", (150, 152, 156), "灰色"),
    "Charcoal": ColorInfo("CHR", (70, 72, 76), "炭灰色"),
    "Navy": ColorInfo("NVY", (31, 45, 84), "藏青色"),
    "Blue": ColorInfo("BLU", (45, 105, 190), "蓝色"),
    "Sky Blue": ColorInfo("SKY", (135, 190, 230), "天蓝色"),
    "Teal": ColorInfo("TEA", (0, 128, 128), "青绿色"),
    "Green": ColorInfo("GRN", (46, 139, 87), "绿色"),
    "Sage": ColorInfo("SAG", (156, 175, 136), "鼠尾草绿"),
    "Olive": ColorInfo("OLV", (107, 112, 55), "橄榄绿"),
    "Khaki": ColorInfo("KHK", (195, 176, 145), "卡其色"),
    "Beige": ColorInfo("BEI", (222, 206, 178), "米色"),
    "Cream": ColorInfo("CRM", (245, 238, 220), "奶油色"),
    "Brown": ColorInfo("BRN", (110, 74, 48), "棕色"),
    "Tan": ColorInfo("TAN", (196, 154, 108), "浅棕色"),
    "Camel": ColorInfo("CML", (193, 140, 83), "驼色"),
    "Red": ColorInfo("RED", (200, 40, 45), "红色"),
    "Burgundy": ColorInfo("BUR", (120, 28, 46), "酒红色"),
    "Pink": ColorInfo("PNK", (240, 150, 180), "粉色"),
    "Blush": ColorInfo("BLS", (236, 196, 190), "浅粉色"),
    "Coral": ColorInfo("CRL", (245, 120, 95), "珊瑚色"),
    "Orange": ColorInfo("ORG", (240, 130, 30), "橙色"),
    "Mustard": ColorInfo("MUS", (212, 165, 40), "芥末黄"),
    "Yellow": ColorInfo("YEL", (250, 214, 60), "黄色"),
    "Purple": ColorInfo("PUR", (110, 60, 150), "紫色"),
    "Lavender": ColorInfo("LAV", (190, 170, 220), "薰衣草紫"),
    "Silver": ColorInfo("SLV", (192, 194, 198), "银色"),
    "Gold": ColorInfo("GLD", (212, 175, 55), "金色"),
    "Rose Gold": ColorInfo("RGD", (215, 160, 150), "玫瑰金"),
    "Natural": ColorInfo("NAT", (226, 214, 190), "原色"),
    "Clear": ColorInfo("CLR", (214, 230, 236), "透明"),
    "Multicolor": ColorInfo("MLT", (160, 120, 200), "多色"),
    "Stainless Steel": ColorInfo("SST", (176, 180, 184), "不锈钢色"),
    "Walnut": ColorInfo("WAL", (93, 64, 45), "胡桃木色"),
    "Oak": ColorInfo("OAK", (196, 160, 110), "橡木色"),
    "Terracotta": ColorInfo("TER", (196, 98, 68), "陶土色"),
    "Mint": ColorInfo("MNT", (170, 224, 200), "薄荷绿"),
}


def color_info(name: str) -> ColorInfo | None:
    """Look a colour up by its catalog name, case-insensitively; None for names outside the palette."""
    hit = COLORS.get(name)
    if hit is not None:
        return hit
    lowered = name.strip().lower()
    for key, info in COLORS.items():
        if key.lower() == lowered:
            return info
    return None
