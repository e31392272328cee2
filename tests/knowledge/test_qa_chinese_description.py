"""A Chinese question about a product whose description is in English only is answered from that description
(its words are matched by meaning: 洗碗机 ~ dishwasher), and not from an unrelated sentence."""

from __future__ import annotations

import pytest

from knowledge.encoders.base import Encoder
from knowledge.qa import DEFAULT_CONFIG
from store.models.knowledge_base import AnswerSource
from store.uow import UnitOfWorkFactory
from tests.helpers.kb_builders import add_pair, seed_product, start_qa

pytestmark = pytest.mark.model


async def test_chinese_question_english_description(uow_factory: UnitOfWorkFactory, use_encoder: Encoder) -> None:
    mug = await seed_product(uow_factory, title="Bodum Glossy Ceramic Coffee Mug, 350 ml",
                             description="Thick-walled ceramic keeps coffee hot for longer; each mug holds 350 ml. "
                                         "Dishwasher and microwave safe; avoid sudden temperature shocks.")
    await add_pair(uow_factory, "运费多少？", "标准快递5.99美元，满50美元包邮。")
    await add_pair(uow_factory, "How much is shipping?", "$5.99, free over $50.")
    qa = await start_qa(uow_factory, encoder=use_encoder, config=DEFAULT_CONFIG)
    answer = await qa.ask("这个杯子能用洗碗机洗吗", product_external_id=mug.sku)
    assert answer.source is AnswerSource.PRODUCT_DESCRIPTION
    assert answer.answer == "Dishwasher and microwave safe;"
    lid = await qa.ask("有盖子吗", product_external_id=mug.sku)  # "is there a lid": nothing says
    assert lid.answer is None
