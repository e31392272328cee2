"""A Chinese shopper reads a product's description and its attribute values in Chinese on the details card.

Before: the card showed the English description and "材质：Porcelain", "连接方式：Bluetooth 5.3, 3.5 mm jack" to
a Chinese shopper even when the catalogue had a Chinese description (attribute ``description_zh``).
"""

from __future__ import annotations

from pathlib import Path

from bot.core.events import UserRef
from bot.core.replies import Photo, Reply, Text
from knowledge.text.values_zh import value_zh
from store.catalog import ProductInput, VariantInput, upsert_product
from store.money import Money
from tests.helpers.shopping import Shopper, shop_bot

ANN = UserRef(411, "Ann", language_code="en")
LI = UserRef(412, "李", language_code="zh-hans")
ENGLISH = "Over-ear headphones with active noise cancelling. Wipe the ear cushions with a damp cloth."
CHINESE = "头戴式主动降噪耳机。请用微湿的软布擦拭耳垫。"


def body(replies: list[Reply]) -> str:
    return "\n".join(r.caption if isinstance(r, Photo) else r.text for r in replies if isinstance(r, Photo | Text))


async def _seed(bot: object) -> None:
    product = ProductInput(
        external_id="P31", title="Sonora Studio Headphones", title_zh="Sonora 头戴式耳机", description=ENGLISH,
        category_path="Electronics > Audio > Headphones", brand="Sonora",
        attributes={"description_zh": CHINESE, "material": "Porcelain", "connectivity": "Bluetooth 5.3, 3.5 mm jack",
                    "model": "WH-1000XM5", "fit": "True to size", "noise_cancelling": True},
        variants=[VariantInput("P31-BLK", Money(19999, "USD"), 5, {"color": "Black"})])
    async with bot.services.uows() as uow:  # type: ignore[attr-defined]
        await upsert_product(uow, product)


async def test_chinese_details_show_the_chinese_description_and_values(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        await _seed(bot)
        text = body(await Shopper(bot, LI).say("/start p_P31"))
        assert CHINESE in text and ENGLISH not in text
        assert "材质：白瓷" in text and "连接方式：蓝牙 5.3、3.5 mm耳机孔" in text and "尺码标准" in text
        assert "WH-1000XM5" in text  # model names stay as they are
        assert CHINESE not in text.replace(CHINESE, "", 1)  # shown once, not again as an attribute line


async def test_english_details_are_unchanged(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        await _seed(bot)
        text = body(await Shopper(bot, ANN).say("/start p_P31"))
        assert ENGLISH in text and CHINESE not in text
        assert "Material: Porcelain" in text and "Connectivity: Bluetooth 5.3, 3.5 mm jack" in text


def test_values_are_translated_only_when_known() -> None:
    assert value_zh("Porcelain") == "白瓷"
    assert value_zh("Bluetooth, Wi-Fi, GPS") == "蓝牙、Wi-Fi、GPS"
    assert value_zh("Medium", "roast") == "中度烘焙" and value_zh("Medium", "firmness") == "适中"
    # Half-known lists, model names and brands are left alone rather than half translated.
    assert value_zh("Porcelain, unobtainium") == "Porcelain, unobtainium"
    assert value_zh("Super Retina XDR OLED") == "Super Retina XDR OLED"
