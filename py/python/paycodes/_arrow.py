"""Columnar decoding: Arrow arrays in, an Arrow record batch out (no Python object per row)."""

from __future__ import annotations

import importlib
from typing import Any

from . import _paycodes


def _pyarrow() -> Any:
    """pyarrow, when installed (an optional dependency: typed as Any, so that type checkers
    need no pyarrow stubs), else None."""
    try:
        return importlib.import_module("pyarrow")
    except ImportError:
        return None


def _arrow_input(values: Any) -> Any:
    """An object speaking the Arrow PyCapsule interface: as given, or converted with pyarrow
    (a list, a NumPy array, a pandas Series). Anything else is passed on, for the extension
    to reject with ``bad_type``."""
    if values is None or hasattr(values, "__arrow_c_array__") or hasattr(values, "__arrow_c_stream__"):
        return values
    pa = _pyarrow()
    if pa is None:
        return values
    try:
        return pa.array(values, from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError):
        return values


def decode_arrow(
    codes: Any = None,
    messages: Any = None,
    *,
    bodies: Any = None,
    columns: list[str] | None = None,
    dictionary: bool = True,
    provider: str | None = None,
    family: str | None = None,
    network: str | None = None,
    operation: str | None = None,
    kind: str | None = None,
    locale: str | None = None,
    http_status: int | None = None,
) -> Any:
    """Decodes a column of codes (and optionally the parallel column of messages), or a
    column of whole response bodies, into a record batch with one row per input row and one
    column per field of the answer.

    ``codes``: an Arrow array or chunked array of strings (``utf8``, ``large_utf8``,
    ``utf8_view``, binary, or dictionary-encoded) or whole numbers (integers; floats with no
    fraction, as pandas makes of integer columns with gaps), from pyarrow, Polars, pandas
    with Arrow dtypes or any producer of the Arrow PyCapsule interface; a list, NumPy array
    or pandas Series is converted with pyarrow. ``messages``: the same for the
    ``responseMessage`` of each row (nulls allowed), as many as the codes.

    ``bodies`` (instead of ``codes``): strings or binary holding each response or callback
    body as JSON (null: no response arrived), read as ``decode_response`` reads one; the
    options are then ``provider``, ``operation``, ``locale`` and ``http_status`` (the same
    for every row). Its columns flatten the ``DecodedResponse``: ``outcome``, ``reason``,
    ``decided_by``..., ``code_*`` for the decoded ``responseCode``, ``status_*`` and
    ``decline_*`` for the fields read, ``inquiry_service_*``, ``references`` as JSON text.

    Returns a ``pyarrow.RecordBatch`` (or, without pyarrow installed, an object with the
    Arrow PyCapsule interface that Polars, DuckDB or nanoarrow read). Columns for codes are
    those of ``paycodes decode --format csv``: the answer's fields (``service_*`` for the
    service, lists as JSON text) and ``error``, the stable error id of a malformed row (whose
    other columns are null, but ``raw``). Text and enum columns are dictionary-encoded unless
    ``dictionary=False`` (Spark wants plain strings); ``columns`` selects and orders them.
    Equal codes are decoded once; the GIL is released while decoding.
    """
    options: dict[str, Any] = {
        k: v
        for k, v in (
            ("provider", provider),
            ("family", family),
            ("network", network),
            ("operation", operation),
            ("kind", kind),
            ("locale", locale),
            ("http_status", http_status),
        )
        if v is not None
    }
    batch = _paycodes._decode_arrow(
        _arrow_input(codes),
        _arrow_input(messages),
        bodies=_arrow_input(bodies),
        columns=columns,
        dictionary=dictionary,
        **options,
    )
    pa = _pyarrow()
    return batch if pa is None else pa.record_batch(batch)
