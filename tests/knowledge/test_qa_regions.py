"""A state, province or city named as where a parcel goes ("how much is shipping to texas?", "寄到上海运费多少") is
a destination, not a word of the question to match: the shop's answers are the same for every place in a country
it serves. With the place in it the question found a shopper's story about delivery to Shanghai (for a question
about the fee), a cash-on-delivery entry, or nothing at all. The phrasings are this file's own."""

from __future__ import annotations

import pytest

from knowledge.qa.answer import Answer
from knowledge.qa.places import for_the_place_asked, place_asked, places_named
from knowledge.qa.regions import asks_about_a_place, whether_it_ships, without_regions
from store.models.knowledge_base import AnswerSource
from store.uow import UnitOfWorkFactory
from tests.helpers.kb_builders import add_pair, start_qa
from tests.helpers.real_nlu import real_use_encoder

LIST_ZH = "可以。我们发往美国50个州、加拿大、英国、所有欧盟国家、中国大陆、香港、新加坡、日本和澳大利亚。"
LIST_EN = ("We ship to all 50 US states, Canada, the UK, all EU countries, mainland China, Hong Kong, Singapore, "
           "Japan and Australia.")


@pytest.mark.parametrize(("question", "asked"), [
    ("how much is shipping to texas?", "how much is shipping?"),
    ("what does delivery to New York cost", "what does delivery cost"),
    ("do you deliver in the state of ohio?", "do you deliver to United States?"),  # only whether: its country
    ("i live in toronto, how long does shipping take", "i live, how long does shipping take"),
    ("can i send a return from california", "can i send a return"),
    ("寄到上海运费多少", "寄到运费多少"),
    ("运费到广州市多少钱", "运费到多少钱"),
    ("北京包邮吗", "包邮吗"),
    ("发货到四川要几天", "发货到要几天"),
])
def test_the_region_a_delivery_question_goes_to_is_left_out(question: str, asked: str) -> None:
    assert without_regions(question) == asked


@pytest.mark.parametrize("question", [
    "is the texas instruments calculator in stock", "how much is the california olive ranch oil",
    "四川花椒多少钱", "does the kyoto guide cover osaka", "where is washington", "shipping to us?",
    "四川花椒可以寄到吗",  # the pepper is named, no place is asked about
])
def test_a_name_that_is_no_destination_stays(question: str) -> None:
    assert without_regions(question) == question


@pytest.mark.parametrize("question", [
    "how much is shipping to texas?", "寄到上海运费多少", "do you ship to canada?", "can i return stuff from ohio",
    "上海包邮吗", "寄到日本要多久", "what does delivery to new york cost",
])
def test_a_delivery_question_naming_a_place_asks_about_a_place(question: str) -> None:
    assert asks_about_a_place(question)


@pytest.mark.parametrize("question", [
    "how much is the texas instruments calculator", "shipping to us?", "is the california olive oil any good",
    "do you ship canada goose jackets", "四川花椒多少钱", "how much is shipping?", "运费多少",
])
def test_other_questions_do_not(question: str) -> None:
    assert not asks_about_a_place(question)


def test_a_region_is_its_country_where_the_shop_delivers() -> None:
    """Moscow is in Russia, which the list leaves out; Texas is one of "all 50 US states"; "New Mexico" is no
    Mexico and "Northern Ireland" no Ireland."""
    answer = Answer(answer=LIST_EN, source=AnswerSource.FAQ, confidence=0.8, matched_question="Where do you ship?",
                    question_id=1)
    assert not for_the_place_asked("do you ship to moscow?", answer).answered
    assert for_the_place_asked("do you ship to texas?", answer).answered
    assert for_the_place_asked("can you deliver to new mexico", answer).answered
    assert place_asked("ship to new mexico?") == place_asked("ship to the USA?")
    assert place_asked("寄到北京吗") == place_asked("寄到中国吗")
    assert places_named("Belfast, Northern Ireland") == places_named("the UK")


async def test_the_service_answers_for_the_country(uow_factory: UnitOfWorkFactory) -> None:
    """The fee's entry answers the fee wherever the parcel goes; the story about Shanghai answered the fee before."""
    await add_pair(uow_factory, "运费多少？满多少包邮？", "标准快递运费5.99美元。", tags=("shipping",))
    await add_pair(uow_factory, "寄到上海大概多久？", "我寄到上海用了11天。", source=AnswerSource.SHOPPER)
    await add_pair(uow_factory, "How much is shipping?", "Standard shipping is $5.99.", tags=("shipping",))
    await add_pair(uow_factory, "How long did delivery to Texas take?", "My parcel to Texas took 4 days.",
                   source=AnswerSource.SHOPPER)
    qa = await start_qa(uow_factory, encoder=real_use_encoder())  # the fake encoder does not mislead like the real
    for question, fee in (("寄到上海运费多少", "5.99美元"), ("how much is shipping to texas?", "$5.99")):
        answer = await qa.ask(question)
        assert answer.answered and fee in (answer.answer or ""), (question, answer)


@pytest.mark.parametrize(("question", "asked"), [
    ("可以寄到上海吗", "可以寄到中国大陆吗"), ("你们发货到北京吗？", "可以寄到中国大陆吗"),
    ("能寄到东京吗", "可以寄到日本吗"), ("do you ship to texas?", "do you ship to United States?"),
    ("can you deliver to Toronto", "do you ship to Canada?"),
    # Not whether it ships at all: the place is left out as before.
    ("寄到上海运费多少", None), ("how much is shipping to texas?", None), ("可以寄到吗", None),
])
def test_whether_a_region_is_delivered_to_asks_about_its_country(question: str, asked: str | None) -> None:
    """"可以寄到上海吗" was asked as "可以寄到吗" and answered with "可以寄到邮政信箱（PO Box）吗？" -> "可以，但只能用
    标准快递": whether the shop delivers to a city or state at all is whether it delivers to its country."""
    assert whether_it_ships(question) == asked


async def test_the_service_says_whether_it_delivers_to_a_city(uow_factory: UnitOfWorkFactory) -> None:
    await add_pair(uow_factory, "可以寄到中国吗？支持哪些国家？", LIST_ZH, tags=("shipping",))
    await add_pair(uow_factory, "可以寄到邮政信箱（PO Box）吗？", "可以，但只能用标准快递。", tags=("shipping",))
    qa = await start_qa(uow_factory, encoder=real_use_encoder())
    answer = await qa.ask("可以寄到上海吗")
    assert answer.answered and "中国大陆" in (answer.answer or ""), answer
