"""Runs every vector of tests/vectors through the installed wheel and writes one JSON line per
vector (the answer, the error id, or why Python cannot express the input), for the checker
every language shares (`paycodes-conformance --check python FILE`)."""

from __future__ import annotations

import json
import math
import pathlib
from typing import Any

import paycodes

POSITIONAL = {"decode": "code", "explain": "code", "decode_many": "codes", "build_snap": "service",
              "customer_message": "reason", "export": "name", "decode_response": "body",
              "retry_decision": "code"}


def expand(v: Any) -> Any:
    """The `$` forms of tests/vectors/README.md as Python values."""
    if isinstance(v, dict):
        if "$repeat" in v:
            return v.get("prefix", "") + v["$repeat"] * v["times"] + v.get("suffix", "")
        if "$bytes" in v:
            return bytes(v["$bytes"])
        if "$float" in v:
            return {"nan": math.nan, "inf": math.inf, "-inf": -math.inf, "-0": -0.0}[v["$float"]]
        if "$bigint" in v:
            return int(v["$bigint"])
        if "$lone_surrogate" in v:
            return "ab\ud800cd"
        if "$object" in v:
            return {k: expand(x) for k, x in v["$object"].items()}
        return {k: expand(x) for k, x in v.items()}
    if isinstance(v, list):
        return [expand(x) for x in v]
    return v


def call(case: dict[str, Any]) -> Any:
    name = case.get("call", "decode")
    inp = {k: expand(v) for k, v in case["input"].items()}
    first = inp.pop(POSITIONAL[name], None)
    if name == "decode":
        return paycodes.decode(first, **inp).to_dict()
    if name == "explain":
        return paycodes.explain(first, **inp)
    if name == "decode_many":
        if isinstance(first, list):
            first = [tuple(x) if isinstance(x, list) and len(x) == 2 else x for x in first]
        return [d.to_dict() for d in paycodes.decode_many(first, **inp)]
    if name == "build_snap":
        return paycodes.build_snap(first, **inp).to_dict()
    if name == "customer_message":
        text = paycodes.customer_message(first, **inp)
        return {"text": text, "masked": paycodes.is_masked(first)}
    if name == "export":
        return paycodes.export(first, **inp)
    if name == "retry_decision":
        # A history list goes in as it is: the binding sends its JSON text.
        return paycodes.retry_decision(first, **inp).to_dict()
    if name == "decode_response":
        # A dict or list body goes in as it is: the binding sends its JSON text.
        return paycodes.decode_response(first, **inp).to_dict()
    raise ValueError(f"unknown call {name}")


def run(vectors: pathlib.Path, out: pathlib.Path) -> None:
    with out.open("w", encoding="utf-8") as f:
        for path in sorted(vectors.glob("*.json")):
            for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
                line: dict[str, Any] = {"file": path.stem, "name": case["name"]}
                try:
                    line["answer"] = call(case)
                except paycodes.PaycodesError as err:
                    line["error"] = err.code
                    if err.index is not None:
                        line["index"] = err.index
                f.write(json.dumps(line, ensure_ascii=False, allow_nan=False) + "\n")
