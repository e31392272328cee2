"""Size words read as sizes (walk9): "sizes available?" answered "doesn't come in S" (the "s" of "sizes" read as
size S), "add size 8" and "actually size 7.5" searched for "size", "make it size 7" on a line in "US 8" matched
nothing, and "还是换成7码吧" read the 7 as a quantity ("您要几件？")."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from nlu.entities.attributes import size_cue_spans
from nlu.result import ParsedEntity, ParseResult
from tests.bot.skills.test_shopping_wording import ANN, body
from tests.helpers.search_catalog import FixtureProduct, seed_fixture
from tests.helpers.shopping import Shopper, ShoppingNLU, shop_bot

_US_SHOES = FixtureProduct("P40", "Pacer Women's Road Running Shoes", "Pacer 女款路跑鞋", "Shoes > Running", "Pacer",
                           11999, ("Grey",), ("US 7", "US 8", "US 9"))


class _SizedNLU(ShoppingNLU):
    """The fake NLU plus the real size cues ("size 8", "7码"), as the model's extractor finds them."""

    async def parse(self, text: str, context: Any = None, vector: Any = None) -> ParseResult:
        result = await super().parse(text, context, vector)
        sizes = tuple(ParsedEntity("size", s.value, s.start, s.end) for s in size_cue_spans(text, str))
        kept = tuple(e for e in result.entities
                     if not (e.entity == "quantity" and any(s.start <= e.start < s.end for s in sizes)))
        return replace(result, entities=kept + sizes)


def test_size_cues_read_sizes_not_plurals_or_dates() -> None:
    said = ("sizes available?", "what sizes?", "还是换成7码吧", "37.5码", "size 8", "7号到货吗", "size M")
    values = {text: [s.value for s in size_cue_spans(text, str)] for text in said}
    assert values == {"sizes available?": [], "what sizes?": [], "还是换成7码吧": ["7"], "37.5码": ["37.5"],
                      "size 8": ["8"], "7号到货吗": [], "size M": ["M"]}


async def _us_shoes(uows: Any) -> None:
    await seed_fixture(uows, (_US_SHOES,))


async def test_sizes_are_listed_added_and_changed_by_their_words(tmp_path: Path) -> None:
    async with shop_bot(tmp_path, more=_us_shoes) as bot:
        bot.services.nlu = _SizedNLU()  # type: ignore[attr-defined]
        ann = Shopper(bot, ANN)
        await ann.say("/start p_P40")
        listed = body(await ann.say("sizes available?"))
        assert "doesn't come in" not in listed and "US 7" in listed and "US 9" in listed, listed
        added = body(await ann.say("add size 8"))
        assert "couldn't find" not in added and "Added 1" in added and "US 8" in added, added
        changed = body(await ann.say("make it size 7"))
        assert "changed to Grey / US 7" in changed, changed
        zh = body(await ann.say("还是改成9码吧"))
        assert "US 9" in zh and "几件" not in zh and "How many" not in zh, zh
        missing = body(await ann.say("wait no i meant size 7.5"))
        assert "couldn't find" not in missing and "doesn't come in" in missing, missing


async def test_after_a_size_it_lacks_the_next_size_said_is_read_alone(tmp_path: Path) -> None:
    async with shop_bot(tmp_path, more=_us_shoes) as bot:
        bot.services.nlu = _SizedNLU()  # type: ignore[attr-defined]
        ann = Shopper(bot, ANN)
        await ann.say("/start p_P40")
        assert "doesn't come in 7.5" in body(await ann.say("actually size 7.5"))
        added = body(await ann.say("size 7"))
        assert "7.5" not in added and "US 7" in added, added


async def test_a_size_correction_right_after_an_add_changes_that_line(tmp_path: Path) -> None:
    async with shop_bot(tmp_path, more=_us_shoes) as bot:
        bot.services.nlu = _SizedNLU()  # type: ignore[attr-defined]
        ann = Shopper(bot, ANN)
        await ann.say("/start p_P40")
        assert "Added 1" in body(await ann.say("add size 8"))
        changed = body(await ann.say("actually size 9"))
        assert "changed to Grey / US 9" in changed and "Which would you like" not in changed, changed
        missing = body(await ann.say("wait no i meant size 7.5"))
        assert "doesn't come in" in missing and "Added" not in missing, missing
        from store.cart import get_cart

        services = bot.services  # type: ignore[attr-defined]
        async with services.uows.read() as uow:
            lines = (await get_cart(uow, ANN.id, services.clock())).lines
        assert len(lines) == 1 and "US 9" in (lines[0].attributes or {}).values(), lines  # one pair, swapped
