"""The Q&A scoring rule: which replies count as right, for a labelled question and the bot's answer.

Why a rule of its own: the labels of the dev and judged sets say which *FAQ entry* answers a question, and
``null`` when none does, so an answer taken from the product's description was counted wrong even when it
was right, and abstaining counted right even when the description answers. The assessor has since labelled,
for every product-scoped question, whether the product's description answers it and with which exact text
(``ask_description_labels.jsonl`` next to the set, knowledge/eval/README.md section 3). The fair rule:

* an answer from an FAQ entry is right when the entry is the expected one or one of ``also_ok``;
* an answer from the product's description is right when the description answers the question and the
  quoted text contains one of the labelled spans or lies inside one (compared case-folded, whitespace
  collapsed, and for "inside" without the sentence's closing punctuation);
* abstaining is right only when the FAQ label is null **and** the description does not answer (it says
  no, or the question has no product, so nothing was labelled).

The FAQ-only rule (``is_hit_faq_only``) is kept so figures stay comparable with those published before.
Our tuning sets carry their own description labels (``expected_source: product_description`` with the
``expected_sentence`` the answering sentence must contain; kind ``other_topic_unanswered``: nothing
answers), which become ``description_answers`` and ``spans`` here.

Only the standard library and the answer's attributes (``answer``, ``source``, ``matched_question``) are
used, so the same rule scores older versions of the bot.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

__all__ = ["LabelledQuestion", "read_labelled", "is_hit", "is_hit_faq_only", "span_match", "description_labels_for",
           "Outcome", "outcome", "summarize", "DESCRIPTION_LABELS", "DescriptionLabelsError"]

DESCRIPTION_LABELS = "ask_description_labels.jsonl"
PRODUCT_DESCRIPTION = "product_description"
# Kinds of our scope tuning set whose labels say that nothing in the description answers.
_UNANSWERED_KINDS = frozenset({"other_topic_unanswered"})


class DescriptionLabelsError(ValueError):
    """The description labels do not line up with the set's product-scoped lines (no item text is shown:
    the sealed set's items must not be printed)."""


class _AnswerLike(Protocol):
    @property
    def answer(self) -> str | None: ...
    @property
    def source(self) -> Any: ...
    @property
    def matched_question(self) -> str | None: ...


@dataclass(frozen=True)
class LabelledQuestion:
    line: int
    question: str
    product: str | None
    expected_question: str | None
    expected_source: Any = None  # AnswerSource.PRODUCT_DESCRIPTION on our tuning sets' description rows
    # Other FAQ questions whose answers the judges also accept (e.g. the same entry in the other language).
    also_ok: tuple[str, ...] = ()
    # The only answering entry is in the other language (a Chinese question about an English-only entry).
    cross_language: bool = False
    # Our tuning sets: the description sentence that answers (one of these texts), and what is tested.
    expected_sentence: tuple[str, ...] = ()
    kind: str = ""
    # Whether the product's description answers (None: not labelled, e.g. no product), and the text that does.
    description_answers: bool | None = None
    spans: tuple[str, ...] = ()
    language: str = ""

    @property
    def answerable(self) -> bool:
        """By the labels in use before description labels: an FAQ entry (or, on our sets, a sentence)."""
        return bool(self.expected_question or self.expected_source)

    @property
    def described(self) -> bool:
        """The product's description answers (labelled so)."""
        return self.description_answers is True

    @property
    def answerable_fair(self) -> bool:
        return self.expected_question is not None or self.described

    @property
    def group(self) -> str:
        """``entry`` (an FAQ entry answers), ``description`` (only the description does) or ``none``."""
        if self.expected_question is not None:
            return "entry"
        return "description" if self.described else "none"

    @property
    def is_chinese(self) -> bool:
        if self.language:
            return self.language == "zh"
        return any("\u4e00" <= c <= "\u9fff" for c in self.question)


def description_labels_for(path: Path) -> Path | None:
    """The description labels of a dev or judged set: ``ask_description_labels.jsonl`` in its folder."""
    labels = path.parent / DESCRIPTION_LABELS
    return labels if path.name != DESCRIPTION_LABELS and labels.exists() else None


