//! Kotlin and Swift bindings of paycodes, through uniffi (proc-macro style): conversions and
//! error mapping only; every answer comes from the core's contract (`paycodes::api`).
//!
//! Records, enums and option records are generated from the core (generated.rs, by
//! `cargo xtask codegen`). Calls through uniffi cost microseconds on the JVM (JNA), so the
//! API is coarse-grained: one call decodes one code completely, `decode_many` a batch.

uniffi::setup_scaffolding!();

mod generated;

pub use generated::*;

use paycodes::ErrorClass;
use paycodes::api::{self, Input};
use paycodes::fields::Obj;

/// Why a call failed. Every variant carries the stable id every language shares (`code`,
/// e.g. `bad_length`), a human description, and for `decode_many` the failing item's
/// position. Kotlin sees `PaycodesException`, Swift `PaycodesError`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Error)]
#[uniffi::export(Display)]
pub enum PaycodesError {
    /// The code (or input) is malformed: `empty`, `bad_length`, `bad_character`, ...
    InvalidCode { code: String, description: String, index: Option<u32> },
    /// An argument has the wrong type (`bad_type`).
    InvalidArgument { code: String, description: String, index: Option<u32> },
    /// An argument's value is wrong: `out_of_range`, `missing_argument`,
    /// `conflicting_arguments`.
    InvalidValue { code: String, description: String, index: Option<u32> },
    /// An option names something unknown (`unknown_provider`, ...), or the options do not
    /// fit together (`kind_required`).
    UnknownOption { code: String, description: String, index: Option<u32> },
    /// Building a SNAP code was refused: `unknown_service`, `unknown_case`, ...
    Build { code: String, description: String, index: Option<u32> },
    /// A response body cannot be read within the limits.
    InvalidBody { code: String, description: String, index: Option<u32> },
    /// A bug in paycodes (`internal`), including a panic caught at the boundary.
    Internal { code: String, description: String, index: Option<u32> },
}

impl PaycodesError {
    fn new(e: paycodes::Error, index: Option<u32>) -> Self {
        let code = e.id().to_owned();
        let description = match index {
            Some(i) => format!("item {i}: {e}"),
            None => e.to_string(),
        };
        match e.kind().class() {
            ErrorClass::InvalidCode => PaycodesError::InvalidCode { code, description, index },
            ErrorClass::ArgumentType => PaycodesError::InvalidArgument { code, description, index },
            ErrorClass::ArgumentValue => PaycodesError::InvalidValue { code, description, index },
            ErrorClass::UnknownOption => PaycodesError::UnknownOption { code, description, index },
            ErrorClass::Build => PaycodesError::Build { code, description, index },
            ErrorClass::InvalidBody => PaycodesError::InvalidBody { code, description, index },
            ErrorClass::Internal => PaycodesError::Internal { code, description, index },
        }
    }

    /// The stable id.
    pub fn code(&self) -> &str {
        match self {
            PaycodesError::InvalidCode { code, .. }
            | PaycodesError::InvalidArgument { code, .. }
            | PaycodesError::InvalidValue { code, .. }
            | PaycodesError::UnknownOption { code, .. }
            | PaycodesError::Build { code, .. }
            | PaycodesError::InvalidBody { code, .. }
            | PaycodesError::Internal { code, .. } => code,
        }
    }

    fn description(&self) -> &str {
        match self {
            PaycodesError::InvalidCode { description, .. }
            | PaycodesError::InvalidArgument { description, .. }
            | PaycodesError::InvalidValue { description, .. }
            | PaycodesError::UnknownOption { description, .. }
            | PaycodesError::Build { description, .. }
            | PaycodesError::InvalidBody { description, .. }
            | PaycodesError::Internal { description, .. } => description,
        }
    }
}

impl From<paycodes::Error> for PaycodesError {
    fn from(e: paycodes::Error) -> Self {
        PaycodesError::new(e, None)
    }
}

/// `description (code)`, e.g. `the code is empty (empty)`: what Kotlin's `message` and both
/// languages' string forms show.
impl std::fmt::Display for PaycodesError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.description(), self.code())
    }
}

impl std::error::Error for PaycodesError {}

/// Runs `f`, turning a panic inside paycodes into `PaycodesError.Internal`: the app lives on.
fn guard<T>(f: impl FnOnce() -> Result<T, PaycodesError>) -> Result<T, PaycodesError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|_| {
        Err(PaycodesError::Internal {
            code: paycodes::Error::Internal.id().to_owned(),
            description: format!(
                "{} (paycodes panicked; the panic was caught at the boundary)",
                paycodes::Error::Internal
            ),
            index: None,
        })
    })
}

