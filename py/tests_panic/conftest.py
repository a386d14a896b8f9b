"""The panic-safety test runs only against a wheel built with the test-panic feature,
installed (not the source tree): scripts/test-all.sh builds and installs one separately."""

from __future__ import annotations

import pathlib

import pytest

import paycodes
from paycodes import _paycodes


def pytest_configure(config: pytest.Config) -> None:
    location = pathlib.Path(paycodes.__file__).resolve()
    if "site-packages" not in location.parts:
        raise pytest.UsageError(f"paycodes imported from {location}, not from an installed wheel")
    if not hasattr(_paycodes, "_panic_code"):
        raise pytest.UsageError("this wheel was built without the test-panic feature")
