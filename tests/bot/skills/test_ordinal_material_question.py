""""whats the first one made of" under a list of mugs showed the first mug's whole card: the NLU read it as
details with "the first one" resolved, and a details reading with an ordinal reference was taken as "show me that
one" (reference_words.asks_about_open). A question about an aspect of the one picked by its place (material, size,
weight...) is a question about it: its answer, not its card."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from bot.core.events import UserRef
from nlu.result import ParsedEntity
from store.catalog import upsert_product
from tests.bot.skills.test_shopping_wording import body
from tests.bot.skills.test_walk_followups import WalkNLU
from tests.helpers.kb_builders import start_qa
from tests.helpers.search_catalog import FIXTURE, product_input
from tests.helpers.shopping import Shopper, shop_bot


def _first(text: str, ctx: Any) -> tuple[ParsedEntity, ...]:
    start = text.index("the first one")
    return (ParsedEntity("reference", ctx.last_results[0], start, start + 13, ordinal=1),)


async def _materials(uows: Any) -> None:
    for p in FIXTURE:
        if p.external_id in ("P01", "P02"):
            async with uows() as uow:
                await upsert_product(uow, replace(product_input(p), attributes={
                    "material": "Stoneware" if p.external_id == "P01" else "Enamelled steel"}))


async def test_an_aspect_of_the_first_one_is_answered_not_its_card(tmp_path: Path) -> None:
    async with shop_bot(tmp_path, more=_materials) as bot:
        assert bot.services is not None
        bot.services.qa = await start_qa(bot.services.uows)
        bot.services.nlu = WalkNLU({"whats the first one made of": ("show_product_details", False, _first),
                                    "show me the first one": ("show_product_details", False, _first)})
        jo = Shopper(bot, UserRef(993, "Jo", language_code="en"))
        shown = body(await jo.say("mug"))
        first = "Enamelled steel" if shown.index("Blue Enamel") < shown.index("Red Ceramic") else "Stoneware"
        said = body(await jo.say("whats the first one made of"))
        assert first in said and "Details" not in said and "★" not in said, said
