"""Validation of one catalog row (CSV or JSON) into a typed ``ImportRow``.

Every problem of a row is collected (not just the first) so one import attempt tells the operator everything
that is wrong. The file format lives in ``readers.py``; this module only knows the column rules:

* required: ``sku``, ``title``, ``price``; ``product_id`` defaults to the SKU; ``currency`` to the shop's
  currency; ``stock`` to 0.
* ``price`` is in major units ("19.99") and may not have more decimals than the currency (XTR: whole stars).
* ``category`` is a path "Home > Kitchen > Mugs".
* ``attributes`` is a JSON object or ``key=value;key=value``; any column not in the standard header is kept as
  an attribute too (the column wins over the same key inside ``attributes``).
* Well-known attribute keys become columns: ``title_zh`` -> Product.title_zh, ``rating`` (0-5, one decimal)
  -> rating_tenths, ``sales_count`` -> sales_count, ``digital`` -> is_digital.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from store.money import MoneyError, currency_exponent, parse_major

__all__ = [
    "STANDARD_COLUMNS", "REQUIRED_COLUMNS", "WELL_KNOWN_KEYS", "ImportRow", "RowInvalid", "parse_row",
    "parse_attributes", "normalize_category",
]

STANDARD_COLUMNS = (
    "product_id", "sku", "title", "description", "category", "brand", "price", "currency", "stock",
    "attributes", "image_url",
)
REQUIRED_COLUMNS = ("sku", "title", "price")
WELL_KNOWN_KEYS = ("title_zh", "rating", "sales_count", "digital")

_LIMITS = {"product_id": 64, "sku": 64, "title": 300, "brand": 120, "image_url": 500, "title_zh": 300}
_STANDARD = frozenset(STANDARD_COLUMNS)
_TRUE = {"1", "true", "yes", "y", "t"}
_FALSE = {"0", "false", "no", "n", "f", ""}


@dataclass(frozen=True)
class ImportRow:
    line: int
    index: int | None
    product_id: str
    sku: str
    title: str
    description: str
    category: str | None
    brand: str | None
    price_minor: int
    currency: str
    stock: int
    attributes: dict[str, Any]
    image_url: str | None
    title_zh: str | None
    rating_tenths: int | None
    sales_count: int
    is_digital: bool

    def to_tuple(self) -> tuple[Any, ...]:
        """Plain values for the import's spool file (marshal), in field order."""
        return (self.line, self.index, self.product_id, self.sku, self.title, self.description, self.category,
                self.brand, self.price_minor, self.currency, self.stock, self.attributes, self.image_url,
                self.title_zh, self.rating_tenths, self.sales_count, self.is_digital)

    @classmethod
    def from_tuple(cls, values: tuple[Any, ...]) -> ImportRow:
        return cls(*values)


class RowInvalid(Exception):
    """All reasons one row is bad, joined for the report."""

    def __init__(self, reasons: list[str], sku: str | None) -> None:
        super().__init__("; ".join(reasons))
        self.reasons = reasons
        self.sku = sku


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).strip()


def parse_attributes(value: Any) -> dict[str, Any]:
    """A JSON object (or its text) or ``key=value;key=value``; raises ValueError with the reason."""
    if value is None:
        return {}
    if isinstance(value, Mapping):
        return {str(k).strip(): v for k, v in value.items()}
    if not isinstance(value, str):
        raise ValueError("attributes must be a JSON object or key=value;key=value")
    text = value.strip()
    if not text:
        return {}
    if text.startswith("{"):
        try:
            parsed = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValueError(f"attributes is not valid JSON ({exc.msg} at column {exc.colno})") from None
        if not isinstance(parsed, dict):
            raise ValueError("attributes JSON must be an object")
        return {str(k).strip(): v for k, v in parsed.items()}
    result: dict[str, Any] = {}
    for part in text.split(";"):
        if not part.strip():
            continue
        key, sep, val = part.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"attribute {part.strip()!r} is not key=value")
        result[key.strip()] = val.strip()
    return result


@lru_cache(maxsize=4096)
def _known_currency(code: str) -> bool:
    try:
        currency_exponent(code)
    except MoneyError:
        return False
    return True


