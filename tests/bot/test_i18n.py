from __future__ import annotations

import re

from bot.i18n import pick_language, translator
from bot.i18n.catalog_update import extract

PLACEHOLDER = re.compile(r"\{(\w+)\}")


def test_every_reply_string_has_a_chinese_translation_with_the_same_placeholders() -> None:
    zh = translator("zh")
    missing, broken = [], []
    for message in extract():
        msgid = str(message.id)
        if not msgid:
            continue
        if not zh.has(msgid):
            missing.append(msgid)
        elif set(PLACEHOLDER.findall(msgid)) != set(PLACEHOLDER.findall(zh(msgid))):
            broken.append(msgid)
    assert not missing, f"untranslated (run python -m bot.i18n.catalog_update and translate): {missing}"
    assert not broken, f"placeholders differ in translation: {broken}"


def test_language_codes_from_telegram() -> None:
    assert pick_language("zh-hans") == "zh"
    assert pick_language("zh-TW") == "zh"
    assert pick_language("en-US") == "en"
    assert pick_language("de") == "en"
    assert pick_language(None) == "en"


def test_values_are_formatted_in_both_languages() -> None:
    assert translator("en")("Sorry, {sku} is sold out right now.", sku="A1") == "Sorry, A1 is sold out right now."
    assert "A1" in translator("zh")("Sorry, {sku} is sold out right now.", sku="A1")