/// Text from Kotlin or Swift, as its UTF-8 bytes (uniffi.toml: both languages see a
/// `String`). A Kotlin string with a lone surrogate arrives as invalid UTF-8, which the core
/// answers with its stable ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputText(pub Vec<u8>);

uniffi::custom_type!(InputText, Vec<u8>, {
    lower: |s| s.0,
    try_lift: |v| Ok(InputText(v)),
});

impl InputText {
    /// The text as the core's input (bytes that are not UTF-8 stay bytes: the core judges).
    pub fn input(&self) -> Input<'_> {
        match std::str::from_utf8(&self.0) {
            Ok(s) => Input::Str(s),
            Err(_) => Input::Bytes(&self.0),
        }
    }
}

impl From<&str> for InputText {
    fn from(s: &str) -> Self {
        InputText(s.as_bytes().to_vec())
    }
}

fn text(s: &Option<String>) -> Input<'_> {
    s.as_deref().map_or(Input::Null, Input::Str)
}

fn decode_with(code: Input<'_>, options: Option<DecodeOptions>) -> Result<Decoded, PaycodesError> {
    guard(|| {
        let options = options.unwrap_or_default();
        let args = options.args();
        let d = api::decode(&code, &args)?;
        Ok(Decoded::from_obj(&Obj::Decoded(&d)))
    })
}

/// What a payment response code means and what to do next. `code` null is `bad_type`.
#[uniffi::export(default(options = None))]
pub fn decode(code: Option<InputText>, options: Option<DecodeOptions>) -> Result<Decoded, PaycodesError> {
    decode_with(code.as_ref().map_or(Input::Null, InputText::input), options)
}

/// A code given as a number (a JSON number read as a double): without `family` it is a
/// whole SNAP code (`2002400`); with `family = "iso8583"`, `5.0` is card code `05`.
#[uniffi::export(default(options = None))]
pub fn decode_number(code: f64, options: Option<DecodeOptions>) -> Result<Decoded, PaycodesError> {
    decode_with(Input::Float(code), options)
}

/// A code given as a whole number (exact beyond 2^53).
#[uniffi::export(default(options = None))]
pub fn decode_integer(code: i64, options: Option<DecodeOptions>) -> Result<Decoded, PaycodesError> {
    decode_with(Input::Int(code), options)
}

/// One item of a batch: a code and, optionally, its actual message.
#[derive(Debug, Clone, uniffi::Record)]
pub struct CodeInput {
    pub code: InputText,
    #[uniffi(default = None)]
    pub message: Option<InputText>,
}

/// Decodes many codes with the same options (equal items are decoded once). The first
/// malformed item throws, with its `index`.
#[uniffi::export(default(options = None))]
pub fn decode_many(items: Vec<CodeInput>, options: Option<DecodeManyOptions>) -> Result<Vec<Decoded>, PaycodesError> {
    guard(|| {
        let options = options.unwrap_or_default();
        let inputs: Vec<(Input<'_>, Input<'_>)> =
            items.iter().map(|i| (i.code.input(), i.message.as_ref().map_or(Input::Null, InputText::input))).collect();
        let batch = api::decode_many(&inputs, &options.args())?;
        if let Some((i, e)) = batch.first_error() {
            return Err(PaycodesError::new(e, Some(i as u32)));
        }
        let answers: Vec<Decoded> =
            batch.answers.iter().filter_map(|a| a.as_ref().ok()).map(|d| Decoded::from_obj(&Obj::Decoded(d))).collect();
        Ok(batch.slots.iter().map(|&s| answers[s as usize].clone()).collect())
    })
}

/// What a whole response or callback body (JSON text or bytes) says about the transaction: a
/// state field beats the response code, a failed status inquiry says nothing about the
/// payment, and missing or contradictory evidence is `UNKNOWN` (inquire). `body` null means
/// no response arrived at all.
#[uniffi::export(default(options = None))]
pub fn decode_response(
    body: Option<InputText>,
    options: Option<DecodeResponseOptions>,
) -> Result<DecodedResponse, PaycodesError> {
    guard(|| {
        let options = options.unwrap_or_default();
        let body = body.as_ref().map_or(Input::Null, |b| Input::Bytes(&b.0));
        let r = api::decode_response(&body, &options.args())?;
        Ok(DecodedResponse::from_obj(&Obj::Response(&r)))
    })
}

/// Whether a declined card transaction may be tried again (`RETRY`, `RETRY_AFTER` with
/// `notBefore`, `NEVER`) and the network rule that decided. `options.network` is required;
/// `history` is the earlier attempts as JSON (an array of `{"at", "code", "mac"}` or JSON
/// lines); `now` is RFC 3339 or Unix seconds as text (default: the clock).
#[uniffi::export]
pub fn retry_decision(code: String, options: RetryDecisionOptions) -> Result<RetryDecision, PaycodesError> {
    guard(|| {
        let r = api::retry_decision(&Input::Str(&code), &options.args())?;
        Ok(RetryDecision::from_obj(&Obj::Retry(&r)))
    })
}