@lru_cache(maxsize=4096)
def normalize_category(value: str) -> str:
    """"Home>Kitchen >  Mugs" -> "Home > Kitchen > Mugs"; raises ValueError for empty levels or long names."""
    parts = [p.strip() for p in value.split(">")]
    if any(not p for p in parts):
        raise ValueError(f"category {value!r} has an empty level")
    if any(len(p) > 120 for p in parts):
        raise ValueError("a category name is longer than 120 characters")
    path = " > ".join(parts)
    if len(path) > 400:
        raise ValueError("category path is longer than 400 characters")
    return path


def _int(value: Any, name: str, reasons: list[str], default: int) -> int:
    if value is None or (isinstance(value, str) and not value.strip()):
        return default
    if isinstance(value, bool):
        reasons.append(f"{name} must be a whole number, got {value!r}")
        return default
    if isinstance(value, int):
        number = value
    else:
        try:
            number = int(_text(value))
        except ValueError:
            reasons.append(f"{name} must be a whole number, got {_text(value)!r}")
            return default
    if number < 0:
        reasons.append(f"{name} must not be negative, got {number}")
    return number


def _rating(value: Any, reasons: list[str]) -> int | None:
    text = _text(value)
    if not text:
        return None
    try:
        rating = Decimal(text)
    except InvalidOperation:
        reasons.append(f"rating must be a number from 0 to 5, got {text!r}")
        return None
    tenths = rating * 10
    if not rating.is_finite() or not 0 <= rating <= 5 or tenths != tenths.to_integral_value():
        reasons.append(f"rating must be from 0 to 5 with at most one decimal, got {text!r}")
        return None
    return int(tenths)


def _bool(value: Any, name: str, reasons: list[str]) -> bool:
    if isinstance(value, bool):
        return value
    text = _text(value).lower()
    if text in _TRUE:
        return True
    if text not in _FALSE:
        reasons.append(f"{name} must be true or false, got {text!r}")
    return False


def parse_row(data: Mapping[str, Any], *, line: int, index: int | None, default_currency: str) -> ImportRow:
    """Validate one row; raise RowInvalid listing every problem."""
    reasons: list[str] = []
    get = data.get
    sku, title = _text(get("sku")), _text(get("title"))
    brand, image_url, category_text = _text(get("brand")), _text(get("image_url")), _text(get("category"))
    if not sku:
        reasons.append("sku is required")
    if not title:
        reasons.append("title is required")
    product_id = _text(get("product_id")) or sku
    currency = (_text(get("currency")) or default_currency).upper()
    if not _known_currency(currency):
        reasons.append(f"unknown currency {currency!r}")
        currency = ""
    price_minor = 0
    price_raw = get("price")
    price_text = _text(price_raw)
    if isinstance(price_raw, bool) or not price_text:
        reasons.append("price is required")
    elif currency:
        try:
            price_minor = parse_major(price_text, currency).amount
        except MoneyError as exc:
            reasons.append(f"price: {exc}")
        else:
            if price_minor < 0:
                reasons.append(f"price must not be negative, got {price_text!r}")
    stock = _int(get("stock"), "stock", reasons, 0)
    category: str | None = None
    if category_text:
        try:
            category = normalize_category(category_text)
        except ValueError as exc:
            reasons.append(str(exc))
    try:
        attributes = parse_attributes(get("attributes"))
    except ValueError as exc:
        reasons.append(str(exc))
        attributes = {}
    for key, value in data.items():
        if key in _STANDARD or value is None or (isinstance(value, str) and not value.strip()):
            continue
        attributes[key] = value.strip() if isinstance(value, str) else value
    if "" in attributes:
        reasons.append("an attribute has an empty name")
    title_zh = _text(attributes.pop("title_zh", None)) or None
    rating_tenths = _rating(attributes.pop("rating", None), reasons)
    sales_count = _int(attributes.pop("sales_count", None), "sales_count", reasons, 0)
    is_digital = _bool(attributes.pop("digital", None), "digital", reasons)
    for name, value in (("product_id", product_id), ("sku", sku), ("title", title), ("brand", brand),
                        ("image_url", image_url), ("title_zh", title_zh or "")):
        if len(value) > _LIMITS[name]:
            reasons.append(f"{name} is longer than {_LIMITS[name]} characters")
    if reasons:
        raise RowInvalid(reasons, sku or None)
    return ImportRow(
        line=line, index=index, product_id=product_id, sku=sku, title=title,
        description=_text(get("description")), category=category, brand=brand or None,
        price_minor=price_minor, currency=currency, stock=stock, attributes=attributes,
        image_url=image_url or None, title_zh=title_zh, rating_tenths=rating_tenths,
        sales_count=sales_count, is_digital=is_digital,
    )
