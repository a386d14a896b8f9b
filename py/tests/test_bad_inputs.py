"""The bad-input matrix (tests/bad_inputs.json) through the installed wheel: every case gives
the stable error id (or the well-formed answer) the other languages give, and nothing
crashes. Python cannot express one kind of case: a message that is not valid UTF-8 (messages
are str; bytes are refused as bad_type)."""

from __future__ import annotations

import json
import math
import os
import pathlib
from typing import Any

import pytest

import paycodes
from test_conformance import compare

HERE = pathlib.Path(__file__).resolve().parent
MATRIX = pathlib.Path(os.environ.get("PAYCODES_BAD_INPUTS", HERE.parent.parent / "tests" / "bad_inputs.json"))
CASES = json.loads(MATRIX.read_text(encoding="utf-8"))["cases"]


class NotExpressible(Exception):
    pass


def value(v: Any, *, message: bool = False) -> Any:
    """A matrix value as the Python object a caller would pass."""
    if isinstance(v, dict) and "$repeat" in v:
        return v.get("prefix", "") + v["$repeat"] * v["times"] + v.get("suffix", "")
    if isinstance(v, dict) and "$bytes" in v:
        if message:
            raise NotExpressible("messages are str in Python")
        return bytes(v["$bytes"])
    if isinstance(v, dict) and "$float" in v:
        return {"nan": math.nan, "inf": math.inf, "-inf": -math.inf}[v["$float"]]
    if isinstance(v, dict) and "$object" in v:
        return dict(v["$object"])
    return v


def test_the_matrix_has_at_least_30_cases() -> None:
    assert len(CASES) >= 30
    assert len({c["name"] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_bad_input(case: dict[str, Any]) -> None:
    options = dict(case.get("options", {}))
    try:
        if "message" in options:
            options["message"] = value(options["message"], message=True)
        code = value(case["code"])
    except NotExpressible as e:
        pytest.skip(f"not expressible in Python: {e}")
    try:
        answer = paycodes.decode(code, **options).to_dict()
    except paycodes.PaycodesError as err:
        assert "expect_error" in case, f"expected an answer, got {err.code} ({err})"
        assert err.code == case["expect_error"]
        if err.code == "bad_type":
            assert isinstance(err, TypeError)
        return
    assert "expect" in case, f"expected error {case['expect_error']}, got an answer"
    diffs: list[str] = []
    compare("", case["expect"], answer, diffs)
    assert not diffs, "; ".join(diffs)
