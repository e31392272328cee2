"""An add whose product has one option left in stock asked "Which option of … would you like?" over a single
button (the Soundcore speaker: Black in stock, Blue sold out), as if there were a choice. It now says that only
that option is in stock and asks whether to add it, in the shopper's language."""

from __future__ import annotations

from pathlib import Path

from store.catalog.service import set_stock
from tests.bot.skills.test_shopping_wording import ANN, LI, body, cart_of, labels
from tests.helpers.shopping import Shopper, shop_bot


async def test_one_option_left_is_said_not_asked(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        services = bot.services
        assert services is not None
        async with services.uows() as uow:
            await set_stock(uow, "P04-GRE", 0)
        ann, li = Shopper(bot, ANN), Shopper(bot, LI)
        await ann.say("stainless steel water bottle")
        said = await ann.say("add it")
        text = body(said)
        assert "Which option" not in text and "Only Black" in text and "in stock" in text, text
        assert labels(said) and all("Black" in x for x in labels(said)), labels(said)
        await ann.press("Black")
        assert await cart_of(bot, ANN.id) == {"P04-BLA": 1}

        await li.say("不锈钢保温水瓶")
        said_zh = body(await li.say("加入购物车"))
        assert "只有" in said_zh and "黑色" in said_zh and "有货" in said_zh, said_zh
