"""Builders for knowledge-base tests: a tiny catalog to scope questions to, and FAQ pairs in two languages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from store.knowledge_base import add_question_with_answer
from store.knowledge_base_records import AddedPair, NewPair, ProductScope
from store.models.catalog import Product, Variant
from store.models.knowledge_base import AnswerSource
from store.uow import UnitOfWorkFactory

if TYPE_CHECKING:
    from knowledge.encoders.base import Encoder
    from knowledge.qa import QAConfig, QAService

__all__ = ["SeededProduct", "seed_product", "add_pair", "start_qa"]


@dataclass(frozen=True)
class SeededProduct:
    product_id: int
    variant_id: int
    external_id: str
    sku: str

    @property
    def scope(self) -> ProductScope:
        return ProductScope(product_id=self.product_id, variant_id=self.variant_id, external_id=self.external_id)


async def seed_product(uow_factory: UnitOfWorkFactory, external_id: str = "P0001", sku: str = "P0001-BLK",
                       title: str = "Aurora Ceramic Mug",
                       description: str = "A 350 ml stoneware mug. It is dishwasher safe. "
                                          "The glaze is lead-free.") -> SeededProduct:
    async with uow_factory() as uow:
        product = Product(external_id=external_id, title=title, description=description, attributes={})
        variant = Variant(sku=sku, price_minor=1299, currency="USD", stock=5, attributes={})
        product.variants.append(variant)
        uow.session.add(product)
        await uow.session.flush()
        seeded = SeededProduct(product.id, variant.id, external_id, sku)
        await uow.commit()
    return seeded


async def add_pair(uow_factory: UnitOfWorkFactory, question: str, answer: str, *,
                   source: AnswerSource = AnswerSource.FAQ, scope: ProductScope | None = None,
                   merge_into: int | None = None, tags: tuple[str, ...] = ()) -> AddedPair:
    async with uow_factory() as uow:
        return await add_question_with_answer(uow, NewPair(question=question, answer=answer, source=source,
                                                           scope=scope, merge_into=merge_into, tags=tags))


async def start_qa(uow_factory: UnitOfWorkFactory, encoder: Encoder | None = None,
                   config: QAConfig | None = None) -> QAService:
    """A started QAService over the given store, with the fake encoder unless one is given."""
    from knowledge.encoders.fake import FakeEncoder
    from knowledge.qa import DEFAULT_CONFIG, QAService

    service = QAService(uow_factory, encoder or FakeEncoder(), config=config or DEFAULT_CONFIG)
    await service.start()
    return service
