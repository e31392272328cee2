"""Marketing consent per shopper: whether they want promotion notifications (flash sales, new deals).

No row means "not subscribed": promotions are opt-in, so a shopper who never answered gets none.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from store.models.base import Base, utcnow

__all__ = ["PromoSubscription"]


class PromoSubscription(Base):
    __tablename__ = "promo_subscriptions"

    user_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("users.id", ondelete="CASCADE"),
                                         primary_key=True, autoincrement=False)
    subscribed: Mapped[bool] = mapped_column(default=False)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
