//! # paycodes
//!
//! What a payment response code means and what to do next.
//!
//! Indonesian payment APIs follow Bank Indonesia's SNAP standard: every response carries a
//! 7-character `responseCode` = HTTP status + service code (which API) + case code (what
//! happened). `4035414` is 403, Direct Debit Payment, Insufficient Funds. paycodes decodes
//! such codes into one normalized answer: did the money move ([`Outcome`]), why
//! ([`Reason`]), what to do next ([`Action`]), plus precise and customer-safe texts.
//!
//! ```
//! use paycodes::{decode, Context, Outcome, Action, Reason, Locale};
//!
//! let d = decode("4035414", Some("Insufficient Funds"), &Context::new().with_locale(Locale::Id))?;
//! assert_eq!(d.outcome(), Outcome::Failed);
//! assert_eq!(d.reason(), Reason::InsufficientFunds);
//! assert_eq!(d.action(), Action::AskCustomer);
//! assert_eq!(d.service().unwrap().name().as_str(), "Direct Debit Payment");
//! assert!(d.customer_message().text.as_str().starts_with("Saldo Anda"));
//!
//! // A 5xx on an API that moves money: the money may have moved. Inquire, never retry blindly.
//! let d = decode("5001800", None, &Context::new())?;
//! assert_eq!((d.outcome(), d.action()), (Outcome::Unknown, Action::InquireStatus));
//! # Ok::<(), paycodes::Error>(())
//! ```
//!
//! Decoding never allocates and never panics. The tables are data files (`core/data/*.tsv`,
//! a source on every row) compiled into static tables by the build script.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

// Layers, bottom up (a module only uses the ones above it in this list):
// text, ids, tables          the vocabularies and the compiled tables
// error, customer, model     the error, customer texts, and the answer types
// matching                   message templates
// snap, iso, strings, status the family decoders, peers
// detect, decode             the dispatcher
// compose, explain           building codes, explanations
// fields, json, export       answers as data, JSON, table export
// jsonscan, lines, response reading JSON bodies, log lines and whole responses
// retry                      card retry decisions over attempt history
// api                        the contract the bindings call
pub mod columns;
mod compose;
mod customer;
mod decode;
mod detect;
mod error;
mod explain;
pub mod export;
pub mod fields;
mod ids;
mod iso;
pub mod json;
pub mod jsonscan;
pub mod lines;
mod matching;
mod model;
pub mod response;
pub mod retry;
mod snap;
mod status;
mod strings;
mod tables;
mod text;

pub mod api;

/// Test-only hooks (the `test-panic` cargo feature; never enabled in a release).
#[cfg(feature = "test-panic")]
pub mod testing;

pub use compose::{Built, MAX_MESSAGE_CHARS, build_snap, build_snap_for_reason};
pub use customer::{CustomerMessage, customer_message};
pub use decode::{decode, decode_bytes, decode_float, decode_integer};
pub use error::Error;
pub use explain::{explain, explain_response, explain_retry};
pub use ids::{
    Action, Arg, CardReading, Category, EnumType, EnumValueInfo, ErrorClass, ErrorKind, Evidence, ExportFormat, Family,
    Locale, MAX_ID_LEN, Network, Outcome, Reason, ServiceKind, TableName, ValueType, Verdict, Warning, normalize_id,
};
pub use model::{CANONICAL_MAX, Context, Decoded, DetailRef, InlineStr, NetworkVariant, Raw, Warnings};
pub use response::{FieldReading, Response, decode_response};
pub use retry::{Attempt, RetryAnswer, retry_decision};
pub use tables::{
    Advice, CaseRow, FallbackRow, FieldRole, IsoRow, OperationInfo, Provider, ProviderCase, ReasonRow, RequestKind,
    RetryRule, ScopeToken, Semantics, Service, StateField, StatusRow, StringRow, Template, Vocabulary,
};
pub use text::Text;

// The README's Rust examples are doctests, so they cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;

/// The library version (from Cargo.toml).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Every provider profile; the first is `standard`.
pub fn providers() -> &'static [Provider] {
    &tables::PROVIDERS
}

/// Every operation a caller can name.
pub fn operations() -> &'static [OperationInfo] {
    &tables::OPERATIONS
}

/// The standard's service registry (81 codes).
pub fn snap_services() -> &'static [Service] {
    &tables::SNAP_SERVICES
}

/// The standard's case table (every HTTP status + case code).
pub fn snap_cases() -> &'static [CaseRow] {
    &tables::SNAP_CASES
}

/// Every reason's row (customer texts, SNAP build code), in number order.
pub fn reasons() -> &'static [ReasonRow] {
    &tables::REASON_ROWS
}
