"""Size runs and fit phrases shared by the Women's and Men's Fashion tables.

Kept in one place so both departments describe fit with the same words, which the FAQ and the
size questions rely on.
"""

from __future__ import annotations

__all__ = ["ALPHA_SIZES", "MEN_ALPHA_SIZES", "FIT_NOTES", "FIT_SENTENCES"]

ALPHA_SIZES = ("XS", "S", "M", "L", "XL")
MEN_ALPHA_SIZES = ("S", "M", "L", "XL", "XXL")
FIT_NOTES = ("True to size", "Runs small, size up", "Relaxed fit, size down for a closer fit")
FIT_SENTENCES = ("Fit: {fit}; sizes {sizes}.", "Sizing note: {fit} (available {sizes}).")
