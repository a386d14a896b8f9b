"""Type stubs of the paycodes extension module (checked against it by mypy.stubtest)."""

from collections.abc import Iterable
from typing import Any, TypeAlias, final

from ._enums import Action, Category, Family, Network, Outcome, Reason, ServiceKind, StatusKind

__version__: str
__all__ = [
    "Built",
    "Decoded",
    "NetworkVariant",
    "Service",
    "__version__",
    "_reconstruct",
    "build_snap",
    "customer_message",
    "decode",
    "decode_many",
    "explain",
    "export",
    "is_masked",
    "table",
    "tables",
]

_Code: TypeAlias = str | bytes | int | float

@final
class Service:
    """The SNAP service (API) a code came from."""

    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def product(self) -> str: ...
    @property
    def kind(self) -> ServiceKind: ...
    @property
    def moves_money(self) -> bool: ...
    @property
    def status_service(self) -> str | None: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class NetworkVariant:
    """One network's reading of a card code whose meaning differs by network."""

    @property
    def network(self) -> Network: ...
    @property
    def message(self) -> str: ...
    @property
    def category(self) -> Category: ...
    @property
    def reason(self) -> Reason: ...
    @property
    def outcome(self) -> Outcome: ...
    @property
    def action(self) -> Action: ...
    def to_dict(self) -> dict[str, str]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Decoded:
    """What :func:`decode` returns: immutable, hashable, picklable. Attributes mirror the keys
    of ``paycodes explain --json``; :meth:`to_dict` gives exactly that object."""

    @property
    def family(self) -> Family: ...
    @property
    def raw(self) -> str | int: ...
    @property
    def canonical(self) -> str: ...
    @property
    def known(self) -> bool: ...
    @property
    def template(self) -> bool: ...
    @property
    def http_status(self) -> int | None: ...
    @property
    def service_code(self) -> str | None: ...
    @property
    def service(self) -> Service | None: ...
    @property
    def case_code(self) -> str | None: ...
    @property
    def message(self) -> str: ...
    @property
    def detail(self) -> str | None: ...
    @property
    def category(self) -> Category: ...
    @property
    def outcome(self) -> Outcome: ...
    @property
    def reason(self) -> Reason: ...
    @property
    def action(self) -> Action: ...
    @property
    def customer_message(self) -> str: ...
    @property
    def masked(self) -> bool: ...
    @property
    def merchant_message(self) -> str: ...
    @property
    def provider(self) -> str: ...
    @property
    def source(self) -> str: ...
    @property
    def operation(self) -> str | None: ...
    @property
    def network(self) -> Network | None: ...
    @property
    def card_category(self) -> Category | None: ...
    @property
    def network_variants(self) -> tuple[NetworkVariant, ...] | None: ...
    @property
    def status_kind(self) -> StatusKind | None: ...
    @property
    def locale(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]: ...

@final
class Built:
    """A SNAP code built for answering a callback."""

    @property
    def code(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def template(self) -> str: ...
    @property
    def reason(self) -> Reason: ...
    def to_dict(self) -> dict[str, str]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

def decode(
    code: _Code,
    *,
    message: str | None = None,
    provider: str | None = None,
    family: str | None = None,
    network: str | None = None,
    operation: str | None = None,
    kind: str | None = None,
    locale: str | None = None,
) -> Decoded:
    """Decodes a payment response code.

    ``code`` is a str (``"4035414"``, ``"400XX01"``, ``"51"``, ``"TIME_OUT"``), bytes read from
    a file or socket (UTF-8, else ``invalid_utf8``; ``raw`` is then the text), or an int or
    float for providers that send codes as JSON numbers. ``message`` is the actual
    responseMessage (its placeholder content becomes ``detail``). ``provider`` picks a
    profile (``"doku"``, ``"bank_neo_commerce"``...), ``family`` overrides detection
    (``"status"`` needs ``kind``), ``network`` reads card codes for ``"visa"`` or
    ``"mastercard"``, ``operation`` names the API that was called, ``locale`` (``"en"``,
    ``"id"``) picks ``customer_message``.

    Raises :class:`InvalidCodeError` for a malformed code, :class:`UnknownOptionError`
    for an unknown option value and :class:`ArgumentTypeError` for a wrong type. A
    well-formed code no table knows is not an error: ``known`` is False.
    """

def decode_many(
    codes: Iterable[_Code | tuple[_Code, str | None]],
    *,
    provider: str | None = None,
    family: str | None = None,
    network: str | None = None,
    operation: str | None = None,
    kind: str | None = None,
    locale: str | None = None,
) -> list[Decoded]:
    """Decodes many codes (or ``(code, message)`` pairs), releasing the GIL while decoding.
    The first malformed item raises, with ``.index`` set to its position."""

def build_snap(
    service: str,
    *,
    http_status: int | None = None,
    case_code: int | str | None = None,
    reason: Reason | str | None = None,
    detail: str | None = None,
    provider: str | None = None,
) -> Built:
    """The responseCode and responseMessage to answer a SNAP callback with: give ``reason``
    (``"bill_paid"`` on ``"24"`` is ``4042414 Paid Bill``), or ``http_status`` and
    ``case_code``. ``detail`` fills the message's placeholder. Raises :class:`BuildError`
    for what the standard does not have."""

def customer_message(reason: Reason | str, locale: str | None = None) -> str:
    """The customer-safe message for a reason (``"en"`` or ``"id"``; ``"in"`` and tags like
    ``"id-ID"`` are Indonesian; anything else English)."""

def is_masked(reason: Reason | str) -> bool:
    """Whether customers see a generic decline instead of this reason."""

def explain(
    code: _Code,
    *,
    message: str | None = None,
    provider: str | None = None,
    family: str | None = None,
    network: str | None = None,
    operation: str | None = None,
    kind: str | None = None,
    lang: str | None = None,
) -> str:
    """The explanation ``paycodes explain`` prints."""

def tables() -> list[str]:
    """The names of the exportable tables."""

def table(name: str, *, provider: str | None = None) -> list[dict[str, Any]]:
    """A table as a list of dicts."""

def export(name: str, *, provider: str | None = None, format: str | None = None) -> str:
    """A table rendered as ``"json"``, ``"csv"`` or ``"md"``: the bytes ``paycodes table`` prints."""

def _reconstruct(
    code: _Code,
    message: str | None,
    provider: str | None,
    family: str | None,
    network: str | None,
    operation: str | None,
    kind: str | None,
    locale: str | None,
) -> Decoded: ...
