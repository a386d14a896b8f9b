//! The status every C function returns. Values come in blocks and never collide (tested):
//! 0 ok; 1xxx the code or an argument (1001-1009 are the core's error numbers, 11xx are
//! C-only argument problems); 2xxx the context; 3xxx building; 9xxx internal.

use paycodes::ErrorKind;

/// Result of every paycodes C function. Outputs are written only on `PAYCODES_OK`.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub enum paycodes_status {
    /// Success; outputs were written.
    PAYCODES_OK = 0,
    /// The code is empty or only whitespace.
    PAYCODES_EMPTY = 1001,
    /// The code has the wrong length for its family.
    PAYCODES_BAD_LENGTH = 1002,
    /// The code has a character its family does not allow.
    PAYCODES_BAD_CHARACTER = 1003,
    /// A SNAP code does not start with an HTTP status (100-599).
    PAYCODES_BAD_HTTP_STATUS = 1004,
    /// The code (or a string argument) is not UTF-8.
    PAYCODES_INVALID_UTF8 = 1005,
    /// A numeric code is negative.
    PAYCODES_NEGATIVE_NUMBER = 1006,
    /// A numeric code is not a whole number.
    PAYCODES_NOT_AN_INTEGER = 1007,
    /// An argument has the wrong type (not produced by the C API; listed for completeness).
    PAYCODES_BAD_TYPE = 1008,
    /// A JSON line is not valid JSON (not produced by the C API; listed for completeness).
    PAYCODES_BAD_JSON = 1009,
    /// A required pointer argument is NULL (or NULL with a non-zero length).
    PAYCODES_NULL_ARGUMENT = 1101,
    /// The output buffer is too small; nothing was written.
    PAYCODES_BUFFER_TOO_SMALL = 1102,
    /// The provider is not known.
    PAYCODES_UNKNOWN_PROVIDER = 2001,
    /// The family is not known.
    PAYCODES_UNKNOWN_FAMILY = 2002,
    /// The network is not known.
    PAYCODES_UNKNOWN_NETWORK = 2003,
    /// The status kind is not known.
    PAYCODES_UNKNOWN_KIND = 2004,
    /// The operation is not known.
    PAYCODES_UNKNOWN_OPERATION = 2005,
    /// The reason is not known.
    PAYCODES_UNKNOWN_REASON = 2006,
    /// Decoding a status needs a status kind.
    PAYCODES_KIND_REQUIRED = 2007,
    /// The table name is not known (not produced by the C API; listed for completeness).
    PAYCODES_UNKNOWN_TABLE = 2008,
    /// The export format is not known (not produced by the C API; listed for completeness).
    PAYCODES_UNKNOWN_FORMAT = 2009,
    /// Building: the service code is not known.
    PAYCODES_UNKNOWN_SERVICE = 3001,
    /// Building: the standard has no such HTTP status + case.
    PAYCODES_UNKNOWN_CASE = 3002,
    /// Building: the reason has no SNAP code.
    PAYCODES_NO_SNAP_CODE = 3003,
    /// Building: the detail has control characters.
    PAYCODES_BAD_DETAIL = 3004,
    /// Building: the message would exceed 150 characters.
    PAYCODES_MESSAGE_TOO_LONG = 3005,
    /// An internal error (a bug in paycodes).
    PAYCODES_INTERNAL = 9001,
    /// paycodes panicked; the panic was caught at the boundary and your process lives on.
    PAYCODES_PANIC = 9002,
}

impl From<ErrorKind> for paycodes_status {
    fn from(k: ErrorKind) -> Self {
        use paycodes_status::*;
        match k {
            ErrorKind::Empty => PAYCODES_EMPTY,
            ErrorKind::BadLength => PAYCODES_BAD_LENGTH,
            ErrorKind::BadCharacter => PAYCODES_BAD_CHARACTER,
            ErrorKind::BadHttpStatus => PAYCODES_BAD_HTTP_STATUS,
            ErrorKind::InvalidUtf8 => PAYCODES_INVALID_UTF8,
            ErrorKind::NegativeNumber => PAYCODES_NEGATIVE_NUMBER,
            ErrorKind::NotAnInteger => PAYCODES_NOT_AN_INTEGER,
            ErrorKind::BadType => PAYCODES_BAD_TYPE,
            ErrorKind::BadJson => PAYCODES_BAD_JSON,
            ErrorKind::UnknownProvider => PAYCODES_UNKNOWN_PROVIDER,
            ErrorKind::UnknownFamily => PAYCODES_UNKNOWN_FAMILY,
            ErrorKind::UnknownNetwork => PAYCODES_UNKNOWN_NETWORK,
            ErrorKind::UnknownKind => PAYCODES_UNKNOWN_KIND,
            ErrorKind::UnknownOperation => PAYCODES_UNKNOWN_OPERATION,
            ErrorKind::UnknownReason => PAYCODES_UNKNOWN_REASON,
            ErrorKind::KindRequired => PAYCODES_KIND_REQUIRED,
            ErrorKind::UnknownTable => PAYCODES_UNKNOWN_TABLE,
            ErrorKind::UnknownFormat => PAYCODES_UNKNOWN_FORMAT,
            ErrorKind::UnknownService => PAYCODES_UNKNOWN_SERVICE,
            ErrorKind::UnknownCase => PAYCODES_UNKNOWN_CASE,
            ErrorKind::NoSnapCode => PAYCODES_NO_SNAP_CODE,
            ErrorKind::BadDetail => PAYCODES_BAD_DETAIL,
            ErrorKind::MessageTooLong => PAYCODES_MESSAGE_TOO_LONG,
            ErrorKind::Internal => PAYCODES_INTERNAL,
        }
    }
}

