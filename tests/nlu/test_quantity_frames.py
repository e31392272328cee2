"""Quantities the dialogue must see: zero where a count is being set, and long numbers in a count frame (not
order numbers)."""

from __future__ import annotations

import pytest

from nlu.entities.extractor import EntityExtractor
from nlu.entities.lexicon import Lexicon
from nlu.factory import DEFAULT_DATA_DIR
from nlu.training_data import load_training_data


@pytest.fixture(scope="module")
def extractor() -> EntityExtractor:
    """Built from the shipped nlu/data, whose `regex: order_id` matches any 5-8 digit number."""
    return EntityExtractor(Lexicon.from_training_data(load_training_data(DEFAULT_DATA_DIR)))


def found(extractor: EntityExtractor, text: str) -> list[tuple[str, object]]:
    return [(e.entity, e.value) for e in extractor.extract(text) if e.entity in {"quantity", "order_id", "size"}]


@pytest.mark.parametrize(
    "text",
    ["make it 0", "add 0 of these", "set the quantity to zero", "qty: 0", "change it to 0", "数量改成0", "改为0件",
     "把数量设成零", "那个杯子改成0个"],
)
def test_zero_is_a_quantity_where_a_count_is_set(extractor: EntityExtractor, text: str) -> None:
    assert found(extractor, text) == [("quantity", 0)]


@pytest.mark.parametrize("text", ["0 calories", "zero sugar cola", "0个人", "还剩0个", "phone with 0 scratches"])
def test_zero_elsewhere_is_no_quantity(extractor: EntityExtractor, text: str) -> None:
    assert ("quantity", 0) not in found(extractor, text)


@pytest.mark.parametrize(
    ("text", "quantity"),
    [("add 10000 of it", 10000), ("buy 25000 pcs of the socks", 25000), ("要10000个", 10000), ("买20000件", 20000),
     ("i'll take 12345 of those", 12345)],
)
def test_a_long_number_in_a_count_frame_is_a_quantity_not_an_order(
    extractor: EntityExtractor, text: str, quantity: int
) -> None:
    assert found(extractor, text) == [("quantity", quantity)]


@pytest.mark.parametrize(
    ("text", "order"),
    [("where is 10042", "10042"), ("track order 10042", "10042"), ("add #10042 to my complaint", "10042"),
     ("order 10042 of may", "10042"), ("订单10042到哪了", "10042"), ("cancel SB10042", "SB10042")],
)
def test_order_numbers_keep_their_cues(extractor: EntityExtractor, text: str, order: str) -> None:
    assert ("order_id", order) in found(extractor, text)
    assert "quantity" not in [e for e, _ in found(extractor, text)]


def test_months_are_a_size_not_a_count(extractor: EntityExtractor) -> None:
    assert found(extractor, "6-12个月宝宝连体衣") == [("size", "6-12 months")]
