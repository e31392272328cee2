""""show me the stanley tumbler" as the first message: a request to see a product is a search for it.

The NLU read the request frame around catalogue words it had not seen as out of scope (0.58), and the bare product
step (bare_product.py) needs the whole message to be the product's name, every word in the top hit's title, so
the shopper got "Sorry, I didn't catch that". "show me", "i want", "i'm looking for" say what is wanted: the rest
is searched when its words are the catalogue's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nlu.result import ParsedEntity
from tests.bot.skills.test_shopping_wording import ANN, body
from tests.bot.skills.test_walk_followups import WalkNLU
from tests.helpers.shopping import Shopper, shop_bot


def _none(text: str, ctx: Any) -> tuple[ParsedEntity, ...]:
    return ()


async def test_show_me_a_named_product_first_searches_it(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        bot.services.nlu = WalkNLU({"show me the trailco camping mug": ("out_of_scope", False, _none),
                                    "i want a trailco camping mug": ("leave_review", True, _none),
                                    "show me my weather report": ("out_of_scope", False, _none)})
        said = body(await Shopper(bot, ANN).say("show me the trailco camping mug"))
        assert "Blue Enamel Camping Mug" in said, said
        said = body(await Shopper(bot, ANN).say("i want a trailco camping mug"))
        assert "Blue Enamel Camping Mug" in said, said
        said = body(await Shopper(bot, ANN).say("show me my weather report"))
        assert "Camping Mug" not in said, said
