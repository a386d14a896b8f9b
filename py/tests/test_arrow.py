"""decode_arrow: the columnar decode, checked row for row against decode / decode_many on the
whole corpus and on a million generated rows, and the pyarrow, pandas and Polars recipes of
the README, run as written there."""

from __future__ import annotations

import json
import math
import pathlib
import random
import re
import textwrap
from collections import defaultdict
from typing import Any

import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import paycodes
from conftest import load_vectors

OPTIONS = {"provider", "family", "network", "operation", "kind", "locale"}


def expected_cell(answer: dict[str, Any] | None, error: str | None, raw: Any, name: str) -> Any:
    """What column `name` should hold, from the documented flattening of the answer."""
    if name == "error":
        return error
    if answer is None:
        return None if name != "raw" or raw is None else raw_text(raw)
    if name == "raw":
        return raw_text(answer["raw"])
    if name in answer:
        v = answer[name]
        if isinstance(v, list):
            return v or None
        return v
    prefix, _, sub = name.partition("_")
    nested = answer.get(prefix)
    return None if nested is None else nested[sub]


def raw_text(v: Any) -> str:
    if isinstance(v, str):
        return v
    if isinstance(v, float):
        return repr(v) if not v.is_integer() else json.dumps(v)
    return str(v)


def actual_cell(batch: pa.RecordBatch, name: str, i: int) -> Any:
    v = batch.column(name)[i].as_py()
    if name in ("network_variants", "warnings") and v is not None:
        return json.loads(v)
    return v


def answer_of(code: Any, message: Any, options: dict[str, Any]) -> tuple[dict[str, Any] | None, str | None]:
    try:
        return paycodes.decode(code, message=message, **options).to_dict(), None
    except paycodes.PaycodesError as e:
        return None, e.code


def corpus_groups() -> dict[str, tuple[dict[str, Any], list[tuple[str, Any, Any]]]]:
    """The corpus' decode vectors whose code is text or a whole number, by options."""
    groups: dict[str, tuple[dict[str, Any], list[tuple[str, Any, Any]]]] = {}
    for name, case in load_vectors():
        if case.get("call", "decode") != "decode":
            continue
        inp = dict(case["input"])
        code, message = inp.pop("code"), inp.pop("message", None)
        if set(inp) - OPTIONS or not all(isinstance(v, str) for v in inp.values()):
            continue
        if not isinstance(code, (str, int)) or isinstance(code, bool) or not isinstance(message, (str, type(None))):
            continue
        if isinstance(code, int) and not -(2**63) <= code < 2**63:
            continue
        key = json.dumps(inp, sort_keys=True)
        groups.setdefault(key, (inp, []))[1].append((name, code, message))
    return groups


GROUPS = corpus_groups()


def test_the_corpus_gives_many_rows() -> None:
    rows = sum(len(rows) for _, rows in GROUPS.values())
    assert rows > 900, rows  # most of the 1,047 decode vectors are expressible as columns


@pytest.mark.parametrize("key", sorted(GROUPS))
def test_corpus_rows_equal_decode_and_decode_many(key: str) -> None:
    options, rows = GROUPS[key]
    for kind in ("text", "int"):
        subset = [r for r in rows if isinstance(r[1], str) == (kind == "text")]
        if not subset:
            continue
        codes = pa.array([c for _, c, _ in subset], pa.string() if kind == "text" else pa.int64())
        messages = pa.array([m for _, _, m in subset], pa.string())
        try:
            batch = paycodes.decode_arrow(codes, messages, **options)
        except paycodes.PaycodesError as e:
            # Options that are wrong for every row: decode says the same of each row.
            assert all(answer_of(c, m, options) == (None, e.code) for _, c, m in subset), e.code
            continue
        assert batch.num_rows == len(subset)
        good = []
        for i, (name, code, message) in enumerate(subset):
            answer, error = answer_of(code, message, options)
            if answer is not None:
                good.append((i, code, message))
            for col in batch.schema.names:
                want, got = expected_cell(answer, error, code, col), actual_cell(batch, col, i)
                assert got == want, f"{name}: column {col}: {got!r} != {want!r}"
        # The rows that decode, against decode_many over the same items.
        many = paycodes.decode_many([(c, m) for _, c, m in good], **options)
        for (i, _, _), d in zip(good, many):
            for col, value in d.to_dict().items():
                if col in batch.schema.names and not isinstance(value, (dict, list)) and col != "raw":
                    assert actual_cell(batch, col, i) == value, (col, i)


