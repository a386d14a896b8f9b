"""Thread stress: 8 Python threads each decode 1,000,000 mixed items at once, in batches of
10,000 through decode_many (which releases the GIL while decoding), and every answer equals
the single-threaded one. The workload is the one every language uses (the vectors' (code,
message) pairs; tests/rust/src/stress_main.rs describes it)."""

from __future__ import annotations

import threading
import paycodes
from conftest import load_vectors

THREADS, PER_THREAD, BATCH = 8, 1_000_000, 10_000


def items() -> list[tuple[str, str | None]]:
    out = set()
    for _, case in load_vectors():
        inp = case["input"]
        decode = case.get("call", "decode") == "decode"
        message_ok = isinstance(inp.get("message"), (str, type(None)))
        if decode and set(inp) <= {"code", "message"} and isinstance(inp.get("code"), str) and message_ok and "expect" in case:
            out.add((inp["code"], inp.get("message")))
    return sorted(out, key=lambda x: (x[0], x[1] or ""))


def test_threads_decode_what_one_thread_decodes() -> None:
    pool = items()
    assert len(pool) > 90
    reference = [paycodes.decode(code, message=message).to_dict() for code, message in pool]
    failures: list[str] = []
    decoded = [0] * THREADS

    def work(t: int) -> None:
        try:
            for start in range(0, PER_THREAD, BATCH):
                ks = [(i * 7919 + t * 104729) % len(pool) for i in range(start, start + BATCH)]
                answers = paycodes.decode_many([pool[k] for k in ks])
                # Equal inputs of one batch share one (immutable) object: each distinct object is
                # compared in full, and may only stand for items equal to the one it answered.
                first: dict[int, int] = {}
                for k, d in zip(ks, answers):
                    j = first.get(id(d))
                    if j is None:
                        first[id(d)] = k
                        if d.to_dict() != reference[k]:
                            failures.append(f"thread {t}: {pool[k]!r}")
                    elif pool[j] != pool[k]:
                        failures.append(f"thread {t}: {pool[k]!r} got the answer of {pool[j]!r}")
                decoded[t] += len(answers)
        except Exception as e:  # noqa: BLE001 - reported as a failure below
            failures.append(f"thread {t}: {e!r}")

    threads = [threading.Thread(target=work, args=(t,)) for t in range(THREADS)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert failures == []
    assert decoded == [PER_THREAD] * THREADS
