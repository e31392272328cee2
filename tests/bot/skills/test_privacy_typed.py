"""Erasing one's data by typing (team walk, session 7): "i want you to delete everything" then "yes" deleted
nothing, and "yes delete it" / "是的，删除" under "Delete your data?" were read as emptying the cart.

A typed "yes" / "确认" / "yes delete it" / "是的，删除" under the question erases, "no" / "算了" keeps everything; a
message asking to delete one's data goes straight to that question (which names what is deleted); "delete
everything" with a full cart asks whether the cart or the data is meant. Nothing is ever erased without the
question having been shown first.
"""

from __future__ import annotations

from pathlib import Path

from bot.core.events import UserRef
from bot.core.replies import Reply
from store.cart import get_cart
from store.users import AddressInput, list_addresses, save_address
from tests.helpers.bots import started_bot
from tests.helpers.community import Person, text_of
from tests.helpers.fake_nlu import DEFAULT_RULES, FakeNLU
from tests.helpers.order_builders import fill_cart, make_item

ADA = UserRef(771, first_name="Ada", language_code="en")
LI = UserRef(772, first_name="Li", language_code="zh-hans")
# The real model's readings seen in the walk: the data requests as privacy, "yes delete it" / "是的，删除" as
# removing from the cart, "确认" / "yes" as agreeing, "no" / "算了" as declining.
RULES: tuple[tuple[str, str], ...] = (
    (r"\b(my data|account|privacy|delete everything)\b|数据|隐私", "privacy"),
    (r"^(确认|是的|yes|ok)$", "affirm"),
    (r"^(no|算了)$", "deny"),
    (r"\b(delete|remove)\b|删除", "remove_from_cart"),
    *DEFAULT_RULES,
)
HOME = AddressInput(name="Ada Lovelace", line1="12 Analytical Way", city="Springfield", country="US",
                    postcode="62701")


async def _setup(bot: object, user: UserRef, *, cart: bool = True) -> None:
    services = bot.services  # type: ignore[attr-defined]
    async with services.uows() as uow:
        await save_address(uow, user.id, HOME, services.clock())
    if cart:
        item = await make_item(services.uows, title="Desk lamp")
        await fill_cart(services.uows, user.id, (item, 2))


async def _addresses(bot: object, user: UserRef) -> int:
    services = bot.services  # type: ignore[attr-defined]
    async with services.uows() as uow:
        return len(await list_addresses(uow, user.id))


async def _cart_lines(bot: object, user: UserRef) -> int:
    services = bot.services  # type: ignore[attr-defined]
    async with services.uows() as uow:
        return len((await get_cart(uow, user.id, services.clock())).lines)


def _said(replies: list[Reply]) -> str:
    return text_of(replies)


async def _asked_then(user: UserRef, reply: str, tmp_path: Path, *, ask: str = "/privacy") -> tuple[str, int, int]:
    """The delete question reached (by button under /privacy, or by asking), then ``reply`` typed: what was
    said, and how many addresses and cart lines are left."""
    async with started_bot(tmp_path, nlu=FakeNLU(RULES)) as bot:
        person = Person(bot, user)
        await person.say("hello")
        await _setup(bot, user, cart=False)
        shown = await person.say(ask)
        if ask == "/privacy":
            shown = await person.press("🗑", shown)
        assert "undone" in _said(shown) or "无法撤销" in _said(shown), _said(shown)
        said = _said(await person.say(reply))
        return said, await _addresses(bot, user), await _cart_lines(bot, user)


async def test_a_typed_yes_under_the_delete_question_erases(tmp_path: Path) -> None:
    for n, (user, reply) in enumerate([(ADA, "yes"), (ADA, "yes delete it"), (LI, "确认"), (LI, "是的，删除")]):
        said, addresses, _ = await _asked_then(user, reply, tmp_path / str(n))
        assert addresses == 0, (reply, said)


async def test_a_typed_no_under_the_delete_question_keeps_everything(tmp_path: Path) -> None:
    for n, (user, reply) in enumerate([(ADA, "no"), (ADA, "no, keep it"), (LI, "算了"), (LI, "不要删")]):
        said, addresses, _ = await _asked_then(user, reply, tmp_path / str(n))
        assert addresses == 1, (reply, said)
        assert "nothing was deleted" in said.casefold() or "没有删除" in said, (reply, said)


async def test_asking_to_delete_ones_data_asks_the_question_that_names_it(tmp_path: Path) -> None:
    said, addresses, _ = await _asked_then(ADA, "yes", tmp_path / "en", ask="i want you to delete all my data")
    assert addresses == 0, said
    said, addresses, _ = await _asked_then(LI, "确认", tmp_path / "zh", ask="删除我的所有数据")
    assert addresses == 0, said


async def test_the_question_names_what_is_deleted(tmp_path: Path) -> None:
    async with started_bot(tmp_path, nlu=FakeNLU(RULES)) as bot:
        ada = Person(bot, ADA)
        shown = _said(await ada.say("delete my account"))
        assert "addresses" in shown and "cart" in shown and "orders" in shown.casefold(), shown


async def test_a_yes_that_adds_something_else_does_not_erase(tmp_path: Path) -> None:
    for n, reply in enumerate(["yes but export it first", "yes delete the lamp from my cart"]):
        said, addresses, _ = await _asked_then(ADA, reply, tmp_path / str(n))
        assert addresses == 1, (reply, said)


async def test_delete_everything_with_a_full_cart_asks_which(tmp_path: Path) -> None:
    async with started_bot(tmp_path, nlu=FakeNLU(RULES)) as bot:
        ada = Person(bot, ADA)
        await ada.say("hello")
        await _setup(bot, ADA)
        asked = await ada.say("i want you to delete everything")
        assert "cart" in _said(asked) and "data" in _said(asked), _said(asked)
        await ada.say("yes")  # not an answer to "which?": nothing is deleted
        assert await _addresses(bot, ADA) == 1 and await _cart_lines(bot, ADA) == 1
        await ada.press("Empty my cart", asked)
        assert await _addresses(bot, ADA) == 1 and await _cart_lines(bot, ADA) == 0


async def test_delete_everything_with_an_empty_cart_asks_about_the_data(tmp_path: Path) -> None:
    said, addresses, _ = await _asked_then(ADA, "yes", tmp_path, ask="i want you to delete everything")
    assert addresses == 0, said


def test_what_confirms_an_erasure() -> None:
    from bot.core.skills.community.privacy_words import confirms_erasure, refuses_erasure

    for yes in ("yes", "Yes, delete it", "yes delete my data", "确认", "是的，删除", "确定删除", "ok do it",
                "yeah go for it", "删吧"):
        assert confirms_erasure(yes) and not refuses_erasure(yes), yes
    for no in ("no", "nope", "no, keep it", "don't delete", "算了", "不要删", "取消", "先不删了"):
        assert refuses_erasure(no) and not confirms_erasure(no), no
    for other in ("yes but export it first", "show my cart", "what gets deleted?", "red mug"):
        assert not confirms_erasure(other), other
