"""Messages that only point at something on screen, read before the NLU's intent is acted on.

WHY not left to the intent: "the first one", "2nd one pls", "第一个" carry no verb, so the classifier guesses
one from the words around similar references in its training data (usually add or remove). A guessed remove
answered "your cart is empty" and a guessed add put a product in the cart nobody asked for. With results on
screen, pointing at one of them means "show me that one": its card has the add button. Asking its price
("how much is the 3rd one", "第三个多少钱") is pointing too: the card leads with the price.
"""

from __future__ import annotations

import re

from nlu.result import ParseResult

__all__ = ["is_bare_reference", "is_price_question", "after_lead_in", "is_question", "asks_something",
           "language_asked", "asks_languages", "asks_how_much_of"]

# Words that add nothing to a pointing message ("just the first one pls", "第一个吧"). Not "要"/"买"/"add":
# those ask for the product and stay with the NLU's add.
_FILLER = re.compile(
    r"\b(the|a|one|just|please|pls|plz|thx|thanks|ok|okay|show|me|see|let|lets|let's|maybe|hmm|um|i guess|"
    r"how about|what about|and|how much|is|was|are|does|do|it|they|them|these|those|ones|cost|costs|price|"
    r"the price|what'?s)\b|吧|呢|啊|呀|哦|嗯|"
    r"看看|看下|请|那就|就|好的|好|个|款|件|这个|多少钱|价格|什么价|几块钱|多少|吗",
    re.IGNORECASE)


def is_bare_reference(text: str, parse: ParseResult) -> bool:
    """Whether the message is a reference to a shown item and nothing else ("the first one", "2nd pls")."""
    ref = parse.first("reference")
    if ref is None or not ref.resolved or len(parse.entities) != 1 or parse.text != text:
        return False
    rest = text[:ref.start] + " " + text[ref.end:]
    rest = _FILLER.sub(" ", rest)
    return not re.sub(r"[\W_]+", "", rest)


_PRICE_WORDS = re.compile(r"\bhow much\b|\bprice\b|\bcost\b|多少钱|价格|什么价|几块钱", re.IGNORECASE)


# "how much storage / ram / battery life", "how much does it weigh / hold": the amount of a thing, not money. After
# "how much" a price question has a verb, a pronoun or nothing ("how much is it", "how much for two", "how much?");
# "do/does it" is the price only with "cost" (and kin) after it.
_HOW_MUCH_OF = re.compile(
    r"\bhow\s+much\s+(?!(?:is|are|was|were|'s|s|for|each|per|in|altogether|total|it|they|them|this|that|these|"
    r"those|money|extra|more|to|do|does|did|would|will|can|could|should|shall|i|we|you|u|r|the|a|an|one|ones|"
    r"would|now|then|again|exactly|roughly|about)\b)[a-z]|"
    r"\bhow\s+much\s+(?:do|does|did|will|would|can)\s+(?:it|they|this|that|these|those|one|ones|the\s+\w+)\s+"
    r"(?!cost|run|set|go|sell|come|retail)[a-z]", re.IGNORECASE)


def asks_how_much_of(text: str) -> bool:
    """"how much storage does it have", "how much does it weigh": an amount of something, not the price.
    WHY: with a phone open these showed its card again, read as "how much is it" (testers, s9-en)."""
    return bool(_HOW_MUCH_OF.search(text))


def is_price_question(text: str, parse: ParseResult | None = None) -> bool:
    """"what is the price?", "how much is it", "多少钱": the price of the product open, nothing else asked; with
    ``parse``, a brand naming the product on screen is not something else ("how much are the On ones")."""
    if not _PRICE_WORDS.search(text):
        return False
    if parse is not None and parse.text == text:
        for e in sorted(parse.entities, key=lambda e: e.start, reverse=True):
            if e.entity in ("brand", "reference"):
                text = text[:e.start] + " " + text[e.end:]
    rest = _FILLER.sub(" ", re.sub(r"\bwhat\b", " ", text, flags=re.IGNORECASE))
    return not re.sub(r"[\W_]+", "", rest)


# "nah nevermind, show me nike only", "不要了，看看毛衣", "ok now show me tents": a yes or no before the request.
# "算了还是要第二个吧", "不要了换成蓝色的": Chinese runs the lead-in into the new choice without a comma; it is a
# change of mind, not a cancel.
_LEAD_IN = re.compile(
    r"^(?:(?:no|nah|nope|never\s*mind|nvm|forget\s+(?:it|that)|actually|ok|okay|yes|yeah|yep|sure|fine|alright|"
    r"hmm+|well|oh|now|then|instead|不要了|不要|算了|不用了|不用|好的|好吧|好|行|嗯|对|是的|可以|那|那就|换个)"
    r"(?:[\s,，。.!！;；~-]+|$)|(?:算了吧?|不要了|不用了|不对)(?=还是(?!不|算)|我要|要|换|给我|来|改))+", re.IGNORECASE)


