"""The price breakdown as an order keeps it (JSON in ``orders.pricing``), and back.

WHY the reason is stored as data: an order is read for years (details, invoices, disputes) in either language,
so it keeps each adjustment's and hint's reason code and parameters (``{"code": ..., "params": {...}}``), not
only the English sentence. Money is stored as ``{"amount": minor units, "currency": ...}``, times as ISO 8601.
Reading is forgiving in one way only: an entry without a reason (an order stored before reasons were kept) or
with a code this version does not know comes back with ``reason=None``, and the dialogue shows its label and
amount without an aside; nothing is guessed from the English text.
"""

from __future__ import annotations

import dataclasses
import types
from collections.abc import Mapping, Sequence
from datetime import datetime
from enum import StrEnum
from typing import Any, Union, get_args, get_origin, get_type_hints

from store.money import Money, MoneyError
from store.pricing.breakdown import Adjustment, PriceBreakdown
from store.pricing.reasons import (
    REASON_TYPES,
    AdjustmentKind,
    AdjustmentReason,
    CouponNotApplied,
    FixedCouponSaving,
    FlashSaleLimit,
    FlashSaleSaving,
    NextOfferTier,
    OfferTierSaving,
    PercentCouponSaving,
    PriceHint,
    ReasonCode,
)

__all__ = ["pricing_snapshot", "reason_to_json", "reason_from_json", "adjustments_from_snapshot",
           "hints_from_snapshot", "adjustment_to_json"]


def _value_to_json(value: Any) -> Any:
    if isinstance(value, Money):
        return {"amount": value.amount, "currency": value.currency}
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, StrEnum):
        return value.value
    return value


def reason_to_json(reason: AdjustmentReason | PriceHint) -> dict[str, Any]:
    params = {f.name: _value_to_json(getattr(reason, f.name)) for f in dataclasses.fields(reason)}
    return {"code": reason.code.value, "params": params}


_FIELD_TYPES: dict[ReasonCode, dict[str, Any]] = {}


def _field_types(code: ReasonCode) -> dict[str, Any]:
    if code not in _FIELD_TYPES:
        _FIELD_TYPES[code] = get_type_hints(REASON_TYPES[code])
    return _FIELD_TYPES[code]


def _value_from_json(kind: Any, raw: Any) -> Any:
    """``raw`` as ``kind`` (Money, datetime, an enum, int, str, bool, or an optional of one); ValueError if not."""
    if get_origin(kind) in (Union, types.UnionType):
        if raw is None:
            return None
        (kind,) = [k for k in get_args(kind) if k is not type(None)]
    if kind is Money:
        if not isinstance(raw, Mapping):
            raise ValueError(f"money expected, got {raw!r}")
        return Money(raw["amount"], str(raw["currency"]))
    if kind is datetime:
        return datetime.fromisoformat(str(raw))
    if isinstance(kind, type) and issubclass(kind, StrEnum):
        return kind(raw)
    if kind is bool:
        if not isinstance(raw, bool):
            raise ValueError(f"bool expected, got {raw!r}")
        return raw
    if kind is int:
        if not isinstance(raw, int) or isinstance(raw, bool):
            raise ValueError(f"int expected, got {raw!r}")
        return raw
    if kind is str:
        if not isinstance(raw, str):
            raise ValueError(f"str expected, got {raw!r}")
        return raw
    raise ValueError(f"cannot read {kind!r}")


def reason_from_json(data: Any) -> AdjustmentReason | PriceHint | None:
    """The reason stored by ``reason_to_json``; None when there is none or it cannot be read."""
    if not isinstance(data, Mapping) or not isinstance(data.get("params"), Mapping):
        return None
    try:
        code = ReasonCode(str(data.get("code")))
    except ValueError:
        return None
    cls, types_ = REASON_TYPES[code], _field_types(code)
    params = data["params"]
    try:
        values = {f.name: _value_from_json(types_[f.name], params[f.name]) for f in dataclasses.fields(cls)
                  if f.name in params or f.default is dataclasses.MISSING}
        return cls(**values)
    except (KeyError, TypeError, ValueError, MoneyError):
        return None


def adjustment_to_json(adj: Adjustment) -> dict[str, Any]:
    return {"kind": str(adj.kind), "label": adj.label, "amount": adj.amount.amount, "currency": adj.amount.currency,
            "explanation": adj.explanation, "reference": adj.reference,
            "reason": reason_to_json(adj.reason) if adj.reason is not None else None}


def pricing_snapshot(breakdown: PriceBreakdown) -> dict[str, Any]:
    """The adjustments and hints as agreed, to store with an order."""
    return {"adjustments": [adjustment_to_json(a) for a in breakdown.adjustments],
            "hints": [{"text": h.english(), "reason": reason_to_json(h)} for h in breakdown.hints]}


def _adjustment_reason(data: Any) -> AdjustmentReason | None:
    reason = reason_from_json(data)
    return reason if isinstance(reason, FlashSaleSaving | OfferTierSaving | PercentCouponSaving
                                | FixedCouponSaving) else None


def _hint(data: Any) -> PriceHint | None:
    reason = reason_from_json(data)
    return reason if isinstance(reason, NextOfferTier | FlashSaleLimit | CouponNotApplied) else None


def _adjustment(entry: Mapping[str, Any], currency: str) -> Adjustment | None:
    try:
        kind = AdjustmentKind(str(entry.get("kind")))
        amount = Money(int(entry.get("amount", 0)), str(entry.get("currency") or currency))
    except (ValueError, TypeError, MoneyError):
        return None
    ref = entry.get("reference")
    return Adjustment(kind, str(entry.get("label") or ""), amount, str(entry.get("explanation") or ""),
                      None if ref is None else str(ref), _adjustment_reason(entry.get("reason")))


def adjustments_from_snapshot(snapshot: Mapping[str, Any] | None, currency: str) -> tuple[Adjustment, ...]:
    entries = (snapshot or {}).get("adjustments") or ()
    found = (_adjustment(e, currency) for e in entries if isinstance(e, Mapping)) if isinstance(
        entries, Sequence) else ()
    return tuple(a for a in found if a is not None)


def hints_from_snapshot(snapshot: Mapping[str, Any] | None) -> tuple[PriceHint, ...]:
    entries = (snapshot or {}).get("hints") or ()
    found = (_hint(e.get("reason")) for e in entries if isinstance(e, Mapping)) if isinstance(
        entries, Sequence) else ()
    return tuple(h for h in found if h is not None)
