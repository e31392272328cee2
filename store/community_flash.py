"""Which flash sale a chat should see: the one running for this community group, else a shop-wide one.

The sale's read model is ``store.pricing.listing.FlashSaleInfo`` (shared with the promotions list); this
module only adds the group targeting that a group's ``/flash`` needs.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, select

from store.models.promotions import FlashSale
from store.pricing.listing import FlashSaleInfo, get_flash_sale
from store.pricing.rules import aware
from store.uow import UnitOfWork

__all__ = ["sales_for_chat"]


async def sales_for_chat(uow: UnitOfWork, chat_id: int, now: datetime, *, limit: int = 3) -> list[FlashSaleInfo]:
    """Running sales with units left, this group's own first, then shop-wide ones, soonest ending first."""
    now = aware(now)
    ids = await uow.session.scalars(
        select(FlashSale.id)
        .where(FlashSale.is_active.is_(True), FlashSale.starts_at <= now, FlashSale.ends_at > now,
               FlashSale.quantity_remaining > 0,
               or_(FlashSale.group_chat_id == chat_id, FlashSale.group_chat_id.is_(None)))
        .order_by(FlashSale.group_chat_id.is_(None), FlashSale.ends_at, FlashSale.id).limit(limit))
    sales = [await get_flash_sale(uow, sale_id) for sale_id in ids.all()]
    return [s for s in sales if s.running(now)]
