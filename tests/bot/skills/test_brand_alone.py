""""耐克的吗" (Nike's?), "Stride的呢": a brand with only asking words around it is a search for that brand's products.

The NLU read "耐克的吗" as a promotions question it was unsure of, and the bare product phrase step (bare_product.py)
needs every word of the phrase in the first result's title -- a brand named in Chinese (耐克) is not in "Nike ..." --
so the shopper got "did you mean one of these?"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nlu.result import ParsedEntity
from tests.bot.skills.test_shopping_wording import LI, body
from tests.bot.skills.test_walk_followups import WalkNLU
from tests.helpers.shopping import Shopper, shop_bot


def _brand(value: str, word: str) -> Any:
    return lambda text, ctx: (ParsedEntity("brand", value, text.index(word), text.index(word) + len(word)),)


async def test_a_brand_with_asking_words_lists_the_brand(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        bot.services.nlu = WalkNLU({"Stride的吗": ("list_promotions", True, _brand("stride", "Stride")),
                                    "stride的呢？": ("out_of_scope", False, _brand("stride", "stride"))})
        said = body(await Shopper(bot, LI).say("Stride的吗"))
        assert "跑步鞋" in said and "哪一项" not in said, said
        said = body(await Shopper(bot, LI).say("stride的呢？"))
        assert "跑步鞋" in said, said