impl From<paycodes::Error> for paycodes_status {
    fn from(e: paycodes::Error) -> Self {
        e.kind().into()
    }
}

impl paycodes_status {
    /// Every status, for the collision test and `paycodes_status_id`.
    pub(crate) const ALL: &'static [paycodes_status] = {
        use paycodes_status::*;
        &[
            PAYCODES_OK,
            PAYCODES_EMPTY,
            PAYCODES_BAD_LENGTH,
            PAYCODES_BAD_CHARACTER,
            PAYCODES_BAD_HTTP_STATUS,
            PAYCODES_INVALID_UTF8,
            PAYCODES_NEGATIVE_NUMBER,
            PAYCODES_NOT_AN_INTEGER,
            PAYCODES_BAD_TYPE,
            PAYCODES_BAD_JSON,
            PAYCODES_NULL_ARGUMENT,
            PAYCODES_BUFFER_TOO_SMALL,
            PAYCODES_UNKNOWN_PROVIDER,
            PAYCODES_UNKNOWN_FAMILY,
            PAYCODES_UNKNOWN_NETWORK,
            PAYCODES_UNKNOWN_KIND,
            PAYCODES_UNKNOWN_OPERATION,
            PAYCODES_UNKNOWN_REASON,
            PAYCODES_KIND_REQUIRED,
            PAYCODES_UNKNOWN_TABLE,
            PAYCODES_UNKNOWN_FORMAT,
            PAYCODES_UNKNOWN_SERVICE,
            PAYCODES_UNKNOWN_CASE,
            PAYCODES_NO_SNAP_CODE,
            PAYCODES_BAD_DETAIL,
            PAYCODES_MESSAGE_TOO_LONG,
            PAYCODES_INTERNAL,
            PAYCODES_PANIC,
        ]
    };

    /// The core error kind with the same number, if any.
    fn kind(self) -> Option<ErrorKind> {
        ErrorKind::from_number(self as u16)
    }

    /// Stable snake_case id (NUL-terminated static text).
    pub(crate) fn id(self) -> &'static [u8] {
        match self {
            paycodes_status::PAYCODES_OK => b"ok\0",
            paycodes_status::PAYCODES_NULL_ARGUMENT => b"null_argument\0",
            paycodes_status::PAYCODES_BUFFER_TOO_SMALL => b"buffer_too_small\0",
            paycodes_status::PAYCODES_PANIC => b"panic\0",
            other => other.kind().map_or(b"internal\0", |k| k.id_text().as_bytes_with_nul()),
        }
    }

    /// A sentence describing the status.
    pub(crate) fn message(self) -> String {
        match self {
            paycodes_status::PAYCODES_OK => "ok".into(),
            paycodes_status::PAYCODES_NULL_ARGUMENT => "a required pointer argument is NULL".into(),
            paycodes_status::PAYCODES_BUFFER_TOO_SMALL => "the output buffer is too small; nothing was written".into(),
            paycodes_status::PAYCODES_PANIC => {
                "paycodes panicked; the panic was caught at the C boundary (please report it)".into()
            }
            other => match other.kind() {
                Some(k) => describe(k),
                None => "internal error in paycodes (please report it)".into(),
            },
        }
    }
}

/// The core's message for an error kind (without the per-call details).
fn describe(k: ErrorKind) -> String {
    use paycodes::Error;
    // Kinds whose core message needs per-call details get a general sentence here.
    let e = match k {
        ErrorKind::Empty => Error::Empty,
        ErrorKind::BadLength => return "the code has the wrong length for its family".into(),
        ErrorKind::BadCharacter => return "the code has a character its family does not allow".into(),
        ErrorKind::BadHttpStatus => return "a SNAP code starts with an HTTP status (100-599)".into(),
        ErrorKind::InvalidUtf8 => return "the text is not valid UTF-8".into(),
        ErrorKind::NegativeNumber => Error::NegativeNumber,
        ErrorKind::NotAnInteger => Error::NotAnInteger,
        ErrorKind::BadType => Error::BadType,
        ErrorKind::BadJson => Error::BadJson,
        // The core's messages list every provider/operation; a status text stays short.
        ErrorKind::UnknownProvider => return "the provider is not known".into(),
        ErrorKind::UnknownFamily => Error::UnknownFamily,
        ErrorKind::UnknownNetwork => Error::UnknownNetwork,
        ErrorKind::UnknownKind => Error::UnknownKind,
        ErrorKind::UnknownOperation => return "the operation is not known".into(),
        ErrorKind::UnknownReason => Error::UnknownReason,
        ErrorKind::KindRequired => Error::KindRequired,
        ErrorKind::UnknownTable => return "the table is not known".into(),
        ErrorKind::UnknownFormat => Error::UnknownFormat,
        ErrorKind::UnknownService => Error::UnknownService,
        ErrorKind::UnknownCase => return "the SNAP standard has no such HTTP status + case code".into(),
        ErrorKind::NoSnapCode => Error::NoSnapCode,
        ErrorKind::BadDetail => Error::BadDetail,
        ErrorKind::MessageTooLong => return "responseMessage would exceed SNAP's 150 characters".into(),
        ErrorKind::Internal => Error::Internal,
    };
    e.to_string()
}
