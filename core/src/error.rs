//! One error type for the whole library. Every error has a stable id ([`ErrorKind::id`]),
//! number and class ([`ErrorKind::class`]); bindings map the class once and pass the id on.

use crate::ids::{Arg, ErrorKind, Family, ValueType};
use crate::model::InlineStr;
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
    /// A number given without a family is read as a whole SNAP code, and this one does not
    /// have seven digits (kind `bad_length`).
    NumberNotSnap {
        /// How many digits it has.
        digits: usize,
    },
    /// A character the family does not allow, at a byte position of the trimmed code.
    BadCharacter {
        /// The family whose character rule failed, if it was known.
        family: Option<Family>,
        /// Byte position in the trimmed code.
        position: usize,
    },
    /// An HTTP status outside 100..=599 (a SNAP code's first digits, or an argument).
    BadHttpStatus {
        /// The number read.
        status: i64,
    },
    /// The bytes are not UTF-8 (first bad byte at `position`).
    InvalidUtf8 {
        /// Byte position of the first invalid byte.
        position: usize,
    },
    /// A numeric code is negative.
    NegativeNumber,
    /// A number is not whole (a fraction, NaN or an infinity).
    NotAnInteger,
    /// An argument has the wrong type.
    BadType {
        /// Which argument.
        arg: Arg,
        /// What it takes, in words (`"a string or a number"`).
        expected: &'static str,
        /// What it got.
        got: ValueType,
    },
    /// A JSON line (batch decoding) is not valid JSON.
    BadJson,
    /// A whole number outside what the argument allows.
    OutOfRange {
        /// Which argument.
        arg: Arg,
        /// Smallest allowed value.
        min: i64,
        /// Largest allowed value.
        max: i64,
    },
    /// A required argument is missing.
    MissingArgument {
        /// Which argument.
        arg: Arg,
        /// What would do instead, in words (`"reason, or http_status and case_code"`).
        hint: &'static str,
    },
    /// A time that is neither RFC 3339 nor Unix seconds.
    BadTime,
    /// An attempt of a retry history that cannot be read.
    BadHistory {
        /// Which attempt (0-based, in the order given).
        index: usize,
        /// What is wrong with it.
        what: &'static str,
    },
    /// A card rules edition paycodes does not have.
    UnknownEdition,
    /// Columnar decoding: the messages are not as many as the codes.
    LengthMismatch {
        /// How many codes.
        codes: usize,
        /// How many messages.
        messages: usize,
    },
    /// Two arguments that exclude each other.
    ConflictingArguments {
        /// The first one.
        arg: Arg,
        /// The one it excludes.
        other: Arg,
    },
    /// The input has the shape of no code family.
    UnknownFormat,
    /// An input line is longer than the batch decoder reads.
    LineTooLong {
        /// The limit, in bytes.
        limit: usize,
    },
    /// The provider is not known.
    UnknownProvider,
    /// The family is not known.
    UnknownFamily,
    /// The network is not known.
    UnknownNetwork,
    /// The status kind (vocabulary) is not known.
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
    UnknownExportFormat,
    /// Batch decoding: the output format is not `jsonl` or `csv`.
    UnknownOutputFormat,
    /// Columnar decoding: no such column.
    UnknownColumn {
        /// The column set that was searched (a code's, or a whole response's).
        set: crate::columns::ColumnSet,
    },
    /// A key the call does not take (the key as given, cut to 32 ASCII bytes).
    UnknownOption {
        /// The key.
        key: InlineStr<32>,
    },
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
    /// A response body larger than the decoder reads.
    BodyTooLarge {
        /// The limit, in bytes.
        limit: usize,
    },
    /// A response body that nests deeper than the decoder reads.
    BodyTooDeep {
        /// The limit, in levels.
        limit: usize,
    },
    /// A decisive key twice with different values.
    DuplicateKey,
    /// An internal error (a bug).
    Internal,
}

