"""The exceptions of paycodes, declared in one place.

Every error has ``.code``, the stable id every language reports (``"bad_length"``), and
``.number``. The extension raises these; it maps each core error kind to one class.
"""

from __future__ import annotations

__all__ = [
    "PaycodesError",
    "InvalidCodeError",
    "ArgumentTypeError",
    "InvalidArgumentError",
    "UnknownOptionError",
    "BuildError",
    "InvalidBodyError",
    "InternalError",
]


class PaycodesError(Exception):
    """Base class of every paycodes error."""

    code: str
    """The stable id, e.g. ``"bad_length"``."""
    number: int
    """The stable number, e.g. ``1002``."""
    index: int | None
    """For :func:`paycodes.decode_many`: the position of the item that failed."""

    def __init__(self, message: str, code: str = "internal", number: int = 9001, index: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.number = number
        self.index = index

    def __reduce__(self) -> tuple[type[PaycodesError], tuple[str, str, int, int | None]]:
        return (type(self), (str(self), self.code, self.number, self.index))


class InvalidCodeError(PaycodesError, ValueError):
    """The code (or input line) is malformed: ``empty``, ``bad_length``, ``bad_character``,
    ``bad_http_status``, ``invalid_utf8``, ``negative_number``, ``not_an_integer``,
    ``unknown_format``, ``bad_json``, ``line_too_long``. (A well-formed code that no table
    knows is not an error.)"""


class ArgumentTypeError(PaycodesError, TypeError):
    """An argument has the wrong type (``bad_type``); the message names the argument and the
    types it takes."""


class InvalidArgumentError(PaycodesError, ValueError):
    """An argument's value is wrong: ``out_of_range``, ``missing_argument``,
    ``conflicting_arguments``."""


class UnknownOptionError(PaycodesError, ValueError):
    """An option names something unknown: ``unknown_option`` (a keyword the call does not
    take), ``unknown_provider``, ``unknown_family``, ``unknown_network``, ``unknown_kind``,
    ``unknown_operation``, ``unknown_reason``, ``unknown_table``, ``unknown_export_format``,
    or a status decode lacks its kind (``kind_required``)."""


class BuildError(PaycodesError, ValueError):
    """Building a SNAP code was refused: ``unknown_service``, ``unknown_case``,
    ``no_snap_code``, ``bad_detail``, ``message_too_long``."""


class InvalidBodyError(PaycodesError, ValueError):
    """A response body cannot be read within the limits: ``body_too_large``,
    ``body_too_deep``, ``duplicate_key``."""


class InternalError(PaycodesError):
    """A bug in paycodes (``internal``), including a panic caught at the boundary."""
