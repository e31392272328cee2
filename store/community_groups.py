"""Community groups: what the bot lists for "join our group" and where it posts flash sales and questions.

Groups are few and change rarely, so the service is plain reads plus one idempotent upsert keyed by the
invite link (re-running the demo or an admin import never duplicates a group).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from store.errors import ValidationFailed
from store.models.base import utcnow
from store.models.community import CommunityGroup
from store.uow import UnitOfWork

__all__ = ["GroupView", "GroupInput", "list_groups", "save_group", "group_for_chat", "posting_group"]


@dataclass(frozen=True)
class GroupView:
    id: int
    chat_id: int | None
    title: str
    title_zh: str | None
    invite_link: str
    language: str
    topic: str
    is_active: bool

    def title_for(self, language: str) -> str:
        return self.title_zh if language == "zh" and self.title_zh else self.title


@dataclass(frozen=True)
class GroupInput:
    title: str
    invite_link: str
    language: str = "en"
    topic: str = "deals"
    title_zh: str | None = None
    chat_id: int | None = None
    is_active: bool = True


def _view(g: CommunityGroup) -> GroupView:
    return GroupView(id=g.id, chat_id=g.chat_id, title=g.title, title_zh=g.title_zh, invite_link=g.invite_link,
                     language=g.language, topic=g.topic, is_active=g.is_active)


async def list_groups(uow: UnitOfWork, *, language: str | None = None,
                      include_inactive: bool = False) -> list[GroupView]:
    """Active groups; with ``language`` the shopper's-language groups come first (others still follow,
    because a bilingual shopper may want both)."""
    query = select(CommunityGroup).order_by(CommunityGroup.id)
    if not include_inactive:
        query = query.where(CommunityGroup.is_active.is_(True))
    groups = [_view(g) for g in await uow.session.scalars(query)]
    if language:
        groups.sort(key=lambda g: g.language != language)
    return groups


async def group_for_chat(uow: UnitOfWork, chat_id: int) -> GroupView | None:
    row = (await uow.session.scalars(select(CommunityGroup).where(CommunityGroup.chat_id == chat_id))).first()
    return _view(row) if row is not None else None


async def posting_group(uow: UnitOfWork, language: str) -> GroupView | None:
    """The group an unanswered question in ``language`` is posted to: one the bot is in, same language first."""
    groups = [g for g in await list_groups(uow, language=language) if g.chat_id is not None]
    return groups[0] if groups else None


def _check(data: GroupInput) -> GroupInput:
    title, link = data.title.strip(), data.invite_link.strip()
    if not title:
        raise ValidationFailed("a group needs a title")
    if not link.startswith(("https://t.me/", "https://telegram.me/")):
        raise ValidationFailed(f"invite link must be a https://t.me/ link, got {link!r}")
    if data.language not in ("en", "zh"):
        raise ValidationFailed(f"group language must be en or zh, got {data.language!r}")
    return GroupInput(title=title[:200], invite_link=link, language=data.language, topic=data.topic.strip()[:40],
                      title_zh=(data.title_zh or "").strip()[:200] or None, chat_id=data.chat_id,
                      is_active=data.is_active)


async def save_group(uow: UnitOfWork, data: GroupInput) -> tuple[GroupView, bool]:
    """Create or update the group with this invite link; returns (group, created)."""
    clean = _check(data)
    row = (await uow.session.scalars(
        select(CommunityGroup).where(CommunityGroup.invite_link == clean.invite_link))).first()
    created = row is None
    if row is None:
        row = CommunityGroup(invite_link=clean.invite_link)
        uow.session.add(row)
    row.title, row.title_zh, row.language, row.topic = clean.title, clean.title_zh, clean.language, clean.topic
    row.is_active, row.updated_at = clean.is_active, utcnow()
    if clean.chat_id is not None:
        row.chat_id = clean.chat_id
    await uow.session.flush()
    view = _view(row)
    await uow.commit()
    return view, created
