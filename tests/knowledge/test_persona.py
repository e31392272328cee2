"""Gift requests that describe a person: the interest is what to search for (knowledge/search/persona.py)."""

from __future__ import annotations

import pytest

from knowledge.search.persona import interest_phrase


@pytest.mark.parametrize(("text", "interest"), [
    ("gift for my dad who likes coffee", "coffee"),
    ("something for a 10 year old who loves science", "science"),
    ("what should i get my wife who does yoga", "yoga"),
    ("a gift for someone who just got a puppy", "puppy"),
    ("my mum loves gardening, any gift ideas?", "gardening"),
    ("gift for dad, he is into golf", "golf"),
    ("给爸爸买个礼物，他喜欢喝茶", "喝茶"),
    ("送给喜欢跑步的男朋友", "跑步"),
    ("送妈妈的礼物 她喜欢做饭", "做饭"),
])
def test_the_interest_of_a_person_described_in_a_gift_request(text: str, interest: str) -> None:
    assert interest_phrase(text) == interest


@pytest.mark.parametrize("text", [
    "running shoes for my son who loves football",   # a product is named: it stays in charge
    "toys for a kid who has everything",
    "i like red mugs",                                 # the shopper's own taste, not a person described
    "headphones that have noise cancelling",
    "我喜欢红色的杯子",
    "给十岁孩子的科学玩具",
    "gift for my dad",                                 # no interest: gift words are the request
])
def test_requests_that_name_a_product_or_no_interest_are_left_alone(text: str) -> None:
    assert interest_phrase(text) is None
