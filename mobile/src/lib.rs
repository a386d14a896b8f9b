//! Kotlin and Swift bindings of paycodes, through uniffi (proc-macro style): conversions and
//! error mapping only; every answer comes from the core.
//!
//! Records and enums carry the core's names (`Decoded`, `Service`, `Reason`, ...). Calls
//! through uniffi cost microseconds on the JVM (JNA), so the API is coarse-grained: one call
//! decodes one code completely, `decode_many` a whole batch.

uniffi::setup_scaffolding!();

mod enums;

pub use enums::*;

use paycodes::{Context, ErrorKind};

/// Why a call failed. Every variant carries the stable id every language shares (`code`,
/// e.g. `bad_length`), a human description, and for `decode_many` the failing item's
/// position. Kotlin sees `PaycodesException`, Swift `PaycodesError`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Error)]
#[uniffi::export(Display)]
pub enum PaycodesError {
    /// The code is malformed: `empty`, `bad_length`, `bad_character`, `bad_http_status`,
    /// `invalid_utf8`, `negative_number`, `not_an_integer`, `bad_json`.
    InvalidCode { code: String, description: String, index: Option<u32> },
    /// An argument has the wrong type (`bad_type`).
    InvalidArgument { code: String, description: String, index: Option<u32> },
    /// An option names something unknown: `unknown_provider`, `unknown_family`,
    /// `unknown_network`, `unknown_kind`, `unknown_operation`, `unknown_reason`,
    /// `unknown_table`, `unknown_format`, or a status decode lacks its kind (`kind_required`).
    UnknownOption { code: String, description: String, index: Option<u32> },
    /// Building a SNAP code: `unknown_service`, `unknown_case`, `no_snap_code`, `bad_detail`,
    /// `message_too_long`.
    Build { code: String, description: String, index: Option<u32> },
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
        match e.kind() {
            ErrorKind::Empty
            | ErrorKind::BadLength
            | ErrorKind::BadCharacter
            | ErrorKind::BadHttpStatus
            | ErrorKind::InvalidUtf8
            | ErrorKind::NegativeNumber
            | ErrorKind::NotAnInteger
            | ErrorKind::BadJson => PaycodesError::InvalidCode { code, description, index },
            ErrorKind::BadType => PaycodesError::InvalidArgument { code, description, index },
            ErrorKind::UnknownProvider
            | ErrorKind::UnknownFamily
            | ErrorKind::UnknownNetwork
            | ErrorKind::UnknownKind
            | ErrorKind::UnknownOperation
            | ErrorKind::UnknownReason
            | ErrorKind::KindRequired
            | ErrorKind::UnknownTable
            | ErrorKind::UnknownFormat => PaycodesError::UnknownOption { code, description, index },
            ErrorKind::UnknownService
            | ErrorKind::UnknownCase
            | ErrorKind::NoSnapCode
            | ErrorKind::BadDetail
            | ErrorKind::MessageTooLong => PaycodesError::Build { code, description, index },
            ErrorKind::Internal => PaycodesError::Internal { code, description, index },
        }
    }

    /// The stable id.
    pub fn code(&self) -> &str {
        match self {
            PaycodesError::InvalidCode { code, .. }
            | PaycodesError::InvalidArgument { code, .. }
            | PaycodesError::UnknownOption { code, .. }
            | PaycodesError::Build { code, .. }
            | PaycodesError::Internal { code, .. } => code,
        }
    }

    fn description(&self) -> &str {
        match self {
            PaycodesError::InvalidCode { description, .. }
            | PaycodesError::InvalidArgument { description, .. }
            | PaycodesError::UnknownOption { description, .. }
            | PaycodesError::Build { description, .. }
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

/// Options of `decode`, `decode_number`, `decode_many` and `explain`; every field is optional.
#[derive(Debug, Clone, Default, uniffi::Record)]
pub struct DecodeOptions {
    /// The actual `responseMessage`: what fills the table message's placeholder becomes
    /// `detail`, and a provider's own spelling is recognized. Ignored by `decode_many` (give
    /// each item its message).
    #[uniffi(default = None)]
    pub message: Option<String>,
    /// Provider profile: `standard` (default), `doku`, `ifortepay`, `bank_neo_commerce`,
    /// `ayoconnect` (names are matched leniently).
    #[uniffi(default = None)]
    pub provider: Option<String>,
    /// Overrides family detection; `Status` needs `kind`.
    #[uniffi(default = None)]
    pub family: Option<Family>,
    /// Reads card codes for this network.
    #[uniffi(default = None)]
    pub network: Option<Network>,
    /// The API operation that was called (e.g. `direct_debit`): decides what `404xx18` means.
    #[uniffi(default = None)]
    pub operation: Option<String>,
    /// The status vocabulary, required with `family = Status`.
    #[uniffi(default = None)]
    pub kind: Option<StatusKind>,
    /// Language of `customer_message`: `en` (default) or `id`; `in` and tags like `id-ID` are
    /// Indonesian, anything else English.
    #[uniffi(default = None)]
    pub locale: Option<String>,
}

fn context_of(o: &DecodeOptions) -> Result<(Context, paycodes::Locale), PaycodesError> {
    let mut ctx = Context::from_options(o.provider.as_deref(), None, None, o.operation.as_deref(), None)?;
    if let Some(f) = o.family {
        ctx = ctx.with_family(f.into());
    }
    if let Some(n) = o.network {
        ctx = ctx.with_network(n.into());
    }
    if let Some(k) = o.kind {
        ctx = ctx.with_kind(k.into());
    }
    Ok((ctx, paycodes::Locale::parse(o.locale.as_deref().unwrap_or("en"))))
}

/// A SNAP service (which API a code is about).
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct Service {
    /// Two-character service code, e.g. `54`.
    pub code: String,
    /// API name.
    pub name: String,
    /// Product area.
    pub product: String,
    /// What kind of API it is.
    pub kind: ServiceKind,
    /// Whether the API moves money (5xx and timeouts then mean "inquire status").
    pub moves_money: bool,
    /// The service to ask for the transaction's status, when the API moves money.
    pub status_service: Option<String>,
}

/// One network's reading of a card code whose meaning differs by network.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct NetworkVariant {
    /// The network.
    pub network: Network,
    /// What the code means on that network.
    pub message: String,
    /// Its decline category on that network.
    pub category: Category,
    /// Its reason.
    pub reason: Reason,
    /// Its outcome.
    pub outcome: Outcome,
    /// What to do.
    pub action: Action,
}

/// What a payment response code means and what to do next. The fields are the keys of
/// `paycodes explain --json`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct Decoded {
    /// Which kind of code this is.
    pub family: Family,
    /// The input as given (a number as its decimal text).
    pub raw: String,
    /// The normalized code (trimmed, upper case, zero-padded).
    pub canonical: String,
    /// Whether a table knows the code (an unknown but well-formed code is read from its
    /// structure).
    pub known: bool,
    /// A documentation template (`xx` service), not a real code.
    pub template: bool,
    /// SNAP: the HTTP status.
    pub http_status: Option<u16>,
    /// SNAP: the service part.
    pub service_code: Option<String>,
    /// SNAP: the service, when the standard or the provider knows it.
    pub service: Option<Service>,
    /// SNAP: the case part.
    pub case_code: Option<String>,
    /// The table's message (a template: placeholder included).
    pub message: String,
    /// What the actual message put in the placeholder (e.g. the invalid field's name).
    pub detail: Option<String>,
    /// The table's category.
    pub category: Category,
    /// Did the money move? `Pending` is never success; `Unknown` means inquire first.
    pub outcome: Outcome,
    /// The canonical reason, shared by every family.
    pub reason: Reason,
    /// What to do next.
    pub action: Action,
    /// Text safe to show the customer, in the requested locale.
    pub customer_message: String,
    /// Whether `customer_message` hides the real reason (fraud, lost or stolen card, ...).
    pub masked: bool,
    /// Precise text for logs and support staff.
    pub merchant_message: String,
    /// The provider profile that answered.
    pub provider: String,
    /// Which table row answered, and where its facts come from.
    pub source: String,
    /// The operation used for context-dependent codes.
    pub operation: Option<String>,
    /// Card codes: the network whose reading answered.
    pub network: Option<Network>,
    /// Card codes: the decline category.
    pub card_category: Option<Category>,
    /// Card codes: each network's reading when it differs by network (empty when it does
    /// not); `None` for other families.
    pub network_variants: Option<Vec<NetworkVariant>>,
    /// Statuses: the vocabulary the value was read in.
    pub status_kind: Option<StatusKind>,
}

