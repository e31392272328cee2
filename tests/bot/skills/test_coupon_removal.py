"""Taking the coupon off by words: "remove the coupon", "remove it" right after applying one, "不用优惠券了".

Each of these used to reach the cart's remove-item path ("remove the coupon" emptied a one-item cart) or ask
for a coupon code ("不用优惠券了"). The first tests run the keyword fake NLU; the last one the real model, whose
readings (remove_from_cart or apply_coupon, by message) are what shoppers meet.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.events import UserRef
from bot.core.replies import Edit, Photo, Reply, Text
from nlu.pipeline import BuiltinNLU
from store.cart import add_to_cart, get_cart
from store.models.pricing import CouponKind
from store.money import Money
from store.pricing.admin import CouponSpec, save_coupon
from tests.helpers.bots import started_bot
from tests.helpers.catalog_builders import seed_catalog
from tests.helpers.real_nlu import build_real_nlu
from tests.helpers.shopping import Shopper, shop_bot

ANN = UserRef(531, "Ann", language_code="en")
LI = UserRef(532, "李", language_code="zh-hans")


def body(replies: list[Reply]) -> str:
    return "\n".join(r.caption if isinstance(r, Photo) else r.text for r in replies
                     if isinstance(r, Photo | Text | Edit))


async def _coupon(bot: object, code: str = "SAVE5") -> None:
    services = bot.services  # type: ignore[attr-defined]
    async with services.uows() as uow:
        await save_coupon(uow.session, CouponSpec(code, CouponKind.FIXED, amount_off=Money(500, "USD")))
        await uow.commit()


async def _lines(bot: object, user: UserRef) -> list[tuple[str, int]]:
    services = bot.services  # type: ignore[attr-defined]
    async with services.uows.read() as uow:
        cart = await get_cart(uow, user.id, services.clock())
        return [(line.sku, line.quantity) for line in cart.lines]


async def test_remove_it_right_after_a_coupon_removes_the_coupon_and_keeps_the_item(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        await _coupon(bot)
        ann = Shopper(bot, ANN)
        await ann.say("red ceramic coffee mug")
        await ann.say("add the first one")
        lines = await _lines(bot, ANN)
        assert len(lines) == 1
        assert "Coupon SAVE5 applied" in body(await ann.say("use coupon SAVE5"))
        removed = body(await ann.say("remove it"))
        assert "Coupon SAVE5 removed" in removed and "Removed <b>" not in removed
        assert await _lines(bot, ANN) == lines
        # The coupon was the previous reply's subject for that one message only: now "it" is the mug again.
        assert "Removed <b>" in body(await ann.say("remove it"))
        assert await _lines(bot, ANN) == []


async def test_remove_the_coupon_by_name_keeps_the_cart(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        await _coupon(bot)
        ann = Shopper(bot, ANN)
        await ann.say("red ceramic coffee mug")
        await ann.say("add the first one")
        await ann.say("use coupon SAVE5")
        await ann.say("/cart")  # the coupon is no longer the last reply's subject: the words alone must do
        lines = await _lines(bot, ANN)
        removed = body(await ann.say("remove the coupon"))
        assert "Coupon SAVE5 removed" in removed and "Total:" in removed
        assert await _lines(bot, ANN) == lines
        assert "There is no coupon on your cart" in body(await ann.say("remove the coupon"))
        assert await _lines(bot, ANN) == lines


@pytest.fixture(scope="module")
def real_nlu(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> BuiltinNLU:
    return build_real_nlu(request.config, tmp_path_factory)


@pytest.mark.parametrize(("user", "words"), [(ANN, "take the coupon off"), (ANN, "i don't want to use the coupon"),
                                             (LI, "不用优惠券了"), (LI, "把优惠券删掉")])
async def test_real_model_drops_the_coupon_and_keeps_the_item(tmp_path: Path, real_nlu: BuiltinNLU, user: UserRef,
                                                               words: str) -> None:
    async with started_bot(tmp_path, nlu=real_nlu) as bot:
        assert bot.services is not None
        catalog = await seed_catalog(bot.services.uows)
        await _coupon(bot)
        shopper = Shopper(bot, user)
        await shopper.say("/start")  # the shopper exists before a cart can be theirs
        async with bot.services.uows() as uow:
            await add_to_cart(uow, user.id, catalog["mug"].variants[0].sku, 1)
        assert "SAVE5" in body(await shopper.say("coupon SAVE5"))
        replies = await shopper.say(words)
        async with bot.services.uows.read() as uow:
            cart = await get_cart(uow, user.id, bot.services.clock())
        assert cart.coupon_code is None, body(replies)
        assert [line.quantity for line in cart.lines] == [1]


@pytest.mark.parametrize(("user", "words"), [(ANN, "I have a coupon too"), (LI, "我有优惠券")])
async def test_real_model_asks_for_the_code_of_a_coupon_the_shopper_has(tmp_path: Path, real_nlu: BuiltinNLU,
                                                                        user: UserRef, words: str) -> None:
    # Session 8: "I have a coupon too" tried a coupon "TOO"; "我有优惠券" (0.67, unsure) asked "use a coupon or see
    # promotions?". Both ask for the code, and the code typed next is applied.
    async with started_bot(tmp_path, nlu=real_nlu) as bot:
        assert bot.services is not None
        catalog = await seed_catalog(bot.services.uows)
        await _coupon(bot)
        shopper = Shopper(bot, user)
        await shopper.say("/start")
        async with bot.services.uows() as uow:
            await add_to_cart(uow, user.id, catalog["mug"].variants[0].sku, 2)
        asked = body(await shopper.say(words))
        assert "WELCOME10" in asked and "TOO" not in asked, asked  # "Type your coupon code (for example WELCOME10)"
        assert "SAVE5" in body(await shopper.say("SAVE5"))
        async with bot.services.uows.read() as uow:
            assert (await get_cart(uow, user.id, bot.services.clock())).coupon_code == "SAVE5"
