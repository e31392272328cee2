"""Stock questions about the product talked about are answered from its variants (shopping.stock_followups):
they reached the Q&A, which said "I don't know that about … yet", or were out of scope ("how many are left")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import update

from bot.core.events import UserRef
from bot.core.replies import Photo, Reply, Text
from bot.core.skills.shopping.stock_followups import asks_about_stock
from store.models.catalog import Variant
from tests.helpers.shopping import Shopper, ShoppingNLU, shop_bot

ANN = UserRef(551, "Ann", language_code="en")
LI = UserRef(552, "李", language_code="zh-hans")


def body(replies: list[Reply]) -> str:
    return "\n".join(r.caption if isinstance(r, Photo) else r.text for r in replies if isinstance(r, Photo | Text))


def _labels(replies: list[Reply]) -> list[str]:
    return [b.label for r in replies for row in r.buttons for b in row]


async def _set_stock(bot: object, sku: str, stock: int) -> None:
    services = bot.services  # type: ignore[attr-defined]
    async with services.uows() as uow:
        await uow.session.execute(update(Variant).where(Variant.sku == sku).values(stock=stock))
        await uow.commit()


@pytest.mark.parametrize("text", ["is it in stock?", "how many are left", "still available?", "any left?",
                                  "how many do you have?",
                                  "is the black one sold out", "还有货吗", "M码有货吗", "还剩几件", "库存多少"])
def test_stock_questions(text: str) -> None:
    assert asks_about_stock(text)


@pytest.mark.parametrize("text", ["running shoes", "is it waterproof?", "what sizes do you have", "有M码吗",
                                  "how much is it", "stockings", "how many stars does it have",
                                  # when, not whether: the shop's restock answer (FAQ), not the stock list
                                  "缺货的什么时候补货", "when will the black one be back in stock?"])
def test_not_stock_questions(text: str) -> None:
    assert not asks_about_stock(text)


async def test_stock_of_the_product_open_option_by_option_with_low_counts(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        await _set_stock(bot, "P13-BLA", 2)
        await _set_stock(bot, "P13-CLE", 40)
        ann = Shopper(bot, ANN)
        await ann.say("/start p_P13")  # the phone case: Black, Clear
        said = await ann.say("is it in stock?")
        text = body(said)
        assert "is in stock" in text and "Black (only 2 left)" in text and "Clear" in text, text
        assert "I don't know" not in text and any(label.startswith("🛒") for label in _labels(said))
        counts = body(await ann.say("how many are left"))
        assert "Black: 2 left" in counts and "Clear: 40 left" in counts, counts
        await _set_stock(bot, "P13-BLA", 0)
        black = body(await ann.say("is the black one in stock?"))
        assert "in black is sold out" in black and "Available: Clear" in black, black
        await _set_stock(bot, "P13-CLE", 0)
        assert "sold out in every option" in body(await ann.say("any left?"))


async def test_stock_question_in_chinese_names_the_options_in_chinese(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        li = Shopper(bot, LI)
        await li.say("/start p_P15")  # the cotton tee: White, Black, Red; S to XL
        text = body(await li.say("还有货吗"))
        assert text.startswith("有货") and "黑色" in text, text


async def test_stock_and_price_questions_with_a_list_and_nothing_open(tmp_path: Path) -> None:
    """"有现货吗" with four shoes shown got the cash-on-delivery answer; "how much is it" the shipping costs;
    "偏码吗" (do they run small?) a coupon answer: Chinese drops the pronoun, the question is about one of them."""
    async with shop_bot(tmp_path) as bot:
        li = Shopper(bot, LI)
        shown = await li.say("跑步鞋")
        assert len([r for r in shown if isinstance(r, Photo | Text) and body([r]).startswith("<b>")]) >= 2
        stock = body(await li.say("有现货吗"))
        assert stock.startswith("1. <b>") and "2. <b>" in stock and "有货" in stock, stock
        which = await li.say("偏码吗？")
        assert "哪一件" in body(which) and any(label.startswith("1. ") for label in _labels(which)), body(which)
        misreading = ShoppingNLU()  # the real model reads "how much is it" as a deals request, unsure
        misreading.rules.insert(0, (re.compile(r"^how much", re.I), "list_promotions"))
        bot.services.nlu = misreading  # type: ignore[union-attr]
        ann = Shopper(bot, ANN)
        await ann.say("running shoes")
        price = await ann.say("how much is it")
        assert any(label.startswith("1. ") for label in _labels(price)), body(price)