impl Error {
    /// The stable kind (id, number and class).
    pub const fn kind(&self) -> ErrorKind {
        match self {
            Error::Empty => ErrorKind::Empty,
            Error::BadLength { .. } | Error::NumberNotSnap { .. } => ErrorKind::BadLength,
            Error::BadCharacter { .. } => ErrorKind::BadCharacter,
            Error::BadHttpStatus { .. } => ErrorKind::BadHttpStatus,
            Error::InvalidUtf8 { .. } => ErrorKind::InvalidUtf8,
            Error::NegativeNumber => ErrorKind::NegativeNumber,
            Error::NotAnInteger => ErrorKind::NotAnInteger,
            Error::BadType { .. } => ErrorKind::BadType,
            Error::BadJson => ErrorKind::BadJson,
            Error::OutOfRange { .. } => ErrorKind::OutOfRange,
            Error::MissingArgument { .. } => ErrorKind::MissingArgument,
            Error::ConflictingArguments { .. } => ErrorKind::ConflictingArguments,
            Error::UnknownFormat => ErrorKind::UnknownFormat,
            Error::LineTooLong { .. } => ErrorKind::LineTooLong,
            Error::BadTime => ErrorKind::BadTime,
            Error::BadHistory { .. } => ErrorKind::BadHistory,
            Error::UnknownEdition => ErrorKind::UnknownEdition,
            Error::LengthMismatch { .. } => ErrorKind::LengthMismatch,
            Error::UnknownProvider => ErrorKind::UnknownProvider,
            Error::UnknownFamily => ErrorKind::UnknownFamily,
            Error::UnknownNetwork => ErrorKind::UnknownNetwork,
            Error::UnknownKind => ErrorKind::UnknownKind,
            Error::UnknownOperation => ErrorKind::UnknownOperation,
            Error::UnknownReason => ErrorKind::UnknownReason,
            Error::KindRequired => ErrorKind::KindRequired,
            Error::UnknownTable => ErrorKind::UnknownTable,
            Error::UnknownExportFormat => ErrorKind::UnknownExportFormat,
            Error::UnknownOutputFormat => ErrorKind::UnknownOutputFormat,
            Error::UnknownColumn { .. } => ErrorKind::UnknownColumn,
            Error::UnknownOption { .. } => ErrorKind::UnknownOption,
            Error::UnknownService => ErrorKind::UnknownService,
            Error::UnknownCase { .. } => ErrorKind::UnknownCase,
            Error::NoSnapCode => ErrorKind::NoSnapCode,
            Error::BadDetail => ErrorKind::BadDetail,
            Error::MessageTooLong { .. } => ErrorKind::MessageTooLong,
            Error::BodyTooLarge { .. } => ErrorKind::BodyTooLarge,
            Error::BodyTooDeep { .. } => ErrorKind::BodyTooDeep,
            Error::DuplicateKey => ErrorKind::DuplicateKey,
            Error::Internal => ErrorKind::Internal,
        }
    }

