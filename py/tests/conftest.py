"""Shared fixtures. The tests run against the *installed* wheel, never the source tree."""

from __future__ import annotations

import json
import os
import pathlib
import shutil

import pytest

import paycodes

HERE = pathlib.Path(__file__).resolve().parent
VECTORS = pathlib.Path(os.environ.get("PAYCODES_VECTORS", HERE.parent.parent / "tests" / "vectors"))


def pytest_configure(config: pytest.Config) -> None:
    location = pathlib.Path(paycodes.__file__).resolve()
    if "site-packages" not in location.parts:
        raise pytest.UsageError(f"paycodes imported from {location}, not from an installed wheel")


def load_vectors() -> list[tuple[str, dict]]:
    cases = []
    for path in sorted(VECTORS.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
            cases.append((f"{path.stem}: {case['name']}", case))
    if not cases:
        raise RuntimeError(f"no vectors in {VECTORS}")
    return cases


@pytest.fixture(scope="session")
def cli() -> str:
    """The `paycodes` binary the test command built (PAYCODES_CLI), for JSON comparisons."""
    path = os.environ.get("PAYCODES_CLI") or shutil.which("paycodes")
    if not path:
        raise RuntimeError("set PAYCODES_CLI to the paycodes binary (scripts/test-all.sh does)")
    return path
