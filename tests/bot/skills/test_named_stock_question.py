"""A stock question naming its product is answered from that product's stock: "is the stanley tumbler in stock"
(nothing on screen) got "I don't know that about Stanley Insulated Travel Mug yet" with the offer to ask staff,
though its card says it is in stock. The phrasings are this file's own; the reading is the real model's (a
question)."""

from __future__ import annotations

from pathlib import Path

from bot.core.events import UserRef
from tests.bot.skills.test_shopping_wording import body
from tests.helpers.fake_nlu import FakeNLU
from tests.helpers.kb_builders import start_qa
from tests.helpers.shopping import SHOPPING_RULES, Shopper, shop_bot


async def test_a_stock_question_naming_a_product_gets_its_stock(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        bot.services.qa = await start_qa(bot.services.uows)
        bot.services.nlu = FakeNLU(rules=((r"^(?:is|are|does)\b", "ask_question"), *SHOPPING_RULES))
        said = body(await Shopper(bot, UserRef(1001, "Jo", language_code="en")).say(
            "is the camping tent in stock right now"))
        assert "Camping Tent" in said and "don't know" not in said, said
        assert "in stock" in said.lower(), said


async def test_a_brand_named_is_not_the_product_open(tmp_path: Path) -> None:
    """"is the bodum french press available" right after the Stanley mug's stock answered for the mug again."""
    from nlu.result import ParsedEntity

    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        bot.services.qa = await start_qa(bot.services.uows)
        bot.services.nlu = FakeNLU(rules=((r"^(?:is|are|does)\b", "ask_question"), *SHOPPING_RULES))
        jo = Shopper(bot, UserRef(1002, "Jo", language_code="en"))
        await jo.say("is the camping tent in stock right now")
        state = await bot.services.states.load(1002, 1002)
        assert state.focus_sku == "P21", state

        async def with_brand(text: str, context: object = None, vector: object = None) -> object:
            parsed = await FakeNLU.parse(bot.services.nlu, text, context, vector)  # type: ignore[arg-type]
            start = text.index("voltix")
            return parsed.__class__(**{**{f: getattr(parsed, f) for f in parsed.__dataclass_fields__},
                                       "entities": (ParsedEntity("brand", "Voltix", start, start + 6),)})

        bot.services.nlu.parse = with_brand  # type: ignore[method-assign]
        said = body(await jo.say("is the voltix charger in stock"))
        assert "Camping Tent" not in said, said
