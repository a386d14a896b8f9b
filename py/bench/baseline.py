"""The baseline for bench.py: an idiomatic pure-Python SNAP decoder doing the same job as
paycodes.decode for known codes under the standard profile: validate, parse, look up the
service and the case in dicts, apply the money rules (5xx/409 on money-moving APIs,
404xx18 by operation), and return every field of Decoded.to_dict(). Its tables are the same
data, loaded once at import from paycodes' exports (not timed)."""

from __future__ import annotations

from typing import Any

import paycodes

SERVICES = {row["code"]: row for row in paycodes.table("snap-services")}
CASES = {(row["http_status"], row["case_code"]): row for row in paycodes.table("snap-cases") if row["use"] == "standard"}
REASONS = {row["id"]: row for row in paycodes.table("reasons")}
# What 404xx18 means per operation (core/data/operations.tsv).
INCONSISTENT = {op: "success" for op in ("intrabank_transfer", "interbank_transfer", "rtgs_transfer", "sknbi_transfer",
                                         "va_payment", "va_payment_intrabank", "refund", "void")}
INCONSISTENT.update({op: "failed" for op in ("otc_transfer", "direct_debit", "qr_cpm_payment", "auth_payment", "capture")})
DECLINED = REASONS["declined"]


class BaselineError(ValueError):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def decode(code: str, locale: str = "en") -> dict[str, Any]:
    raw = code
    code = code.strip()
    if not code:
        raise BaselineError("empty")
    if len(code) != 7:
        raise BaselineError("bad_length")
    http, service, case = code[:3], code[3:5].upper(), code[5:]
    if not (http.isdigit() and case.isdigit() and service.isalnum() and service.isascii()):
        raise BaselineError("bad_character")
    status = int(http)
    if not 100 <= status <= 599:
        raise BaselineError("bad_http_status")
    template = service == "XX"
    svc = None if template else SERVICES.get(service)
    row = CASES.get((status, case))
    if row is None:
        raise BaselineError("unlisted")  # the benchmark only decodes listed codes
    operation = svc["operation"] if svc else None
    moves_money = svc["moves_money"] if svc else True
    if row["by_operation"]:
        result = INCONSISTENT.get(operation or "", "unknown")
        outcome, action = result, {"success": "none", "failed": "fix_request"}.get(result, "inquire_status")
    elif moves_money:
        outcome, action = row["money_outcome"], row["money_action"]
    else:
        outcome, action = row["outcome"], row["action"]
    reason = REASONS[row["reason"]]
    shown = DECLINED if reason["masked"] else reason
    return {
        "family": "snap",
        "raw": raw,
        "canonical": http + service + case,
        "known": True,
        "template": template,
        "http_status": status,
        "service_code": service,
        "service": None if svc is None else {
            "code": svc["code"], "name": svc["name"], "product": svc["product"], "kind": svc["kind"],
            "moves_money": svc["moves_money"], "status_service": svc["status_service"],
        },
        "case_code": case,
        "message": row["message"],
        "detail": None,
        "category": row["category"],
        "outcome": outcome,
        "reason": row["reason"],
        "action": action,
        "customer_message": shown["customer_id" if locale == "id" else "customer_en"],
        "masked": reason["masked"],
        "merchant_message": row["description"],
        "provider": "standard",
        "source": row["source"],
        "operation": operation,
        "network": None,
        "card_category": None,
        "network_variants": None,
        "status_kind": None,
        "locale": locale,
        "warnings": [],
    }
