"""Reviews: which delivered products a shopper may review, saving a review, and the product's rating.

Only buyers review: the shopper must have an order in ``delivered`` or ``completed`` containing the product.
One review per shopper and product; writing again replaces it (people change their minds after a month of
use). The product's ``rating_tenths`` becomes the average of its reviews (4.3 stars -> 43), recomputed in the
same transaction. The first review of a product earns the loyalty points once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from store.errors import NotFound, ValidationFailed
from store.loyalty.levels import REVIEW_POINTS
from store.loyalty.service import stage_points
from store.models.catalog import Product, Variant
from store.models.loyalty import PointsReason
from store.models.orders import Order, OrderLine, OrderStatus
from store.models.reviews import Review
from store.orders.clock import as_utc
from store.reviews.errors import NotABuyer
from store.uow import UnitOfWork

__all__ = ["ReviewableProduct", "ReviewView", "REVIEWABLE_STATUSES", "MAX_REVIEW_TEXT", "reviewable_products",
           "leave_review", "user_reviews", "product_reviews"]

REVIEWABLE_STATUSES = frozenset({OrderStatus.DELIVERED, OrderStatus.COMPLETED})
MAX_REVIEW_TEXT = 2000


@dataclass(frozen=True)
class ReviewableProduct:
    product_id: int
    order_id: int
    title: str
    title_zh: str | None
    rating: int | None  # the shopper's current rating, None if not reviewed yet

    def title_for(self, language: str) -> str:
        return self.title_zh if language == "zh" and self.title_zh else self.title


@dataclass(frozen=True)
class ReviewView:
    id: int
    user_id: int | None
    product_id: int
    product_title: str
    order_id: int | None
    rating: int
    text: str
    created_at: datetime
    points_awarded: int = 0


async def reviewable_products(uow: UnitOfWork, user_id: int, *, limit: int = 10) -> list[ReviewableProduct]:
    """Products from the shopper's delivered orders, newest order first, one entry per product."""
    rows = await uow.session.execute(
        select(Order.id, Product.id, Product.title, Product.title_zh)
        .join(OrderLine, OrderLine.order_id == Order.id).join(Variant, Variant.id == OrderLine.variant_id)
        .join(Product, Product.id == Variant.product_id)
        .where(Order.user_id == user_id, Order.status.in_([s.value for s in REVIEWABLE_STATUSES]))
        .order_by(Order.id.desc(), OrderLine.id))
    ratings = dict((await uow.session.execute(
        select(Review.product_id, Review.rating).where(Review.user_id == user_id))).all())
    found: dict[int, ReviewableProduct] = {}
    for order_id, product_id, title, title_zh in rows:
        if product_id not in found:
            found[product_id] = ReviewableProduct(product_id, order_id, title, title_zh, ratings.get(product_id))
    return list(found.values())[:limit]


async def _buyer_order(uow: UnitOfWork, user_id: int, product_id: int, order_id: int | None) -> int:
    query = (select(Order.id).join(OrderLine, OrderLine.order_id == Order.id)
             .join(Variant, Variant.id == OrderLine.variant_id)
             .where(Order.user_id == user_id, Variant.product_id == product_id,
                    Order.status.in_([s.value for s in REVIEWABLE_STATUSES])).order_by(Order.id.desc()))
    if order_id is not None:
        query = query.where(Order.id == order_id)
    found = (await uow.session.execute(query.limit(1))).scalar_one_or_none()
    if found is None:
        raise NotABuyer(product_id)
    return int(found)


async def leave_review(uow: UnitOfWork, user_id: int, product_id: int, rating: int, text: str = "", *,
                       now: datetime, order_id: int | None = None) -> ReviewView:
    if not 1 <= rating <= 5:
        raise ValidationFailed("a rating is 1 to 5 stars")
    body = " ".join(text.split())[:MAX_REVIEW_TEXT]
    product = await uow.session.get(Product, product_id)
    if product is None:
        raise NotFound("product", str(product_id))
    bought_in = await _buyer_order(uow, user_id, product_id, order_id)
    review = (await uow.session.scalars(
        select(Review).where(Review.user_id == user_id, Review.product_id == product_id))).first()
    if review is None:
        review = Review(user_id=user_id, product_id=product_id, created_at=now)
        uow.session.add(review)
    review.order_id, review.rating, review.text, review.updated_at = bought_in, rating, body, now
    await uow.session.flush()
    average = (await uow.session.execute(
        select(func.avg(Review.rating)).where(Review.product_id == product_id))).scalar_one()
    product.rating_tenths = round(float(average) * 10)
    awarded = await stage_points(uow, user_id, REVIEW_POINTS, PointsReason.REVIEW, f"product:{product_id}",
                                 now=now)
    view = ReviewView(review.id, user_id, product_id, product.title, bought_in, rating, body, as_utc(now),
                      REVIEW_POINTS if awarded else 0)
    await uow.commit()
    return view


def _views(rows: list[tuple[Review, str]]) -> list[ReviewView]:
    return [ReviewView(r.id, r.user_id, r.product_id, title, r.order_id, r.rating, r.text, as_utc(r.created_at))
            for r, title in rows]


async def user_reviews(uow: UnitOfWork, user_id: int) -> list[ReviewView]:
    rows = await uow.session.execute(select(Review, Product.title).join(Product, Product.id == Review.product_id)
                                     .where(Review.user_id == user_id).order_by(Review.id))
    return _views(list(rows))


async def product_reviews(uow: UnitOfWork, product_id: int, *, limit: int = 20) -> list[ReviewView]:
    rows = await uow.session.execute(select(Review, Product.title).join(Product, Product.id == Review.product_id)
                                     .where(Review.product_id == product_id)
                                     .order_by(Review.updated_at.desc(), Review.id.desc()).limit(limit))
    return _views(list(rows))
