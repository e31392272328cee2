""""可以寄到台湾吗" is a question about the shop, whatever product is open: the FAQ's destination list leaves Taiwan
out, so the bot says the shop does not ship there, with the list (it said "可以" with the mainland's list, and with a
product open it said "I don't know that about <the product>")."""

from __future__ import annotations

from pathlib import Path

from bot.core.events import UserRef
from tests.bot.skills.test_shopping_wording import LI, body
from tests.bot.skills.test_walk_followups import WalkNLU
from tests.helpers.kb_builders import add_pair, start_qa
from tests.helpers.shopping import Shopper, shop_bot

LIST_ZH = "可以。我们发往美国50个州、加拿大、英国、所有欧盟国家、中国大陆、香港、新加坡、日本和澳大利亚。"


async def test_a_place_the_faq_leaves_out_is_not_answered_for_the_product_open(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        await add_pair(bot.services.uows, "可以寄到中国吗？支持哪些国家？", LIST_ZH, tags=("shipping",))
        bot.services.qa = await start_qa(bot.services.uows)
        asked = lambda text, ctx: ()  # noqa: E731
        bot.services.nlu = WalkNLU({"可以寄到台湾吗": ("ask_question", False, asked),
                                    "可以寄到中国吗": ("ask_question", False, asked)})
        wu = Shopper(bot, UserRef(LI.id + 90, "Wu", language_code="zh"))
        await wu.say("/start p_P21")  # the tent open
        said = body(await wu.say("可以寄到台湾吗"))
        assert "不发货到台湾" in said and "可以" not in said and "双人露营帐篷" not in said, said
        said = body(await wu.say("可以寄到中国吗"))
        assert "我们发往" in said, said
