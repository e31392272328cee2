"""A greeting or thanks in front of a request is read without it: "good morning, is the vitamix still on sale?".

WHY: the NLU weighs a message's first words heavily, and a greeting there pulled every reading down ("hi do u
have the bose soundlink flex": search 0.48, join_group 0.26; "good morning, is the vitamix still on sale?": "Sorry,
I didn't catch that"), and "thx, add 2 pls" looked for a product called "thx" (a laugh the same: "lol ok show
me the cheapest blender"). The greeting asks for nothing, so the
request after it is what is read (parsed, searched, answered). A message that is only a greeting or thanks is left
as typed (the bot greets back), and so is one whose rest does not start like a request ("hello kitty backpack").
English only: Chinese greetings ("你好，有耳机吗") already parse well.
"""

from __future__ import annotations

import re

__all__ = ["without_greeting"]

_LEAD = re.compile(
    r"^\s*(?:(?:hi+|hey+|hello+|helo|hiya|heya|howdy|yo|sup|greetings|good\s+(?:morning|afternoon|evening|day)|"
    r"morning|evening|thanks|thank\s+(?:you|u)|thx|thnx|tnx|ty|cheers|ok\s+thanks|okay\s+thanks|lol|lmao|haha+|hehe)"
    r"(?:\s+(?:there|guys|team|all|everyone|so\s+much|a\s+lot|again))*(?P<sep>[\s,!.:;]*[,!.:;][\s,!.:;]*|\s+))+",
    re.I)
# How a request begins, for a greeting not set off by punctuation ("hi do u have …", "hey can i …").
_REQUEST_START = re.compile(
    r"^(?:do|does|did|is|are|r|can|could|would|will|i|im|i'm|i'd|id|i've|we|my|need|looking|searching|got|any|"
    r"anything|what|whats|what's|wat|wats|how|where|when|which|who|why|show|find|add|remove|put|please|pls|plz|"
    r"u|you|ya|have|want|wanna|gimme|give|get|help|where's|when's|just|quick|question|so|ok|okay|alright)\b", re.I)
_MIN_REST_WORDS = 2


def without_greeting(text: str) -> str:
    """``text`` without a leading greeting or thanks when a request follows it, else ``text`` as typed."""
    found = _LEAD.match(text)
    if found is None:
        return text
    rest = text[found.end():].strip()
    if len(rest.split()) < _MIN_REST_WORDS or not re.search(r"[A-Za-z]", rest):
        return text
    set_off = any(c in found.group(0) for c in ",!.:;")
    if not set_off and not _REQUEST_START.match(rest):
        return text
    return rest
