"""Community groups: listing by language, the idempotent upsert, the demo groups, where questions go."""

from __future__ import annotations

import pytest

from store.community_groups import GroupInput, group_for_chat, list_groups, posting_group, save_group
from store.demo.groups import DEMO_GROUPS, load_demo_groups
from store.errors import ValidationFailed
from store.uow import UnitOfWorkFactory


async def test_demo_groups_load_once_and_list_by_language(uow_factory: UnitOfWorkFactory) -> None:
    assert await load_demo_groups(uow_factory) == len(DEMO_GROUPS)
    assert await load_demo_groups(uow_factory) == 0
    async with uow_factory() as uow:
        zh_first = await list_groups(uow, language="zh")
        en_first = await list_groups(uow, language="en")
        assert await posting_group(uow, "en") is None  # the bot is in no group yet
    assert zh_first[0].language == "zh" and en_first[0].language == "en"
    assert all(g.invite_link.startswith("https://t.me/+") for g in en_first)
    assert en_first[0].title_for("zh") == DEMO_GROUPS[0].title_zh


async def test_save_group_updates_and_validates(uow_factory: UnitOfWorkFactory) -> None:
    link = "https://t.me/+abc"
    async with uow_factory() as uow:
        group, created = await save_group(uow, GroupInput(title="Deals", invite_link=link))
    async with uow_factory() as uow:
        again, created_again = await save_group(uow, GroupInput(title="Deals!", invite_link=link, chat_id=-100))
    assert created and not created_again and again.id == group.id and again.title == "Deals!"
    async with uow_factory() as uow:
        assert (await group_for_chat(uow, -100)) == again
        assert (await posting_group(uow, "zh")) == again  # any group the bot is in beats none
    for bad in (GroupInput(title="", invite_link=link), GroupInput(title="x", invite_link="http://evil"),
                GroupInput(title="x", invite_link=link, language="fr")):
        with pytest.raises(ValidationFailed):
            async with uow_factory() as uow:
                await save_group(uow, bad)
