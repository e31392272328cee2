"""The demo shop's two community groups (an English deals group and a Chinese one).

The links are t.me-style placeholders: the demo runs without Telegram, and a real shop replaces them with
its own invite links (and sets ``chat_id`` once the bot joins) through ``store.community_groups.save_group``.
"""

from __future__ import annotations

from store.community_groups import GroupInput, save_group
from store.uow import UnitOfWorkFactory

__all__ = ["DEMO_GROUPS", "load_demo_groups"]

DEMO_GROUPS: tuple[GroupInput, ...] = (
    GroupInput(title="Shop Deals & Flash Sales", title_zh="商店优惠与限时抢购", language="en", topic="deals",
               invite_link="https://t.me/+demoShopDeals"),
    GroupInput(title="Shop Community (Chinese)", title_zh="商店中文交流群", language="zh", topic="qa",
               invite_link="https://t.me/+demoShopZhCommunity"),
)


async def load_demo_groups(uows: UnitOfWorkFactory) -> int:
    """Upsert the demo groups; returns how many were created (0 on a second run)."""
    created = 0
    for group in DEMO_GROUPS:
        async with uows() as uow:
            _, new = await save_group(uow, group)
            created += int(new)
    return created