def test_columns_are_the_documented_flattening() -> None:
    batch = paycodes.decode_arrow(pa.array(["4035414"]))
    fields = paycodes.decode("4035414").to_dict()
    expected = []
    for key, value in fields.items():
        if key == "service":
            expected += [f"service_{k}" for k in value if f"service_{k}" not in fields]
        else:
            expected.append(key)
    assert batch.schema.names == expected + ["error"]
    assert batch.schema.field("outcome").metadata[b"description"].startswith(b"Did the money move")


def test_types_dictionary_and_plain() -> None:
    batch = paycodes.decode_arrow(pa.array(["4035414", "4002501"]))
    assert pa.types.is_dictionary(batch.schema.field("outcome").type)
    assert batch.schema.field("outcome").type.index_type == pa.int8()
    # An enum column's dictionary is every id of the enum, so frames from different batches agree.
    assert "unknown" in batch.column("outcome").dictionary.to_pylist()
    assert batch.schema.field("known").type == pa.bool_()
    assert batch.schema.field("http_status").type == pa.int64()
    plain = paycodes.decode_arrow(pa.array(["4035414"]), dictionary=False)
    assert plain.schema.field("outcome").type == pa.string()
    assert plain.column("outcome").to_pylist() == ["failed"]


def test_columns_select_and_order() -> None:
    batch = paycodes.decode_arrow(pa.array(["4035414"]), columns=["action", "outcome"])
    assert batch.schema.names == ["action", "outcome"]
    with pytest.raises(paycodes.UnknownOptionError) as e:
        paycodes.decode_arrow(pa.array(["4035414"]), columns=["outcom"])
    assert e.value.code == "unknown_column"


def test_input_types() -> None:
    want = ["failed", "failed", "failed", "failed"]
    for codes in (
        pa.array(["4035414"] * 4),
        pa.array(["4035414"] * 4, pa.large_string()),
        pa.array(["4035414"] * 4, pa.string_view()),
        pa.array(["4035414"] * 4).dictionary_encode(),
        pa.array([b"4035414"] * 4, pa.binary()),
        pa.array([4035414] * 4, pa.int32()),
        pa.array([4035414] * 4, pa.uint64()),
        pa.array([4035414.0] * 4, pa.float64()),
        pa.chunked_array([["4035414"], ["4035414", "4035414"], [], ["4035414"]]),
        ["4035414"] * 4,
        pd.Series(["4035414"] * 4),
        pl.Series(["4035414"] * 4),
    ):
        assert paycodes.decode_arrow(codes, columns=["outcome"]).column(0).to_pylist() == want, type(codes)


def test_messages_in_other_chunks_still_line_up() -> None:
    codes = pa.chunked_array([["4002501", "4035414"], ["4002501"]])
    messages = pa.chunked_array([["Invalid Field Format amount"], [None, "Invalid Field Format partnerReferenceNo"]])
    batch = paycodes.decode_arrow(codes, messages, columns=["detail", "reason"])
    assert batch.column("detail").to_pylist() == ["amount", None, "partnerReferenceNo"]


def test_bad_rows_are_rows_with_an_error() -> None:
    batch = paycodes.decode_arrow(pa.array(["40354", None, "4035414", "abc"]), columns=["raw", "outcome", "error"])
    assert batch.to_pylist() == [
        {"raw": "40354", "outcome": None, "error": "bad_length"},
        {"raw": None, "outcome": None, "error": "bad_type"},
        {"raw": "4035414", "outcome": "failed", "error": None},
        {"raw": "abc", "outcome": None, "error": "unknown_format"},
    ]


