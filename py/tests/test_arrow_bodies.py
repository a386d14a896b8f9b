"""decode_arrow(bodies=...): a column of whole response bodies, checked row for row against
decode_response on every response vector of the corpus, with the documented flattening of
the DecodedResponse (nested objects as `<field>_<subfield>`, lists as JSON text)."""

from __future__ import annotations

import json
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import paycodes
from conftest import load_vectors

OPTIONS = {"provider", "operation", "http_status", "locale"}


def flatten(answer: dict[str, Any], prefix: str = "", out: dict[str, Any] | None = None) -> dict[str, Any]:
    """The answer as one flat row: a nested object as `<field>_<subfield>`, a name already
    taken not repeated, an empty list null. (A null object reads as a null field here: its
    columns are null.)"""
    out = {} if out is None else out
    own = {prefix + k for k, v in answer.items() if not isinstance(v, dict)}
    for key, value in answer.items():
        name = prefix + key
        if isinstance(value, dict):
            for k, v in flatten(value, name + "_").items():
                if k not in own and k not in out:
                    out[k] = v
        elif name not in out:
            out[name] = value if not isinstance(value, list) else (value or None)
    return out


def body_text(body: Any) -> Any:
    """A body as the column holds it: JSON text for an object or array (as decode_response
    serializes one), text and null as they are."""
    return json.dumps(body, ensure_ascii=False) if isinstance(body, (dict, list)) else body


def response_groups() -> dict[str, tuple[dict[str, Any], list[tuple[str, Any]]]]:
    groups: dict[str, tuple[dict[str, Any], list[tuple[str, Any]]]] = {}
    for name, case in load_vectors():
        if case.get("call") != "decode_response":
            continue
        inp = dict(case["input"])
        body = inp.pop("body", None)
        if set(inp) - OPTIONS or not isinstance(body, (dict, list, str, type(None))):
            continue
        key = json.dumps(inp, sort_keys=True)
        groups.setdefault(key, (inp, []))[1].append((name, body_text(body)))
    return groups


GROUPS = response_groups()


def cell(batch: pa.RecordBatch, name: str, i: int) -> Any:
    """A cell as to_dict() has it: the list columns' JSON text parsed."""
    v = batch.column(name)[i].as_py()
    if v is not None and name.endswith(("references", "warnings", "network_variants")):
        return json.loads(v)
    return v


def test_the_corpus_gives_many_bodies() -> None:
    rows = sum(len(rows) for _, rows in GROUPS.values())
    assert rows > 150, rows


@pytest.mark.parametrize("key", sorted(GROUPS))
def test_corpus_bodies_equal_decode_response(key: str) -> None:
    options, rows = GROUPS[key]
    try:
        batch = paycodes.decode_arrow(bodies=pa.array([b for _, b in rows], pa.string()), dictionary=False, **options)
    except paycodes.PaycodesError as e:
        # Options that are wrong for every row: decode_response says the same of each body.
        for _, body in rows:
            with pytest.raises(paycodes.PaycodesError) as each:
                paycodes.decode_response(body, **options)
            assert each.value.code == e.code
        return
    assert batch.num_rows == len(rows)
    names = set(batch.schema.names)
    for i, (name, body) in enumerate(rows):
        try:
            flat, error = flatten(paycodes.decode_response(body, **options).to_dict()), None
        except paycodes.PaycodesError as e:
            flat, error = {}, e.code
        lost = {k for k, v in flat.items() if v is not None} - names
        assert not lost, f"{name}: fields without a column: {lost}"
        for col in batch.schema.names:
            want = error if col == "error" else flat.get(col)
            if col.endswith("raw") and want is not None and not isinstance(want, str):
                want = json.dumps(want)  # raw is text: a number as JSON writes it
            got = cell(batch, col, i)
            assert got == want, f"{name}: column {col}: {got!r} != {want!r}"


def test_dictionary_columns_hold_the_same_values() -> None:
    bodies = pa.array(
        [
            '{"responseCode":"2005500","latestTransactionStatus":"00","originalPartnerReferenceNo":"A1"}',
            '{"responseCode":"2005500","latestTransactionStatus":"03","originalPartnerReferenceNo":"A2"}',
            None,
        ]
    )
    plain = paycodes.decode_arrow(bodies=bodies, dictionary=False)
    coded = paycodes.decode_arrow(bodies=bodies)
    assert coded.schema.field("outcome").type == pa.dictionary(pa.int8(), pa.string())
    assert coded.to_pylist() == plain.to_pylist()
    rows = plain.to_pylist()
    assert [r["outcome"] for r in rows] == ["success", "pending", "unknown"]
    assert [r["decided_by"] for r in rows] == ["transaction_status", "transaction_status", "no_response"]
    assert rows[1]["action"] == "inquire_status"
    assert json.loads(rows[0]["references"])[0]["value"] == "A1"
    assert rows[2]["code_canonical"] is None and rows[2]["references"] is None


