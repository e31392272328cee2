"""Questions about the shop and shopper problems (walk 7): a shop question with a product open is not about that
product, a payment problem is for a person, a size chart request is not a search, "can we switch to chinese"
switches, and a comparison asked at the shipping step compares the options offered.

The phrasings are this file's own variants; the last test runs the real model, encoder and demo FAQ.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.events import UserRef
from bot.core.followups import asks_languages, language_asked
from knowledge.qa.importer import load_demo_faq
from nlu.pipeline import BuiltinNLU
from store.demo.loader import load_demo
from tests.helpers.bots import started_bot
from tests.helpers.community import text_of
from tests.helpers.kb_builders import start_qa
from tests.helpers.real_nlu import build_real_nlu, real_use_encoder
from tests.helpers.shopping import Shopper

ANN = UserRef(571, "Ann", language_code="en")
LI = UserRef(572, "李", language_code="zh-hans")


@pytest.mark.parametrize(("text", "lang"), [
    ("can we switch to chinese", "zh"), ("could we change it to chinese please", "zh"),
    ("can we speak chinese", "zh"), ("let's talk in chinese", "zh"), ("lets switch to english", "en"),
    ("can you talk in chinese", "zh"), ("we can talk in english", None), ("can we talk about the mug", None),
])
def test_switching_said_with_we_or_lets(text: str, lang: str | None) -> None:
    assert language_asked(text) == lang


@pytest.mark.parametrize("text", ["could we switch languages", "can you change the language?", "可以换个语言吗",
                                  "能换语言吗"])
def test_a_language_change_naming_none_offers_both(text: str) -> None:
    assert asks_languages(text) and language_asked(text) is None


@pytest.mark.parametrize("text", [
    "I was charged twice", "you charged my card two times for one order", "i paid but the order still says unpaid",
    "money was taken from my account but no order", "my refund hasn't arrived yet", "still haven't got my refund",
    "我的银行卡扣了两次钱", "付款了但订单显示未支付", "退款还没到账", "支付失败但钱扣了", "重复扣款了",
    "钱扣了订单没生成", "还没收到退款",
])
def test_payment_problems(text: str) -> None:
    from bot.core.skills.community.payment_problems import is_payment_problem

    assert is_payment_problem(text)


@pytest.mark.parametrize("text", [
    "付款失败了会扣钱吗", "if my payment fails will i be charged?", "how do i pay", "i want to pay my unpaid order",
    "when will i get my refund?", "退款多久到账", "can i pay twice for two orders?", "怎么付款",
])
def test_questions_and_requests_about_paying_are_not(text: str) -> None:
    from bot.core.skills.community.payment_problems import is_payment_problem

    assert not is_payment_problem(text)


@pytest.mark.parametrize("text", ["do you do gift wrap?", "do you price match?", "你们保价吗", "有实体店吗",
                                  "how do i make a warranty claim?", "尺码表发我看看", "别家更便宜你们能便宜吗",
                                  "信用卡分6期有手续费吗", "能分三期吗", "花呗能用吗", "can i pay in installments?",
                                  "could i pay over 6 months", "第二个能便宜点不", "可以讲价吗？",
                                  "can you give me a better price?"])
def test_shop_services(text: str) -> None:
    from bot.core.skills.community.shop_topics import asks_about_shop

    assert asks_about_shop(text)


@pytest.mark.parametrize("text", ["is it waterproof?", "does this have a warranty?", "是正品吗", "有白色吗",
                                  "保质期多久", "过期了吗", "有没有便宜点的耳机"])
def test_product_questions_are_not(text: str) -> None:
    from bot.core.skills.community.shop_topics import asks_about_shop

    assert not asks_about_shop(text)


@pytest.fixture(scope="module")
def real_nlu(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> BuiltinNLU:
    return build_real_nlu(request.config, tmp_path_factory)


async def test_real_model_shop_questions_and_payment_problems(tmp_path: Path, real_nlu: BuiltinNLU) -> None:
    async with started_bot(tmp_path, nlu=real_nlu) as bot:
        assert bot.services is not None
        await load_demo(bot.services.uows, now=bot.services.clock())
        await load_demo_faq(bot.services.uows)
        bot.services.qa = await start_qa(bot.services.uows, encoder=real_use_encoder())
        ann, li = Shopper(bot, ANN), Shopper(bot, LI)

        await ann.say("show me headphones")
        await ann.say("the first one")  # a product open: the shop's questions are still the shop's
        for text in ("do you do gift wrap?", "do you price match?", "how do i make a warranty claim?"):
            said = text_of(await ann.say(text))
            assert "I don't know that about" not in said and "Which flash sale" not in said, (text, said)
            assert "From our FAQ" in said or "Ask staff" in said, (text, said)
        charged = await ann.say("I was charged twice")
        assert "ticket T" in text_of(charged) and "How paying works" not in text_of(charged), text_of(charged)

        await li.say("耳机")
        await li.say("第一个")
        for text in ("有礼品包装吗", "你们保价吗", "有实体店吗"):
            said = text_of(await li.say(text))
            assert "我暂时还不知道答案" not in said and "来自常见问题" in said, (text, said)
        # paying in instalments, the number of months said (read as points expiry, or "I didn't catch that")
        for text in ("可以分12期吗", "信用卡分6期有手续费吗"):
            said = text_of(await li.say(text))
            assert "12期" in said and "积分" not in said and "没听明白" not in said, (text, said)
        for text in ("我的银行卡扣了两次钱", "退款还没到账"):
            said = text_of(await li.say(text))
            assert "工单" in said and "付款方式" not in said and "没有可退" not in said, (text, said)
        size = text_of(await li.say("尺码表发我看看"))
        assert "店里没有找到" not in size and "尺码" in size, size
        switched = text_of(await Shopper(bot, UserRef(573, "Bo", language_code="en")).say("can we switch to chinese"))
        assert "中文" in switched and "didn't" not in switched, switched
