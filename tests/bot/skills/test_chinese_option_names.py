"""Chinese names where the demo lacked them: every colour and size in the demo catalogue reads in Chinese on
option buttons and cart lines ("Grey" -> 灰色), and a flash sale is named in Chinese in a Chinese cart
(限时秒杀：耳机专场, not "Headphones flash sale")."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from pathlib import Path

from bot.core.events import UserRef
from bot.core.skills.shopping.products import variant_label
from bot.core.skills.shopping.words import option_value
from store.catalog.service import ProductInput, VariantInput, upsert_product
from store.catalog.views import VariantView
from store.models.promotions import FlashSale
from store.money import Money
from tests.helpers.checkout_flow import shop, texts

CATALOG = Path(__file__).resolve().parents[3] / "store" / "demo" / "catalog.json"
LI = UserRef(801, first_name="李", language_code="zh-hans")
ADA = UserRef(802, first_name="Ada", language_code="en")
# Letter sizes and bare numbers read the same in Chinese shops (S, M, XL; waist 32): they stay as they are.
_NEUTRAL = re.compile(r"^(X{0,3}[SML]|X{1,3}L|\d+)$")


def _demo_values(key: str) -> set[str]:
    rows = json.loads(CATALOG.read_text(encoding="utf-8"))
    return {str(v) for r in rows for k, v in (r.get("attributes") or {}).items() if k == key}


def test_every_demo_colour_and_worded_size_reads_in_chinese() -> None:
    colours, sizes = _demo_values("color") | _demo_values("colour"), _demo_values("size")
    assert "Grey" in colours and "US 9" in sizes
    untranslated = sorted(c for c in colours if option_value("color", c, "zh") == c)
    assert untranslated == []
    assert all(not re.search(r"[A-Za-z]", option_value("color", c, "zh")) for c in colours)
    worded = sorted(s for s in sizes if not _NEUTRAL.match(s))
    assert all(not re.search(r"[A-Za-z]", option_value("size", s, "zh")) for s in worded), [
        (s, option_value("size", s, "zh")) for s in worded]
    assert option_value("size", "6-12 Months", "zh") == "6-12个月" and option_value("size", "US 9", "zh") == "美码 9"
    assert option_value("color", "Grey", "en") == "Grey" and option_value("size", "Queen", "en") == "Queen"


def test_option_buttons_name_grey_and_the_size_in_chinese() -> None:
    variant = VariantView(1, "SH-G9", Money(5000, "USD"), 3, {"color": "Grey", "size": "US 9"}, True, 1, "SH",
                          "Runner", None, False)
    assert variant_label(variant, "zh") == "灰色 / 美码 9"
    assert variant_label(variant, "en") == "Grey / US 9"


async def test_a_chinese_cart_names_the_flash_sale_and_the_colour_in_chinese(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        async with s.uows() as uow:
            product = await upsert_product(uow, ProductInput(
                external_id="HPX", title="Studio Headphones", title_zh="录音室耳机", category_path="Electronics",
                variants=[VariantInput("HPX-G", Money(9999, "USD"), 10, {"color": "Grey"}),
                          VariantInput("HPX-B", Money(9999, "USD"), 10, {"color": "Black"})]))
        async with s.uows() as uow:
            uow.session.add(FlashSale(variant_id=product.variants[0].id, title="Headphones flash sale",
                                      title_zh="耳机专场", price_minor=7999, currency="USD", quantity_total=5,
                                      quantity_remaining=5, per_user_limit=2, starts_at=s.clock() - timedelta(hours=1),
                                      ends_at=s.clock() + timedelta(hours=1)))
            await uow.commit()
        zh = texts(await (await s.shopper(LI, ("HPX-G", 1))).say("购物车"))
        assert "限时秒杀：耳机专场" in zh and "Headphones flash sale" not in zh
        assert "(灰色)" in zh and "Grey" not in zh
        en = texts(await (await s.shopper(ADA, ("HPX-G", 1))).say("my cart"))
        assert "Flash sale: Headphones flash sale" in en and "(Grey)" in en


def test_a_list_price_per_option_is_no_option() -> None:
    """The demo laptops carry their list price per storage size: the buttons read "Grey / 1187.99 / 1TB"."""
    variant = VariantView(1, "LT-G1", Money(94999, "USD"), 3, {"color": "Grey", "list_price": "1187.99",
                                                                "storage": "1TB"}, True, 1, "LT", "Laptop", None, False)
    assert variant_label(variant, "en") == "Grey / 1TB"
