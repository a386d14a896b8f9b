"""Panic safety, against a wheel built with the test-panic feature (scripts/test-all.sh builds
it separately: never a release build). Decoding the test-panic code makes the Rust core panic
on purpose: Python sees paycodes.InternalError, a PaycodesError, and the process lives on."""

from __future__ import annotations

import pytest

import paycodes
from paycodes import _paycodes


def test_a_panic_in_the_core_is_an_exception_and_the_process_lives_on() -> None:
    code = _paycodes._panic_code()  # type: ignore[attr-defined]
    with pytest.raises(paycodes.InternalError) as e:
        paycodes.decode(code)
    assert isinstance(e.value, paycodes.PaycodesError)
    assert e.value.code == "internal"
    # Also from inside decode_many, where decoding runs without the GIL.
    with pytest.raises(paycodes.InternalError):
        paycodes.decode_many(["4035414", code])
    with pytest.raises(paycodes.InternalError):
        paycodes.explain(code)
    # The interpreter and the library are still fine.
    assert paycodes.decode("4035414").reason == "insufficient_funds"
    assert len(paycodes.decode_many(["4035414"] * 1000)) == 1000