    /// The stable snake_case id, e.g. `bad_length`.
    pub const fn id(&self) -> &'static str {
        self.kind().id()
    }

    /// The message with argument names spelt as JavaScript spells keys (`httpStatus`);
    /// [`Display`](fmt::Display) spells them in snake_case.
    pub fn to_string_camel(&self) -> String {
        let mut s = String::new();
        let _ = self.write(&mut s, true);
        s
    }

    fn write(&self, f: &mut dyn fmt::Write, camel: bool) -> fmt::Result {
        let name = |a: Arg| if camel { a.camel_id() } else { a.id() };
        match *self {
            Error::Empty => f.write_str("the code is empty"),
            Error::BadLength { family: Some(Family::Snap), len } => {
                write!(f, "a SNAP response code has 7 characters (HTTP status + service + case), got {len}")
            }
            Error::BadLength { family: Some(Family::Iso8583), len } => {
                write!(f, "an ISO 8583 response code has 2 characters, got {len}")
            }
            Error::BadLength { family: Some(Family::Provider), len } => {
                write!(f, "a provider code has 1 to {} characters, got {len}", crate::model::CANONICAL_MAX)
            }
            Error::BadLength { family: Some(Family::Status), len } => {
                write!(f, "a transaction status has 1 to {} characters, got {len}", crate::status::MAX_STATUS)
            }
            Error::BadLength { family: None, len } => write!(
                f,
                "not a payment code: expected 7 characters (SNAP), 2 (ISO 8583) or an UPPER_SNAKE provider code, got {len} characters"
            ),
            Error::NumberNotSnap { digits } => write!(
                f,
                "a number is read as a whole SNAP code (7 digits), got {digits} digit{}; to read a card code or a status from a number, say family iso8583 or status",
                if digits == 1 { "" } else { "s" }
            ),
            Error::BadCharacter { family, position } => {
                let what = match family {
                    Some(Family::Snap) => "a SNAP code is 3 digits, 2 letters or digits (or xx), 2 digits",
                    Some(Family::Iso8583) => "an ISO 8583 code is two letters or digits",
                    Some(Family::Provider) => "a provider code uses letters, digits and _, a letter first",
                    Some(Family::Status) => "a status uses letters, digits and _",
                    None => "unexpected character",
                };
                write!(f, "{what}; bad character at position {position}")
            }
            Error::BadHttpStatus { status } => {
                write!(f, "{status:03} is not an HTTP status (100-599)")
            }
            Error::InvalidUtf8 { position } => write!(f, "the code is not valid UTF-8 (byte {position})"),
            Error::NegativeNumber => f.write_str("a numeric code cannot be negative"),
            Error::NotAnInteger => f.write_str("a number must be whole (no fraction, NaN or infinity)"),
            Error::BadType { arg, expected, got } => {
                write!(f, "{} must be {expected}, got {}", name(arg), got.id())
            }
            Error::BadJson => f.write_str("not a JSON object with responseCode and responseMessage"),
            Error::OutOfRange { arg, min, max } => {
                write!(f, "{} must be a whole number from {min} to {max}", name(arg))
            }
            Error::MissingArgument { arg, hint } => {
                write!(f, "{} is missing; give {hint}", name(arg))
            }
            Error::ConflictingArguments { arg, other } => {
                write!(f, "{} and {} exclude each other; give one", name(arg), name(other))
            }
            Error::UnknownFormat => f.write_str(
                "not a payment code: no family has this shape (a provider code is UPPER_SNAKE unless a provider is given)",
            ),
            Error::LineTooLong { limit } => write!(f, "the line is longer than {limit} bytes; the rest was skipped"),
            Error::BadTime => f.write_str("not a time: give RFC 3339 (2026-11-30T10:00:00+07:00) or Unix seconds"),
            Error::BadHistory { index, what } => write!(f, "attempt {index} of the history: {what}"),
            Error::LengthMismatch { codes, messages } => {
                write!(f, "{messages} messages for {codes} codes: give one message (or null) per code")
            }
            Error::UnknownEdition => {
                f.write_str("no such card rules edition (see paycodes table retry_rules: 2021-04-17, 2026-04-18)")
            }
            Error::UnknownProvider => {
                f.write_str("unknown provider; known: ")?;
                write_list(f, crate::providers().iter().map(|p| p.id()))
            }
            Error::UnknownFamily => f.write_str("unknown family; known: snap, iso8583, provider, status"),
            Error::UnknownNetwork => f.write_str("unknown network; known: visa, mastercard"),
            Error::UnknownKind => {
                f.write_str("unknown status kind; known: ")?;
                write_list(f, crate::Vocabulary::all().iter().map(|v| v.id()))
            }
            Error::UnknownOperation => {
                f.write_str("unknown operation; known: ")?;
                write_list(f, crate::operations().iter().map(|o| o.id()))
            }
            Error::UnknownReason => f.write_str("unknown reason id"),
            Error::KindRequired => f.write_str(
                "decoding a status needs a kind (snap, qris, direct_debit, va or a provider's): 04 is 'refunded' as a status but 'pick up card' as a card code",
            ),
            Error::UnknownTable => {
                f.write_str("unknown table; known: ")?;
                write_list(f, crate::ids::TableName::ALL.iter().map(|t| t.id()))
            }
            Error::UnknownExportFormat => f.write_str("unknown format; known: json, csv, md"),
            Error::UnknownOutputFormat => f.write_str("unknown output format; known: jsonl, csv"),
            Error::UnknownColumn { set } => {
                f.write_str("unknown column; known: ")?;
                write_list(f, set.columns().iter().map(|c| c.name.as_str()))
            }
            Error::UnknownOption { key } => write!(f, "unknown option {:?}", key.as_str()),
            Error::UnknownService => {
                f.write_str("unknown service code (not in the standard or the provider's profile)")
            }
            Error::UnknownCase { http, case } => {
                write!(f, "the SNAP standard has no case {case:02} for HTTP {http}")
            }
            Error::NoSnapCode => f.write_str("this reason has no SNAP response code"),
            Error::BadDetail => f.write_str("the detail must not contain control characters"),
            Error::MessageTooLong { chars } => {
                write!(f, "responseMessage would be {chars} characters; SNAP allows 150")
            }
            Error::BodyTooLarge { limit } => write!(f, "the body is larger than {limit} bytes"),
            Error::BodyTooDeep { limit } => write!(f, "the body nests deeper than {limit} levels"),
            Error::DuplicateKey => {
                f.write_str("a decisive key appears twice with different values; which one is meant cannot be known")
            }
            Error::Internal => f.write_str("internal error in paycodes (please report it)"),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, false)
    }
}

fn write_list<'a>(f: &mut dyn fmt::Write, items: impl Iterator<Item = &'a str>) -> fmt::Result {
    for (i, s) in items.enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        f.write_str(s)?;
    }
    Ok(())
}

impl std::error::Error for Error {}
