"""Every vector of tests/vectors against the installed wheel (same comparison as every other
runner: objects compare as subsets, arrays element by element, scalars by equality)."""

from __future__ import annotations

from typing import Any

import pytest

import paycodes
from conftest import load_vectors

CASES = load_vectors()


def compare(path: str, expect: Any, actual: Any, diffs: list[str]) -> None:
    if isinstance(expect, dict) and isinstance(actual, dict):
        for k, v in expect.items():
            if k not in actual:
                diffs.append(f"{path}{k}: missing")
            else:
                compare(f"{path}{k}.", v, actual[k], diffs)
    elif isinstance(expect, list) and isinstance(actual, list) and len(expect) == len(actual):
        for i, (e, a) in enumerate(zip(expect, actual)):
            compare(f"{path}{i}.", e, a, diffs)
    elif expect != actual or type(expect) is bool and type(actual) is not bool:
        diffs.append(f"{path.rstrip('.')}: expected {expect!r}, got {actual!r}")


@pytest.mark.parametrize("name,case", CASES, ids=[n for n, _ in CASES])
def test_vector(name: str, case: dict) -> None:
    inp = case["input"]
    options = {k: inp.get(k) for k in ("message", "provider", "family", "network", "operation", "kind", "locale")}
    try:
        answer = paycodes.decode(inp.get("code"), **options).to_dict()
    except paycodes.PaycodesError as err:
        assert "expect_error" in case, f"expected an answer, got error {err.code} ({err})"
        assert err.code == case["expect_error"]
        return
    assert "expect" in case, f"expected error {case.get('expect_error')}, got an answer"
    diffs: list[str] = []
    compare("", case["expect"], answer, diffs)
    assert not diffs, "; ".join(diffs)
