"""Product attributes as a shopper reads them: "Battery life: 24 h", "Dishwasher safe: yes", in either language.

WHY: the catalogue keeps attributes as data (``battery_life_h: 24``, ``dishwasher_safe: true``); printing the
keys raw ("battery life h: 24", "dishwasher safe: True") reads like a database dump. The key's last part names
its unit; the rest names the attribute (the common ones are translated). Bookkeeping attributes, and ones the
card already shows, are left out.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

from bot.core.intent_labels import N_
from bot.i18n import Translator
from knowledge.text.values_zh import value_zh

__all__ = ["attribute_lines", "attribute_name", "attribute_value", "HIDDEN"]

HIDDEN = frozenset({"title_zh", "rating", "sales_count", "tags", "tags_zh", "image_url", "description_zh",
                    "list_price", "product_type"})
MAX_LINES = 10

_NAMES = {
    "material": N_("Material"), "model": N_("Model"), "fit": N_("Fit"), "age_range": N_("Age"),
    "connectivity": N_("Connectivity"), "pages": N_("Pages"), "author": N_("Author"), "language": N_("Language"),
    "dishwasher_safe": N_("Dishwasher safe"), "microwave_safe": N_("Microwave safe"), "pet": N_("For"),
    "wattage": N_("Power"), "pieces": N_("Pieces"), "volume": N_("Volume"), "capacity": N_("Capacity"),
    "publication_year": N_("Published"), "delivery": N_("Delivery"), "format": N_("Format"),
    "compatible_with": N_("Fits"), "phone_model": N_("Fits"), "expires": N_("Expires"), "display": N_("Display"),
    "screen_size": N_("Screen size"), "warranty": N_("Warranty"), "height": N_("Height"), "weight": N_("Weight"),
    "allergens": N_("Allergens"), "count": N_("Count"), "players": N_("Players"), "max_load": N_("Max load"),
    "battery_life": N_("Battery life"), "battery": N_("Battery"), "waterproof_rating": N_("Water resistance"),
    "ipx": N_("Water resistance"), "length": N_("Length"), "diameter": N_("Diameter"),
    "thickness": N_("Thickness"), "inseam": N_("Inseam"), "runtime": N_("Running time"),
    "play_time": N_("Playing time"), "burn_time": N_("Burn time"), "best_before": N_("Best before"),
    "origin": N_("Origin"), "roast": N_("Roast"), "noise_cancelling": N_("Noise cancelling"),
    "induction": N_("Induction hobs"), "non_toxic": N_("Non-toxic"), "vegan": N_("Vegan"),
    "sulfate_free": N_("Sulfate-free"), "warranty_months": N_("Warranty"), "skin_type": N_("Skin type"),
    "hair_type": N_("Hair type"), "firmness": N_("Firmness"), "fill": N_("Fill"), "cpu": N_("Processor"),
    "ram": N_("Memory"), "storage": N_("Storage"), "ports": N_("Ports"), "file_format": N_("File format"),
}
# Unit suffixes of attribute keys ("battery_life_h"), with how a value in that unit is written.
_UNITS = {
    "h": N_("{n} h"), "min": N_("{n} min"), "days": N_("{n} days"), "months": N_("{n} months"),
    "years": N_("{n} years"), "g": "{n} g", "kg": "{n} kg", "ml": "{n} ml", "l": "{n} L", "cm": "{n} cm",
    "mm": "{n} mm", "in": "{n}″", "gb": "{n} GB", "mah": "{n} mAh", "pct": "{n}%", "pcs": "{n}",
}
_VALUE_UNITS = {"wattage": "{n} W", "ipx": "IPX{n}"}


def _split(key: str) -> tuple[str, str | None]:
    base, _, last = key.rpartition("_")
    if base and last in _UNITS:
        return base, last
    return key, None


def _zh(key: str, value: object) -> object:
    return value_zh(value, key) if isinstance(value, str) else value


def _value(key: str, unit: str | None, value: object, t: Translator) -> str:
    if isinstance(value, bool):
        return t("yes") if value else t("no")
    if t.language == "zh":  # "Porcelain" -> "白瓷" where the Chinese is known (knowledge/text/values_zh.py)
        value = [_zh(key, v) for v in value] if isinstance(value, list) else _zh(key, value)
    shown = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    if unit is not None:
        return t(_UNITS[unit], n=shown)
    if key in _VALUE_UNITS:
        return _VALUE_UNITS[key].format(n=shown)
    return shown


def attribute_lines(attributes: Mapping[str, object], t: Translator) -> list[str]:
    lines = []
    for key, value in attributes.items():
        if key in HIDDEN or value in (None, "", [], {}):
            continue
        base, unit = _split(key)
        label = attribute_name(key, t)
        colon = "：" if t.language == "zh" else ": "
        lines.append(f"• {html.escape(label)}{colon}{html.escape(_value(key, unit, value, t))}")
    return lines[:MAX_LINES]


def attribute_value(key: str, value: object, t: Translator) -> str:
    """One attribute's value as the details read it ("10 h", "IPX5", "yes"), not escaped."""
    _, unit = _split(key)
    return _value(key, unit, value, t)


def attribute_name(key: str, t: Translator) -> str:
    """How an attribute is called ("Battery life" for ``battery_life_h``, "续航" in Chinese), not escaped."""
    base, _ = _split(key)
    name = _NAMES.get(key) or _NAMES.get(base)
    return t(name) if name else base.replace("_", " ").capitalize()
