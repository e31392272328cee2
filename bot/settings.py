"""One settings object for every command and worker.

Read from the environment and an optional ``.env``; every field has a default that runs the demo with no
configuration.  Two stores can live side by side because everything on disk hangs off ``SHOPBOT_DATA_DIR``.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from store.money import known_currencies
from store.shipping.zones import DEMO_SHIP_TO, ShippingZones, parse_pickup

__all__ = ["Settings", "SettingsError", "load_settings"]


class SettingsError(Exception):
    """A setting could not be read; the message names the environment variable."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    data_dir: Path = Field(Path("var"), validation_alias=AliasChoices("SHOPBOT_DATA_DIR"))
    database_url_setting: str | None = Field(None, validation_alias=AliasChoices("DATABASE_URL"))
    redis_url: str | None = Field(None, validation_alias=AliasChoices("REDIS_URL"))
    telegram_bot_token: SecretStr | None = Field(None, validation_alias=AliasChoices("TELEGRAM_BOT_TOKEN"))
    telegram_api_base_url: str = Field(
        "https://api.telegram.org", validation_alias=AliasChoices("TELEGRAM_API_BASE_URL")
    )
    telegram_payment_provider_token: SecretStr | None = Field(
        None, validation_alias=AliasChoices("TELEGRAM_PAYMENT_PROVIDER_TOKEN")
    )
    webhook_secret: SecretStr | None = Field(None, validation_alias=AliasChoices("SHOPBOT_WEBHOOK_SECRET"))
    # Signs Telegram invoice payloads; unset = derived from a key file created once in the data dir.
    payment_secret: SecretStr | None = Field(None, validation_alias=AliasChoices("SHOPBOT_PAYMENT_SECRET"))
    currency: str = Field("USD", validation_alias=AliasChoices("SHOPBOT_CURRENCY"))
    locale: Literal["en", "zh"] = Field("en", validation_alias=AliasChoices("SHOPBOT_LOCALE"))
    staff_ids: Annotated[tuple[int, ...], NoDecode] = Field(
        (), validation_alias=AliasChoices("SHOPBOT_STAFF_IDS")
    )
    embedding_model: Literal["use-multilingual", "minilm"] = Field(
        "use-multilingual", validation_alias=AliasChoices("EMBEDDING_MODEL")
    )
    nlu_backend: Literal["builtin", "rasa"] = Field("builtin", validation_alias=AliasChoices("NLU_BACKEND"))
    rasa_url: str = Field("http://127.0.0.1:5005", validation_alias=AliasChoices("RASA_URL"))
    order_expiry_minutes: int = Field(30, ge=1, validation_alias=AliasChoices("SHOPBOT_ORDER_EXPIRY_MINUTES"))
    instalment_threshold_minor: int = Field(
        30000, ge=0, validation_alias=AliasChoices("SHOPBOT_INSTALMENT_THRESHOLD_MINOR")
    )
    # Where standard and express deliver (two-letter country codes) and the pickup counter ("US:Seattle";
    # empty: no pickup). Defaults are the demo shop's policy (store/shipping/zones.py).
    ship_to: Annotated[tuple[str, ...], NoDecode] = Field(
        DEMO_SHIP_TO, validation_alias=AliasChoices("SHOPBOT_SHIP_TO")
    )
    pickup: str = Field("US:Seattle", validation_alias=AliasChoices("SHOPBOT_PICKUP"))
    # The shop's home country (two letters): cash on delivery and domestic delivery times. Empty: the pickup
    # counter's country; a shop with no pickup point sets it to take cash at all.
    home_country: str = Field("", validation_alias=AliasChoices("SHOPBOT_HOME_COUNTRY"))

    @field_validator("currency")
    @classmethod
    def _currency_code(cls, value: str) -> str:
        code = value.strip().upper()
        if len(code) != 3 or not code.isalpha():
            raise ValueError("must be a three-letter ISO 4217 code such as USD")
        if code not in known_currencies():
            # Caught here, not on the first price: money in an unknown currency has no known minor unit.
            raise ValueError(f"unknown currency; use one of {', '.join(known_currencies())}")
        return code

    @field_validator("staff_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [p.strip() for p in value.replace(";", ",").split(",") if p.strip()]
            try:
                return tuple(int(p) for p in parts)
            except ValueError:
                raise ValueError("must be comma-separated Telegram user ids, e.g. 1234,5678") from None
        return value

    @field_validator("ship_to", mode="before")
    @classmethod
    def _split_countries(cls, value: object) -> object:
        if isinstance(value, str):
            value = [p for p in value.replace(";", ",").split(",") if p.strip()]
        if isinstance(value, (list, tuple)):
            codes = tuple(str(p).strip().upper() for p in value)
            if any(len(c) != 2 or not c.isalpha() for c in codes):
                raise ValueError("must be comma-separated two-letter country codes, e.g. US,CA,CN")
            return codes
        return value

    @field_validator("pickup")
    @classmethod
    def _pickup_point(cls, value: str) -> str:
        parse_pickup(value)  # ValueError names the expected form
        return value.strip()

    @field_validator("home_country")
    @classmethod
    def _home_country(cls, value: str) -> str:
        code = value.strip().upper()
        if code and (len(code) != 2 or not code.isalpha()):
            raise ValueError("must be a two-letter country code such as US, or empty")
        return code

    @field_validator("database_url_setting")
    @classmethod
    def _database_scheme(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        if not value.startswith(("sqlite", "postgresql", "postgres")):
            raise ValueError("must start with sqlite:// or postgresql://")
        return value

    @cached_property
    def database_url(self) -> str:
        """The async SQLAlchemy URL: the configured one with an async driver, or a SQLite file in the data dir."""
        from store.db import async_url

        if self.database_url_setting:
            return async_url(self.database_url_setting)
        return f"sqlite+aiosqlite:///{(self.data_dir / 'shopbot.sqlite3').resolve()}"

    @cached_property
    def shipping_zones(self) -> ShippingZones:
        """What checkout offers and the store accepts, per delivery country (``store.shipping.zones``)."""
        return ShippingZones.of(self.ship_to, parse_pickup(self.pickup), self.home_country or None)

    @property
    def media_dir(self) -> Path:
        return self.data_dir / "media"

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def model_dir(self) -> Path:
        return self.data_dir / "models"


_ALIASES = {
    name: (field.validation_alias.choices[0] if isinstance(field.validation_alias, AliasChoices) else name)
    for name, field in Settings.model_fields.items()
}


def load_settings(**overrides: object) -> Settings:
    """Build settings, turning pydantic's report into one line per bad variable."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        lines = []
        for err in exc.errors():
            field = str(err["loc"][0]) if err["loc"] else "?"
            var = _ALIASES.get(field, field)
            lines.append(f"{var}: {err['msg']} (got {err.get('input')!r})")
        raise SettingsError("Invalid settings:\n  " + "\n  ".join(lines)) from None