def test_bad_arguments_raise_with_stable_ids() -> None:
    with pytest.raises(paycodes.ArgumentTypeError) as e:
        paycodes.decode_arrow(pa.array([True, False]))
    assert e.value.code == "bad_type"
    with pytest.raises(paycodes.ArgumentTypeError) as e:
        paycodes.decode_arrow(object())
    assert e.value.code == "bad_type"
    with pytest.raises(paycodes.ArgumentTypeError):
        paycodes.decode_arrow(pa.array(["4035414"]), pa.array([1]))
    with pytest.raises(paycodes.InvalidArgumentError) as e:
        paycodes.decode_arrow(pa.array(["4035414", "4035414"]), pa.array(["x"]))
    assert e.value.code == "length_mismatch"
    with pytest.raises(paycodes.UnknownOptionError) as e:
        paycodes.decode_arrow(pa.array(["4035414"]), provider="nope")
    assert e.value.code == "unknown_provider"


def test_options_apply_to_every_row() -> None:
    batch = paycodes.decode_arrow(pa.array(["08", "11"]), network="visa", locale="id", columns=["network", "locale"])
    assert batch.column("network").to_pylist() == ["visa", "visa"]
    assert batch.column("locale").to_pylist() == ["id", "id"]


def test_empty_input() -> None:
    batch = paycodes.decode_arrow(pa.array([], pa.string()))
    assert batch.num_rows == 0 and "outcome" in batch.schema.names


def generated_rows(n: int, seed: int = 7) -> tuple[list[Any], list[Any]]:
    """Log-like rows: SNAP codes of the standard's table with their messages (some with a
    field name), card codes, provider strings, and malformed codes; about a thousand distinct."""
    rng = random.Random(seed)
    snap = [(r["code"], r["message"]) for r in paycodes.table("snap_cases")]
    fields = ["amount", "partnerReferenceNo", "virtualAccountNo", "customerNo", "additionalInfo.channel"]
    pool: list[tuple[Any, Any]] = []
    for template, message in snap:
        for service in ("54", "24", "25", "47", "17", "11"):
            code = template.replace("xx", service).replace("XX", service)
            pool.append((code, None))
            pool.append((code, message.replace("{field name}", rng.choice(fields)).replace("{field}", rng.choice(fields))))
    pool += [(f"{i:02d}", None) for i in range(100)]
    pool += [("TIME_OUT", None), ("40354", None), ("", None), (None, None), ("x" * 40, "m")]
    weights = [1.0 / (k + 1) for k in range(len(pool))]
    picks = rng.choices(range(len(pool)), weights=weights, k=n)
    return [pool[k][0] for k in picks], [pool[k][1] for k in picks]


def test_a_million_generated_rows_equal_decode() -> None:
    codes, messages = generated_rows(1_000_000)
    batch = paycodes.decode_arrow(pa.array(codes, pa.string()), pa.array(messages, pa.string()))
    assert batch.num_rows == 1_000_000
    # Each distinct row decoded by decode(); then every column compared in one vector pass.
    distinct: dict[tuple[Any, Any], int] = {}
    index = [distinct.setdefault(row, len(distinct)) for row in zip(codes, messages)]
    assert 500 < len(distinct) < 5000, len(distinct)
    answers = [answer_of(c, m, {}) for c, m in distinct]
    take = pa.array(index, pa.int32())
    for name in batch.schema.names:
        column = batch.column(name)
        values = [expected_cell(a, e, code, name) for (a, e), (code, _) in zip(answers, distinct)]
        if name in ("network_variants", "warnings"):
            got = [None if v is None else json.loads(v) for v in column.dictionary.to_pylist()]
            keys = column.indices.to_pylist()
            assert all((got[k] if k is not None else None) == values[i] for k, i in zip(keys, index)), name
            continue
        if pa.types.is_dictionary(column.type):
            column = column.cast(pa.string())
        want = pa.array(values, column.type).take(take)
        assert column.equals(want), name


def test_equal_rows_share_answers_and_memory_stays_columnar() -> None:
    codes = pa.array(["4035414", "4002501"] * 50_000)
    batch = paycodes.decode_arrow(codes, columns=["outcome", "reason", "message", "known"])
    # Dictionary keys are one byte a row here; the dictionaries are tiny.
    assert batch.column("message").dictionary.to_pylist() == ["Insufficient Funds", "Invalid Field Format {field name}"]
    assert batch.nbytes < 100_000 * 4, batch.nbytes


# The README's recipes, as written there.


