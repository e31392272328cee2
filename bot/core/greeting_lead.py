"""A greeting or thanks in front of a request is read without it: "good morning, is the vitamix still on sale?",
"你好，有蓝牙耳机吗", "在吗？想看看羽绒服".

WHY: the NLU weighs a message's first words heavily, and a greeting there pulled every reading down ("hi do u
have the bose soundlink flex": search 0.48, join_group 0.26; "good morning, is the vitamix still on sale?": "Sorry,
I didn't catch that"), and "thx, add 2 pls" looked for a product called "thx" (a laugh the same: "lol ok show
me the cheapest blender"). Chinese the same: "你好，有蓝牙耳机吗" searched for "你好，有蓝牙耳机", "哈喽 我想买双跑鞋"
got "not sure what you mean". The greeting asks for nothing, so the request after it is what is read (parsed,
searched, answered). A message that is only a greeting or thanks is left as typed (the bot greets back), and so
is one whose rest does not start like a request ("hello kitty backpack", "你好看吗").

``LEAD`` is the one definition of a leading greeting: have_asked.py strips it too (it had its own, which took
"hi~" and this one did not).
"""

from __future__ import annotations

import re

__all__ = ["LEAD", "without_greeting"]

_EN = (r"hi+|hey+|hello+|helo|hiya|heya|howdy|yo|sup|greetings|good\s+(?:morning|afternoon|evening|day)|"
       r"morning|evening|thanks|thank\s+(?:you|u)|thx|thnx|tnx|ty|cheers|ok\s+thanks|okay\s+thanks|lol|lmao|haha+|hehe")
_EN_TO = r"(?:\s+(?:there|guys|team|all|everyone|so\s+much|a\s+lot|again))*"
_ZH = (r"你好[呀啊吖哇]?|您好[呀啊]?|你们好|大家好|哈喽|哈啰|哈罗|嗨|亲亲|早上好|早安|上午好|中午好|下午好|晚上好|"
       r"谢谢(?:你|您)?|多谢|感谢|谢啦|在吗|在不在|在么|在嘛|"
       r"(?:老板娘?|掌柜的?|客服|店家|亲)[\s,，]*(?:在吗|在不在|在么|在嘛|你好|您好|好)")
_HAN = r"[\u4e00-\u9fff]"
# What sets a greeting off: punctuation (English or Chinese, "~" too) with spaces around it, or only spaces.
_PUNCT = r",!.:;~～，。！？?、…"
_SEP = rf"[\s{_PUNCT}-]*[{_PUNCT}-][\s{_PUNCT}-]*|\s+"
LEAD = re.compile(
    rf"^\s*(?:(?:(?:{_EN}){_EN_TO}|(?:{_ZH})(?:[\s,，]*(?:在吗|在不在|在么|在嘛))?)"
    rf"(?P<sep>{_SEP}|(?<={_HAN})(?={_HAN})))+", re.I)
# How a request begins, for a greeting not set off by punctuation ("hi do u have …", "hey can i …", "你好有耳机吗").
_REQUEST_START = re.compile(
    r"^(?:do|does|did|is|are|r|can|could|would|will|i|im|i'm|i'd|id|i've|we|my|need|looking|searching|got|any|"
    r"anything|what|whats|what's|wat|wats|how|where|when|which|who|why|show|find|add|remove|put|please|pls|plz|"
    r"u|you|ya|have|want|wanna|gimme|give|get|help|where's|when's|just|quick|question|so|ok|okay|alright)\b|"
    r"^(?:有|我|想|请|帮|能|可以|可不可以|给|找|看看|要|买|推荐|问|你们|怎么|什么|多少|哪|是不是|还有|麻烦|求)", re.I)
_MIN_REST_WORDS = 2
_MIN_REST_HAN = 3  # "你好，有吗" is a greeting and a word, not a request to read alone


def without_greeting(text: str) -> str:
    """``text`` without a leading greeting or thanks when a request follows it, else ``text`` as typed."""
    found = LEAD.match(text)
    if found is None:
        return text
    rest = text[found.end():].strip()
    if re.match(_HAN, rest):
        if len(rest.rstrip("?？!！。~～ ")) < _MIN_REST_HAN:
            return text
    elif len(rest.split()) < _MIN_REST_WORDS or not re.search(r"[A-Za-z]", rest):
        return text
    set_off = any(c in found.group(0) for c in _PUNCT)
    if not set_off and not _REQUEST_START.match(rest):
        return text
    return rest
