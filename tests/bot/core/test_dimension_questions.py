"""Dimension questions about "it" are product questions (team walk, session 10): "how long is it" under a list of
backpacks, read as out_of_scope, got "I'm a shop assistant, so I can't help with that one", while "how big is the
first one" was answered from the listing. "how long / wide / tall / deep is it" and "the dimensions" now ask about
the product's size: which one, with several shown; the listing's figures, with one open. The phrasings are this
file's own."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from bot.core.callbacks import CallbackCodec
from bot.core.events import UserRef
from bot.core.replies import Text
from bot.core.skills.community.listing_answers import listing_reply
from bot.core.skills.shopping.aspects import aspect_asked
from bot.i18n import translator
from nlu.result import ParsedEntity
from tests.bot.skills.test_shopping_wording import body
from tests.bot.skills.test_walk_followups import WalkNLU
from tests.helpers.catalog_builders import make_product
from tests.helpers.kb_builders import start_qa
from tests.helpers.shopping import Shopper, shop_bot


def _name(text: str) -> str | None:
    aspect = aspect_asked(text)
    return aspect.name if aspect is not None else None


def test_dimension_words_ask_about_size() -> None:
    for said in ("how long is it", "what are the dimensions", "尺寸是多少", "长宽高多少"):
        assert _name(said) == "dimensions", said
    # One named measurement is that one (a yoga mat's thickness answered "这个多高").
    for said, name in (("How tall is the second one?", "height"), ("这个多高", "height"), ("高度是多少", "height"),
                       ("how wide are they", "width"), ("有多宽", "width"), ("how thick is it", "thickness"),
                       ("这个多厚", "thickness")):
        assert _name(said) == name, said
    assert _name("how heavy is it") == "weight"
    assert _name("how big is it") == "capacity"
    for said in ("how long is shipping", "how long is the warranty", "how long is delivery to texas",
                 "充电要多长时间"):
        assert _name(said) != "dimensions", said


async def test_how_long_is_it_under_a_list_asks_which_one(tmp_path: Path) -> None:
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        bot.services.qa = await start_qa(bot.services.uows)
        it = lambda text, ctx: (ParsedEntity("reference", "it", 12, 14, resolved=False),)  # noqa: E731
        bot.services.nlu = WalkNLU({"how long is it": ("out_of_scope", False, it)})
        jo = Shopper(bot, UserRef(1031, "Jo", language_code="en"))
        shown = body(await jo.say("mug"))
        assert "Blue Enamel Camping Mug" in shown and "Red Ceramic" in shown, shown
        said = body(await jo.say("how long is it"))
        assert "which one" in said.lower() and "shop assistant" not in said, said


async def test_how_wide_are_they_under_a_list_is_not_a_search(tmp_path: Path) -> None:
    """"how wide are they" under yoga mats (details, no entity for "they") searched "wide they": "I couldn't find
    “wide they” in the shop"."""
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        bot.services.qa = await start_qa(bot.services.uows)
        bot.services.nlu = WalkNLU({"how wide are they": ("show_product_details", False, lambda text, ctx: ())})
        jo = Shopper(bot, UserRef(1032, "Jo", language_code="en"))
        shown = body(await jo.say("mug"))
        assert "Blue Enamel Camping Mug" in shown and "Red Ceramic" in shown, shown
        said = body(await jo.say("how wide are they"))
        assert "couldn't find" not in said and "which one" in said.lower(), said


async def test_a_height_question_is_answered_by_a_height_not_the_thickness(tmp_path: Path) -> None:
    """"这个多高" about a yoga mat answered "尺寸：8 mm" (its thickness, the first measurement it had): a height
    question takes a height, and says so honestly when the listing gives none."""
    async def more(uows: object) -> None:
        await make_product(uows, "MAT", title="Natural Rubber Yoga Mat, 8 mm", category="Sports > Yoga",  # type: ignore[arg-type]
                           attributes={"thickness_mm": 8})
        await make_product(uows, "LAMP2", title="Arc Floor Lamp", category="Home > Lighting",  # type: ignore[arg-type]
                           attributes={"height_cm": 165, "thickness_mm": 20})

    async with shop_bot(tmp_path, search=False, more=more) as bot:
        assert bot.services is not None
        zh, codec, none = translator("zh"), CallbackCodec(b"k" * 32), SimpleNamespace(answered=False, confidence=0.0)
        mat = await listing_reply(bot.services, "这个多高", "MAT", none, zh, codec, 7)
        said = "\n".join(r.text for r in mat or [] if isinstance(r, Text))
        assert "没有提到高度" in said and "尺寸：" not in said, said  # not "尺寸：8 mm", the thickness
        lamp = await listing_reply(bot.services, "这个多高", "LAMP2", none, zh, codec, 7)
        said = "\n".join(r.text for r in lamp or [] if isinstance(r, Text))
        assert "165" in said and "20" not in said, said
        thick = await listing_reply(bot.services, "这个多厚", "LAMP2", none, zh, codec, 7)
        said = "\n".join(r.text for r in thick or [] if isinstance(r, Text))
        assert "20" in said and "165" not in said, said


async def test_how_heavy_in_chinese_about_a_numbered_result_is_a_question(tmp_path: Path) -> None:
    """"第二个多重" under speakers (details, unsure) got "抱歉，我不太确定您的意思": 多 + an adjective (多重, 多高,
    多大) asks how heavy, tall, big, as 多少 asks how much."""
    async with shop_bot(tmp_path) as bot:
        assert bot.services is not None
        bot.services.qa = await start_qa(bot.services.uows)

        def second(text: str, ctx: object) -> tuple[ParsedEntity, ...]:
            shown = getattr(ctx, "last_results", ())
            return (ParsedEntity("reference", shown[1], 0, 3, resolved=True),)

        bot.services.nlu = WalkNLU({"第二个多重": ("show_product_details", True, second)})
        li = Shopper(bot, UserRef(1033, "李", language_code="zh-hans"))
        await li.say("mug")
        said = body(await li.say("第二个多重"))
        assert "不太确定" not in said and "没听明白" not in said and "重量" in said, said
