"""Benchmark of decode_arrow (not a test): `python py/bench/bench_arrow.py [ROWS]`.

In one process, on the same rows (known SNAP codes of the standard table, spread over
money-moving and inquiry services, 63 distinct, in random order; then the same with a
message on every row, the field-naming ones naming one of five fields):

- paycodes.decode_arrow: every column, and four columns (outcome, reason, action, detail);
- decode_many + building the same columns: `[d.to_dict() for d in decode_many(...)]` into
  `pa.Table.from_pylist` (what a user writes without decode_arrow), on a tenth of the rows;
- a pure-pandas mapping baseline: the answers of the distinct codes computed once (by the
  pure-Python decoder of baseline.py), then `Series.map(dict)` per column, the idiomatic
  vectorised pandas way;
- whole bodies: decode_arrow(bodies=...) against decode_response + to_dict + from_pylist,
  on ROWS / 50 distinct status-inquiry bodies.

Memory: the output's Arrow bytes per row, and the peak resident memory the call adds per row
(in a fresh subprocess: the input is built in Arrow, then the kernel's peak-RSS mark is reset
through /proc/self/clear_refs, so only the call's own allocations raise it), to compare. Prints best-of-N timings and ratios."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import timeit

import pandas as pd
import pyarrow as pa

import baseline
import paycodes

ROWS = int(sys.argv[1]) if len(sys.argv) > 1 else 5_000_000
SERVICES = ["54", "18", "24", "25", "36", "47", "73", "16"]
CASES = paycodes.table("snap-cases")
CODES = [f"{r['http_status']}{SERVICES[i % len(SERVICES)]}{r['case_code']}" for i, r in enumerate(CASES) if r["use"] == "standard"]
FOUR = ["outcome", "reason", "action", "detail"]
FIELDS = ["amount", "partnerReferenceNo", "virtualAccountNo", "customerNo", "additionalInfo.channel"]


def best(fn, repeat: int = 5) -> float:
    return min(timeit.repeat(fn, number=1, repeat=repeat))


def data(n: int, messages: bool) -> tuple[list[str], list[str | None] | None]:
    rng = random.Random(5)
    codes = [rng.choice(CODES) for _ in range(n)]
    if not messages:
        return codes, None
    by_code = {f"{r['http_status']}{r['case_code']}": r["message"] for r in CASES if r["use"] == "standard"}
    msgs = [by_code[c[:3] + c[5:]].replace("{field name}", rng.choice(FIELDS)) for c in codes]
    return codes, msgs


def peak_rss_per_row(n: int) -> tuple[float, float]:
    """(extra peak RSS per row, output bytes per row) of one decode_arrow call, measured in a
    fresh interpreter so that nothing else shares the peak."""
    script = f"""
import json, numpy as np, pyarrow as pa, paycodes
codes = pa.array({json.dumps(CODES)}, pa.string())
idx = np.random.default_rng(5).integers(0, len(codes), {n}, dtype=np.int32)
arr = codes.take(pa.array(idx))
del idx  # a large NumPy buffer goes back to the system when freed
def status(key):
    for line in open('/proc/self/status'):
        if line.startswith(key):
            return int(line.split()[1]) * 1024
before = status('VmRSS:')
with open('/proc/self/clear_refs', 'w') as f:
    f.write('5')  # resets VmHWM (the peak) to the current RSS
