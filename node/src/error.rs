//! Core errors to JS errors: one exhaustive mapping.
//!
//! A thrown error is an `Error` whose `code` is the stable id (`bad_length`, ...), created by
//! napi-rs from a `napi::Error<&'static str>`. napi-rs can only create plain `Error`s with a
//! custom code, so index.js rethrows the kinds [`is_type_error`] names as `TypeError` (same
//! message and code), using the list `errorKinds()` hands it.

use paycodes::{Error, ErrorKind};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// A native result whose error becomes a JS `Error` with `code` = the stable id. (napi-rs
/// recognizes a fallible function by its return type being named `Result`.)
pub type Result<T> = napi::Result<T, &'static str>;

/// The JS error for a core error.
pub fn to_js(e: Error) -> napi::Error<&'static str> {
    napi::Error::new(e.id(), e.to_string())
}

/// The JS error for a malformed item of a batch (its position leads the message; index.js
/// also sets `err.index`).
pub fn at(index: usize, e: Error) -> napi::Error<&'static str> {
    napi::Error::new(e.id(), format!("item {index}: {e}"))
}

/// Whether JS should see this kind as a `TypeError` (a wrong argument type) rather than an
/// `Error` (a wrong value).
pub const fn is_type_error(kind: ErrorKind) -> bool {
    match kind {
        ErrorKind::BadType => true,
        ErrorKind::Empty
        | ErrorKind::BadLength
        | ErrorKind::BadCharacter
        | ErrorKind::BadHttpStatus
        | ErrorKind::InvalidUtf8
        | ErrorKind::NegativeNumber
        | ErrorKind::NotAnInteger
        | ErrorKind::BadJson
        | ErrorKind::UnknownProvider
        | ErrorKind::UnknownFamily
        | ErrorKind::UnknownNetwork
        | ErrorKind::UnknownKind
        | ErrorKind::UnknownOperation
        | ErrorKind::UnknownReason
        | ErrorKind::KindRequired
        | ErrorKind::UnknownTable
        | ErrorKind::UnknownFormat
        | ErrorKind::UnknownService
        | ErrorKind::UnknownCase
        | ErrorKind::NoSnapCode
        | ErrorKind::BadDetail
        | ErrorKind::MessageTooLong
        | ErrorKind::Internal => false,
    }
}

/// Runs `f` and turns a panic into an `internal` error: a bug of ours must not take the
/// host process down (napi-rs would otherwise abort on a panic crossing the boundary).
pub fn guard<T>(f: impl FnOnce() -> Result<T>) -> Result<T> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|_| {
        Err(napi::Error::new(
            Error::Internal.id(),
            format!("{} (paycodes panicked; the panic was caught at the boundary)", Error::Internal),
        ))
    })
}
