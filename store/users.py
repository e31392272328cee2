"""Shoppers and their addresses.

``ensure_user`` runs on every incoming message, so it is a single upsert (two messages arriving at once cannot
both try to create the user). It refreshes names from Telegram but sets the language only when the user is new:
after that the shopper's own choice (``set_language``) wins over the client's language code.
Addresses are offered at checkout most recently used first; saving an address identical to a saved one only
marks it used, so the list does not fill with duplicates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import Table, delete, select
from sqlalchemy.dialects import postgresql, sqlite

from store.errors import NotFound, ValidationFailed
from store.models.base import utcnow
from store.models.users import Address, User
from store.uow import UnitOfWork

__all__ = [
    "SUPPORTED_LANGUAGES", "UserView", "AddressInput", "AddressView", "normalize_language", "ensure_user",
    "get_user", "set_language", "set_consent", "save_address", "list_addresses", "touch_address",
    "delete_address",
]

SUPPORTED_LANGUAGES = ("en", "zh")


@dataclass(frozen=True)
class UserView:
    id: int
    first_name: str
    last_name: str | None
    username: str | None
    language: str
    consent: bool
    consent_at: datetime | None

    @property
    def display_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p) or (self.username or str(self.id))


@dataclass(frozen=True)
class AddressInput:
    name: str
    line1: str
    city: str
    country: str
    phone: str = ""
    line2: str = ""
    region: str = ""
    postcode: str = ""


@dataclass(frozen=True)
class AddressView:
    id: int
    user_id: int
    name: str
    phone: str
    line1: str
    line2: str
    city: str
    region: str
    postcode: str
    country: str
    last_used_at: datetime

    def one_line(self) -> str:
        parts = [self.name, self.line1, self.line2, self.city, self.region, self.postcode, self.country]
        return ", ".join(p for p in parts if p)


def normalize_language(code: str | None) -> str:
    """Telegram's "zh-hans" / "en-US" to a supported language; anything else falls back to English."""
    base = (code or "").strip().lower().replace("_", "-").split("-")[0]
    return base if base in SUPPORTED_LANGUAGES else "en"


def _user_view(user: User) -> UserView:
    return UserView(id=user.id, first_name=user.first_name, last_name=user.last_name, username=user.username,
                    language=user.language, consent=user.consent, consent_at=user.consent_at)


def _address_view(a: Address) -> AddressView:
    return AddressView(id=a.id, user_id=a.user_id, name=a.name, phone=a.phone, line1=a.line1, line2=a.line2,
                       city=a.city, region=a.region, postcode=a.postcode, country=a.country,
                       last_used_at=a.last_used_at)


async def ensure_user(uow: UnitOfWork, user_id: int, first_name: str, last_name: str | None = None,
                      username: str | None = None, language: str | None = None) -> UserView:
    now = utcnow()
    values = {"id": user_id, "first_name": (first_name or "")[:200], "last_name": last_name,
              "username": username, "language": normalize_language(language), "consent": False,
              "created_at": now, "updated_at": now}
    refresh = {"first_name": values["first_name"], "last_name": last_name, "username": username,
               "updated_at": now}
    table = cast(Table, User.__table__)
    if uow.session.get_bind().dialect.name == "postgresql":
        pg = postgresql.insert(table).values(values).on_conflict_do_update(index_elements=["id"], set_=refresh)
        await uow.session.execute(pg)
    else:
        lite = sqlite.insert(table).values(values).on_conflict_do_update(index_elements=["id"], set_=refresh)
        await uow.session.execute(lite)
    view = await get_user(uow, user_id)
    await uow.commit()
    return view


async def _user(uow: UnitOfWork, user_id: int) -> User:
    user = await uow.session.get(User, user_id, populate_existing=True)
    if user is None:
        raise NotFound("user", str(user_id))
    return user


async def get_user(uow: UnitOfWork, user_id: int) -> UserView:
    return _user_view(await _user(uow, user_id))


async def set_language(uow: UnitOfWork, user_id: int, language: str) -> UserView:
    code = language.strip().lower()
    if code not in SUPPORTED_LANGUAGES:
        raise ValidationFailed(f"unsupported language {language!r}; choose one of {', '.join(SUPPORTED_LANGUAGES)}")
    user = await _user(uow, user_id)
    user.language = code
    view = _user_view(user)
    await uow.commit()
    return view


async def set_consent(uow: UnitOfWork, user_id: int, consent: bool, now: datetime | None = None) -> UserView:
    """Record (or withdraw) consent to store personal data; the time is kept for the record."""
    user = await _user(uow, user_id)
    user.consent = consent
    user.consent_at = (now or utcnow()) if consent else None
    view = _user_view(user)
    await uow.commit()
    return view


def _clean(data: AddressInput) -> AddressInput:
    cleaned = AddressInput(**{k: " ".join(str(v).split()) for k, v in data.__dict__.items()})
    missing = [f for f in ("name", "line1", "city", "country") if not getattr(cleaned, f)]
    if missing:
        raise ValidationFailed(f"the address needs {', '.join(missing)}")
    country = cleaned.country.upper()
    if len(country) != 2 or not country.isalpha():
        raise ValidationFailed(f"country must be a two-letter code such as US or CN, got {data.country!r}")
    return AddressInput(**{**cleaned.__dict__, "country": country})


async def save_address(uow: UnitOfWork, user_id: int, data: AddressInput,
                       now: datetime | None = None) -> AddressView:
    """Save an address (or, if the same one is already saved, mark it used) and return it."""
    clean = _clean(data)
    await _user(uow, user_id)
    existing = (await uow.session.scalars(select(Address).where(Address.user_id == user_id))).all()
    address = next((a for a in existing if all(getattr(a, k) == v for k, v in clean.__dict__.items())), None)
    if address is None:
        address = Address(user_id=user_id, **clean.__dict__)
        uow.session.add(address)
    address.last_used_at = now or utcnow()
    await uow.session.flush()
    view = _address_view(address)
    await uow.commit()
    return view


async def list_addresses(uow: UnitOfWork, user_id: int) -> list[AddressView]:
    """Most recently used first (the first one is offered as the default at checkout)."""
    rows = await uow.session.scalars(
        select(Address).where(Address.user_id == user_id)
        .order_by(Address.last_used_at.desc(), Address.id.desc()))
    return [_address_view(a) for a in rows]


async def touch_address(uow: UnitOfWork, user_id: int, address_id: int,
                        now: datetime | None = None) -> AddressView:
    address = await uow.session.get(Address, address_id)
    if address is None or address.user_id != user_id:
        raise NotFound("address", str(address_id))
    address.last_used_at = now or utcnow()
    view = _address_view(address)
    await uow.commit()
    return view


async def delete_address(uow: UnitOfWork, user_id: int, address_id: int) -> None:
    result = await uow.session.execute(
        delete(Address).where(Address.id == address_id, Address.user_id == user_id))
    if getattr(result, "rowcount", 0) == 0:
        raise NotFound("address", str(address_id))
    await uow.commit()
