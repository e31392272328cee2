""""wh1000xm5" typed alone: the NLU is unsure of a bare model number, and the bare product phrase step
(bare_product.py) searched it but wanted every word in the first result's title, which says "WH-1000XM5": the
shopper got "not sure what you mean". A phrase whose letters and digits run on in the title names that product."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.core.events import UserRef
from tests.bot.skills.test_shopping_wording import ANN, body
from tests.bot.skills.test_walk_followups import WalkNLU
from tests.helpers.shopping import Shopper, shop_bot


async def test_a_model_number_typed_without_its_hyphen_finds_the_product(tmp_path: Path) -> None:
    from tests.helpers.search_catalog import FixtureProduct, seed_fixture

    sony = FixtureProduct("P31", "Sony WH-1000XM5 Over-Ear Headphones", "Sony WH-1000XM5 头戴式降噪耳机",
                          "Electronics > Audio > Headphones", "Sony", 39999, ("Black",))

    async def more(uows: Any) -> None:
        await seed_fixture(uows, (sony,))

    none = lambda text, ctx: ()  # noqa: E731
    async with shop_bot(tmp_path, more=more) as bot:
        assert bot.services is not None
        bot.services.nlu = WalkNLU({"wh1000xm5": ("apply_coupon", True, none),
                                    "wh 1000xm5": ("out_of_scope", False, none)})
        for user, text in enumerate(("wh1000xm5", "wh 1000xm5")):
            said = body(await Shopper(bot, UserRef(ANN.id + 40 + user, "Ann")).say(text))
            assert "WH-1000XM5" in said and "not sure" not in said, (text, said)
