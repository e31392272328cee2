"""Contractions typed without the apostrophe, put back before the message is read: "ok ill take the midea",
"ill have 2", "Ill get the sony one".

WHY: the classifier read "ill take the midea" as a removal (it knows "i'll take", not the word "ill") and
answered "🛒 Your cart is empty." with the Midea on screen. "ill" before a verb of taking or buying is "I'll";
"ill" anywhere else ("feeling ill") is left as typed.
"""

from __future__ import annotations

import re

__all__ = ["restore_contractions"]

_ILL_VERB = re.compile(
    r"\b([Ii])ll(\s+(?:just\s+|also\s+|probably\s+)?(?:take|have|get|buy|grab|add|order|go\s+with|try|want|need|"
    r"pick|choose|pay|checkout|check\s+out)\b)")


def restore_contractions(text: str) -> str:
    """The text with "ill <verb>" as "i'll <verb>" (the case of the "i" kept)."""
    return _ILL_VERB.sub(lambda m: f"{m.group(1)}'ll{m.group(2)}", text)