out = paycodes.decode_arrow(arr)
print(json.dumps([(status('VmHWM:') - before) / {n}, out.nbytes / {n}]))
"""
    res = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    extra, out = json.loads(res.stdout)
    return extra, out


def report(label: str, codes: list[str], messages: list[str | None] | None) -> None:
    n = len(codes)
    arr = pa.array(codes, pa.string())
    msg = None if messages is None else pa.array(messages, pa.string())
    # The answers agree before anything is timed.
    check = paycodes.decode_arrow(arr.slice(0, 2000), None if msg is None else msg.slice(0, 2000), dictionary=False)
    for i in range(0, 2000, 97):
        want = paycodes.decode(codes[i], message=None if messages is None else messages[i]).to_dict()
        assert check.column("outcome")[i].as_py() == want["outcome"] and check.column("detail")[i].as_py() == want["detail"]

    t_all = best(lambda: paycodes.decode_arrow(arr, msg))
    t_four = best(lambda: paycodes.decode_arrow(arr, msg, columns=FOUR))

    small = n // 10
    items = codes[:small] if messages is None else list(zip(codes[:small], messages[:small]))

    def via_decode_many() -> pa.Table:
        return pa.Table.from_pylist([d.to_dict() for d in paycodes.decode_many(items)])

    t_many = best(via_decode_many, repeat=3) * 10

    frame = pd.DataFrame({"code": codes})
    distinct = {c: baseline.decode(c) for c in set(codes)}

    def pandas_map(columns: list[str]) -> pd.DataFrame:
        out = pd.DataFrame(index=frame.index)
        for name in columns:
            out[name] = frame["code"].map({c: a[name] for c, a in distinct.items()})
        return out

    all_columns = list(next(iter(distinct.values())).keys())
    t_pandas_all = best(lambda: pandas_map(all_columns), repeat=3)
    t_pandas_four = best(lambda: pandas_map(FOUR), repeat=3)
    ns = lambda t: t / n * 1e9  # noqa: E731
    distinct_rows = len(set(zip(codes, messages if messages is not None else [None] * n)))
    print(f"{label}: {n:,} rows, {distinct_rows:,} distinct")
    print(f"  decode_arrow, all {check.num_columns} columns: {ns(t_all):6.1f} ns/row = {n / t_all / 1e6:5.1f} M rows/s")
    print(f"  decode_arrow, 4 columns:           {ns(t_four):6.1f} ns/row = {n / t_four / 1e6:5.1f} M rows/s")
    print(f"  decode_many + to_dict + from_pylist: {ns(t_many):6.0f} ns/row   decode_arrow is {t_many / t_all:5.1f}x faster")
    if messages is None:
        print(f"  pandas Series.map per column, {len(all_columns)} columns: {ns(t_pandas_all):6.1f} ns/row   decode_arrow (all) is {t_pandas_all / t_all:5.1f}x faster")
        print(f"  pandas Series.map per column, 4 columns:  {ns(t_pandas_four):6.1f} ns/row   decode_arrow (4) is {t_pandas_four / t_four:5.1f}x faster")


report("known SNAP codes", *data(ROWS, messages=False))
report("known SNAP codes with their messages", *data(ROWS, messages=True))
extra, out = peak_rss_per_row(ROWS)
print(f"memory: output {out:.1f} bytes/row (all columns, dictionary keys); peak RSS added by the call {extra:.1f} bytes/row")


def bodies(n: int) -> list[str]:
    """Status-inquiry bodies of the standard's shape: eight transaction states, distinct
    references on every row (as real logs have)."""
    rng = random.Random(7)
    out = []
    for i in range(n):
        state = rng.choice(["00", "01", "02", "03", "04", "05", "06", "07"])
        out.append(
            json.dumps(
                {
                    "responseCode": "2005500",
                    "responseMessage": "Successful",
                    "originalPartnerReferenceNo": f"INV-{i:010d}",
                    "originalReferenceNo": f"REF{i:012d}",
                    "serviceCode": "54",
                    "latestTransactionStatus": state,
                    "transactionStatusDesc": "status",
                    "amount": {"value": f"{rng.randint(1, 99999)}.00", "currency": "IDR"},
                }
            )
        )
    return out


# Whole bodies: decode_arrow(bodies=...) against decode_response + to_dict + from_pylist.
B = max(ROWS // 50, 1000)
body_rows = bodies(B)
body_column = pa.array(body_rows, pa.string())
t_bodies = best(lambda: paycodes.decode_arrow(bodies=body_column), repeat=3)
t_bodies_four = best(lambda: paycodes.decode_arrow(bodies=body_column, columns=FOUR[:3] + ["decided_by"]), repeat=3)
few = body_rows[: max(B // 10, 100)]
t_loop = best(lambda: pa.Table.from_pylist([paycodes.decode_response(b).to_dict() for b in few]), repeat=3) * B / len(few)
print(f"whole bodies: {B:,} rows, each distinct ({sum(map(len, body_rows)) / B:.0f} bytes)")
print(f"  decode_arrow(bodies=...), all columns: {t_bodies / B * 1e9:7.0f} ns/row = {B / t_bodies / 1e6:5.2f} M rows/s")
print(f"  decode_arrow(bodies=...), 4 columns:   {t_bodies_four / B * 1e9:7.0f} ns/row")
print(f"  decode_response + to_dict + from_pylist: {t_loop / B * 1e9:7.0f} ns/row   decode_arrow (all) is {t_loop / t_bodies:4.1f}x faster")
