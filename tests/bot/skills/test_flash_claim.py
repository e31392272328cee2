"""Claiming a flash sale by typing ("grab one", "I'll take 3", "抢一个", "还剩几个") with the deals on screen or a
sale's product open: it went to "not sure what you mean" with unrelated buttons, and the per-shopper limit was
never said."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from bot.core.events import UserRef
from store.money import Money
from store.pricing.admin import save_flash_sale
from tests.bot.skills.test_shopping_deals import body
from tests.helpers.shopping import Shopper, shop_bot

ANN = UserRef(521, "Ann", language_code="en")


async def _two_sales(bot: object) -> None:
    services = bot.services  # type: ignore[attr-defined]
    now = services.clock()
    async with services.uows() as uow:
        for title, sku, price in (("Headphones deal", "P09-BLA", 14999), ("Mug deal", "P01-RED", 999)):
            await save_flash_sale(uow.session, title=title, sku=sku, price=Money(price, "USD"), quantity=20,
                                  starts_at=now - timedelta(minutes=10), ends_at=now + timedelta(hours=3),
                                  per_user_limit=2)
        await uow.commit()


async def test_a_flash_sale_is_claimed_by_typing_with_its_limit(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        await _two_sales(bot)
        ann = Shopper(bot, ANN)
        await ann.say("any deals?")
        which = body(await ann.say("grab one"))
        assert "Which flash sale" in which, which  # two on screen, none named
        await ann.say("any deals?")
        left = body(await ann.say("how many are left of the headphones?"))
        assert "20 left" in left and "Limit 2 per shopper" in left, left
        too_many = body(await ann.say("I'll take 3"))
        assert "limited to 2 per shopper" in too_many and "regular price" in too_many, too_many
        added = body(await ann.say("grab one"))
        assert "Added 1 × " in added and "Headphones" in added and "Limit 2 per shopper" in added, added
        assert "$149.99" in added, added


async def test_asking_when_a_sale_starts_or_for_a_reminder_claims_nothing(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        await _two_sales(bot)
        ann = Shopper(bot, ANN)
        await ann.say("any deals?")
        await ann.say("how many are left of the headphones?")  # the headphones sale is open
        for said in ("明天马克杯几点开抢", "开抢提醒我一下", "when does the next one start? i want to grab one"):
            reply = body(await ann.say(said))
            assert "Added" not in reply and "已将" not in reply, (said, reply)
        services = bot.services  # type: ignore[attr-defined]
        from store.cart import get_cart

        async with services.uows.read() as uow:
            assert not (await get_cart(uow, ANN.id, services.clock())).lines


async def test_adding_by_position_from_a_search_list_is_not_a_flash_claim(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        await _two_sales(bot)
        ann = Shopper(bot, ANN)
        shown = body(await ann.say("sonora wireless audio"))
        headphones, earbuds = shown.find("Wireless Noise Cancelling Headphones"), shown.find("True Wireless Earbuds")
        assert headphones >= 0 and earbuds >= 0, shown  # the headphones are on sale, the earbuds are not
        position = "first" if earbuds < headphones else "second"
        added = body(await ann.say(f"add the {position} one"))
        assert "Earbuds" in added and "Headphones" not in added, added


async def test_asking_why_only_two_explains_the_limit_and_adds_nothing(tmp_path: Path) -> None:
    # walk6-zh: "怎么只能买两个" (why can I only buy two?) added 2 headphones to the cart without a word
    async with shop_bot(tmp_path) as bot:
        await _two_sales(bot)
        ann = Shopper(bot, ANN)
        await ann.say("any deals?")
        await ann.say("how many are left of the headphones?")  # the headphones sale is open
        await ann.say("I'll take 3")
        for said in ("怎么只能买两个", "why can i only buy 2?", "限购几个"):
            reply = body(await ann.say(said))
            assert "Added" not in reply and "已将" not in reply, (said, reply)
            assert "limited to 2 per shopper" in reply or "每人限购 2 件" in reply, (said, reply)
        services = bot.services  # type: ignore[attr-defined]
        from store.cart import get_cart

        async with services.uows.read() as uow:
            assert not (await get_cart(uow, ANN.id, services.clock())).lines
        assert "Added 2 × " in body(await ann.press("Add 2"))


async def test_questions_about_orders_and_payment_claim_nothing_with_a_sale_in_focus(tmp_path: Path) -> None:
    # walk7-en: after "grab the flash deal", "where's my order", "did I get charged?" and "i placed an order for a
    # blender, SB10002" each added another unit ("get", "order" are claim words).
    async with shop_bot(tmp_path) as bot:
        await _two_sales(bot)
        ann = Shopper(bot, ANN)
        await ann.say("any deals?")
        await ann.say("how many are left of the headphones?")  # the headphones sale is open
        assert "Added 1 × " in body(await ann.say("grab one"))
        for said in ("where is my order", "did I get charged?", "i placed an order for the headphones, SB10002",
                     "what did i order last week"):
            reply = body(await ann.say(said))
            assert "Added" not in reply, (said, reply)
        services = bot.services  # type: ignore[attr-defined]
        from store.cart import get_cart

        async with services.uows.read() as uow:
            assert [line.quantity for line in (await get_cart(uow, ANN.id, services.clock())).lines] == [1]
        await ann.say("any deals?")
        await ann.say("how many are left of the headphones?")
        assert "Added 1 × " in body(await ann.say("I'll take one more"))  # a claim still claims


async def test_ordering_an_earlier_order_again_is_not_a_claim_of_the_sale_in_view(tmp_path: Path) -> None:
    # "再来一单一样的" with a flash-sale product open (the headphones just bought) claimed the sale item; it asks for
    # an earlier order again (orders.reorder), here with no order yet.
    async with shop_bot(tmp_path) as bot:
        await _two_sales(bot)
        ann = Shopper(bot, ANN)
        await ann.say("any deals?")
        await ann.say("how many are left of the headphones?")  # the headphones sale is open
        for said in ("再来一单一样的", "order the same again"):
            reply = body(await ann.say(said))
            assert "Added" not in reply and "已将" not in reply, (said, reply)


async def test_an_add_naming_another_product_with_the_deals_on_screen_is_not_a_flash_claim(tmp_path: Path) -> None:
    # walk9-en: after the deals list, "add 1 white 256gb" (about a phone) and "add the hp laptop to cart" each
    # got "Which flash sale would you like?" with the headphones and the blender
    async with shop_bot(tmp_path) as bot:
        await _two_sales(bot)
        ann = Shopper(bot, ANN)
        await ann.say("any deals?")
        added = body(await ann.say("add the usb-c charger to cart"))
        assert "Which flash sale" not in added and "Charger" in added, added
        await ann.say("any deals?")
        speaker = body(await ann.say("add 1 bluetooth speaker"))
        assert "Which flash sale" not in speaker and "Headphones" not in speaker, speaker
        await ann.say("any deals?")
        named = body(await ann.say("add 2 of the headphones"))  # names a sale: still claimed at the flash price
        assert "Headphones" in named and "Limit 2 per shopper" in named, named
        await ann.say("any deals?")
        assert "Which flash sale" in body(await ann.say("add one"))  # names nothing: which sale


async def test_a_price_question_naming_a_product_off_screen_opens_it_with_the_deals_on_screen(tmp_path: Path) -> None:
    # walk9-en: "how much is the redmi note 13 pro" under the deals list got an FAQ entry about phone cases, so the
    # phone was never the product talked about and the next add went to the flash sales
    async with shop_bot(tmp_path) as bot:
        await _two_sales(bot)
        ann = Shopper(bot, ANN)
        await ann.say("any deals?")
        card = body(await ann.say("how much is the usb-c fast charger?"))
        assert "USB-C Fast Charger" in card and "$34.99" in card, card
        added = body(await ann.say("add 1 white"))
        assert "Which flash sale" not in added and "Charger" in added and "Added" in added, added
