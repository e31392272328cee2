"""Digital goods, delivered for real when their order is paid: gift-card and partner codes, e-book files.

``service.issue_digital_items`` runs inside the payment's transaction (so a paid order always has its items,
and the same payment delivered twice issues them once); ``service.void_digital_items`` runs inside a full
refund's. ``files.ensure_files`` writes an e-book's EPUB and PDF under the media directory (made locally,
nothing fetched) and is safe to call again. A gift card starts with its face value as balance (and a first
``gift_card_entries`` row); ``store.giftcards`` redeems it.
"""

from __future__ import annotations

from store.digital.service import (
    DigitalFile,
    DigitalItemView,
    issue_digital_items,
    order_digital_items,
    void_digital_items,
)

__all__ = ["DigitalFile", "DigitalItemView", "issue_digital_items", "order_digital_items", "void_digital_items"]
