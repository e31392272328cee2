""""可以寄到台湾吗" got the entry "可以寄到中国吗？支持哪些国家？" -> "可以。我们发往…中国大陆、香港…": the list
does not include Taiwan, so the shop has no answer for it and the question stays unanswered (the bot offers
staff), rather than a neighbouring place's "yes". The phrasings are this file's own."""

from __future__ import annotations

import pytest

from knowledge.qa.answer import Answer
from knowledge.qa.places import for_the_place_asked, place_asked
from store.models.knowledge_base import AnswerSource
from store.uow import UnitOfWorkFactory
from tests.helpers.kb_builders import add_pair, start_qa

LIST_ZH = "可以。我们发往美国50个州、加拿大、英国、所有欧盟国家、中国大陆、香港、新加坡、日本和澳大利亚。"
LIST_EN = ("We ship to all 50 US states, Canada, the UK, all EU countries, mainland China, Hong Kong, Singapore, "
           "Japan and Australia.")
TIMES = "Standard delivery takes 3-5 business days in the US and 7-14 business days elsewhere."


def _answer(text: str, question: str = "可以寄到中国吗？支持哪些国家？") -> Answer:
    return Answer(answer=text, source=AnswerSource.FAQ, confidence=0.8, matched_question=question, question_id=1)


@pytest.mark.parametrize("question", ["可以寄到台湾吗", "可以寄到中国台湾吗", "能寄到澳门吗", "do you ship to taiwan?",
                                      "can you deliver to Brazil", "发货到巴西吗"])
def test_a_place_the_list_leaves_out_has_no_answer(question: str) -> None:
    for listed in (LIST_ZH, LIST_EN):
        kept = for_the_place_asked(question, _answer(listed))
        assert not kept.answered and kept.nearest_question == "可以寄到中国吗？支持哪些国家？", question


@pytest.mark.parametrize("question", ["可以寄到加拿大吗", "寄到中国吗", "能寄到香港吗", "do you ship to canada",
                                      "可以寄到法国吗", "do you deliver to germany?", "ship to the UK?"])
def test_a_place_the_list_names_or_covers_keeps_its_answer(question: str) -> None:
    """France and Germany are among "all EU countries"."""
    for listed in (LIST_ZH, LIST_EN):
        assert for_the_place_asked(question, _answer(listed)).answered, question


def test_an_answer_about_delivery_in_general_stands_for_any_place() -> None:
    assert for_the_place_asked("how long does shipping to taiwan take", _answer(TIMES)).answered


def test_only_a_question_about_delivery_names_a_place() -> None:
    assert place_asked("台湾有货吗") is None and place_asked("ship to us?") is None
    assert place_asked("可以寄到台湾吗") is not None


async def test_the_service_leaves_the_place_unanswered(uow_factory: UnitOfWorkFactory) -> None:
    await add_pair(uow_factory, "Which countries do you ship to?", LIST_EN, tags=("shipping",))
    qa = await start_qa(uow_factory)
    assert (await qa.ask("Which countries do you ship to?")).answered
    taiwan = await qa.ask("Do you ship to Taiwan?")
    assert not taiwan.answered, taiwan.answer
