"""Other results with a wish ("not that, something more creative" under mugs): the same kind of products searched
again with the wish added, never "Okay! Tell me what you'd like to do next".

WHY: the NLU reads "not that, ..." as a no, and the search's own "something else" reading (search.py) takes only
a bare request for other results; the describing words left the shopper with the main menu.
"""

from __future__ import annotations

import re
from datetime import datetime

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Reply
from bot.core.services import Services
from bot.core.skills.shopping.query import sort_from_text
from bot.core.skills.shopping.search import _ELSE, _FILLER, _REFINING, understand
from bot.core.state import Conversation
from bot.i18n import Translator

__all__ = ["else_wish", "wish_search"]


def else_wish(text: str) -> str | None:
    """The wish of "not that, something more creative" ("creative"): up to three words said after "more", "less",
    "something" or "a bit" in a message asking for other results, else None."""
    if not _ELSE.search(text):
        return None
    rest = _FILLER.sub(" ", _ELSE.sub(" ", text)).split()
    if not rest or len(rest) > 3 or any(w.isdigit() for w in rest):
        return None
    said = r"\W+".join(re.escape(w) for w in rest)
    wished = re.search(rf"\b(?:more|less|something|a\s+bit|bit)\s+(?:more\s+|less\s+)?{said}\b", text, re.I)
    return " ".join(rest) if wished else None


async def wish_search(text: str, services: Services, state: Conversation,
                      t: Translator, lang: str, codec: CallbackCodec, user_id: int,
                      now: datetime) -> list[Reply] | None:
    """The search on screen again with the wish in its words (and any option said as a filter), or None."""
    from bot.core.skills.shopping.option_followups import narrow_last_search

    wish = else_wish(text)
    if wish is None or state.last_query is None or sort_from_text(text)[0] in _REFINING:
        return None
    parse, _ = await understand(services, state, text, lang)  # asked before the dispatcher's NLU reads it
    if parse is None:
        return None
    return await narrow_last_search(parse, services, state, t, lang, codec, user_id, now, word=wish)
