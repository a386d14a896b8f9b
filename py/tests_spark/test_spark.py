"""The README's Spark recipe, run on a real local Spark (PySpark on this JDK): decode_arrow
inside mapInArrow over a DataFrame of codes and messages, checked equal, row for row, to the
single-machine decode_arrow of the same rows. Runs in its own virtualenv (PySpark is large)
with the installed wheel; `cargo xtask ci` runs it."""

from __future__ import annotations

import os
import random
import sys
from collections.abc import Iterator

import pyarrow as pa
import pytest

import paycodes


@pytest.fixture(scope="module")
def spark():  # type: ignore[no-untyped-def]
    # The workers must run this virtualenv's Python (with pyarrow and paycodes).
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("paycodes-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "5000")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def rows(n: int) -> list[tuple[str | None, str | None]]:
    rng = random.Random(3)
    pool: list[tuple[str | None, str | None]] = [
        ("4035414", "Insufficient Funds"),
        ("4002501", "Invalid Field Format amount"),
        ("4002501", "Invalid Field Format virtualAccountNo"),
        ("2005400", "Successful"),
        ("2025400", "Request In Progress"),
        ("5005400", "General Error"),
        ("5041800", None),
        ("05", None),
        ("51", None),
        ("TIME_OUT", None),
        ("40354", None),
        (None, None),
    ]
    pool += [(f"{h}54{c:02d}", None) for h in (400, 401, 403, 404, 409, 500) for c in range(20)]
    return [rng.choice(pool) for _ in range(n)]


def test_map_in_arrow_equals_the_single_machine_answers(spark) -> None:  # type: ignore[no-untyped-def]
    data = rows(20_000)
    df = spark.createDataFrame(data, "responseCode string, responseMessage string").repartition(4)

    # --- recipe: spark ---
    from pyspark.sql.pandas.types import from_arrow_schema

    columns = ["outcome", "reason", "action", "detail", "http_status", "known", "error"]

    def decode_partition(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        import paycodes  # imported on each worker

        for batch in batches:
            answers = paycodes.decode_arrow(
                batch.column("responseCode"), batch.column("responseMessage"), columns=columns, dictionary=False
            )
            yield pa.RecordBatch.from_arrays(
                batch.columns + answers.columns, names=batch.schema.names + answers.schema.names
            )

    answer_fields = paycodes.decode_arrow(pa.array([], pa.string()), columns=columns, dictionary=False).schema
    schema = from_arrow_schema(
        pa.schema([pa.field("responseCode", pa.string()), pa.field("responseMessage", pa.string()), *answer_fields])
    )
    decoded = df.mapInArrow(decode_partition, schema)
    # --- end ---

    got = sorted((tuple(r) for r in decoded.collect()), key=repr)
    local = paycodes.decode_arrow(
        pa.array([c for c, _ in data], pa.string()), pa.array([m for _, m in data], pa.string()),
        columns=columns, dictionary=False,
    )
    want = sorted(((c, m, *(local.column(name)[i].as_py() for name in columns)) for i, (c, m) in enumerate(data)), key=repr)
    assert len(got) == len(data)
    assert got == want
    # The answers are real: the money semantics survive the trip through Spark.
    by_code = {r[0]: r for r in got}
    assert by_code["4035414"][2] == "failed"
    assert by_code["5005400"][2] == "unknown" and by_code["5005400"][4] == "inquire_status"
    assert by_code["2025400"][2] == "pending"
    assert by_code["40354"][-1] == "bad_length"


def test_spark_sql_aggregates_over_decoded_rows(spark) -> None:  # type: ignore[no-untyped-def]
    from pyspark.sql.pandas.types import from_arrow_schema

    df = spark.createDataFrame([("4035414",), ("4035414",), ("2005400",), ("5005400",)], "responseCode string")
    cols = ["outcome"]

    def decode_partition(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        import paycodes

        for batch in batches:
            yield paycodes.decode_arrow(batch.column("responseCode"), columns=cols, dictionary=False)

    schema = from_arrow_schema(paycodes.decode_arrow(pa.array([], pa.string()), columns=cols, dictionary=False).schema)
    counts = {r["outcome"]: r["count"] for r in df.mapInArrow(decode_partition, schema).groupBy("outcome").count().collect()}
    assert counts == {"failed": 2, "success": 1, "unknown": 1}
