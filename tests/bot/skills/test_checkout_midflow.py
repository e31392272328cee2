"""Things typed in the middle of a checkout (team walk, session 7): a coupon at the payment step showed the cart,
whose Checkout button started again from the address; an unknown coupon's refusal left no way back; "change the
address" opened the address book (with delete buttons); "make it express" and "改成加急" at the payment step were
"not understood"; "what's the total" answered the cart's total without the delivery chosen.

Each is now handled and the checkout continues at its step, with what was chosen kept.
"""

from __future__ import annotations

from pathlib import Path

from bot.core.events import UserRef
from bot.transports.local_session import LocalSession
from store.models.orders import ShippingOption
from store.models.pricing import CouponKind
from store.money import Money
from store.pricing.admin import CouponSpec, save_coupon
from tests.helpers.checkout_flow import Shop, labels, latest_order, order_count, shop, texts

ADA = UserRef(781, first_name="Ada", language_code="en")
LI = UserRef(782, first_name="Li", language_code="zh-hans")
ADDRESS = "Ada Lovelace, 12 Analytical Way, Springfield, 62701, US"


async def _coupon(s: Shop, code: str = "SAVE5") -> None:
    async with s.uows() as uow:
        await save_coupon(uow.session, CouponSpec(code, CouponKind.FIXED, amount_off=Money(500, "USD")))
        await uow.commit()


async def _at_payment(s: Shop, user: UserRef, shipping: str = "Standard") -> LocalSession:
    """Two mugs ($25.00) in the cart, a new address and ``shipping`` chosen: the payment step is open."""
    session = await s.shopper(user, ("MUG-R", 2))
    await session.say("checkout")
    await session.press_label("New address" if user is ADA else "新地址")
    await session.say(ADDRESS)
    await session.press_label("Use this address" if user is ADA else "使用这个地址")
    await session.press_label(shipping)
    return session


async def test_a_coupon_at_the_payment_step_applies_and_returns_to_the_step(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        await _coupon(s)
        session = await _at_payment(s, ADA, "Express")
        said = texts(await session.say("I have a coupon SAVE5"))
        assert "Coupon SAVE5 applied" in said and "step 3 of 3" in said, said
        assert "Express" in said and "Your cart</b>" not in said, said  # the step with the new total, not the cart
        await session.press_label("Card (Telegram")
        order = await latest_order(s, ADA.id)
        assert order.shipping_option is ShippingOption.EXPRESS and order.address is not None
        assert order.coupon_code == "SAVE5"


async def test_an_unknown_coupon_at_the_payment_step_is_explained_and_the_step_stays(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await _at_payment(s, ADA)
        said = texts(await session.say("I have a coupon SAVE10"))
        assert "don't know the coupon SAVE10" in said and "step 3 of 3" in said, said
        assert any("Card" in b for b in labels(await session.say("I have a coupon SAVE10")))


async def test_a_coupon_in_chinese_at_the_payment_step(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        await _coupon(s, "WELCOME10")
        session = await _at_payment(s, LI, "标准")
        said = texts(await session.say("优惠券 WELCOME10"))
        assert "WELCOME10" in said and "第 3 步" in said, said


async def test_change_the_address_mid_checkout_goes_back_to_the_address_step(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        for user, words in ((ADA, "actually, change the address"), (LI, "换个地址")):
            session = await _at_payment(s, user)
            said = await session.say(words)
            assert "1" in texts(said) and any("Ada Lovelace" in b for b in labels(said)), texts(said)
            assert not any("Delete" in b or "删除" in b for b in labels(said)), labels(said)  # not the address book
            shipping = await session.press_label("Ada Lovelace")
            assert any("Standard" in b or "标准" in b for b in labels(shipping)), texts(shipping)
        assert await order_count(s) == 0


async def test_another_shipping_option_typed_at_the_payment_step_is_chosen(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await _at_payment(s, ADA)
        said = texts(await session.say("actually make it express"))
        assert "step 3 of 3" in said and "Express delivery" in said, said
        await session.press_label("Card (Telegram")
        assert (await latest_order(s, ADA.id)).shipping_option is ShippingOption.EXPRESS
    async with shop(tmp_path / "zh") as s:
        session = await _at_payment(s, LI, "标准")
        said = texts(await session.say("改成加急"))
        assert "第 3 步" in said and "快速配送" in said, said


async def test_change_shipping_without_naming_it_shows_the_options(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await _at_payment(s, ADA)
        said = await session.say("i want to change shipping")
        assert "step 2 of 3" in texts(said) and any("Express" in b for b in labels(said)), texts(said)


async def test_the_total_asked_at_the_payment_step_includes_the_delivery(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        session = await _at_payment(s, ADA, "Express")
        said = texts(await session.say("what's the total"))
        assert "step 3 of 3" in said and "Your cart comes to" not in said, said
        assert "$40.99" in said, said  # $25.00 of mugs + $15.99 express