fn decoded(d: &paycodes::Decoded<'_>, locale: paycodes::Locale) -> Decoded {
    let customer = d.customer_message(locale);
    Decoded {
        family: d.family().into(),
        raw: match d.raw() {
            paycodes::Raw::Text(s) => s.to_owned(),
            paycodes::Raw::Integer(n) => n.to_string(),
        },
        canonical: d.canonical().to_owned(),
        known: d.known(),
        template: d.is_template(),
        http_status: d.http_status(),
        service_code: d.service_code().map(str::to_owned),
        service: d.service().map(|s| Service {
            code: s.code().to_string(),
            name: s.name().to_string(),
            product: s.product().to_string(),
            kind: s.kind().into(),
            moves_money: s.moves_money(),
            status_service: s.status_service().map(|t| t.to_string()),
        }),
        case_code: d.case_code().map(str::to_owned),
        message: d.message().to_string(),
        detail: d.detail().map(str::to_owned),
        category: d.category().into(),
        outcome: d.outcome().into(),
        reason: d.reason().into(),
        action: d.action().into(),
        customer_message: customer.text.to_string(),
        masked: customer.masked,
        merchant_message: d.merchant_message().to_string(),
        provider: d.provider().id().to_owned(),
        source: d.source().to_string(),
        operation: d.operation().map(|o| o.id().to_owned()),
        network: d.network().map(Into::into),
        card_category: d.card_category().map(Into::into),
        network_variants: (d.family() == paycodes::Family::Iso8583).then(|| {
            d.network_variants()
                .map(|v| NetworkVariant {
                    network: v.network.into(),
                    message: v.message.to_string(),
                    category: v.category.into(),
                    reason: v.reason.into(),
                    outcome: v.outcome.into(),
                    action: v.action.into(),
                })
                .collect()
        }),
        status_kind: d.status_kind().map(Into::into),
    }
}

