"""Gift cards redeemed through the dialogue core, in English and Chinese: a card bought with Stars is applied
by text ("apply gc …", "/coupon GC-…", a code pasted alone after the 🎁 button) in the cart or at checkout, pays
a whole order (no invoice) or part of one (the invoice is for the rest), shows as its own line with what is
left on the card, goes back when an unpaid order is cancelled, and every refusal is explained kindly."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from bot.core.events import ChatRef, PaymentSucceeded, UserRef
from bot.transports.local_session import LocalSession
from store.catalog.service import ProductInput, VariantInput, upsert_product
from store.models.orders import OrderStatus
from store.money import Money
from store.orders.events import staff_actor
from store.payments.stars import refund_stars
from tests.helpers.bots import started_bot
from tests.helpers.catalog_builders import seed_catalog
from tests.helpers.checkout_flow import RULES, Clock, Shop, latest_order, texts
from tests.helpers.fake_nlu import FakeNLU

ADA = UserRef(701, first_name="Ada", language_code="en")
BOB = UserRef(702, first_name="Bob", language_code="en")
LI = UserRef(703, first_name="李", language_code="zh-hans")

# The real NLU reads "apply GC-…", "redeem gift card" and "用礼品卡 …" as apply_coupon (see the report).
GIFT_RULES = ((r"^(apply|redeem|用礼品卡|使用)\b|^(apply|redeem)\s", "apply_coupon"), *RULES)


@asynccontextmanager
async def gift_shop(tmp_path: Path) -> AsyncIterator[Shop]:
    async with started_bot(tmp_path, nlu=FakeNLU(GIFT_RULES)) as bot:
        assert bot.services is not None
        clock = Clock()
        bot.services.clock = clock
        catalog = await seed_catalog(bot.services.uows)
        async with bot.services.uows() as uow:
            await upsert_product(uow, ProductInput(
                external_id="GCARD", title="Lumi e-Gift Card: Thank You", is_digital=True, brand="Lumi",
                category_path="Gift Cards > e-Gift Cards", title_zh="Lumi 电子礼品卡：谢谢你",
                attributes={"tags": ["gift-card", "digital"]},
                variants=[VariantInput("GCARD-25", Money(1250, "XTR"), 100, {"value": "$25"})]))
        async with bot.services.uows() as uow:
            await upsert_product(uow, ProductInput(
                external_id="HP", title="Studio Headphones", brand="Sonic", category_path="Electronics > Audio",
                title_zh="录音室耳机", variants=[VariantInput("HP-1", Money(4000, "USD"), 10)]))
        yield Shop(bot, catalog, clock)


async def _buy_card(s: Shop, user: UserRef, charge: str) -> str:
    """Buy a $25 card with Stars through the dialogue; returns the code the receipt showed."""
    session = await s.shopper(user, ("GCARD-25", 1))
    await session.say("checkout")
    placed = await session.press_label("⭐")
    invoice = next(r["invoice"] for r in placed if r["invoice"])
    paid = PaymentSucceeded(user, ChatRef(user.id), payload=invoice["payload"], total_amount=invoice["total_amount"],
                            currency="XTR", provider_charge_id="", telegram_charge_id=charge)
    replies = await s.bot.handle(paid)
    text = "\n".join(getattr(r, "text", "") for r in replies)
    start = text.index("<code>GC-") + len("<code>")
    return text[start:start + 22]


async def _to_payment_step(session: LocalSession, *, shipping: str = "Pickup", checkout: str = "checkout",
                           new_address: str = "New address", use: str = "Use this address") -> list[dict[str, Any]]:
    await session.say(checkout)
    await session.press_label(new_address)
    await session.say("Ada Lovelace, 12 Analytical Way, Springfield, 62701, US")
    await session.press_label(use)
    return await session.press_label(shipping)


async def test_a_card_pays_a_whole_order_without_an_invoice(tmp_path: Path) -> None:
    async with gift_shop(tmp_path) as s:
        code = await _buy_card(s, ADA, "stars-1")
        last = code[-4:]
        session = await s.shopper(ADA, ("MUG-R", 1))  # $12.50
        applied = texts(await session.say("apply " + code.lower().replace("-", " ")))  # lower case, spaces
        assert f"Gift card GC-…-{last} applied: it has $25.00." in applied
        assert f"🎁 Gift card GC-…-{last}: -$12.50, $12.50 left on the card" in applied
        assert "Left to pay: $0.00" in applied and code not in applied  # never the whole code on screen
        step = await _to_payment_step(session)
        shown = texts(step)
        assert "Your gift card pays for everything" in shown
        labels = [b["label"] for r in step for row in r["buttons"] for b in row]
        assert "🎁 Pay with the gift card" in labels and not any("Card (Telegram" in b for b in labels)
        done = await session.press_label("Pay with the gift card")
        assert not any(r["invoice"] for r in done)
        assert "placed and paid with your gift card" in texts(done)
        order = await latest_order(s, ADA.id)
        assert order.status is OrderStatus.PAID and order.amount_due == Money(0, "USD")
        cart = texts(await session.say("my cart"))
        assert "Your cart is empty" in cart


async def test_a_card_pays_part_and_the_invoice_is_for_the_rest(tmp_path: Path) -> None:
    async with gift_shop(tmp_path) as s:
        code = await _buy_card(s, ADA, "stars-2")
        session = await s.shopper(ADA, ("HP-1", 1))  # $40
        await session.say(f"/coupon {code}")  # where a coupon code is accepted
        step = texts(await _to_payment_step(session, shipping="Standard"))  # + $5.99
        assert f"🎁 Gift card GC-…-{code[-4:]}: -$25.00, $0.00 left on the card" in step
        assert "Left to pay: $20.99" in step and "Total: $45.99" in step
        placed = await session.press_label("Card")
        invoice = next(r["invoice"] for r in placed if r["invoice"])
        assert invoice["total_amount"] == 2099
        assert [p["amount"] for p in invoice["prices"]][-1] == -2500
        assert "the rest, $20.99, is paid this way" in texts(placed)
        paid = PaymentSucceeded(ADA, ChatRef(ADA.id), payload=invoice["payload"], total_amount=2099, currency="USD",
                                provider_charge_id="prov-1", telegram_charge_id="tg-1")
        receipt = "\n".join(getattr(r, "text", "") for r in await s.bot.handle(paid))
        assert "Total paid: <b>$20.99</b>" in receipt and "-$25.00, $0.00 left on the card" in receipt
        assert (await latest_order(s, ADA.id)).status is OrderStatus.PAID


async def test_the_gift_card_button_at_checkout_and_cancelling_gives_the_balance_back(tmp_path: Path) -> None:
    async with gift_shop(tmp_path) as s:
        code = await _buy_card(s, ADA, "stars-3")
        session = await s.shopper(ADA, ("HP-1", 1))
        step = await _to_payment_step(session)
        assert "🎁 Gift card" in [b["label"] for r in step for row in r["buttons"] for b in row]
        asked = texts(await session.press_label("🎁 Gift card"))
        assert "Send your gift card code" in asked
        back = texts(await session.say(code))  # the code alone, as pasted
        assert "Left to pay: $15.00" in back and "step 3 of 3" in back  # back at the payment step
        await session.press_label("Card")
        order = await latest_order(s, ADA.id)
        assert order.gift_card_amount == Money(2500, "USD")
        await session.say("cancel order")
        confirm = texts(await session.press_label("Yes, cancel it"))
        assert f"the $25.00 from gift card GC-…-{code[-4:]} is back on the card" in confirm
        again = await s.shopper(ADA, ("MUG-R", 1))
        assert "it has $25.00" in texts(await again.say(f"apply {code}"))


async def test_refusals_are_clear_in_english(tmp_path: Path) -> None:
    async with gift_shop(tmp_path) as s:
        code = await _buy_card(s, ADA, "stars-4")
        session = await s.shopper(BOB, ("MUG-R", 1))
        assert "I can't find a gift card with the code GC-2222-3333-4444-5555" in texts(
            await session.say("apply GC-2222-3333-4444-5555"))
        assert "doesn't look like a gift card code" in texts(await session.say("/coupon GC-12"))
        stars = await s.shopper(ADA, ("STK-1", 1))  # a Stars-priced cart
        assert "priced in Telegram Stars" in texts(await stars.say(f"apply {code}"))
        async with s.uows() as uow:
            await refund_stars(uow, "stars-4", actor=staff_actor(9), reason="unwanted", now=s.clock())
        assert "it was cancelled when its purchase was refunded" in texts(await session.say(f"apply {code}"))


async def test_a_used_up_card_and_chinese_wording(tmp_path: Path) -> None:
    async with gift_shop(tmp_path) as s:
        code = await _buy_card(s, LI, "stars-5")
        session = await s.shopper(LI, ("HP-1", 1))
        applied = texts(await session.say(f"用礼品卡 {code}"))
        assert f"已使用礼品卡 GC-…-{code[-4:]}：卡内余额 $25.00" in applied
        assert f"🎁 礼品卡 GC-…-{code[-4:]}：-$25.00，卡内余额 $0.00" in applied and "还需支付：$15.00" in applied
        step = texts(await _to_payment_step(session, checkout="结算", new_address="新地址", use="使用这个地址",
                                            shipping="到店自提"))
        assert "还需支付：$15.00" in step
        await session.press_label("银行卡")
        assert (await latest_order(s, LI.id)).gift_card_amount == Money(2500, "USD")
        more = await s.shopper(LI, ("MUG-R", 1))
        empty = texts(await more.say(f"用礼品卡 {code}"))
        assert "礼品卡" in empty and "已用完" in empty
        for english in ("Gift card", "left on the card", "Left to pay"):
            assert english not in applied + step + empty


async def test_a_code_pasted_alone_is_redeemed_whatever_the_nlu_says(tmp_path: Path) -> None:
    """The fake NLU has no rule for a bare code (as the real one may read it as anything): the dispatcher routes
    a message that is only a gift-card code to redemption; a mistyped one gets the gift-card refusal."""
    async with gift_shop(tmp_path) as s:
        code = await _buy_card(s, ADA, "stars-bare")
        session = await s.shopper(ADA, ("MUG-R", 1))
        applied = texts(await session.say(f"  {code}  "))
        assert f"Gift card GC-…-{code[-4:]} applied" in applied
        typo = texts(await session.say("GC-ABCD-EFGH-JKLM"))
        assert "doesn't look like a gift card code" in typo