def _read_description_labels(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def read_labelled(path: Path, description_labels: Path | None | bool = True) -> list[LabelledQuestion]:
    """The labelled questions of ``path``; ``description_labels``: True = the labels file next to it when
    there is one (dev and judged sets), a path, or False/None = none."""
    from store.models.knowledge_base import AnswerSource

    labels_path = description_labels_for(path) if description_labels is True else (description_labels or None)
    rows = [(n, json.loads(line)) for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
            if line.strip()]
    described: dict[int, dict[str, Any]] = {}
    if labels_path is not None:
        labels = _read_description_labels(Path(labels_path))
        scoped = [n for n, data in rows if data.get("product")]
        if len(labels) != len(scoped):
            raise DescriptionLabelsError(f"{labels_path.name}: {len(labels)} lines for {len(scoped)} "
                                         "product-scoped questions")
        by_line = dict(rows)
        for k, (n, label) in enumerate(zip(scoped, labels, strict=True)):
            data = by_line[n]
            if label.get("question") != data["question"] or label.get("product") != data.get("product"):
                raise DescriptionLabelsError(f"{labels_path.name}: line {k + 1} is not the "
                                             f"{k + 1}th product-scoped question of {path.name}")
            described[n] = label
    items: list[LabelledQuestion] = []
    for n, data in rows:
        source = data.get("expected_source")
        sentence = data.get("expected_sentence") or ()
        sentences = (sentence,) if isinstance(sentence, str) else tuple(sentence)
        answers: bool | None = None
        spans: tuple[str, ...] = ()
        if n in described:
            answers = bool(described[n].get("description_answers"))
            spans = tuple(described[n].get("spans") or ()) if answers else ()
        elif source == PRODUCT_DESCRIPTION:
            answers, spans = True, sentences
        elif data.get("kind") in _UNANSWERED_KINDS or (data.get("kind") == "named_product"
                                                        and not data.get("expected_question")):
            answers = False
        items.append(LabelledQuestion(n, data["question"], data.get("product") or None,
                                      data.get("expected_question") or None,
                                      AnswerSource(source) if source else None,
                                      tuple(data.get("also_ok") or ()), bool(data.get("cross_language")),
                                      sentences, str(data.get("kind") or ""), answers, spans,
                                      str(data.get("language") or "")))
    return items


_SPACE = re.compile(r"\s+")
_CLOSING = ".;:,!?。；：，！？ "


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def span_match(quoted: str, spans: tuple[str, ...]) -> bool:
    """The quoted description text contains one of the spans or lies inside one."""
    text = _norm(quoted)
    inner = text.rstrip(_CLOSING)
    for span in spans:
        s = _norm(span)
        if s and (s in text or (inner and inner in s)):
            return True
    return False


def _from_description(answer: _AnswerLike) -> bool:
    return bool(getattr(answer.source, "value", answer.source) == PRODUCT_DESCRIPTION)


def is_hit(item: LabelledQuestion, answer: _AnswerLike) -> bool:
    """The fair rule (module docstring)."""
    if answer.answer is None:
        return not item.answerable_fair
    if _from_description(answer):
        return item.described and (not item.spans or span_match(answer.answer, item.spans))
    return answer.matched_question is not None and answer.matched_question in {item.expected_question,
                                                                               *item.also_ok} - {None}


def is_hit_faq_only(item: LabelledQuestion, answer: _AnswerLike) -> bool:
    """The rule before description labels: only FAQ labels count (and our sets' own description rows)."""
    if item.expected_source is not None and getattr(item.expected_source, "value", None) == PRODUCT_DESCRIPTION:
        if _from_description(answer):
            text = (answer.answer or "").lower()
            return not item.expected_sentence or any(s.lower() in text for s in item.expected_sentence)
        return answer.matched_question is not None and answer.matched_question in item.also_ok
    if item.expected_question is None:
        return answer.answer is None
    accepted = {item.expected_question, *item.also_ok}
    return answer.answer is not None and answer.matched_question in accepted


@dataclass(frozen=True)
class Outcome:
    """How one question was answered, for the breakdown: the reply's kind and both verdicts."""

    group: str  # entry / description / none (``LabelledQuestion.group``)
    reply: str  # abstained / entry / description
    hit: bool
    hit_faq_only: bool


def outcome(item: LabelledQuestion, answer: _AnswerLike) -> Outcome:
    reply = "abstained" if answer.answer is None else "description" if _from_description(answer) else "entry"
    return Outcome(item.group, reply, is_hit(item, answer), is_hit_faq_only(item, answer))


def _rate(values: list[bool]) -> float | None:
    return round(sum(values) / len(values), 4) if values else None


def summarize(items: list[LabelledQuestion], answers: list[Any]) -> dict[str, Any]:
    """Aggregate figures under both rules: hit@1; per group (answerable by an entry, by the description
    only, by nothing) how the bot replied; per language and for cross-language questions."""
    outs = [outcome(i, a) for i, a in zip(items, answers, strict=True)]

    def block(keep: list[bool]) -> dict[str, Any]:
        chosen = [o for o, k in zip(outs, keep, strict=True) if k]
        return {"questions": len(chosen), "hit_at_1": _rate([o.hit for o in chosen]),
                "hit_at_1_faq_only": _rate([o.hit_faq_only for o in chosen])}

    groups: dict[str, Any] = {}
    for name in ("entry", "description", "none"):
        keep = [o.group == name for o in outs]
        chosen = [o for o in outs if o.group == name]
        replies = {"abstained": sum(o.reply == "abstained" for o in chosen)}
        for reply in ("entry", "description"):
            replies[f"{reply}_right"] = sum(o.reply == reply and o.hit for o in chosen)
            replies[f"{reply}_wrong"] = sum(o.reply == reply and not o.hit for o in chosen)
        groups[name] = {**block(keep), "replies": replies}
    old_answerable = [i.answerable for i in items]
    return {
        "questions": len(items),
        "description_labelled": sum(i.description_answers is not None for i in items),
        "hit_at_1": _rate([o.hit for o in outs]),
        "hit_at_1_faq_only": _rate([o.hit_faq_only for o in outs]),
        # The FAQ-only figures as published before (answerable/abstain by the FAQ labels).
        "faq_only": {"answerable": _rate([o.hit_faq_only for o, a in zip(outs, old_answerable, strict=True) if a]),
                     "abstain": _rate([o.hit_faq_only for o, a in zip(outs, old_answerable, strict=True) if not a]),
                     "chinese": _rate([o.hit_faq_only for o, i in zip(outs, items, strict=True) if i.is_chinese]),
                     "cross_language": _rate([o.hit_faq_only for o, i in zip(outs, items, strict=True)
                                              if i.cross_language])},
        "groups": groups,
        "by_language": {"en": block([not i.is_chinese for i in items]), "zh": block([i.is_chinese for i in items])},
        "cross_language": block([i.cross_language for i in items]),
    }
