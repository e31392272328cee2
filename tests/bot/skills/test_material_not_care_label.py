""""what is the first one made of" under cotton throws quoted "Machine wash cold on a wool/delicate cycle and lay
flat to dry." after the material: the care label names wool (the cycle) and fabric (softener), the material
aspect's words. A sentence about washing, drying or ironing is how to care for it, not what it is made of."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from bot.core.events import UserRef
from store.catalog import upsert_product
from tests.bot.skills.test_ordinal_material_question import _first
from tests.bot.skills.test_shopping_wording import body
from tests.bot.skills.test_walk_followups import WalkNLU
from tests.helpers.kb_builders import start_qa
from tests.helpers.search_catalog import FixtureProduct, product_input
from tests.helpers.shopping import Shopper, shop_bot

_THROW = FixtureProduct("P47", "Waffle Cotton Throw Blanket", "华夫格棉质盖毯", "Home > Bedding > Throws", "Nook",
                        5999, ("Cream",), description="A soft waffle cotton throw for the sofa. Machine wash cold on "
                        "a wool/delicate cycle and lay flat to dry. Tumble dry low, no fabric softener.")


async def _throw(uows: Any) -> None:
    async with uows() as uow:
        await upsert_product(uow, replace(product_input(_THROW), attributes={"material": "Waffle Cotton"}))


async def test_a_material_answer_quotes_no_care_label(tmp_path: Path) -> None:
    async with shop_bot(tmp_path, more=_throw) as bot:
        assert bot.services is not None
        bot.services.qa = await start_qa(bot.services.uows)
        bot.services.nlu = WalkNLU({"what is the first one made of": ("ask_question", False, _first)})
        jo = Shopper(bot, UserRef(995, "Jo", language_code="en"))
        await jo.say("waffle throw blanket")
        said = body(await jo.say("what is the first one made of"))
        assert "Waffle Cotton" in said and "wash" not in said and "softener" not in said, said