def recipes() -> dict[str, str]:
    """Each `# --- recipe: NAME ---` block of this file and of the Spark test, dedented."""
    here = pathlib.Path(__file__).resolve().parent
    found = {}
    for path in (here / "test_arrow.py", here / "test_arrow_bodies.py", here.parent / "tests_spark" / "test_spark.py"):
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r"# --- recipe: (\w+) ---\n(.*?)\n\s*# --- end ---", text, re.S):
            found[m.group(1)] = textwrap.dedent(m.group(2)).strip()
    return found


def test_the_readme_shows_the_recipes_these_tests_run() -> None:
    readme = pathlib.Path(__file__).resolve().parents[2] / "README.md"
    if not readme.exists():
        pytest.skip("not run from a checkout")
    text = readme.read_text(encoding="utf-8")
    found = recipes()
    assert sorted(found) == ["bodies", "pandas", "polars", "pyarrow", "spark"]
    for name, code in found.items():
        assert code in text, f"README.md does not show the {name} recipe exactly as tests run it:\n{code}"



def test_recipe_pyarrow_parquet(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    pq.write_table(
        pa.table({"responseCode": ["4035414", "2005400", "40354"], "responseMessage": ["Insufficient Funds", "Successful", None]}),
        "logs.parquet",
    )
    # --- recipe: pyarrow ---
    logs = pq.read_table("logs.parquet", columns=["responseCode", "responseMessage"])
    answers = paycodes.decode_arrow(logs["responseCode"], logs["responseMessage"], provider="doku")
    pq.write_table(pa.Table.from_batches([answers]), "decoded.parquet")
    # --- end ---
    back = pq.read_table("decoded.parquet")
    assert back.column("outcome").to_pylist() == ["failed", "success", None]
    assert back.column("error").to_pylist() == [None, None, "bad_length"]


def test_recipe_pandas() -> None:
    df = pd.DataFrame({"code": ["4035414", "4002501", "4035414"], "message": [None, "Invalid Field Format amount", None]})
    # --- recipe: pandas ---
    answers = paycodes.decode_arrow(df["code"], df["message"], columns=["outcome", "reason", "action", "detail"])
    df = df.join(answers.to_pandas())
    # --- end ---
    assert df["outcome"].tolist() == ["failed", "failed", "failed"]
    assert df["detail"].tolist()[1] == "amount"
    assert isinstance(df["outcome"].dtype, pd.CategoricalDtype)


def test_recipe_polars() -> None:
    df = pl.DataFrame({"code": ["4035414", "4002501", "5005400"], "message": [None, "Invalid Field Format amount", None]})
    # --- recipe: polars ---
    answers = pl.from_arrow(paycodes.decode_arrow(df["code"], df["message"], columns=["outcome", "action", "detail"]))
    df = df.hstack(answers.get_columns())
    # Or inside an expression (e.g. in a LazyFrame pipeline), one column:
    lazy = pl.LazyFrame({"code": ["4035414", "2005400"]}).with_columns(
        pl.col("code")
        .map_batches(
            lambda s: pl.from_arrow(paycodes.decode_arrow(s, columns=["outcome"], dictionary=False)).to_series(),
            return_dtype=pl.String,
        )
        .alias("outcome")
    )
    # --- end ---
    assert df["outcome"].to_list() == ["failed", "failed", "unknown"]
    assert df["action"].to_list()[2] == "inquire_status"
    assert lazy.collect()["outcome"].to_list() == ["failed", "success"]


def test_nan_floats_are_null_codes() -> None:
    # pandas turns an integer column with gaps into floats with NaN; pyarrow reads NaN as null.
    batch = paycodes.decode_arrow(pd.Series([4035414, math.nan]), columns=["outcome", "error"])
    assert batch.to_pylist() == [{"outcome": "failed", "error": None}, {"outcome": None, "error": "bad_type"}]


def test_answers_do_not_depend_on_batching() -> None:
    codes, messages = generated_rows(20_000, seed=11)
    whole = paycodes.decode_arrow(pa.array(codes), pa.array(messages), dictionary=False)
    parts = defaultdict(list)
    for start in range(0, 20_000, 3_000):
        part = paycodes.decode_arrow(pa.array(codes[start : start + 3_000]), pa.array(messages[start : start + 3_000]), dictionary=False)
        for name in part.schema.names:
            parts[name] += part.column(name).to_pylist()
    for name in whole.schema.names:
        assert whole.column(name).to_pylist() == parts[name], name