def after_lead_in(text: str) -> str | None:
    """The request after a leading yes/no ("nah nevermind, show me nike only" -> "show me nike only"), or None
    when there is none or too little to be one. WHY: the classifier reads such a message by its first words
    as deny or affirm, and the reply ("Okay! Tell me what you'd like to do next") dropped the request."""
    m = _LEAD_IN.match(text.strip())
    if m is None:
        return None
    rest = text.strip()[m.end():].strip()
    substantial = len(re.findall(r"[A-Za-z]{2,}", rest)) >= 2 or len(re.findall(r"[\u4e00-\u9fff]", rest)) >= 2
    return rest if substantial else None


# A question by its shape: "can/how/when/do/is …", "…吗", "怎么", "多久", "能不能".
_EN_QUESTION = re.compile(
    r"^(?:(?:so|and|but|ok|okay|hey|hi|also|btw|quick question|question)[,:]?\s+)*"
    r"(?:can|could|may|do|does|did|is|are|will|would|should|shall|how|when|why|what\s+if|what\s+happens|"
    r"what\s+(?:is|are|'?s)\s+(?:the|your)|which|is\s+it\s+possible|am\s+i\s+able)\b", re.IGNORECASE)
_ZH_QUESTION = re.compile(r"吗\s*[？?]?\s*$|怎么|如何|多久|多长时间|几天|能不能|可不可以|可以不|是否|会不会|要不要|"
                          r"什么时候|何时|为什么|怎样|啥时候|咋|算吗|么\s*[？?]?\s*$|"
                          # A-not-A with the second half dropped: "积分会过期不", "周末发货不", "有现货没(有)"
                          r"[\u4e00-\u9fff]{2}(?<!还)[不没]\s*[？?]?\s*$|有.{1,12}没有\s*[？?]?\s*$")


# "对 取消吧", "yes cancel it" to "Cancel order …?": the yes, said with the cancel word; "不取消了", "don't cancel"
# are not.
_CANCEL_WORD = re.compile(r"\bcancel|取消|撤销|撤单", re.IGNORECASE)
_NOT = re.compile(r"\b(no|not|don'?t|do\s+not|never|keep)\b|不|别|没", re.IGNORECASE)


def confirms_cancel(text: str) -> bool:
    """Whether a reply to a cancel question asks for the cancelling. WHY: the NLU reads "对 取消吧" as
    cancel_order, and the question was asked again instead of the order being cancelled."""
    return bool(_CANCEL_WORD.search(text)) and not _NOT.search(text) and not is_question(text)


def is_question(text: str) -> bool:
    said = text.strip()
    return bool(_EN_QUESTION.search(said) or _ZH_QUESTION.search(said))


# 多 + an adjective asks how much of it ("第二个多重", "这个多高", "内存多大"), as 多少 asks how many; "whats the first
# one made of": texting drops the apostrophe.
_OPEN_QUESTION = re.compile(r"^(?:what|whats|wats|which|where|wheres|who|whos)\b|[?？]\s*$|什么|哪|多少|几|"
                            r"多(?:重|高|大|长|宽|厚|深|贵)(?:[呀啊呢]|\s*[?？]?\s*$)", re.IGNORECASE)


def asks_something(text: str) -> bool:
    """A question of any shape, including open ones ("what size should i get", "哪个尺码合适")."""
    return is_question(text) or bool(_OPEN_QUESTION.search(text.strip()))


# "switch to chinese", "speak english please", "switch back to english", "can u switch to english", "切换到中文",
# "切换回中文", "换回英文吧", "可以说英文吗": the FAQ tells shoppers to type these.
# "can we switch to chinese", "let's talk in chinese": the shopper and the bot together ask the same.
_ASK_EN = (r"^(?:(?:please|pls|plz|can|could|would|will)\s+)?(?:(?:you|u|ya|we)\s+|let'?s\s+)?"
           r"(?:please\s+|pls\s+)?")
_SWITCH_EN = (r"(?:switch|change|set|go|turn|put)\s+(?:it\s+|this\s+|the\s+chat\s+)?(?:back\s+)?(?:the\s+)?"
              r"(?:language\s+)?(?:back\s+)?(?:to|into)\s+")
_SPEAK_EN = r"(?:speak|reply|talk|answer|write|respond)\s+(?:to me\s+)?(?:back\s+)?(?:in\s+)?"
_ASK_ZH = r"^(?:你|您)?(?:请|可以|能|能不能|可不可以|麻烦|帮我|还是)*"
_SWITCH_ZH = r"(?:切换|切|换|改|转|调)(?:回|到|成|为)+|换成|改成|用回|用|说|讲"


# "back to english please", "can we go back to english", "in english pls", "can you reply in chinese": no switch verb,
# and "back" read as a return ("退") answered in Chinese that there was nothing to return (walk6-en c07).
_BACK_EN = (r"^(?:(?:ok|okay|hey|hi|um|hmm|actually|now|and|so|sorry)[\s,]+)*(?:(?:can|could)\s+(?:we|you|u)\s+|"
            r"let'?s\s+|i\s+(?:want|prefer|would like|'d like)\s+(?:to\s+)?)?(?:go\s+|get\s+|come\s+)?"
            r"(?:back\s+to|in|into)\s+")
