"""A product the catalogue holds only a number of is not named: "how much is the huawei mate 60" (the shop sells no
Huawei) showed the card of a beard trimmer with a "60-Minute Runtime", the one catalogue hit holding any of the
question's words. The phrasings are this file's own; the reading is the real model's (unsure, question first)."""

from __future__ import annotations

from pathlib import Path

from bot.core.events import UserRef
from tests.bot.skills.test_shopping_wording import body
from tests.bot.skills.test_walk_followups import WalkNLU
from tests.helpers.kb_builders import start_qa
from tests.helpers.shopping import Shopper, shop_bot

ASKED = ("how much is the huawei mate 30", "how much is the pixel 12 pro")


async def test_a_number_alone_names_no_product_in_the_catalogue(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        none = lambda text, ctx: ()  # noqa: E731
        bot.services.nlu = WalkNLU({text: ("ask_question", True, none) for text in ASKED})
        for n, text in enumerate(ASKED):
            jo = Shopper(bot, UserRef(960 + n, "Jo", language_code="en"))
            await jo.say("desk lamp")
            said = body(await jo.say(text))
            # not their card as if it were the phone (the search's "We don't carry …" may list them as closest)
            assert "don't" in said or ("SPF 30" not in said and "Pack of 12" not in said), (text, said)
            assert "Daily moisturising cream" not in said, (text, said)


async def test_a_product_named_by_its_words_still_is(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        none = lambda text, ctx: ()  # noqa: E731
        bot.services.nlu = WalkNLU({"how big is the camping tent": ("ask_question", True, none)})
        bot.services.qa = await start_qa(bot.services.uows)
        jo = Shopper(bot, UserRef(970, "Jo", language_code="en"))
        await jo.say("desk lamp")
        assert "Camping Tent" in body(await jo.say("how big is the camping tent"))
