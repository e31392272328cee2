"""Users and addresses on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from store.errors import NotFound, ValidationFailed
from store.uow import UnitOfWorkFactory
from store.users import (
    AddressInput,
    delete_address,
    ensure_user,
    get_user,
    list_addresses,
    normalize_language,
    save_address,
    set_consent,
    set_language,
    touch_address,
)

BIG_ID = 7_000_000_001  # Telegram ids exceed 32 bits
T0 = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)


async def test_ensure_user_upserts_and_keeps_the_chosen_language(uow_factory: UnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        first = await ensure_user(uow, BIG_ID, "Li", None, "li", "zh-hans")
    async with uow_factory() as uow:
        await set_language(uow, BIG_ID, "en")
    async with uow_factory() as uow:
        again = await ensure_user(uow, BIG_ID, "Li", "Wei", "liwei", "zh-hans")
    assert first.language == "zh" and first.id == BIG_ID
    assert (again.language, again.last_name, again.username, again.display_name) == ("en", "Wei", "liwei", "Li Wei")


async def test_concurrent_ensure_user_does_not_fail(uow_factory: UnitOfWorkFactory) -> None:
    async def once(i: int) -> None:
        async with uow_factory() as uow:
            await ensure_user(uow, 42, f"Name{i}", language="en")

    await asyncio.gather(*(once(i) for i in range(5)))
    async with uow_factory() as uow:
        assert (await get_user(uow, 42)).first_name.startswith("Name")


async def test_language_and_consent(uow_factory: UnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        await ensure_user(uow, 1, "Ann")
    async with uow_factory() as uow:
        with pytest.raises(ValidationFailed, match="unsupported language"):
            await set_language(uow, 1, "fr")
        with pytest.raises(NotFound):
            await set_language(uow, 2, "en")
    async with uow_factory() as uow:
        given = await set_consent(uow, 1, True, now=T0)
    async with uow_factory() as uow:
        withdrawn = await set_consent(uow, 1, False)
    assert given.consent and given.consent_at is not None and not withdrawn.consent
    assert normalize_language("EN_us") == "en" and normalize_language(None) == "en"


async def test_addresses_last_used_first_without_duplicates(uow_factory: UnitOfWorkFactory) -> None:
    home = AddressInput(name="Ann Lee", line1="1 Main St", city="Springfield", country="us", postcode="12345")
    work = AddressInput(name="Ann Lee", line1="9  Office Rd", city="Springfield", country="US")
    async with uow_factory() as uow:
        await ensure_user(uow, 1, "Ann")
    async with uow_factory() as uow:
        saved_home = await save_address(uow, 1, home, now=T0)
    async with uow_factory() as uow:
        saved_work = await save_address(uow, 1, work, now=T0 + timedelta(minutes=1))
    async with uow_factory() as uow:
        again = await save_address(uow, 1, home, now=T0 + timedelta(minutes=2))
    async with uow_factory() as uow:
        listed = await list_addresses(uow, 1)
    assert again.id == saved_home.id and saved_home.country == "US" and saved_work.line1 == "9 Office Rd"
    assert [a.id for a in listed] == [saved_home.id, saved_work.id]
    async with uow_factory() as uow:
        await touch_address(uow, 1, saved_work.id, now=T0 + timedelta(minutes=3))
    async with uow_factory() as uow:
        assert [a.id for a in await list_addresses(uow, 1)] == [saved_work.id, saved_home.id]
        assert listed[0].one_line() == "Ann Lee, 1 Main St, Springfield, 12345, US"
    async with uow_factory() as uow:
        await delete_address(uow, 1, saved_work.id)
    async with uow_factory() as uow:
        assert [a.id for a in await list_addresses(uow, 1)] == [saved_home.id]
        with pytest.raises(NotFound):
            await touch_address(uow, 2, saved_home.id)


async def test_bad_addresses_are_refused(uow_factory: UnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        await ensure_user(uow, 1, "Ann")
    async with uow_factory() as uow:
        with pytest.raises(ValidationFailed, match="needs line1, city"):
            await save_address(uow, 1, AddressInput(name="A", line1=" ", city="", country="US"))
        with pytest.raises(ValidationFailed, match="two-letter"):
            await save_address(uow, 1, AddressInput(name="A", line1="x", city="y", country="USA"))
        with pytest.raises(NotFound):
            await save_address(uow, 99, AddressInput(name="A", line1="x", city="y", country="US"))
