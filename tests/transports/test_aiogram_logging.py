"""aiogram's line per handled update ("Update id=… is handled. Duration …", logger ``aiogram.event``) is off at
INFO: a shop's log got one per message (the e2e bench counted them). A level set for that logger on purpose is
kept, and its warnings still show."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.bots import make_settings


@pytest.fixture
def event_logger() -> Iterator[logging.Logger]:
    logger, root = logging.getLogger("aiogram.event"), logging.getLogger()
    before, root_before = logger.level, root.level
    logger.setLevel(logging.NOTSET)
    root.setLevel(logging.INFO)  # as `shopbot run` and the bench set it
    yield logger
    logger.setLevel(before)
    root.setLevel(root_before)


def _transport(tmp_path: Path) -> object:
    from bot.transports.aiogram.app import AiogramTransport

    return AiogramTransport(make_settings(tmp_path, telegram_bot_token="123456:TEST"))


def test_the_per_update_info_line_is_off(tmp_path: Path, event_logger: logging.Logger) -> None:
    _transport(tmp_path)
    assert not event_logger.isEnabledFor(logging.INFO) and event_logger.isEnabledFor(logging.WARNING)


def test_a_level_set_on_purpose_is_kept(tmp_path: Path, event_logger: logging.Logger) -> None:
    event_logger.setLevel(logging.DEBUG)
    _transport(tmp_path)
    assert event_logger.level == logging.DEBUG