# (A question whether the bot speaks a language, "do you speak chinese?", is answered with both to choose from.)
_SPEAK_Q = r"^(?:can|could)\s+(?:you|u)\s+(?:reply|answer|talk|write|respond)\s+in\s+"
_POLITE = r"(?:[\s,]+(?:please|pls|plz|now|again|thanks|thank you))*\s*[.!?？]*$"


def _language_pattern(english: str, chinese: str) -> re.Pattern[str]:
    return re.compile(
        rf"{_ASK_EN}(?:{_SWITCH_EN}|{_SPEAK_EN})(?:{english})\b|^(?:{english})\s*(?:please|pls)?[.!]?$|"
        rf"(?:{_BACK_EN}|{_SPEAK_Q})(?:{english}){_POLITE}|^(?:{english})\s+(?:only|is fine|is better){_POLITE}|"
        rf"{_ASK_ZH}(?:{_SWITCH_ZH}|回到)(?:{chinese})(?!版)|^(?:请)?(?:用)?(?:{chinese})回复", re.IGNORECASE)


_TO_ZH = _language_pattern("chinese|mandarin|中文", "中文|汉语|普通话")
_TO_EN = _language_pattern("english", "英文|英语")


# "do you speak chinese?", "what languages do you speak", "can you understand english?", "你会说英文吗": a question
# about the languages we speak, not a request to switch (the NLU called it out of scope or an unknown FAQ).
_WHICH_LANGUAGES = re.compile(
    r"^(?:(?:hey|hi|so|and|also|btw)[\s,]+)*(?:do|does|can|could)\s+(?:you|u|ya|the\s+bot|this\s+bot)\s+"
    r"(?:also\s+)?(?:speak|understand|read|talk|do|know|support)\s+(?:in\s+)?(?:any\s+)?"
    r"(?:chinese|mandarin|english|other\s+languages?|more\s+(?:than\s+one\s+)?languages?)\b(?:\s+too|\s+as\s+well)?"
    r"[\s?!.]*$|"
    r"^(?:what|which)\s+languages?\s+(?:do|can|does)\s+(?:you|u|ya|the\s+bot|this\s+bot)\s+"
    r"(?:speak|understand|support|know|talk|use)\b[\s?!.]*$|"
    r"^(?:你|您)?(?:会|懂|能)(?:说|讲|听懂)?(?:中文|英文|英语|汉语|普通话)(?:吗|么|嘛)[\s?？!！。]*$|"
    r"^(?:你|您)?(?:会|能)(?:说|讲)(?:哪些|什么|几种)语言[吗呢]?[\s?？!！。]*$|"
    # "could we switch languages", "可以换个语言吗": a change naming no language, so both are offered
    r"^(?:(?:can|could)\s+(?:we|you|u)\s+|let'?s\s+)(?:switch|change)\s+(?:the\s+)?languages?[\s?!.]*$|"
    r"^(?:我们|你|您)?(?:可以|能|能不能|可不可以)?(?:切换|换|改)(?:个|一下|一个)?语言(?:吗|么|嘛)?[\s?？!！。]*$",
    re.IGNORECASE)


# "hablas español?", "do you speak spanish", "switch to german please": a language we don't speak, asked for; the
# shopper is told ours (it was "I'm a shop assistant, so I can't help with that one").
_OTHERS = (r"spanish|french|german|italian|portuguese|japanese|korean|russian|arabic|hindi|dutch|vietnamese|thai|"
           r"turkish|polish|indonesian|malay|tagalog|español|espanol|français|francais|deutsch|italiano|português")
_OTHER_LANGUAGE = re.compile(
    rf"^(?:(?:hey|hi|so|and|also|btw)[\s,]+)*(?:(?:do|does|can|could)\s+(?:you|u|ya|we)\s+(?:also\s+)?"
    rf"(?:speak|understand|talk|reply|write|chat|answer|respond)\s+(?:to\s+me\s+)?(?:in\s+)?|{_SWITCH_EN}|"
    rf"(?:in|en|auf)\s+)(?:{_OTHERS})\b(?:\s+(?:please|pls|too|as\s+well))?[\s?!.]*$|"
    r"^[¿¡]?\s*(?:hablas?|habla\s+usted|parlez[\s-]+vous|parles[\s-]+tu|sprichst\s+du|sprechen\s+sie|parli|fala)"
    rf"\s+(?:{_OTHERS})\b", re.IGNORECASE)


def asks_languages(text: str) -> bool:
    """Whether the message asks which languages the bot speaks (answered with the language choice)."""
    return bool(_WHICH_LANGUAGES.search(text.strip()) or _OTHER_LANGUAGE.search(text.strip()))


def language_asked(text: str) -> str | None:
    """"zh" or "en" when the message asks the bot to switch to that language, else None."""
    said = text.strip()
    if len(said) > 40:
        return None  # a longer message mentioning a language ("is the manual in chinese?") is about something else
    if _TO_ZH.search(said):
        return "zh"
    if _TO_EN.search(said):
        return "en"
    return None
