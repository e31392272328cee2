"""Which language a message is in. WHY: metrics are reported per language and a few extractors (Chinese
numerals, 元) only make sense for Chinese; the shop speaks English and Simplified Chinese only."""

from __future__ import annotations

import re

from nlu.constants import Language

__all__ = ["detect_language", "has_cjk"]

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def detect_language(text: str) -> Language:
    """Any Han character makes a message Chinese: mixed messages ("AirPods 多少钱") are Chinese shoppers."""
    return Language.ZH if has_cjk(text) else Language.EN
