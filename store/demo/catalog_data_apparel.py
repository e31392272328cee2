"""Size runs and fit phrases shared by the Women's and Men's Fashion tables.

Kept in one place so both departments describe fit with the same words, which the FAQ and the
size questions rely on. Fit notes are (english, chinese) pairs and ``FIT_SENTENCES_ZH`` mirrors
``FIT_SENTENCES``, so the Chinese description (``desc_zh``) states the same fit in Chinese.
"""

from __future__ import annotations

__all__ = ["ALPHA_SIZES", "MEN_ALPHA_SIZES", "FIT_NOTES", "FIT_SENTENCES", "FIT_SENTENCES_ZH"]

ALPHA_SIZES = ("XS", "S", "M", "L", "XL")
MEN_ALPHA_SIZES = ("S", "M", "L", "XL", "XXL")
FIT_NOTES = (
    ("True to size", "按平时尺码选购即可"),
    ("Runs small, size up", "尺码偏小，建议选大一码"),
    ("Relaxed fit, size down for a closer fit", "版型宽松，想要更合身可选小一码"),
)
FIT_SENTENCES = ("Fit: {fit}; sizes {sizes}.", "Sizing note: {fit} (available {sizes}).")
# The Chinese of FIT_SENTENCES, alternative for alternative (``desc_zh`` picks the same index).
FIT_SENTENCES_ZH = ("尺码提示：{fit}；可选尺码：{sizes}。", "选码参考：{fit}（可选尺码：{sizes}）。")
