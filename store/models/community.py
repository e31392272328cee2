"""Community groups the shop runs in Telegram (deals, Q&A), listed to shoppers with their invite links.

``chat_id`` is the group's Telegram chat id once the bot is a member (flash sales and unanswered questions are
posted there); it stays None for a group the bot only advertises by link.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from store.models.base import Base, TimestampMixin

__all__ = ["CommunityGroup"]


class CommunityGroup(TimestampMixin, Base):
    __tablename__ = "community_groups"
    __table_args__ = (UniqueConstraint("invite_link"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    chat_id: Mapped[int | None] = mapped_column(BigInteger, unique=True)
    title: Mapped[str] = mapped_column(String(200))
    title_zh: Mapped[str | None] = mapped_column(String(200))
    invite_link: Mapped[str] = mapped_column(String(300))
    language: Mapped[str] = mapped_column(String(8), default="en")  # the group's main language
    topic: Mapped[str] = mapped_column(String(40), default="deals")  # "deals", "qa", "general"...
    is_active: Mapped[bool] = mapped_column(default=True)
