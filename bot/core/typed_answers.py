"""A typed answer to the last reply's yes/no question (``Conversation.yes_no``), read before the NLU.

The question's handler stores the data of its buttons (``yes``, ``no``) and what it is ``about``. The
dispatcher presses the button a typed message means: first by the words this module knows for the question
("对 取消吧" under "Cancel order …?"; "yes delete it", "是的，删除", "算了" under "Delete your data?"), then, for
most questions, by the NLU reading the message as affirm or deny.

WHY ``STRICT`` questions: the NLU's "affirm" is a guess ("yeah but export it first" reads as one). Where a yes
cannot be undone (erasing the shopper's data) only the words here press "yes"; an NLU "affirm" they do not
confirm asks the question again (``again``), and an NLU "deny" keeps everything, as "no" does.
"""

from __future__ import annotations

from bot.core.followups import confirms_cancel

__all__ = ["STRICT", "typed_answer", "nlu_answer"]

STRICT: frozenset[str] = frozenset({"erase"})


def typed_answer(yes_no: dict[str, str], text: str) -> str | None:
    """The key of the button ``text`` answers by its words ("yes", "no"), or None to ask the NLU."""
    about = yes_no.get("about")
    if about == "cancel":
        return "yes" if confirms_cancel(text) else None
    if about == "erase":
        from bot.core.skills.community.privacy_words import confirms_erasure, refuses_erasure

        if refuses_erasure(text):
            return "no"
        return "yes" if confirms_erasure(text) else None
    return None


def nlu_answer(yes_no: dict[str, str], intent: str) -> str | None:
    """The key of the button an NLU reading ("affirm" / "deny") presses: for a ``STRICT`` question an affirm
    only shows the question again."""
    if intent == "affirm" and yes_no.get("about") in STRICT:
        return "again" if "again" in yes_no else None
    return "yes" if intent == "affirm" else "no"
