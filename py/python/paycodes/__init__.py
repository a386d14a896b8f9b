"""paycodes: what a payment response code means and what to do next.

    >>> import paycodes
    >>> d = paycodes.decode("4035414", message="Insufficient Funds")
    >>> d.outcome, d.reason, d.action
    (<Outcome.FAILED: 'failed'>, <Reason.INSUFFICIENT_FUNDS: 'insufficient_funds'>, <Action.ASK_CUSTOMER: 'ask_customer'>)
    >>> d.outcome == "failed"
    True

Decodes Bank Indonesia SNAP response codes, ISO 8583 card codes, provider string codes
and transaction statuses into one answer: did the money move (``outcome``), why
(``reason``), what to do next (``action``), which field was wrong (``detail``) and what to
tell the customer, in English or Bahasa Indonesia.
"""

from ._arrow import decode_arrow
from ._enums import Action, Category, Evidence, Family, Locale, Network, Outcome, Reason, ServiceKind, Verdict, Warning
from ._errors import (
    ArgumentTypeError,
    BuildError,
    InternalError,
    InvalidArgumentError,
    InvalidBodyError,
    InvalidCodeError,
    PaycodesError,
    UnknownOptionError,
)
from ._paycodes import (
    Built,
    Decoded,
    DecodedResponse,
    FieldReading,
    LineDecoder,
    NetworkVariant,
    Reference,
    RetryDecision,
    Service,
    __version__,
    build_snap,
    customer_message,
    decode,
    decode_many,
    decode_response,
    explain,
    export,
    is_masked,
    retry_decision,
    table,
    tables,
)

__all__ = [
    "Action",
    "ArgumentTypeError",
    "BuildError",
    "Built",
    "Category",
    "Decoded",
    "DecodedResponse",
    "Evidence",
    "FieldReading",
    "Family",
    "InternalError",
    "InvalidArgumentError",
    "InvalidBodyError",
    "InvalidCodeError",
    "LineDecoder",
    "Locale",
    "Network",
    "NetworkVariant",
    "Outcome",
    "PaycodesError",
    "Reason",
    "Reference",
    "RetryDecision",
    "Service",
    "ServiceKind",
    "UnknownOptionError",
    "Verdict",
    "Warning",
    "__version__",
    "build_snap",
    "customer_message",
    "decode",
    "decode_arrow",
    "decode_many",
    "decode_response",
    "explain",
    "export",
    "is_masked",
    "retry_decision",
    "table",
    "tables",
]
