"""A figure the listing states for an aspect is the aspect's, never part of a model name (walk 9: "does the hp one
have a good battery" -> "battery life: 13500H", read from the CPU "Intel Core i5-13500H" in the title)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.core.events import UserRef
from bot.core.skills.shopping.aspects import aspect_asked, figure_of
from store.catalog.views import ProductView


def _product(title: str, description: str = "", **attributes: Any) -> ProductView:
    return ProductView(id=1, external_id="L1", title=title, title_zh=None, description=description, brand="HP",
                       category_path="Electronics > Laptops", attributes=attributes, image_url=None,
                       rating_tenths=None, sales_count=0, is_digital=False, is_active=True, variants=())


def _battery(product: ProductView) -> str | None:
    aspect = aspect_asked("does it have a good battery")
    assert aspect is not None and aspect.name == "battery life"
    figure = figure_of(aspect, product, {})
    return figure.shown if figure else None


def test_a_processor_model_is_not_a_battery_figure() -> None:
    # The CPU is an attribute: its "155H" is the processor's name, wherever the title puts it.
    zenbook = _product('ASUS Zenbook 14 OLED Laptop, 14" 3K OLED, Intel Core Ultra 7 155H, 16 GB RAM',
                       "A thin 14-inch laptop with Intel Core Ultra 7 155H.", cpu="Intel Core Ultra 7 155H")
    assert _battery(zenbook) is None
    # A code glued to letters and digits ("i5-13500H") is a model, even with no attribute saying so.
    hp = _product('HP Pavilion Plus 14 Laptop, 14" 2.8K OLED, Intel Core i5-13500H, 16 GB RAM')
    assert _battery(hp) is None


def test_a_real_battery_figure_is_still_read() -> None:
    laptop = _product('HP Pavilion Plus 14 Laptop, Intel Core i5-13500H, 16 GB RAM',
                      "Up to 10 h of battery on a charge.", cpu="Intel Core i5-13500H")
    assert _battery(laptop) == "10 h"
    buds = _product("Soundcore Buds, 5-10 hours playtime, 4000mAh case")
    assert _battery(buds) == "10 hours"
    speaker = _product("Party Speaker, 24 hours", battery="24 hours")  # its own key speaks of battery
    assert _battery(speaker) == "24 hours"


async def test_a_listing_without_the_figure_says_so(tmp_path: Path) -> None:
    """The HP laptop's listing says "Charges over USB-C" and nothing of its battery life: the answer says the
    listing doesn't give it, instead of quoting the CPU or implying the charging line answers."""
    from bot.core.state import Conversation
    from store.catalog import ProductInput, VariantInput, upsert_product
    from store.money import Money
    from tests.helpers.community import Person, community_bot, text_of

    async with community_bot(tmp_path) as bot:
        assert bot.services is not None
        async with bot.services.uows() as uow:
            await upsert_product(uow, ProductInput(
                external_id="L1", title='HP Pavilion Plus 14 Laptop, 14" 2.8K OLED, Intel Core i5-13500H, 16 GB RAM',
                title_zh=None, description="A thin 14-inch laptop. Charges over USB-C; the 65W charger is included.",
                attributes={"cpu": "Intel Core i5-13500H", "screen_size_in": 14},
                variants=[VariantInput("L1-1", Money(69999, "USD"), 5, {})]))
            await uow.commit()
        for user, question, says in ((UserRef(811, "Ann", language_code="en"), "does it have a good battery?",
                                      "doesn't give its battery life"),
                                     (UserRef(812, "李", language_code="zh-hans"), "电池怎么样？", "没有写明续航")):
            await bot.services.states.save(user.id, user.id, Conversation(last_results=["L1"], focus_sku="L1"))
            said = text_of(await Person(bot, user).say(question))
            assert says in said and "13500H" not in said.split("</b>")[-1], said
            assert "Charges over USB-C" in said, said
