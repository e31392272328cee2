"""Session 8 (cart walk): a coupon code must look like one.

"I have a coupon too" tried the coupon "TOO" ("I don't know the coupon TOO"): any word after "coupon" was the
code. Now a code has a digit with its letters, or was typed in capitals, or is one of the shop's codes; without
one the shopper is asked for the code. The address book's form (outside checkout) also took "I have a coupon
SAVE5" as the street; it now applies the coupon and asks for the same field again, as checkout's form does.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.events import UserRef
from bot.core.skills.shopping.coupon_code import code_from_text
from store.models.pricing import CouponKind
from store.money import Money
from store.pricing.admin import CouponSpec, save_coupon
from tests.helpers.checkout_flow import shop, texts

ADA = UserRef(821, first_name="Ada", language_code="en")
BEA = UserRef(822, first_name="Bea", language_code="en")


@pytest.mark.parametrize(("said", "code"), [
    ("I have a coupon too", None),
    ("I HAVE A COUPON TOO", None),
    ("can I use my coupon on sale items", None),
    ("the coupon is expired", None),
    ("coupon please", None),
    ("I have a coupon SAVE5 too", "SAVE5"),
    ("my coupon code is save5", "SAVE5"),
    ("coupon: vip-2026", "VIP-2026"),
    ("use FREESHIP", "FREESHIP"),
    ("优惠券 welcome10", "WELCOME10"),
    ("我也有优惠券", None),
])
def test_only_a_word_shaped_like_a_code_is_a_code(said: str, code: str | None) -> None:
    assert code_from_text(said) == code


async def _coupons(s: object) -> None:
    async with s.uows() as uow:  # type: ignore[attr-defined]
        await save_coupon(uow.session, CouponSpec("SAVE5", CouponKind.FIXED, amount_off=Money(500, "USD")))
        await save_coupon(uow.session, CouponSpec("FREESHIP", CouponKind.FIXED, amount_off=Money(100, "USD")))
        await uow.commit()


async def test_a_coupon_without_a_code_asks_for_it_and_a_shop_code_counts_in_any_case(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        await _coupons(s)
        session = await s.shopper(ADA, ("MUG-R", 2))
        asked = texts(await session.say("I have a coupon too"))
        assert "Type your coupon code" in asked and "TOO" not in asked, asked
        assert "you save $1.00" in texts(await session.say("freeship"))  # the shop's code, typed in small letters
        refused = texts(await session.say("coupon hello"))
        assert "HELLO" not in refused and "Type your coupon code" in refused, refused


async def test_a_coupon_typed_in_the_address_book_form_is_applied_and_the_form_waits(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        await _coupons(s)
        session = await s.shopper(BEA, ("MUG-R", 2))
        await session.say("my addresses")
        await session.press_label("Add an address")
        assert "street" in texts(await session.say("Bea Smith"))
        applied = texts(await session.say("I have a coupon SAVE5"))
        assert "Coupon SAVE5 applied" in applied and "still adding your new address" in applied, applied
        assert "street" in applied.rsplit("\n", 1)[-1]
        asked = texts(await session.say("oh and I have a coupon too"))
        assert "coupon code" in asked and "street" in asked, asked
        assert "city" in texts(await session.say("5 Navy Rd")).lower()
        await session.say("Arlington")
        await session.say("22201")
        confirm = texts(await session.say("US"))
        assert "Bea Smith" in confirm and "5 Navy Rd" in confirm and "coupon" not in confirm.lower(), confirm
