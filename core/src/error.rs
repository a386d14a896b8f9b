//! One error type for the whole library. Every error has a stable id ([`ErrorKind::id`]) and
//! number; bindings map [`ErrorKind`] exhaustively, once.

use crate::ids::{ErrorKind, Family};
use core::fmt;

/// Why a call failed. Carries no heap data, so it is `Copy` and cheap on every path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The code is empty or only whitespace.
    Empty,
    /// The code has the wrong length (`len` bytes after trimming; `family` when it was known).
    BadLength {
        /// The family whose length rule failed, if it was known.
        family: Option<Family>,
        /// Byte length after trimming.
        len: usize,
    },
    /// A character the family does not allow, at a byte position of the trimmed code.
    BadCharacter {
        /// The family whose character rule failed, if it was known.
        family: Option<Family>,
        /// Byte position in the trimmed code.
        position: usize,
    },
    /// The first three digits are not an HTTP status in 100..=599.
    BadHttpStatus {
        /// The number read.
        status: u16,
    },
    /// The bytes are not UTF-8 (first bad byte at `position`).
    InvalidUtf8 {
        /// Byte position of the first invalid byte.
        position: usize,
    },
    /// A numeric code is negative.
    NegativeNumber,
    /// A numeric code is not a whole number.
    NotAnInteger,
    /// An argument has the wrong type (raised by bindings).
    BadType,
    /// A JSON line (batch decoding) is not valid JSON.
    BadJson,
    /// The provider is not known.
    UnknownProvider,
    /// The family is not known.
    UnknownFamily,
    /// The network is not known.
    UnknownNetwork,
    /// The status kind is not known.
    UnknownKind,
    /// The operation is not known.
    UnknownOperation,
    /// The reason id is not known.
    UnknownReason,
    /// A status decode needs a kind.
    KindRequired,
    /// Exporting: no such table.
    UnknownTable,
    /// Exporting: the format is not `json`, `csv` or `md`.
    UnknownFormat,
    /// Building: the service code is not known.
    UnknownService,
    /// Building: no such HTTP status + case code.
    UnknownCase {
        /// HTTP status asked for.
        http: u16,
        /// Case code asked for.
        case: u8,
    },
    /// Building: the reason has no SNAP code.
    NoSnapCode,
    /// Building: the detail contains control characters.
    BadDetail,
    /// Building: the message would exceed 150 characters.
    MessageTooLong {
        /// Characters the message would have.
        chars: usize,
    },
    /// An internal error (a bug).
    Internal,
}

impl Error {
    /// The stable kind (id and number).
    pub const fn kind(&self) -> ErrorKind {
        match self {
            Error::Empty => ErrorKind::Empty,
            Error::BadLength { .. } => ErrorKind::BadLength,
            Error::BadCharacter { .. } => ErrorKind::BadCharacter,
            Error::BadHttpStatus { .. } => ErrorKind::BadHttpStatus,
            Error::InvalidUtf8 { .. } => ErrorKind::InvalidUtf8,
            Error::NegativeNumber => ErrorKind::NegativeNumber,
            Error::NotAnInteger => ErrorKind::NotAnInteger,
            Error::BadType => ErrorKind::BadType,
            Error::BadJson => ErrorKind::BadJson,
            Error::UnknownProvider => ErrorKind::UnknownProvider,
            Error::UnknownFamily => ErrorKind::UnknownFamily,
            Error::UnknownNetwork => ErrorKind::UnknownNetwork,
            Error::UnknownKind => ErrorKind::UnknownKind,
            Error::UnknownOperation => ErrorKind::UnknownOperation,
            Error::UnknownReason => ErrorKind::UnknownReason,
            Error::KindRequired => ErrorKind::KindRequired,
            Error::UnknownTable => ErrorKind::UnknownTable,
            Error::UnknownFormat => ErrorKind::UnknownFormat,
            Error::UnknownService => ErrorKind::UnknownService,
            Error::UnknownCase { .. } => ErrorKind::UnknownCase,
            Error::NoSnapCode => ErrorKind::NoSnapCode,
            Error::BadDetail => ErrorKind::BadDetail,
            Error::MessageTooLong { .. } => ErrorKind::MessageTooLong,
            Error::Internal => ErrorKind::Internal,
        }
    }