/// The explanation `paycodes explain` prints.
#[uniffi::export(default(options = None))]
pub fn explain(code: String, options: Option<DecodeOptions>) -> Result<String, PaycodesError> {
    guard(|| Ok(api::explain(&Input::Str(&code), &options.unwrap_or_default().args())?))
}

/// The SNAP `responseCode` and `responseMessage` to answer a callback with: give `reason`, or
/// `http_status` and `case_code` (checked, never narrowed).
#[uniffi::export]
pub fn build_snap(service: String, options: BuildSnapOptions) -> Result<Built, PaycodesError> {
    guard(|| {
        let b = api::build_snap(&Input::Str(&service), &options.args())?;
        Ok(Built::from_obj(&Obj::Built(&b)))
    })
}

/// The customer-safe message for a reason (its id, read leniently).
#[uniffi::export(default(options = None))]
pub fn customer_message(
    reason: Option<String>,
    options: Option<CustomerMessageOptions>,
) -> Result<CustomerMessage, PaycodesError> {
    guard(|| {
        let m = api::customer_message(&text(&reason), &options.unwrap_or_default().args())?;
        Ok(CustomerMessage::from_obj(&Obj::Customer(m)))
    })
}

/// Whether customers see a generic decline instead of this reason.
#[uniffi::export]
pub fn is_masked(reason: String) -> Result<bool, PaycodesError> {
    guard(|| Ok(api::reason(&Input::Str(&reason))?.row().masked()))
}

/// The names of the exportable tables.
#[uniffi::export]
pub fn tables() -> Vec<String> {
    paycodes::TableName::ALL.iter().map(|t| t.id().to_owned()).collect()
}

/// A table rendered as `json` (default), `csv` or `md`: the bytes `paycodes table` prints.
#[uniffi::export(default(options = None))]
pub fn export_table(name: String, options: Option<ExportOptions>) -> Result<String, PaycodesError> {
    guard(|| Ok(api::export(&Input::Str(&name), &options.unwrap_or_default().args())?))
}

/// The library version.
#[uniffi::export]
pub fn version() -> String {
    paycodes::VERSION.to_owned()
}

/// Test-only: the code that makes the core panic (built with the `test-panic` feature).
#[cfg(feature = "test-panic")]
#[uniffi::export]
pub fn test_panic_code() -> String {
    paycodes::testing::PANIC_CODE.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_keep_the_stable_id_and_show_it() {
        let e = decode(Some("".into()), None).unwrap_err();
        assert_eq!(e.code(), "empty");
        assert!(matches!(e, PaycodesError::InvalidCode { index: None, .. }));
        assert_eq!(e.to_string(), "the code is empty (empty)");
        let items =
            vec![CodeInput { code: "4035414".into(), message: None }, CodeInput { code: "x!".into(), message: None }];
        let e = decode_many(items, None).unwrap_err();
        assert!(matches!(e, PaycodesError::InvalidCode { index: Some(1), .. }), "{e:?}");
        let e = build_snap("24".into(), BuildSnapOptions::default()).unwrap_err();
        assert!(matches!(e, PaycodesError::InvalidValue { .. }) && e.code() == "missing_argument", "{e:?}");
    }

    #[test]
    fn records_carry_what_the_core_answers() {
        let options = DecodeOptions { locale: Some("id".into()), ..Default::default() };
        let d = decode(Some("4035414".into()), Some(options)).unwrap();
        let m = DecodeOptions { message: Some(InputText(b"Invalid Field Format \xff".to_vec())), ..Default::default() };
        assert_eq!(decode(Some("4002501".into()), Some(m)).unwrap().warnings, vec![Warning::MessageIgnored]);
        assert_eq!(decode(Some(InputText(vec![0xff])), None).unwrap_err().code(), "invalid_utf8");
        assert_eq!((d.outcome, d.reason, d.action), (Outcome::Failed, Reason::InsufficientFunds, Action::AskCustomer));
        assert!(d.customer_message.starts_with("Saldo Anda"));
        assert_eq!(d.service.map(|s| s.moves_money), Some(true));
        assert_eq!(reason_id(Reason::ThreeDSecureFailed), "three_d_secure_failed");
        assert_eq!(decode_number(2002400.0, None).unwrap().raw, "2002400");
        assert_eq!(decode(None, None).unwrap_err().code(), "bad_type");
        assert_eq!(decode_number(0.0, None).unwrap_err().code(), "bad_length");
    }
}
