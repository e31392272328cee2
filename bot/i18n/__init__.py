"""Replies in English and Chinese from gettext catalogues (Babel reads the .po files directly).

English strings are the message ids; ``bot/locale/zh/LC_MESSAGES/messages.po`` holds the Chinese. A test checks
that every ``t("...")`` literal in bot/ has a Chinese translation, so a new reply cannot ship untranslated.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

__all__ = ["Translator", "translator", "SUPPORTED", "pick_language", "LOCALE_DIR"]

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
SUPPORTED = ("en", "zh")


def pick_language(code: str | None, default: str = "en") -> str:
    """Telegram's language_code ("zh-hans", "zh-CN", "en-US") to one we speak."""
    if not code:
        return default
    base = code.lower().split("-")[0].split("_")[0]
    return base if base in SUPPORTED else default


class Translator:
    def __init__(self, language: str, catalog: dict[str, str]) -> None:
        self.language = language
        self._catalog = catalog

    def __call__(self, message: str, /, **values: object) -> str:
        text = self._catalog.get(message) or message
        return text.format(**values) if values else text

    def has(self, message: str) -> bool:
        return bool(self._catalog.get(message))


@cache
def _load(language: str) -> dict[str, str]:
    path = LOCALE_DIR / language / "LC_MESSAGES" / "messages.po"
    if language == "en" or not path.exists():
        return {}
    with path.open("rb") as fh:
        catalog = read_po(fh, locale=language)
    return {str(m.id): str(m.string) for m in catalog if m.id and m.string and not m.fuzzy}


def translator(language: str | None) -> Translator:
    lang = pick_language(language)
    return Translator(lang, _load(lang))
