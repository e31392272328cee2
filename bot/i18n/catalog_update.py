"""Extract every ``t("...")`` string from bot/ and merge it into the Chinese catalogue, keeping translations.

Run ``python -m bot.i18n.catalog_update`` after adding replies; new strings appear untranslated in
``bot/locale/zh/LC_MESSAGES/messages.po`` and ``tests/bot/test_i18n.py`` fails until they are translated.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from bot.i18n import LOCALE_DIR

__all__ = ["extract", "update"]

BOT_DIR = Path(__file__).resolve().parent.parent
KEYWORDS = {"t": None, "N_": None}


def extract() -> Catalog:
    catalog = Catalog(project="shopbot", charset="utf-8")
    methods = [("**.py", "python")]
    for filename, lineno, message, comments, _ctx in extract_from_dir(
        BOT_DIR, method_map=methods, keywords=KEYWORDS, comment_tags=("i18n:",), strip_comment_tags=True
    ):
        if isinstance(message, str) and message:
            catalog.add(message, locations=[(f"bot/{filename}", lineno)], auto_comments=comments)
    return catalog


def update(language: str = "zh") -> Path:
    path = LOCALE_DIR / language / "LC_MESSAGES" / "messages.po"
    template = extract()
    if path.exists():
        with path.open("rb") as fh:
            catalog = read_po(fh, locale=language)
        catalog.update(template, no_fuzzy_matching=True)
    else:
        catalog = Catalog(locale=language, project="shopbot", charset="utf-8")
        catalog.update(template, no_fuzzy_matching=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        write_po(fh, catalog, width=0, omit_header=False, ignore_obsolete=True, include_previous=False)
    return path


if __name__ == "__main__":
    print(update())
