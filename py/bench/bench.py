"""Benchmark of the Python binding (not a test): `python py/bench/bench.py`.

Compares paycodes.decode per call and paycodes.decode_many per code against the pure-Python
baseline (baseline.py) on the core benchmark's codes (every standard HTTP status + case,
spread over money-moving and inquiry services), in the same process. Also measures
`import paycodes`. Prints best-of-N timings and ratios."""

from __future__ import annotations

import statistics
import subprocess
import sys
import timeit

import baseline
import paycodes

SERVICES = ["54", "18", "24", "25", "36", "47", "73", "16"]
CASES = paycodes.table("snap-cases")
CODES = [f"{r['http_status']}{SERVICES[i % len(SERVICES)]}{r['case_code']}" for i, r in enumerate(CASES) if r["use"] == "standard"]
assert len(CODES) == 63

# The baseline answers exactly what paycodes answers (same job), checked before timing.
for c in CODES:
    assert baseline.decode(c) == paycodes.decode(c).to_dict(), c


def best(stmt, number: int, repeat: int = 7) -> float:
    return min(timeit.repeat(stmt, number=number, repeat=repeat)) / number


def per_call(fn) -> float:
    def run() -> None:
        for c in CODES:
            fn(c)
    return best(run, 2000) / len(CODES)


ours = per_call(paycodes.decode)
ours_dict = per_call(lambda c: paycodes.decode(c).to_dict())
theirs = per_call(baseline.decode)
batch = CODES * 2000
many = best(lambda: paycodes.decode_many(batch), 1, repeat=5) / len(batch)
many_dict = best(lambda: [d.to_dict() for d in paycodes.decode_many(batch)], 1, repeat=5) / len(batch)
theirs_batch = best(lambda: [baseline.decode(c) for c in batch], 1, repeat=5) / len(batch)
# Every listed case on all 100 numeric service codes: nothing repeats.
distinct = [f"{r['http_status']}{s:02d}{r['case_code']}" for r in CASES if r["use"] == "standard" for s in range(100)]
many_distinct = best(lambda: paycodes.decode_many(distinct), 1, repeat=5) / len(distinct)
theirs_distinct = best(lambda: [baseline.decode(c) for c in distinct], 1, repeat=5) / len(distinct)


def import_ms() -> float:
    def time_of(code: str) -> float:
        out = subprocess.run([sys.executable, "-c", f"import time; t=time.perf_counter(); {code}; print(time.perf_counter()-t)"],
                             capture_output=True, text=True, check=True)
        return float(out.stdout)
    return statistics.median(time_of("import paycodes") for _ in range(15)) * 1000


print(f"decode per call:               paycodes {ours * 1e9:7.0f} ns   baseline {theirs * 1e9:7.0f} ns   {theirs / ours:5.1f}x")
print(f"decode + to_dict per call:     paycodes {ours_dict * 1e9:7.0f} ns   baseline {theirs * 1e9:7.0f} ns   {theirs / ours_dict:5.1f}x")
print(f"decode_many per code (repeated): paycodes {many * 1e9:6.0f} ns   baseline {theirs_batch * 1e9:7.0f} ns   {theirs_batch / many:5.1f}x")
print(f"decode_many per code (distinct): paycodes {many_distinct * 1e9:6.0f} ns   baseline {theirs_distinct * 1e9:7.0f} ns   {theirs_distinct / many_distinct:5.1f}x")
print(f"decode_many + to_dict per code: paycodes {many_dict * 1e9:6.0f} ns   baseline {theirs_batch * 1e9:7.0f} ns   {theirs_batch / many_dict:5.1f}x")
print(f"import paycodes (median of 15, fresh interpreter): {import_ms():.1f} ms")
