"""Catalog tables: a category tree, products, and variants (SKUs) that carry their own price and stock."""

from __future__ import annotations

from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from store.models.base import Base, JSONType, TimestampMixin

__all__ = ["Category", "Product", "Variant"]


class Category(Base):
    __tablename__ = "categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(120))
    # Full path "Home > Kitchen > Mugs": unique, so importing the same path twice finds the same node.
    path: Mapped[str] = mapped_column(String(400), unique=True)
    name_zh: Mapped[str | None] = mapped_column(String(120))

    parent: Mapped[Category | None] = relationship(remote_side="Category.id", back_populates="children")
    children: Mapped[list[Category]] = relationship(back_populates="parent")


class Product(TimestampMixin, Base):
    __tablename__ = "products"
    # Other processes (a second worker, `shopbot catalog import`) follow catalog changes by this column
    # (store/catalog/changes.py).
    __table_args__ = (Index("ix_products_updated_at", "updated_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # The shop's own product id as imported ("P0001"); variants of one product share it.
    external_id: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    title_zh: Mapped[str | None] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    brand: Mapped[str | None] = mapped_column(String(120), index=True)
    category_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id", ondelete="SET NULL"), index=True)
    attributes: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    image_url: Mapped[str | None] = mapped_column(String(500))
    # Rating in tenths (45 = 4.5 stars) so it stays an integer like money.
    rating_tenths: Mapped[int | None] = mapped_column()
    sales_count: Mapped[int] = mapped_column(default=0)
    is_digital: Mapped[bool] = mapped_column(default=False)
    is_active: Mapped[bool] = mapped_column(default=True)

    category: Mapped[Category | None] = relationship()
    variants: Mapped[list[Variant]] = relationship(
        back_populates="product", cascade="all, delete-orphan", order_by="Variant.id"
    )


class Variant(TimestampMixin, Base):
    __tablename__ = "variants"
    __table_args__ = (
        CheckConstraint("stock >= 0", name="stock_not_negative"),
        CheckConstraint("price_minor >= 0", name="price_not_negative"),
        Index("ix_variants_product_id", "product_id"),
        Index("ix_variants_updated_at", "updated_at"),  # price and stock changes, followed as products' are
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"))
    sku: Mapped[str] = mapped_column(String(64), unique=True)
    price_minor: Mapped[int] = mapped_column()
    currency: Mapped[str] = mapped_column(String(3))
    stock: Mapped[int] = mapped_column(default=0)
    attributes: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    is_active: Mapped[bool] = mapped_column(default=True)

    product: Mapped[Product] = relationship(back_populates="variants")
