"""The English text behind an answer shown in Chinese, for judging answers against English labels.

WHY: a Chinese question answered from a product's description is shown the Chinese sentence at the same place
(``description_zh``, written sentence for sentence), and an attribute line its Chinese display (``Fact.shown_zh``).
The judged set's description labels are English spans, so the judge would count the right sentence, shown in
Chinese, as wrong. Mapping the shown text back to the English it stands for judges what was chosen; the bench
reports both figures (as shown, and mapped), so the change of display language cannot hide a change of choice.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from knowledge.qa.facts import product_facts
from knowledge.qa.sentences import split_sentences

__all__ = ["english_of_shown", "in_english"]


def english_of_shown(products: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """Chinese shown text -> its English, from catalog rows (``title``, ``title_zh``, ``description``,
    ``attributes`` with ``description_zh``)."""
    english: dict[str, str] = {}
    for row in products:
        attributes = dict(row.get("attributes") or {})
        en = split_sentences(str(row.get("description") or ""))
        zh = split_sentences(str(attributes.get("description_zh") or ""))
        if zh and len(zh) == len(en):
            english.update(zip(zh, en, strict=True))
        for fact in product_facts(str(row.get("title") or ""), row.get("title_zh") or attributes.get("title_zh"),
                                  attributes):
            if fact.shown_zh:
                english[fact.shown_zh] = fact.shown
    return english


def in_english(answer: Any, english: Mapping[str, str]) -> Any:
    """``answer`` with each known Chinese sentence or line of its text replaced by its English."""
    text = getattr(answer, "answer", None)
    if not text:
        return answer
    for zh in sorted((z for z in english if z in text), key=len, reverse=True):
        text = text.replace(zh, english[zh])
    return replace(answer, answer=text)