/// Decodes a payment response code: a SNAP `responseCode` (`4035414`, `400XX01`), an ISO 8583
/// card code (`51`), a provider string code (`TIME_OUT`) or, with `family = Status` and a
/// `kind`, a transaction status. A well-formed code no table knows is not an error: it is
/// read from its structure and `known` is false. A missing code (null, as from a JSON body
/// without `responseCode`) is `bad_type`, as in every other language.
#[uniffi::export(default(options = None))]
pub fn decode(code: Option<String>, options: Option<DecodeOptions>) -> Result<Decoded, PaycodesError> {
    guard(|| {
        let code = code.ok_or(paycodes::Error::BadType)?;
        let options = options.unwrap_or_default();
        let (ctx, locale) = context_of(&options)?;
        let d = paycodes::decode(&code, options.message.as_deref(), &ctx)?;
        Ok(decoded(&d, locale))
    })
}

/// Decodes a code a provider sent as a JSON number (`2002400`): negative numbers and
/// fractions are errors (`negative_number`, `not_an_integer`).
#[uniffi::export(default(options = None))]
pub fn decode_number(code: f64, options: Option<DecodeOptions>) -> Result<Decoded, PaycodesError> {
    guard(|| {
        let options = options.unwrap_or_default();
        let (ctx, locale) = context_of(&options)?;
        let d = paycodes::decode_float(code, options.message.as_deref(), &ctx)?;
        Ok(decoded(&d, locale))
    })
}

/// One item of `decode_many`: a code and, optionally, the actual message.
#[derive(Debug, Clone, uniffi::Record)]
pub struct CodeInput {
    /// The code.
    pub code: String,
    /// The actual `responseMessage`.
    #[uniffi(default = None)]
    pub message: Option<String>,
}

/// Decodes many codes with the same options in one call (calls across the JVM boundary cost
/// microseconds). The first malformed item throws, with `index` set.
#[uniffi::export(default(options = None))]
pub fn decode_many(items: Vec<CodeInput>, options: Option<DecodeOptions>) -> Result<Vec<Decoded>, PaycodesError> {
    guard(|| {
        let (ctx, locale) = context_of(&options.unwrap_or_default())?;
        items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                paycodes::decode(&item.code, item.message.as_deref(), &ctx)
                    .map(|d| decoded(&d, locale))
                    .map_err(|e| PaycodesError::new(e, Some(i as u32)))
            })
            .collect()
    })
}

/// The explanation `paycodes explain` prints, in `options.locale` (`en` or `id`).
#[uniffi::export(default(options = None))]
pub fn explain(code: String, options: Option<DecodeOptions>) -> Result<String, PaycodesError> {
    guard(|| {
        let options = options.unwrap_or_default();
        let (ctx, locale) = context_of(&options)?;
        let d = paycodes::decode(&code, options.message.as_deref(), &ctx)?;
        Ok(paycodes::explain(&d, locale))
    })
}

/// A SNAP `responseCode` and `responseMessage` to answer a callback with.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct Built {
    /// The 7-character code, e.g. `4042414`.
    pub response_code: String,
    /// The message, placeholder filled (or dropped when no detail was given).
    pub response_message: String,
    /// The standard's message template.
    pub template: String,
    /// The reason of the code.
    pub reason: Reason,
}

