"""'ill take' typed for "I'll take": an add of the product named, not a removal from an empty cart."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.core.typed_contractions import restore_contractions
from nlu.result import ParsedEntity
from tests.bot.skills.test_shopping_wording import ANN, body
from tests.bot.skills.test_walk_followups import WalkNLU
from tests.helpers.search_catalog import FixtureProduct, seed_fixture
from tests.helpers.shopping import Shopper, shop_bot

COOKER = FixtureProduct("P31", "Smart Rice Cooker, 10 Cups", "智能电饭煲", "Home > Kitchen", "Midea", 8999,
                        ("White",))


def test_ill_before_a_verb_of_taking_is_i_will() -> None:
    assert restore_contractions("ok ill take the midea") == "ok i'll take the midea"
    assert restore_contractions("Ill have 2 of those") == "I'll have 2 of those"
    assert restore_contractions("ill just get the sony one") == "i'll just get the sony one"
    assert restore_contractions("ill go with the first") == "i'll go with the first"
    for kept in ("my dog is ill", "feeling ill, take me home", "pillow", "drill take", "i'll take it"):
        assert restore_contractions(kept) == kept


def _none(text: str, ctx: Any) -> tuple[ParsedEntity, ...]:
    return ()


async def test_ok_ill_take_the_brand_adds_it(tmp_path: Path) -> None:
    async def more(uows: Any) -> None:
        await seed_fixture(uows, (COOKER,))

    async with shop_bot(tmp_path, more=more) as bot:
        assert bot.services is not None
        # the real model's readings: "ill take" a removal, "i'll take" an add
        bot.services.nlu = WalkNLU({"ok ill take the midea": ("remove_from_cart", False, _none),
                                    "ok i'll take the midea": ("add_to_cart", False, _none)})
        ann = Shopper(bot, ANN)
        await ann.say("/start p_P31")
        said = body(await ann.say("ok ill take the midea"))
        # "🛒 Your cart is empty."
        assert "Added 1 × " in said and "Rice Cooker" in said, said
