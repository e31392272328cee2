from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.core.callbacks import CallbackCodec, CallbackError

codec = CallbackCodec(b"secret")


def test_round_trip_bound_to_owner() -> None:
    data = codec.encode(42, "add", "P0001-BLK-M", 2)
    assert len(data.encode()) <= 64
    payload = codec.decode(42, data)
    assert (payload.prefix, payload.args) == ("add", ("P0001-BLK-M", "2"))
    assert payload.int_arg(1) == 2


def test_someone_else_cannot_press_it() -> None:
    data = codec.encode(42, "add", "P0001", 1)
    with pytest.raises(CallbackError):
        codec.decode(43, data)


def test_anyone_buttons_work_for_everyone() -> None:
    data = codec.encode(42, "claim", 7, anyone=True)
    assert codec.decode(99, data).arg(0) == "7"


def test_tampered_payload_is_refused() -> None:
    data = codec.encode(42, "add", "P0001", 1)
    with pytest.raises(CallbackError):
        codec.decode(42, data.replace(":1~", ":9~"))


def test_other_secret_is_refused() -> None:
    data = CallbackCodec(b"other").encode(42, "add", "P0001", 1)
    with pytest.raises(CallbackError):
        codec.decode(42, data)


def test_long_or_free_text_args_are_rejected_when_building() -> None:
    with pytest.raises(ValueError):
        codec.encode(1, "add", "x" * 60)
    with pytest.raises(ValueError):
        codec.encode(1, "add", "red shoes")


@given(st.text(max_size=80))
def test_any_garbage_is_refused_or_decoded_never_crashes(data: str) -> None:
    with contextlib.suppress(CallbackError):
        codec.decode(1, data)
