""""5G" in a phone's title or description is the mobile network, never 5 grams: "how heavy is it" with the
Nothing Phone (2a) 5G open quoted "…supports 5G, Wi-Fi 6…" as what the listing says about its weight and listed
"Connectivity: 5G" (testers, s9-en). Weights written in grams ("5 g", "250g", "1.2 kg", "250 G") stay weights."""

from __future__ import annotations

from typing import Any

from bot.core.skills.shopping.aspects import aspect_asked, figure_of, sentences_about
from store.catalog.views import ProductView


def _product(title: str, description: str = "", **attributes: Any) -> ProductView:
    return ProductView(id=1, external_id="F1", title=title, title_zh=None, description=description, brand="Nothing",
                       category_path="Electronics > Phones", attributes=attributes, image_url=None,
                       rating_tenths=None, sales_count=0, is_digital=False, is_active=True, variants=())


def _weight() -> Any:
    aspect = aspect_asked("how heavy is it")
    assert aspect is not None and aspect.name == "weight"
    return aspect


def test_a_network_generation_is_not_a_weight() -> None:
    phone = _product('Nothing Phone (2a) 5G Smartphone, 6.7" Flexible AMOLED Display, Dual SIM',
                     "Unlocked for any carrier, with 5G, dual SIM and NFC. Falls back to 4G LTE where there is no "
                     "5G signal.", connectivity="5G, Wi-Fi 6, Bluetooth 5.3, NFC")
    weight = _weight()
    assert figure_of(weight, phone, {}) is None
    assert sentences_about(weight, phone) == []
    assert weight.mentions is not None and not weight.mentions.search("5G, Wi-Fi 6, Bluetooth 5.3, NFC")


def test_weights_in_grams_are_still_weights() -> None:
    weight = _weight()
    for text, shown in (("Weighs just 5 g.", "5 g"), ("A 250g bag of beans.", "250g"), ("Only 1.2 kg.", "1.2 kg"),
                        ("Net weight 250 G.", "250 G"), ("Pack of 3G cards, 15g each.", "15g")):
        figure = figure_of(weight, _product("Thing", text), {})
        assert figure is not None and figure.shown == shown, (text, figure)
        assert sentences_about(weight, _product("Thing", text)), text
