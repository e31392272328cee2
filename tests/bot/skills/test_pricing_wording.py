"""Every price line and hint is worded from its reason's data, in English and Chinese: each tier of a tiered
offer (named so every tier reads right, and saying which tier applied), a coupon below its minimum, a
flash-sale claim order, and an order stored before reasons were kept."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update

from bot.core.events import UserRef
from bot.transports.local_session import LocalSession
from store.cart import add_to_cart
from store.flash_sales import claim_flash_sale
from store.models.orders import Order
from store.models.pricing import CouponKind
from store.money import Money
from store.pricing.admin import CouponSpec, save_coupon, save_offer
from tests.helpers.catalog_builders import make_product
from tests.helpers.checkout_flow import Shop, latest_order, shop, texts, walk_checkout
from tests.helpers.order_builders import Item, make_flash_sale

ZH_ADDRESS = "李雷，北京市朝阳区建国路88号，北京，100020，中国"


async def _checkout_zh(session: LocalSession) -> list[dict[str, Any]]:
    await session.say("结算")
    await session.press_label("新地址")
    await session.say(ZH_ADDRESS)
    await session.press_label("使用这个地址")
    await session.press_label("标准")
    return await session.press_label("银行卡")

ADA = UserRef(521, first_name="Ada", language_code="en")
LI = UserRef(522, first_name="李", language_code="zh-hans")


def usd(dollars: int) -> Money:
    return Money(dollars * 100, "USD")


async def _offer(s: Shop) -> None:
    async with s.uows() as uow:
        await save_offer(uow.session, "Spend more, save more", [(usd(100), usd(10)), (usd(200), usd(30)),
                                                               (usd(500), usd(100))], name_zh="多买多省")
        await save_coupon(uow.session, CouponSpec("SAVE20", CouponKind.FIXED, amount_off=usd(20),
                                                  min_spend=usd(600)))
        await uow.commit()
    await make_product(s.uows, "TV", price=12000, stock=50, category="Electronics > TV", title="Telly")


@pytest.mark.parametrize(("quantity", "tier", "threshold", "saving", "next_hint"), [
    (1, 1, "$100.00", "$10.00", ("Add $80.00 more to save $30.00", "再买 $80.00，可享满 $200.00 减 $30.00")),
    (2, 2, "$200.00", "$30.00", ("Add $260.00 more to save $100.00", "再买 $260.00，可享满 $500.00 减 $100.00")),
    (5, 3, "$500.00", "$100.00", None),
])
async def test_the_cart_names_the_tier_reached_in_both_languages(
        tmp_path: Path, quantity: int, tier: int, threshold: str, saving: str,
        next_hint: tuple[str, str] | None) -> None:
    async with shop(tmp_path) as s:
        await _offer(s)
        ada, li = await s.shopper(ADA, ("TV-1", quantity)), await s.shopper(LI, ("TV-1", quantity))
        en, zh = texts(await ada.say("my cart")), texts(await li.say("购物车"))
        assert f"🎁 Spend more, save more: <b>-{saving}</b>" in en
        assert f"<i>spend {threshold}, save {saving} · tier {tier} of 3</i>" in en
        assert f"🎁 多买多省：<b>-{saving}</b>" in zh
        assert f"<i>满 {threshold} 减 {saving} · 第 {tier} 档，共 3 档</i>" in zh
        if next_hint:
            assert next_hint[0] in en and next_hint[1] in zh
        else:
            assert "💡" not in en and "💡" not in zh
        for english in ("Spend", "spend", "save", "tier", "Add $"):
            assert english not in zh, english


async def test_a_coupon_below_its_minimum_says_what_is_missing_in_both_languages(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        await _offer(s)
        ada, li = await s.shopper(ADA, ("TV-1", 5)), await s.shopper(LI, ("TV-1", 5))
        # $600 - $100 (tier 3) = $500: the minimum is measured after the offer, on what the coupon applies to.
        refused_en, refused_zh = texts(await ada.say("coupon SAVE20")), texts(await li.say("优惠券 SAVE20"))
        async with s.uows() as uow:
            for user in (ADA.id, LI.id):
                await add_to_cart(uow, user, "TV-1", 1)  # $720 - $100 = $620
        en, zh = texts(await ada.say("coupon SAVE20")), texts(await li.say("优惠券 SAVE20"))
    assert "Coupon SAVE20 needs a spend of $600.00; your items come to $500.00. Add $100.00 more" in refused_en
    assert "$600.00" in refused_zh and "$100.00" in refused_zh and "SAVE20" in refused_zh
    assert "needs" not in refused_zh
    assert "🏷 Coupon SAVE20: <b>-$20.00</b>" in en and "<i>$20.00 off · minimum spend $600.00</i>" in en
    assert "🏷 优惠券 SAVE20：<b>-$20.00</b>" in zh and "<i>立减 $20.00 · 满 $600.00 可用</i>" in zh


async def test_a_stored_coupon_that_stopped_applying_is_explained_in_both_languages(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        await _offer(s)
        ada, li = await s.shopper(ADA, ("TV-1", 6)), await s.shopper(LI, ("TV-1", 6))
        await ada.say("coupon SAVE20")
        await li.say("优惠券 SAVE20")
        async with s.uows() as uow:
            from store.cart import set_quantity

            for user in (ADA.id, LI.id):
                await set_quantity(uow, user, "TV-1", 2)
        en, zh = texts(await ada.say("my cart")), texts(await li.say("购物车"))
    # $240 - $30 (tier 2) = $210 against a $600 minimum: $390 missing.
    assert "💡 Coupon SAVE20 is not applied yet: it needs a spend of $600.00. Add $390.00 more to use it." in en
    assert "💡 优惠券 SAVE20 暂未生效：需满 $600.00 才能使用，再买 $390.00 即可。" in zh


async def test_checkout_summary_and_order_details_name_the_tier_in_both_languages(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        await _offer(s)
        ada = await s.shopper(ADA, ("TV-1", 2))
        placed = texts(await walk_checkout(ada))
        assert "🏷 Offer “Spend more, save more”: -$30.00 <i>(spend $200.00, save $30.00 · tier 2 of 3)</i>" in placed
        order = await latest_order(s, ADA.id)
        li = await s.shopper(LI, ("TV-1", 2))
        await _checkout_zh(li)
        zh_order = await latest_order(s, LI.id)
        await li.say("我的订单")
        details = texts(await li.press_label(f"📄 {zh_order.number}"))
        assert "🏷 活动“多买多省”：-$30.00<i>（满 $200.00 减 $30.00 · 第 2 档，共 3 档）</i>" in details
        await ada.say("my orders")
        await ada.press_label(f"📄 {order.number}")
        invoice = texts(await ada.press_label("Invoice"))
        assert order.number in invoice and "tier 2 of 3" in invoice


async def test_an_order_stored_before_reasons_shows_its_label_and_amount_only(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        await _offer(s)
        li = await s.shopper(LI, ("TV-1", 2))
        await _checkout_zh(li)
        order = await latest_order(s, LI.id)
        legacy = {"adjustments": [{"kind": "offer", "label": "Spend $200, save $30", "amount": -3000,
                                   "currency": "USD", "explanation": "Spend $200.00, save $30.00 (your items: $240.00)",
                                   "reference": "1"}], "hints": []}
        async with s.uows() as uow:
            await uow.session.execute(update(Order).where(Order.id == order.id).values(pricing=legacy))
            await uow.commit()
        await li.say("我的订单")
        details = texts(await li.press_label(f"📄 {order.number}"))
    assert "🏷 活动“Spend $200, save $30”：-$30.00\n" in details  # no English aside, nothing guessed from it
    assert "your items" not in details


async def test_a_flash_sale_claim_order_explains_its_saving_in_both_languages(tmp_path: Path) -> None:
    async with shop(tmp_path) as s:
        lamp = s.catalog["lamp"]
        item = Item(lamp.id, lamp.variants[0].id, lamp.variants[0].sku, 8000, "USD")
        sale = await make_flash_sale(s.uows, item, units=5, price_minor=4999, per_user_limit=1,
                                     starts=s.clock.now.replace(year=2000), ends=s.clock.now.replace(year=2100))
        shown = {}
        for user, orders_text in ((ADA, "my orders"), (LI, "我的订单")):
            session = await s.shopper(user)
            async with s.uows() as uow:
                claim = await claim_flash_sale(uow, sale, user.id, now=s.clock())
            assert claim.order is not None
            await session.say(orders_text)
            shown[user.id] = texts(await session.press_label(f"📄 {claim.order.number}"))
    assert "🏷 Flash sale saving: -$30.01 <i>(1 × $49.99 instead of $80.00)</i>" in shown[ADA.id]
    assert "🏷 限时抢购优惠：-$30.01<i>（1 件按 $49.99，原价 $80.00）</i>" in shown[LI.id]
