"""Every vector of tests/vectors against the installed wheel, checked by the comparison every
language shares (`paycodes-conformance --check`): objects as subsets, arrays element by
element, scalars by equality, error ids and batch indexes exactly."""

from __future__ import annotations

import os
import pathlib
import subprocess

from conftest import VECTORS
from vectors_runner import run


def test_vectors(tmp_path: pathlib.Path) -> None:
    checker = os.environ.get("PAYCODES_CONFORMANCE")
    assert checker, "set PAYCODES_CONFORMANCE to the paycodes-conformance binary (cargo xtask ci does)"
    answers = tmp_path / "answers-python.jsonl"
    run(VECTORS, answers)
    result = subprocess.run([checker, "--check", "python", str(answers), str(VECTORS)], capture_output=True, text=True)
    print(result.stdout)
    assert result.returncode == 0, result.stdout[-4000:]
