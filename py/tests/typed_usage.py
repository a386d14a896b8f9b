"""Type-checked with `mypy --strict` by the test command: the stubs must type real use."""

from __future__ import annotations

import paycodes
from paycodes import Action, Decoded, Outcome, Reason


def next_step(code: str, message: str | None = None) -> str:
    d: Decoded = paycodes.decode(code, message=message, provider="doku", locale="id")
    outcome: Outcome = d.outcome
    if outcome is Outcome.UNKNOWN:
        assert d.action is Action.INQUIRE_STATUS
        status_api = d.service.status_service if d.service is not None else None
        return f"inquire via {status_api}"
    field: str | None = d.detail
    variants = d.network_variants or ()
    networks = [v.network.value for v in variants]
    return f"{d.reason.value} {field} {networks} {d.customer_message}"


def answer_callback(bill_paid: bool) -> dict[str, str]:
    reason = Reason.BILL_PAID if bill_paid else Reason.SUCCESS
    return paycodes.build_snap("24", reason=reason).response()


def batch(lines: list[str]) -> list[str]:
    try:
        return [d.canonical for d in paycodes.decode_many(lines)]
    except paycodes.InvalidCodeError as err:
        index: int | None = err.index
        return [f"{err.code} at {index}"]


def outcomes(codes: list[str]) -> list[str | None]:
    # decode_arrow returns a pyarrow.RecordBatch (typed Any: pyarrow is optional and untyped).
    answers = paycodes.decode_arrow(codes, columns=["outcome"], dictionary=False, provider="doku")
    column: list[str | None] = answers.column("outcome").to_pylist()
    return column


if __name__ == "__main__":
    print(next_step("4035414"), answer_callback(True), batch(["4035414", "51"]), outcomes(["4035414"]))
