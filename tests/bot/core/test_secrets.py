from __future__ import annotations

import stat
from pathlib import Path

from pydantic import SecretStr

from bot.core.secrets import KEY_FILE, payment_secret
from tests.helpers.bots import make_settings


def test_configured_secret_wins(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, payment_secret=SecretStr("from-env"))
    assert payment_secret(settings) == b"from-env"
    assert not (tmp_path / KEY_FILE).exists()


def test_key_file_is_created_once_private_and_stable(tmp_path: Path) -> None:
    first = payment_secret(make_settings(tmp_path))
    key = tmp_path / KEY_FILE
    assert stat.S_IMODE(key.stat().st_mode) == 0o600 and len(key.read_bytes()) == 32
    assert payment_secret(make_settings(tmp_path)) == first  # same data dir, same secret (after restarts too)
    other = payment_secret(make_settings(tmp_path / "other"))
    assert other != first and len(first) == 32
