"""A yes or no is only an answer to the question it was written for.

WHY: many FAQ answers open with a verdict ("Yes. Every paid order earns points…", "不会。在群里机器人只看到命令…").
The ranker picks the entry closest to the shopper's question, and a neighbouring entry can be close enough to
be confident while asking something else: "can i pay with my points" got "Do I earn points on gift cards or
Stars purchases?" -> "Yes." (paying with points is not possible), "can i pay cash?" got "Can I pay in
instalments?" -> "Yes.", "你是机器人吗" got "机器人会看我们群里的所有消息吗？" -> "不会。". The rest of such an answer
may even be true; its first word answers the other question and reads as a false promise.

So for a shop-wide entry whose answer opens with a verdict, the entry's *question* must be the shopper's
question: either the two questions are near-identical in meaning (sentence cosine ``SAME_COSINE``), or they are
close (``CLOSE_COSINE``) and each covers the other's content words to ``COVERED`` (``covered_share``,
IDF-weighted, words matched by meaning as in ``coverage.py``): what the entry asks about ("instalments", "group
chat", "earn ... gift cards") must be in what the shopper asked, and what the shopper asks about ("reviews" in
"do i get points for my reviews" against "Can I pay with my points?") must be in the entry's question. (The
ranker's own coverage also counts the entry's answer, which may mention anything.)
Otherwise the answer is served as a similar question's answer (``Answer.same_question`` False: the bot shows
which question it answers and does not state it as its own answer).

The three numbers are set by hand on our own ~40 phrasings (not on any labelled evaluation set): the bad
matches above have cosine 0.45-0.77 and coverage of the entry's words 0.16-0.40 (or of the shopper's 0.44);
paraphrases that must stay plain answers ("is shipping free", "do i need an account", "刷卡安全吗") have cosine
>= 0.8, or >= 0.58 with coverage >= 0.45 both ways. A question of the same shape as the entry's ("could i pay
in cash?" / "Can I pay in instalments?", cosine above 0.8) still passes: the limit of a sentence cosine.
Some right answers fall below and are shown with their question ("can i split the payment into months" ->
"Can I pay in instalments?"), which costs a line, not a wrong answer. The ranking and the confidence are
unchanged (the fitted models see nothing of this).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np

from knowledge.qa.coverage import soft_match
from knowledge.qa.words import WordVectors

__all__ = ["opens_with_verdict", "asks_same", "covered_share", "SAME_COSINE", "CLOSE_COSINE", "COVERED"]

SAME_COSINE = 0.8
CLOSE_COSINE = 0.55
COVERED = 0.45

_EN_VERDICT = re.compile(r"^\s*(?:yes|no|nope|yep|sure|of course|not yet|never|always|possibly|correct)\b",
                         re.IGNORECASE)
_ZH_VERDICT = re.compile(r"^\s*(?:可以|不可以|能|不能|会|不会|是|不是|有|没有|要|不要|需要|不需要|支持|不支持|安全|"
                         r"对|不对|行|不行|用|不用|当然|暂时还不能|暂时不能|暂不|可能需要|可能)[，。,.！!：:；;、\s]")


def opens_with_verdict(answer: str) -> bool:
    """The answer's first word is a yes or a no ("Yes.", "No, …", "不会。", "可以，…")."""
    return bool(_EN_VERDICT.search(answer) or _ZH_VERDICT.search(answer))


def covered_share(tokens: Sequence[str], by: Sequence[str], weight: Callable[[str], float],
                  words: WordVectors) -> float:
    """Share of ``tokens`` (distinct, IDF-weighted) that a word of ``by`` matches by meaning. Blocking: may
    encode a word."""
    entry = list(dict.fromkeys(tokens))
    query = list(dict.fromkeys(by))
    if not entry:
        return 1.0
    if not query:
        return 0.0
    weights = np.array([weight(t) for t in entry], dtype=np.float32)
    matches = soft_match(words.matrix(entry) @ words.matrix(query).T).max(axis=1)
    total = float(weights.sum())
    return float((weights * matches).sum() / total) if total > 0 else 1.0


def asks_same(cosine: float, entry_covered: float, asked_covered: float) -> bool:
    """Whether the entry's question is the shopper's question (module docstring): ``entry_covered`` is the share
    of the entry question's words the shopper used, ``asked_covered`` the share of the shopper's words in it."""
    return cosine >= SAME_COSINE or (cosine >= CLOSE_COSINE and min(entry_covered, asked_covered) >= COVERED)
