""""How much more for the bigger discount?" (walk 6): "再满多少能减更多" opened a feedback ticket and the English
question got the FAQ about a coupon's minimum spend. The answer comes from the cart and the offer's tiers."""

from __future__ import annotations

from pathlib import Path

from bot.core.events import UserRef
from store.cart import add_to_cart
from store.money import Money
from store.pricing.admin import save_offer
from tests.helpers.catalog_builders import make_product
from tests.helpers.checkout_flow import Shop, shop, texts

ADA = UserRef(641, first_name="Ada", language_code="en")
LI = UserRef(642, first_name="李", language_code="zh-hans")
ASK = "how much more do I need to spend for the bigger discount"


def usd(dollars: int) -> Money:
    return Money(dollars * 100, "USD")


async def _offer(s: Shop) -> None:
    async with s.uows() as uow:
        await save_offer(uow.session, "Spend more, save more", [(usd(100), usd(10)), (usd(200), usd(30)),
                                                               (usd(500), usd(100))], name_zh="多买多省")
        await uow.commit()
    await make_product(s.uows, "TV", price=12000, stock=50, category="Electronics > TV", title="Telly")


async def _fill(s: Shop, user: UserRef, quantity: int) -> None:
    async with s.uows() as uow:
        await add_to_cart(uow, user.id, "TV-1", quantity)
        await uow.commit()


async def test_the_next_tier_from_the_cart_in_both_languages(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        await _offer(s)
        ada = await s.shopper(ADA)
        empty = texts(await ada.say(ASK))
        assert "Your cart is empty" in empty and "$10.00 off $100.00" in empty and "$100.00 off $500.00" in empty
        await _fill(s, ADA, 1)
        one = texts(await ada.say(ASK))
        assert "so you save $10.00" in one and "Add $80.00 more to save $30.00" in one, one
        assert "tier 2 of 3" in one and "Thanks for your feedback" not in one and "Your cart" in one
        await _fill(s, ADA, 4)
        top = texts(await ada.say("how much more to get the next discount tier?"))
        assert "top tier" in top and "Add $" not in top.split("Your cart")[0], top
        li = await s.shopper(LI)
        await _fill(s, LI, 1)
        zh = texts(await li.say("再满多少能减更多"))
        assert "$80.00" in zh and "多买多省" in zh and "反馈" not in zh, zh


async def test_no_offer_running_is_said(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        ada = await s.shopper(ADA, ("MUG-R", 1))
        assert "no spend-and-save offer" in texts(await ada.say(ASK))


def test_what_asks_for_the_next_tier() -> None:
    from bot.core.skills.shopping.offer_questions import asks_next_tier

    assert asks_next_tier("再满多少能减更多") and asks_next_tier(ASK) and asks_next_tier("还差多少到下一档优惠")
    assert not asks_next_tier("满多少包邮") and not asks_next_tier("还有更多优惠吗")
    assert not asks_next_tier("how much more is the bigger one") and not asks_next_tier("满减活动有哪些")