def test_a_failed_inquiry_says_nothing_about_the_payment() -> None:
    batch = paycodes.decode_arrow(
        bodies=pa.array(['{"responseCode":"4045501","responseMessage":"Transaction Not Found"}']),
        columns=["outcome", "action", "code_outcome"],
    )
    row = batch.to_pylist()[0]
    assert row["outcome"] == "unknown" and row["action"] == "inquire_status", row


def test_binary_and_chunked_bodies() -> None:
    body = b'{"responseCode":"2001700","responseMessage":"Successful"}'
    binary = paycodes.decode_arrow(bodies=pa.array([body], pa.binary()), columns=["outcome", "code_service_name"])
    chunked = pa.chunked_array([pa.array([body.decode()], pa.large_string()), pa.array([None], pa.large_string())])
    batch = paycodes.decode_arrow(bodies=chunked, columns=["outcome", "code_service_name"])
    assert binary.to_pylist()[0] == batch.to_pylist()[0]
    assert batch.column("outcome").to_pylist() == ["success", "unknown"]
    assert batch.column("code_service_name").to_pylist()[1] is None


def test_a_body_no_reading_survives_is_a_row_with_an_error() -> None:
    deep = "[" * 100
    batch = paycodes.decode_arrow(bodies=pa.array([deep, "{}"]), columns=["outcome", "error"])
    assert batch.to_pylist() == [
        {"outcome": None, "error": "body_too_deep"},
        {"outcome": "unknown", "error": None},
    ]


def test_options_for_bodies() -> None:
    batch = paycodes.decode_arrow(
        bodies=pa.array(["", ""]), http_status=504, locale="id", columns=["http_status", "locale", "reason"]
    )
    assert batch.column("http_status").to_pylist() == [504, 504]
    assert batch.column("locale").to_pylist() == ["id", "id"]


def test_bad_arguments_for_bodies() -> None:
    codes, bodies = pa.array(["4035414"]), pa.array(["{}"])
    with pytest.raises(paycodes.PaycodesError) as e:
        paycodes.decode_arrow(codes, bodies=bodies)
    assert e.value.code == "conflicting_arguments"
    with pytest.raises(paycodes.PaycodesError) as e:
        paycodes.decode_arrow(None, pa.array(["x"]), bodies=bodies)
    assert e.value.code == "conflicting_arguments"
    with pytest.raises(paycodes.PaycodesError) as e:
        paycodes.decode_arrow()
    assert e.value.code == "missing_argument"
    with pytest.raises(paycodes.PaycodesError) as e:
        paycodes.decode_arrow(bodies=bodies, columns=["canonical"])
    assert e.value.code == "unknown_column" and "code_canonical" in str(e.value)
    with pytest.raises(paycodes.PaycodesError) as e:
        paycodes.decode_arrow(bodies=bodies, family="snap")
    assert e.value.code == "unknown_option"
    with pytest.raises(paycodes.PaycodesError) as e:
        paycodes.decode_arrow(bodies=bodies, provider="nope")
    assert e.value.code == "unknown_provider"
    with pytest.raises(paycodes.PaycodesError) as e:
        paycodes.decode_arrow(bodies=bodies, http_status=99)
    assert e.value.code == "bad_http_status"
    with pytest.raises(paycodes.PaycodesError) as e:
        paycodes.decode_arrow(bodies=pa.array([1, 2]))
    assert e.value.code == "bad_type"
    with pytest.raises(paycodes.PaycodesError) as e:
        paycodes.decode_arrow(codes, http_status=200)
    assert e.value.code == "unknown_option"


def test_recipe_bodies(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    bodies = [b for _, rows in GROUPS.values() for _, b in rows if isinstance(b, str)][:50]
    pq.write_table(pa.table({"body": bodies}), "callbacks.parquet")
    # --- recipe: bodies ---
    callbacks = pq.read_table("callbacks.parquet", columns=["body"])
    columns = ["outcome", "action", "decided_by", "status_value", "code_canonical", "references"]
    answers = paycodes.decode_arrow(bodies=callbacks["body"], columns=columns)
    # --- end ---
    assert answers.num_rows == len(bodies)
    for i, body in enumerate(bodies):
        flat = flatten(paycodes.decode_response(body).to_dict())
        for col in columns:
            assert cell(answers, col, i) == flat.get(col), (i, col)