    /// The stable snake_case id, e.g. `bad_length`.
    pub const fn id(&self) -> &'static str {
        self.kind().id()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Error::Empty => f.write_str("the code is empty"),
            Error::BadLength { family: Some(Family::Snap), len } => {
                write!(f, "a SNAP response code has 7 characters (HTTP status + service + case), got {len}")
            }
            Error::BadLength { family: Some(Family::Iso8583), len } => {
                write!(f, "an ISO 8583 response code has 2 characters, got {len}")
            }
            Error::BadLength { family: Some(Family::Provider), len } => {
                write!(f, "a provider code has 1 to 64 characters, got {len}")
            }
            Error::BadLength { family: Some(Family::Status), len } => {
                write!(f, "a transaction status has 1 to 16 characters, got {len}")
            }
            Error::BadLength { family: None, len } => write!(
                f,
                "not a payment code: expected 7 characters (SNAP), 2 (ISO 8583) or an UPPER_SNAKE provider code, got {len} characters"
            ),
            Error::BadCharacter { family, position } => {
                let what = match family {
                    Some(Family::Snap) => "a SNAP code is 3 digits, 2 letters or digits (or xx), 2 digits",
                    Some(Family::Iso8583) => "an ISO 8583 code is two letters or digits",
                    Some(Family::Provider) => "a provider code uses letters, digits and _",
                    Some(Family::Status) => "a status uses letters and digits",
                    None => "unexpected character",
                };
                write!(f, "{what}; bad character at position {position}")
            }
            Error::BadHttpStatus { status } => {
                write!(f, "{status:03} is not an HTTP status (a SNAP code starts with 100-599)")
            }
            Error::InvalidUtf8 { position } => write!(f, "the code is not valid UTF-8 (byte {position})"),
            Error::NegativeNumber => f.write_str("a numeric code cannot be negative"),
            Error::NotAnInteger => f.write_str("a numeric code must be a whole number"),
            Error::BadType => f.write_str("wrong argument type"),
            Error::BadJson => f.write_str("not a JSON object with responseCode and responseMessage"),
            Error::UnknownProvider => {
                f.write_str("unknown provider; known: ")?;
                write_list(f, crate::providers().iter().map(|p| p.id()))
            }
            Error::UnknownFamily => f.write_str("unknown family; known: snap, iso8583, provider, status"),
            Error::UnknownNetwork => f.write_str("unknown network; known: visa, mastercard"),
            Error::UnknownKind => f.write_str("unknown status kind; known: snap, qris, direct_debit, va"),
            Error::UnknownOperation => {
                f.write_str("unknown operation; known: ")?;
                write_list(f, crate::operations().iter().map(|o| o.id()))
            }
            Error::UnknownReason => f.write_str("unknown reason id"),
            Error::KindRequired => {
                f.write_str("decoding a status needs a kind (snap, qris, direct_debit or va): 04 is 'refunded' as a status but 'pick up card' as a card code")
            }
            Error::UnknownTable => {
                f.write_str("unknown table; known: ")?;
                write_list(f, crate::export::TableName::ALL.iter().map(|t| t.id()))
            }
            Error::UnknownFormat => f.write_str("unknown format; known: json, csv, md"),
            Error::UnknownService => f.write_str("unknown service code (not in the standard or the provider's profile)"),
            Error::UnknownCase { http, case } => {
                write!(f, "the SNAP standard has no case {case:02} for HTTP {http}")
            }
            Error::NoSnapCode => f.write_str("this reason has no SNAP response code"),
            Error::BadDetail => f.write_str("the detail must not contain control characters"),
            Error::MessageTooLong { chars } => {
                write!(f, "responseMessage would be {chars} characters; SNAP allows 150")
            }
            Error::Internal => f.write_str("internal error in paycodes (please report it)"),
        }
    }
}

fn write_list<'a>(f: &mut fmt::Formatter<'_>, items: impl Iterator<Item = &'a str>) -> fmt::Result {
    for (i, s) in items.enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        f.write_str(s)?;
    }
    Ok(())
}

impl std::error::Error for Error {}