fn provider_of(name: Option<String>) -> Result<&'static paycodes::Provider, PaycodesError> {
    match name {
        None => Ok(paycodes::Provider::standard()),
        Some(p) => paycodes::Provider::find(&p).ok_or_else(|| paycodes::Error::UnknownProvider.into()),
    }
}

fn built(b: &paycodes::Built<'_>) -> Built {
    Built {
        response_code: b.code().to_owned(),
        response_message: b.to_string(),
        template: b.template().to_string(),
        reason: b.row().semantics().reason().into(),
    }
}

/// The code and message for a reason on a service (`BillPaid` on `24` is `4042414 Paid
/// Bill`); `detail` fills the message's placeholder.
#[uniffi::export(default(detail = None, provider = None))]
pub fn build_snap_for_reason(
    service: String,
    reason: Reason,
    detail: Option<String>,
    provider: Option<String>,
) -> Result<Built, PaycodesError> {
    guard(|| {
        let b = paycodes::build_snap_for_reason(&service, reason.into(), detail.as_deref(), provider_of(provider)?)?;
        Ok(built(&b))
    })
}

/// The code and message for an HTTP status and case code on a service (`400`, `25`, `1` is
/// `4002501 Invalid Field Format {detail}`). Refuses what the standard does not have.
#[uniffi::export(default(detail = None, provider = None))]
pub fn build_snap(
    http_status: u16,
    service: String,
    case_code: u8,
    detail: Option<String>,
    provider: Option<String>,
) -> Result<Built, PaycodesError> {
    guard(|| {
        let b = paycodes::build_snap(http_status, &service, case_code, detail.as_deref(), provider_of(provider)?)?;
        Ok(built(&b))
    })
}

/// A customer-safe message and whether it hides the real reason.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct CustomerMessage {
    /// One or two short sentences the customer can act on.
    pub text: String,
    /// True when the real reason (fraud, lost or stolen card, ...) is shown as a generic
    /// decline.
    pub masked: bool,
}

/// The customer-safe message for a reason in a locale (`en`, `id`; `in` and `id-ID` are
/// Indonesian, anything else English).
#[uniffi::export(default(locale = None))]
pub fn customer_message(reason: Reason, locale: Option<String>) -> CustomerMessage {
    let m = paycodes::customer_message(reason.into(), paycodes::Locale::parse(locale.as_deref().unwrap_or("en")));
    CustomerMessage { text: m.text.to_string(), masked: m.masked }
}

/// One cell of an exported table.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum TableCell {
    /// Text.
    Text { value: String },
    /// An integer.
    Int { value: i64 },
    /// A flag.
    Bool { value: bool },
    /// No value.
    Null,
}

/// An exported table: column names and rows of cells.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct Table {
    /// Column names (those of `paycodes table`).
    pub columns: Vec<String>,
    /// Rows, one cell per column.
    pub rows: Vec<Vec<TableCell>>,
}

/// The names of the exportable tables.
#[uniffi::export]
pub fn table_names() -> Vec<String> {
    paycodes::export::TableName::ALL.iter().map(|t| t.id().to_owned()).collect()
}

/// A table, as a provider sees it when one is given.
#[uniffi::export(default(provider = None))]
pub fn table(name: String, provider: Option<String>) -> Result<Table, PaycodesError> {
    guard(|| {
        let t = paycodes::export::table_by_name(&name, provider.as_deref())?;
        let rows = t
            .rows
            .iter()
            .map(|row| {
                row.iter()
                    .map(|cell| match cell {
                        paycodes::export::Cell::Text(s) => TableCell::Text { value: s.to_string() },
                        paycodes::export::Cell::Int(n) => TableCell::Int { value: *n },
                        paycodes::export::Cell::Bool(b) => TableCell::Bool { value: *b },
                        paycodes::export::Cell::Null => TableCell::Null,
                    })
                    .collect()
            })
            .collect();
        Ok(Table { columns: t.columns.iter().map(|c| c.to_string()).collect(), rows })
    })
}

/// A table rendered as `json`, `csv` or `md`: the bytes `paycodes table` prints.
#[uniffi::export(default(provider = None))]
pub fn export_table(name: String, format: String, provider: Option<String>) -> Result<String, PaycodesError> {
    guard(|| {
        let format = paycodes::export::Format::parse(&format).ok_or(paycodes::Error::UnknownFormat)?;
        Ok(paycodes::export::table_by_name(&name, provider.as_deref())?.render(format))
    })
}

