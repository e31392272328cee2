"""Every text value of the demo catalogue that a Chinese shopper reads (materials, origins, teas, ages, allergens)
has its Chinese in the display glossary (``knowledge/text/values_zh.py``).

Before: the comparison and the product answers showed "材质：Recycled nylon, water-repellent coating",
"材质：Engineered mesh upper, foam midsole, rubber outsole", "产地：Guatemala Antigua", "适用年龄：0+ months"
to a Chinese shopper. Names stay as they are (brands, trademarked materials, models, scents, processors).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from knowledge.text.values_zh import value_zh

CATALOG = Path(__file__).resolve().parents[2] / "store" / "demo" / "catalog.json"
# Keys whose values are words, not names or model numbers.
WORDS = ("material", "origin", "tea", "upper", "age_range", "expires", "life_stage", "allergens", "paper_size",
         "active", "fill", "firmness", "fit", "warmth", "closure", "format", "language", "movement", "strap",
         "pet", "ground", "delivery", "ruling", "power", "skin_type", "hair_type", "roast", "wax", "pack")
# Trademarked materials keep their names.
NAMES = frozenset({"Birko-Flor"})


def _untranslated(value: str, key: str) -> bool:
    """Still the English text (a Chinese text may keep a name: "在Telegram中即时发送")."""
    return re.search(r"[a-z]{3,}", value) is not None and value_zh(value, key) == value


def test_every_demo_value_of_the_word_keys_is_in_chinese() -> None:
    rows = json.loads(CATALOG.read_text())
    missing = sorted({f"{key}={value}" for row in rows for key, value in row["attributes"].items()
                      if key in WORDS and isinstance(value, str) and value not in NAMES
                      and _untranslated(value, key)})
    assert missing == []


def test_patterns_and_parts() -> None:
    assert value_zh("98% cotton, 2% elastane") == "98%棉、2%氨纶"
    assert value_zh("0+ months") == "0个月以上" and value_zh("6 months+") == "6个月以上"
    assert value_zh("6-36 months") == "6-36个月" and value_zh("12 months") == "12个月"
    assert value_zh("6 months to 6 years") == "6个月至6岁" and value_zh("Birth to 22 kg") == "出生至22公斤"
    assert value_zh("Engineered mesh upper, foam midsole, rubber outsole") == "工程网眼鞋面、泡棉中底、橡胶大底"
    # Unknown words are left whole rather than half-translated.
    assert value_zh("Recycled nylon, moon dust") == "Recycled nylon, moon dust"
    assert value_zh("Croslite Foam") == "Croslite泡棉"
