"""The Python surface: enums, immutability, hashing, pickling, errors, to_dict() against the
CLI's JSON, decode_many, build_snap, tables, python -m paycodes."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys

import pytest

import paycodes
from paycodes import Action, Category, Family, Network, Outcome, Reason, Warning


def test_enums_are_str_enums_with_the_stable_ids() -> None:
    d = paycodes.decode("4035414")
    assert d.outcome is Outcome.FAILED and d.outcome == "failed" and str(d.outcome) == "failed"
    assert d.reason is Reason.INSUFFICIENT_FUNDS and d.action is Action.ASK_CUSTOMER
    assert d.family is Family.SNAP and d.category is Category.BUSINESS
    assert Outcome("pending") is Outcome.PENDING
    ids = {row["id"] for row in paycodes.table("reasons")}
    assert ids == {r.value for r in Reason}, "the Reason enum and the core's reasons differ"
    assert len(Reason) == 113


def test_decoded_is_immutable_hashable_and_picklable() -> None:
    d = paycodes.decode("4002501", message="Invalid Field Format virtualAccountNo", provider="doku", locale="id")
    with pytest.raises(AttributeError):
        d.outcome = Outcome.SUCCESS  # type: ignore[misc]
    again = paycodes.decode("4002501", message="Invalid Field Format virtualAccountNo", provider="doku", locale="id")
    assert d == again and hash(d) == hash(again) and len({d, again}) == 1
    assert d != paycodes.decode("4002501", message="Invalid Field Format amount", provider="doku", locale="id")
    copy = pickle.loads(pickle.dumps(d))
    assert copy == d and copy.detail == "virtualAccountNo" and copy.customer_message == d.customer_message
    assert repr(d) == "Decoded('4002501', family=snap, outcome=failed, reason=invalid_field_format, action=fix_request, provider=doku, detail='virtualAccountNo')"
    assert pickle.loads(pickle.dumps(paycodes.decode(2002400))).raw == 2002400


def test_attributes_mirror_the_json_keys() -> None:
    d = paycodes.decode("70")
    assert list(d.to_dict()) == [
        "family", "raw", "canonical", "known", "template", "http_status", "service_code", "service",
        "case_code", "message", "detail", "category", "outcome", "reason", "action", "customer_message",
        "masked", "merchant_message", "provider", "source", "operation", "network", "card_category",
        "network_variants", "status_kind", "locale", "warnings",
    ]
    for key in d.to_dict():
        assert hasattr(d, key), key
    assert d.network_variants is not None and [v.network for v in d.network_variants] == [Network.VISA, Network.MASTERCARD]
    assert d.card_category is Category.GENERIC and d.http_status is None and d.service is None
    s = paycodes.decode("4035414").service
    assert s is not None and s.moves_money and s.status_service == "55" and s.kind == "debit"
    assert paycodes.decode("03", family="status", kind="qris").status_kind == "qris"
    assert paycodes.decode("03", family="status", kind="Direct Debit").status_kind == "direct_debit"


CLI_CASES = [
    ("4035414", []),
    ("4002501", ["--message", "Invalid Field Format virtualAccountNo"]),
    ("2024300", ["--provider", "doku"]),
    ("404XX18", ["--operation", "direct_debit"]),
    ("70", []),
    ("51", ["--network", "visa", "--lang", "id"]),
    ("TIME_OUT", []),
    ("cancelled", ["--family", "status", "--kind", "va"]),
    ("401XX00", ["--provider", "doku", "--message", 'Unauthorized . Signature "Not" Match\\']),
    ("4039999", []),
]


def _python_args(args: list[str]) -> dict[str, str]:
    names = {"--message": "message", "--provider": "provider", "--operation": "operation", "--network": "network",
             "--lang": "locale", "--family": "family", "--kind": "kind"}
    return {names[args[i]]: args[i + 1] for i in range(0, len(args), 2)}


@pytest.mark.parametrize("code,args", CLI_CASES)
def test_to_dict_and_to_json_equal_the_cli(cli: str, code: str, args: list[str]) -> None:
    out = subprocess.run([cli, "explain", code, "--json", *args], capture_output=True, text=True, check=True).stdout
    d = paycodes.decode(code, **_python_args(args))
    assert d.to_dict() == json.loads(out)
    assert list(d.to_dict()) == list(json.loads(out)), "key order"
    assert d.to_json() == out.rstrip("\n")
    assert json.dumps(d.to_dict(), ensure_ascii=False, separators=(",", ":")) == out.rstrip("\n")


@pytest.mark.parametrize("code,args", CLI_CASES + [("403541", []), ("04", ["--family", "status"])])
@pytest.mark.parametrize("as_json", [False, True])
def test_python_m_paycodes_mirrors_the_cli(cli: str, code: str, args: list[str], as_json: bool) -> None:
    extra = ["--json"] if as_json else []
    want = subprocess.run([cli, "explain", code, *args, *extra], capture_output=True, text=True)
    got = subprocess.run([sys.executable, "-m", "paycodes", "explain", code, *args, *extra], capture_output=True, text=True)
    assert (got.returncode, got.stdout) == (want.returncode, want.stdout)


def test_errors_have_stable_codes_and_the_right_bases() -> None:
    with pytest.raises(paycodes.InvalidCodeError) as e:
        paycodes.decode("403541")
    assert e.value.code == "bad_length" and e.value.number == 1002
    assert isinstance(e.value, ValueError) and isinstance(e.value, paycodes.PaycodesError)
    for bad in (None, [1], bytearray(b"4035414"), True, object()):
        with pytest.raises(TypeError) as t:
            paycodes.decode(bad)  # type: ignore[arg-type]
        assert isinstance(t.value, paycodes.ArgumentTypeError) and t.value.code == "bad_type"
    with pytest.raises(paycodes.ArgumentTypeError):
        paycodes.decode("4035414", provider=5)  # type: ignore[arg-type]
    with pytest.raises(paycodes.UnknownOptionError) as u:
        paycodes.decode("4035414", provider="paypal")
    assert u.value.code == "unknown_provider" and isinstance(u.value, ValueError)
    with pytest.raises(paycodes.UnknownOptionError) as u:
        paycodes.decode("04", family="status")
    assert u.value.code == "kind_required"
    for code, err in [(-1, "negative_number"), (2002400.5, "not_an_integer"), (float("nan"), "not_an_integer"),
                      (10**30, "bad_length"), ("", "empty"), ("6005400", "bad_http_status"), ("\ud800", "invalid_utf8"),
                      (0, "bad_length"), (-0.0, "bad_length"), (51, "bad_length"), ("null", "unknown_format")]:
        with pytest.raises(paycodes.InvalidCodeError) as e:
            paycodes.decode(code)
        assert e.value.code == err, code
    err = pickle.loads(pickle.dumps(paycodes.InvalidCodeError("x", "empty", 1001)))
    assert (err.code, err.number, str(err)) == ("empty", 1001, "x")


def test_decode_many() -> None:
    codes = ["4035414", ("4002501", "Invalid Field Format amount"), 2002400, "51"]
    many = paycodes.decode_many(codes, locale="id")
    assert [d.reason for d in many] == [Reason.INSUFFICIENT_FUNDS, Reason.INVALID_FIELD_FORMAT, Reason.SUCCESS, Reason.INSUFFICIENT_FUNDS]
    assert many[1].detail == "amount" and many[2].raw == 2002400
    assert many[0] == paycodes.decode("4035414", locale="id")
    assert paycodes.decode_many(iter(["4035414"])) == [paycodes.decode("4035414")]
    assert paycodes.decode_many([]) == []
    with pytest.raises(paycodes.InvalidCodeError) as e:
        paycodes.decode_many(["4035414", "4035414", "bad code"])
    assert e.value.index == 2 and e.value.code == "bad_character"
    with pytest.raises(paycodes.ArgumentTypeError) as t:
        paycodes.decode_many(["4035414", None])  # type: ignore[list-item]
    assert t.value.index == 1
    # A str or bytes is one code, not a batch of one-character codes.
    for one in ("4035414", b"4035414", bytearray(b"4035414")):
        with pytest.raises(paycodes.ArgumentTypeError) as t:
            paycodes.decode_many(one)  # type: ignore[arg-type]
        assert t.value.code == "bad_type" and "codes" in str(t.value)
    # A message that is not text never fails the batch: it is ignored, with a warning.
    many = paycodes.decode_many([("4002501", "Invalid Field Format \ud800"), "4035414"])
    assert many[0].warnings == (Warning.MESSAGE_IGNORED,) and many[0].detail is None


def test_build_snap() -> None:
    b = paycodes.build_snap("25", reason=Reason.INVALID_FIELD_FORMAT, detail="virtualAccountNo")
    assert (b.response_code, b.response_message, b.reason) == ("4002501", "Invalid Field Format virtualAccountNo", Reason.INVALID_FIELD_FORMAT)
    assert b.response() == {"responseCode": "4002501", "responseMessage": "Invalid Field Format virtualAccountNo"}
    assert b.to_dict() == {"response_code": "4002501", "response_message": "Invalid Field Format virtualAccountNo",
                           "template": "Invalid Field Format {field name}", "reason": "invalid_field_format"}
    assert paycodes.build_snap("24", http_status=404, case_code="14").response_message == "Paid Bill"
    assert paycodes.build_snap("43", http_status=409, case_code=2, provider="doku").response_code == "4094302"
    for kwargs, code in [({"reason": "lost_card"}, "no_snap_code"), ({"http_status": 403, "case_code": 99}, "unknown_case"),
                         ({"reason": "no_such_reason"}, "unknown_reason")]:
        with pytest.raises(paycodes.PaycodesError) as e:
            paycodes.build_snap("54", **kwargs)  # type: ignore[arg-type]
        assert e.value.code == code
    # The argument model: stable ids for every wrong combination and number, never a narrowing.
    for kwargs, code, cls in [({}, "missing_argument", paycodes.InvalidArgumentError),
                              ({"http_status": 200}, "missing_argument", paycodes.InvalidArgumentError),
                              ({"reason": "bill_paid", "http_status": 404}, "conflicting_arguments", paycodes.InvalidArgumentError),
                              ({"http_status": 70000, "case_code": 1}, "bad_http_status", paycodes.InvalidCodeError),
                              ({"http_status": 200, "case_code": 1000}, "out_of_range", paycodes.InvalidArgumentError),
                              ({"http_status": 404.5, "case_code": 12}, "not_an_integer", paycodes.InvalidCodeError),
                              ({"http_status": 200, "case_code": float("nan")}, "not_an_integer", paycodes.InvalidCodeError),
                              ({"http_status": True, "case_code": 0}, "bad_type", paycodes.ArgumentTypeError),
                              ({"reason": "bill_paid", "case": 14}, "unknown_option", paycodes.UnknownOptionError)]:
        with pytest.raises(cls) as e:
            paycodes.build_snap("24", **kwargs)  # type: ignore[arg-type]
        assert e.value.code == code, kwargs


def test_customer_messages_and_tables() -> None:
    assert paycodes.customer_message("insufficient_funds", locale="in").startswith("Saldo Anda")
    assert paycodes.customer_message("INSUFFICIENT_FUNDS") == paycodes.customer_message("insufficient_funds")
    assert paycodes.customer_message(Reason.LOST_CARD) == paycodes.customer_message(Reason.DECLINED)
    assert paycodes.is_masked("stolen_card") and not paycodes.is_masked(Reason.INSUFFICIENT_FUNDS)
    assert paycodes.tables() == ["snap_services", "snap_cases", "reasons", "iso8583", "provider_strings", "statuses", "providers",
                                 "retry_rules", "mastercard_advice", "visa_categories"]
    assert len(paycodes.table("snap-services")) == 81 and len(paycodes.table("snap_services")) == 81
    assert paycodes.export("reasons", format="csv").startswith("id,number,masked,")
    with pytest.raises(paycodes.UnknownOptionError) as e:
        paycodes.table("nope")
    assert e.value.code == "unknown_table"
    with pytest.raises(paycodes.UnknownOptionError) as e:
        paycodes.export("reasons", format="xml")
    assert e.value.code == "unknown_export_format"


def test_bytes_codes_decode_like_their_text() -> None:
    assert paycodes.decode(b"4035414") == paycodes.decode("4035414")
    assert paycodes.decode(b" 4035414\n").raw == " 4035414\n"
    assert paycodes.decode(b"4035414").to_dict() == paycodes.decode("4035414").to_dict()
    with pytest.raises(paycodes.InvalidCodeError) as e:
        paycodes.decode(b"\xff\xfe40")
    assert e.value.code == "invalid_utf8"
    assert [d.reason for d in paycodes.decode_many([b"4035414", "4035414"])] == ["insufficient_funds"] * 2


def test_options_are_read_by_the_core() -> None:
    # A misspelt keyword is an error with a stable id, as in every language.
    with pytest.raises(paycodes.UnknownOptionError) as e:
        paycodes.decode("4035414", providr="doku")  # type: ignore[call-arg]
    assert e.value.code == "unknown_option" and "providr" in str(e.value)
    with pytest.raises(paycodes.UnknownOptionError):
        paycodes.explain("4035414", lang="id")  # type: ignore[call-arg]
    assert "Saldo Anda" in paycodes.explain("4035414", locale="id")
    # Type errors name the argument and what it takes.
    with pytest.raises(paycodes.ArgumentTypeError) as t:
        paycodes.decode("4035414", provider=5)  # type: ignore[arg-type]
    assert str(t.value) == "provider must be a string, got integer"


def test_python_m_paycodes_decode_and_table(cli: str) -> None:
    lines = b'4035414\n{"id":1,"responseCode":"4002501","responseMessage":"Invalid Field Format amount"}\nnull\n'
    want = subprocess.run([cli, "decode", "--keep", "id"], input=lines, capture_output=True)
    got = subprocess.run([sys.executable, "-m", "paycodes", "decode", "--keep", "id"], input=lines, capture_output=True)
    assert (got.returncode, got.stdout) == (want.returncode, want.stdout) and want.returncode == 1
    for fmt in (["--format", "csv"], ["-f", "jsonl"]):
        want = subprocess.run([cli, "decode", "--keep", "id", *fmt], input=lines, capture_output=True)
        got = subprocess.run([sys.executable, "-m", "paycodes", "decode", "--keep", "id", *fmt], input=lines, capture_output=True)
        assert (got.returncode, got.stdout) == (want.returncode, want.stdout) and want.returncode == 1
    assert want.stdout.count(b"\n") == 3, "jsonl has no header line"
    bad = subprocess.run([sys.executable, "-m", "paycodes", "decode", "--format", "xml"], input=b"", capture_output=True)
    assert bad.returncode == 2 and b"unknown_output_format" in bad.stderr
    for args in (["table", "reasons", "--format", "csv"], ["table", "providers"]):
        want = subprocess.run([cli, *args], capture_output=True)
        got = subprocess.run([sys.executable, "-m", "paycodes", *args], capture_output=True)
        assert (got.returncode, got.stdout) == (want.returncode, want.stdout)


STATUS_BODY = {
    "responseCode": "2005500",
    "responseMessage": "Successful",
    "originalPartnerReferenceNo": "2020102900000000000001",
    "serviceCode": "54",
    "latestTransactionStatus": "06",
}


def test_decode_response_reads_the_transaction_not_the_request(cli: str) -> None:
    r = paycodes.decode_response(STATUS_BODY)
    assert (r.outcome, r.decided_by, r.reason) == ("failed", "transaction_status", "transaction_failed")
    assert isinstance(r.code, paycodes.Decoded) and r.code.outcome == "success"
    assert isinstance(r.status, paycodes.FieldReading) and r.status.value == "06"
    assert r.references[0].value == "2020102900000000000001"
    assert paycodes.Warning.STATUS_OVERRIDES_CODE in r.warnings
    # dict, str and bytes bodies answer alike, and exactly as the CLI does.
    text = json.dumps(STATUS_BODY)
    want = subprocess.run([cli, "response", "--json"], input=text, capture_output=True, text=True, check=True).stdout
    for body in (STATUS_BODY, text, text.encode()):
        got = paycodes.decode_response(body)
        assert got == r and hash(got) == hash(r)
        assert got.to_dict() == json.loads(want)
        assert got.to_json() == want.strip()


def test_decode_response_options_and_errors() -> None:
    assert paycodes.decode_response(None, operation="direct_debit").outcome == "unknown"
    assert paycodes.decode_response(None, operation="balance_inquiry").action == "retry_later"
    r = paycodes.decode_response(b"<html>502</html>", http_status=502, locale="id")
    assert (r.decided_by, r.http_status, r.locale) == ("no_body", 502, "id")
    assert paycodes.Warning.BODY_NOT_JSON in r.warnings
    # A str with a lone surrogate spoils only its own string.
    r = paycodes.decode_response('{"responseCode":"4035414","responseMessage":"\ud83d"}')
    assert r.outcome == "failed"
    with pytest.raises(paycodes.InvalidBodyError) as e:
        paycodes.decode_response("[" * 100_000)
    assert e.value.code == "body_too_deep"
    with pytest.raises(paycodes.ArgumentTypeError) as t:
        paycodes.decode_response(2005400)
    assert t.value.code == "bad_type"
    with pytest.raises(paycodes.ArgumentTypeError):
        paycodes.decode_response({"amount": float("nan")})  # not JSON
    with pytest.raises(paycodes.UnknownOptionError):
        paycodes.decode_response({}, message="x")  # type: ignore[call-arg]
    with pytest.raises(paycodes.PaycodesError) as h:
        paycodes.decode_response({}, http_status=70000)
    assert h.value.code == "bad_http_status"


def test_retry_decision(cli: str) -> None:
    history = [{"at": "2026-11-29T10:00:00+07:00", "code": "51", "amount": "10000.00"}]
    r = paycodes.retry_decision("51", network="visa", history=history, now="2026-11-30T10:00:00+07:00")
    assert (r.decision, r.rule, r.attempts_left) == (paycodes.Verdict.RETRY, "visa.reattempt_limit_30d", 19)
    assert r.edition == "2026-04-18" and r.not_before is None
    r = paycodes.retry_decision("51", network="mastercard", mac=24, now=1796000000)
    assert r.decision == "retry_after" and r.rule == "mastercard.mac_24" and r.not_before == "2026-11-30T01:53:20Z"
    assert paycodes.retry_decision("04", network="visa").decision == "never"  # now defaults to the clock
    # The CLI answers the same object.
    want = subprocess.run([cli, "retry", "51", "--network", "mastercard", "--mac", "24", "--now", "1796000000", "--json"],
                          capture_output=True, text=True, check=True).stdout
    assert paycodes.retry_decision("51", network="mastercard", mac=24, now=1796000000).to_dict() == json.loads(want)
    with pytest.raises(paycodes.PaycodesError) as e:
        paycodes.retry_decision("51", network="visa", history=[{"code": "51"}])
    assert e.value.code == "bad_history"
    with pytest.raises(paycodes.PaycodesError) as e:
        paycodes.retry_decision("51")
    assert e.value.code == "missing_argument"


def test_to_dict_gives_a_fresh_dict_each_time() -> None:
    # to_dict copies a per-schema template of keys: no two results may share anything mutable.
    d = paycodes.decode("4035414")
    first = d.to_dict()
    first["outcome"] = "success"
    first["service"]["name"] = "changed"
    first["warnings"].append("changed")
    again = d.to_dict()
    assert again["outcome"] == "failed" and again["service"]["name"] == "Direct Debit Payment"
    assert again["warnings"] == []
    assert list(again) == list(paycodes.decode("51").to_dict()), "one key order for every answer"
    assert again == json.loads(d.to_json())