/// The stable id of a reason (`insufficient_funds`), shared by every language.
#[uniffi::export]
pub fn reason_id(reason: Reason) -> String {
    reason.id().to_owned()
}

/// The reason for a stable id; `unknown_reason` otherwise.
#[uniffi::export]
pub fn reason_from_id(id: String) -> Result<Reason, PaycodesError> {
    Ok(paycodes::Reason::from_id(id.trim()).ok_or(paycodes::Error::UnknownReason)?.into())
}

/// The family for an id, read as every binding reads the option (`SNAP` is `Snap`);
/// `unknown_family` otherwise.
#[uniffi::export]
pub fn family_from_id(id: String) -> Result<Family, PaycodesError> {
    let ctx = Context::from_options(None, Some(&id), None, None, None)?;
    ctx.family().map(Into::into).ok_or_else(|| paycodes::Error::UnknownFamily.into())
}

/// The network for an id (`visa`, `mastercard`, leniently); `unknown_network` otherwise.
#[uniffi::export]
pub fn network_from_id(id: String) -> Result<Network, PaycodesError> {
    let ctx = Context::from_options(None, None, Some(&id), None, None)?;
    ctx.network().map(Into::into).ok_or_else(|| paycodes::Error::UnknownNetwork.into())
}

/// The status kind for an id (`snap`, `qris`, `direct_debit`, `va`); `unknown_kind` otherwise.
#[uniffi::export]
pub fn status_kind_from_id(id: String) -> Result<StatusKind, PaycodesError> {
    let ctx = Context::from_options(None, None, None, None, Some(&id))?;
    ctx.kind().map(Into::into).ok_or_else(|| paycodes::Error::UnknownKind.into())
}

/// The stable id of an outcome (`failed`).
#[uniffi::export]
pub fn outcome_id(outcome: Outcome) -> String {
    outcome.id().to_owned()
}

/// The stable id of an action (`inquire_status`).
#[uniffi::export]
pub fn action_id(action: Action) -> String {
    action.id().to_owned()
}

/// The stable id of a category (`business`).
#[uniffi::export]
pub fn category_id(category: Category) -> String {
    category.id().to_owned()
}

/// The stable id of a family (`snap`).
#[uniffi::export]
pub fn family_id(family: Family) -> String {
    family.id().to_owned()
}

/// The stable id of a network (`visa`).
#[uniffi::export]
pub fn network_id(network: Network) -> String {
    network.id().to_owned()
}

/// The stable id of a status kind (`qris`).
#[uniffi::export]
pub fn status_kind_id(kind: StatusKind) -> String {
    kind.id().to_owned()
}

/// The stable id of a service kind (`debit`).
#[uniffi::export]
pub fn service_kind_id(kind: ServiceKind) -> String {
    kind.id().to_owned()
}

/// The version of paycodes.
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
        let e = decode(Some(String::new()), None).unwrap_err();
        assert_eq!(e.code(), "empty");
        assert!(matches!(e, PaycodesError::InvalidCode { index: None, .. }));
        assert_eq!(e.to_string(), "the code is empty (empty)");
        let e = decode_many(
            vec![CodeInput { code: "4035414".into(), message: None }, CodeInput { code: "x!".into(), message: None }],
            None,
        )
        .unwrap_err();
        assert!(matches!(e, PaycodesError::InvalidCode { index: Some(1), .. }), "{e:?}");
    }

    #[test]
    fn records_carry_what_the_core_answers() {
        let d = decode(Some("4035414".into()), Some(DecodeOptions { locale: Some("id".into()), ..Default::default() }))
            .unwrap();
        assert_eq!((d.outcome, d.reason, d.action), (Outcome::Failed, Reason::InsufficientFunds, Action::AskCustomer));
        assert!(d.customer_message.starts_with("Saldo Anda"));
        assert_eq!(d.service.map(|s| s.moves_money), Some(true));
        assert_eq!(reason_id(Reason::ThreeDSecureFailed), "three_d_secure_failed");
        assert_eq!(reason_from_id("insufficient_funds".into()), Ok(Reason::InsufficientFunds));
        assert_eq!(family_from_id("SNAP".into()), Ok(Family::Snap));
        assert_eq!(network_from_id("amex".into()).unwrap_err().code(), "unknown_network");
        assert_eq!(decode_number(2002400.0, None).unwrap().raw, "2002400");
        assert_eq!(decode(None, None).unwrap_err().code(), "bad_type");
    }
}
