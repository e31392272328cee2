"""The bench judges a Chinese answer by the English it stands for (knowledge/qa/shown_english.py): the right
sentence shown in Chinese is not a miss, and an answer that is not a known translation is judged as it is."""

from __future__ import annotations

from knowledge.qa.answer import Answer
from knowledge.qa.shown_english import english_of_shown, in_english

ATTRIBUTES: dict[str, str] = {"title_zh": "Bodum 陶瓷马克杯", "description_zh": "咖啡保温更久。可用洗碗机清洗。",
                              "material": "Porcelain"}
ROW = {"title": "Bodum Ceramic Mug, 350 ml", "description": "Keeps coffee hot. Dishwasher safe.",
       "attributes": ATTRIBUTES}


def test_a_chinese_sentence_is_judged_as_its_english() -> None:
    english = english_of_shown([ROW])
    shown = Answer(answer="可用洗碗机清洗。", source=None, confidence=0.9, matched_question=None)
    assert in_english(shown, english).answer == "Dishwasher safe."
    other = Answer(answer="不知道", source=None, confidence=0.1, matched_question=None)
    assert in_english(other, english).answer == "不知道"


def test_an_uneven_translation_maps_nothing() -> None:
    uneven = {**ROW, "attributes": {**ATTRIBUTES, "description_zh": "咖啡保温更久，可用洗碗机清洗。"}}
    assert "咖啡保温更久，可用洗碗机清洗。" not in english_of_shown([uneven])
