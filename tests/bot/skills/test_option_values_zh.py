"""Option values other than colours and sizes read in Chinese on option buttons, stock lists and cart lines.

Before: a Chinese shopper picking a book's edition or a pack size read "🛒 Paperback · $12.99", "Large", and the
cart line "(Hardcover)". Words the glossary knows are now shown in Chinese ("平装", "大号"); amounts ("$25",
"256GB") stay as they are, and the English shopper's labels are unchanged.
"""

from __future__ import annotations

from typing import Any

from bot.core.skills.shopping.cart_view import _option
from bot.core.skills.shopping.products import variant_label
from store.cart import CartLineView
from store.catalog.views import VariantView
from store.money import Money


def _variant(attributes: dict[str, Any]) -> VariantView:
    return VariantView(id=1, sku="B1-PB", price=Money(1299, "USD"), stock=3, attributes=attributes, is_active=True,
                       product_id=1, product_external_id="B1", product_title="Tea Book", image_url=None,
                       is_digital=False)


def test_option_labels_in_chinese() -> None:
    assert variant_label(_variant({"format": "Paperback"}), "zh") == "平装"
    assert variant_label(_variant({"color": "Grey", "pack": "Large"}), "zh") == "灰色 / 大号"
    assert variant_label(_variant({"value": "$25"}), "zh") == "$25"
    assert variant_label(_variant({"storage": "256GB", "color": "Navy"}), "zh") == "256GB / 藏青色"


def test_english_option_labels_are_unchanged() -> None:
    assert variant_label(_variant({"format": "Paperback"}), "en") == "Paperback"
    assert variant_label(_variant({"color": "Grey", "pack": "Large"})) == "Grey / Large"


def test_a_chinese_cart_line_names_the_option_in_chinese() -> None:
    line = CartLineView(variant_id=1, sku="B1-HC", title="Tea Book", attributes={"format": "Hardcover"}, quantity=1,
                        unit_price=Money(1999, "USD"), line_total=Money(1999, "USD"), stock_available=3,
                        image_url=None, is_available=True, on_flash_sale=False)
    assert _option(line, "zh") == " (精装)" and _option(line, "en") == " (Hardcover)"
