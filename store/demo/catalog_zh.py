"""The Chinese side of a generated product's description (``description_zh``).

WHY a module of its own: the builder must pick the Chinese sentence of each group at the SAME alternative
index as the English one without another RNG draw (every product, price, stock and id depends on the RNG
stream, and the eval qrels refer to them), and fill its placeholders with the Chinese side of what was
picked. Variant-derived placeholders (``{colors}``, ``{sizes}``...) are built by the builder from plain
English option values, so their Chinese forms come from the palette (colours) and a small table of size
words here; model names, numbers and letter sizes read the same in both languages.
"""

from __future__ import annotations

from collections.abc import Sequence

from store.demo.catalog_spec import ProductType, Value, zh
from store.demo.errors import CatalogBuildError
from store.demo.palette import color_info

__all__ = ["check_parallel", "zh_option", "zh_extras", "join_zh"]

# Size words of the variant axes, as a Chinese shop writes them.
_SIZE_WORDS = {
    "Twin": "单人", "Full": "双人", "Queen": "大号双人", "King": "特大号双人", "California King": "加州特大号",
    "One Size": "均码", "Small": "小号", "Medium": "中号", "Large": "大号", "X-Large": "加大号",
    "XX-Large": "特大号", "Newborn": "新生儿", "Standard": "标准", "Paperback": "平装", "Hardcover": "精装",
}


def check_parallel(ptype: ProductType) -> None:
    """``desc_zh`` must mirror ``desc``: as many groups, and as many alternatives in each, with "" kept ""."""
    if not ptype.desc_zh:
        return
    where = f"product type {ptype.key!r}"
    if len(ptype.desc_zh) != len(ptype.desc):
        raise CatalogBuildError(f"{where}: desc_zh has {len(ptype.desc_zh)} groups, desc {len(ptype.desc)}")
    for number, (group, group_zh) in enumerate(zip(ptype.desc, ptype.desc_zh, strict=True), 1):
        if len(group) != len(group_zh):
            raise CatalogBuildError(f"{where}: desc_zh group {number} has {len(group_zh)} alternatives, "
                                    f"desc {len(group)}")
        if any(bool(en_text) != bool(zh_text) for en_text, zh_text in zip(group, group_zh, strict=True)):
            raise CatalogBuildError(f"{where}: desc_zh group {number} must be empty exactly where desc is")


def zh_option(axis: str, value: Value) -> str:
    """One variant option in Chinese: a pair's Chinese side, a palette colour, a size word, else as-is."""
    if isinstance(value, tuple):
        return str(zh(value))
    text = str(value)
    if axis == "color" and (info := color_info(text)) is not None:
        return info.zh
    return _SIZE_WORDS.get(text, text)


def join_zh(items: Sequence[str]) -> str:
    """"黑色、白色和藏青色": the Chinese of the builder's English "Black, White and Navy"."""
    return items[0] if len(items) == 1 else "、".join(items[:-1]) + "和" + items[-1]


def zh_extras(axes: Sequence[tuple[str, Sequence[Value]]]) -> dict[str, Value]:
    """The Chinese of the placeholders the builder derives from the chosen variant options."""
    extra: dict[str, Value] = {name: join_zh([zh_option(name, v) for v in chosen]) for name, chosen in axes}
    sizes = [zh_option("size", v) for v in dict(axes).get("size", [])]
    if sizes:
        extra["sizes"] = sizes[0] if len(sizes) == 1 else f"{sizes[0]}至{sizes[-1]}"
    if "color" in extra:
        extra["colors"] = extra["color"]
    return extra
