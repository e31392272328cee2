"""Figures with a unit in product text, where a unit letter can be something else: "5G" / "4G LTE" is a mobile
network generation, not 5 or 4 grams.

WHY: the weight patterns read any number before a "g", case aside, so with the Nothing Phone (2a) 5G open, "how
heavy is it" quoted "…supports 5G, Wi-Fi 6…" as what the listing says of its weight (testers, s9-en). Listings
write the network as a single digit and a capital G glued together ("5G", "4G LTE"); a weight has a space, a
lower-case g, or more digits ("5 g", "250g", "250 G"). ``GRAMS`` is the weight figure every reader shares, so a
new reader of weights does not bring the mistake back.
"""

from __future__ import annotations

import re

__all__ = ["GRAMS", "NETWORK_GENERATION", "is_network_generation"]

# "2G" … "6G" standing alone (case-sensitive): the network. Not "15G", "5 G" or "5g".
NETWORK_GENERATION = r"(?-i:(?<![\w.,])[2-6]G(?!\w))"
# A weight in grams or kilograms: the number (group 1) and the unit (group 2), never a network generation.
GRAMS = rf"(?!{NETWORK_GENERATION})(?<![\w.,])(\d[\d,]*(?:\.\d+)?)\s*(kg|g)\b"

_NETWORK = re.compile(NETWORK_GENERATION)


def is_network_generation(text: str) -> bool:
    """Whether ``text`` is exactly a network generation ("5G"), which no unit reader should take as a figure."""
    return _NETWORK.fullmatch(text.strip()) is not None
