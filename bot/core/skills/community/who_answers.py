""" "Are you a real person or a bot?": the shopper asks who is answering, not for a person.

WHY: the NLU reads the question as talk_to_human (it names a person), so asking it opened a support ticket and
told the shopper a person would reply within hours. The honest answer is that this is the shop's assistant, a
bot, with the way to a person one tap away; the shopper decides whether they want one.
"""

from __future__ import annotations

import re

from bot.core.callbacks import CallbackCodec
from bot.core.replies import Reply, Text, keyboard
from bot.i18n import Translator

__all__ = ["asks_if_bot", "bot_answer"]

_YOU = r"(?:are|r|is)\s+(?:you|u|this|it|that)|am\s+i\s+(?:talking|chatting|speaking)\s+(?:to|with)"
_WHAT = (
    r"(?:an?\s+)?(?:real\s+)?(?:person|human|people|man|woman|bot|robot|chat\s?bot|ai|a\.i\.|machine|"
    r"computer|program|automated)"
)
# "are you a bot", "are u human?", "is this a real person or a bot", "am i talking to a robot", "你是机器人吗",
# "你是真人吗", "是人工还是机器人": a question, at most a few words around it.
_ASKS = re.compile(
    rf"^(?:(?:hey|hi|so|wait|lol|ok|okay|um|hmm|just\s+curious)[\s,.!]+)*(?:{_YOU})\s+(?:a\s+)?{_WHAT}"
    rf"(?:\s+or\s+(?:a\s+)?{_WHAT})?\s*(?:or\s+not|for\s+real|really|lol|haha|tho|though)?[\s?!.]*$|"
    r"^(?:请问)?(?:你|您|这)(?:是|是不是)(?:真人|人工|机器人|AI|ai|人|程序|自动回复)(?:还是(?:真人|人工|机器人|AI|ai|人|程序))?"
    r"(?:吗|呀|啊|呢)?[\s?？!！。]*$|^(?:是)?(?:真人|人工)还是机器人[吗呢啊]?[\s?？!！。]*$",
    re.IGNORECASE,
)


def asks_if_bot(text: str) -> bool:
    """Whether the message only asks if the one answering is a bot or a person."""
    return bool(_ASKS.search(text.strip()))


def bot_answer(t: Translator, codec: CallbackCodec, user_id: int) -> Reply:
    from bot.core.skills.community.support import support_button

    return Text(
        t(
            "I'm the shop's assistant, a bot. I can find products, manage your cart and orders and answer "
            "questions about the shop. If you'd rather talk to a person from our team, tap below."
        ),
        buttons=keyboard([support_button(t, codec, user_id)]),
    )
