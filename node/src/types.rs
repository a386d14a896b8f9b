//! The objects of the JS API, declared for index.d.ts (every `///` here becomes JSDoc).
//!
//! All of them cross the boundary as napi objects. index.js's fast route builds `Decoded`
//! and `NetworkVariant` objects itself from compact records (`record.rs`); the tests check
//! they are deep-equal to the ones built here.

use crate::enums::{Action, Category, Family, Network, Outcome, Reason, ServiceKind, StatusKind};
use napi::bindgen_prelude::Either;
use napi_derive::napi;

/// Options of `decode`, `decodeMany` and `explain`. Every field is optional.
#[napi(object)]
#[derive(Default)]
pub struct DecodeOptions {
    /// The actual `responseMessage`: what fills the table message's placeholder becomes
    /// `detail`, and a provider's own spelling is recognized. Ignored by `decodeMany` (give
    /// `[code, message]` items instead).
    pub message: Option<String>,
    /// Provider profile: `standard` (default), `doku`, `ifortepay`, `bank_neo_commerce`,
    /// `ayoconnect` (names are matched leniently: `Bank Neo Commerce`, `bnc`).
    pub provider: Option<String>,
    /// Overrides family detection. `status` needs `kind`.
    #[napi(ts_type = "Family")]
    pub family: Option<String>,
    /// Reads card codes for this network.
    #[napi(ts_type = "Network")]
    pub network: Option<String>,
    /// The API operation that was called (e.g. `direct_debit`, `interbank_transfer`): decides
    /// what `404xx18` means.
    pub operation: Option<String>,
    /// The status vocabulary, required with `family: 'status'`.
    #[napi(ts_type = "StatusKind")]
    pub kind: Option<String>,
    /// Language of `customerMessage` (and of `explain`): `en` (default) or `id`; `in` and tags
    /// like `id-ID` are Indonesian, anything else English.
    pub locale: Option<String>,
}

/// A SNAP service (which API a code is about).
#[napi(object, object_from_js = false, use_nullable = true)]
pub struct Service {
    /// Two-character service code, e.g. `54`.
    pub code: &'static str,
    /// API name.
    pub name: &'static str,
    /// Product area.
    pub product: &'static str,
    /// What kind of API it is.
    pub kind: ServiceKind,
    /// Whether the API moves money (5xx and timeouts then mean "inquire status").
    pub moves_money: bool,
    /// The service to ask for the transaction's status, when the API moves money.
    pub status_service: Option<&'static str>,
}

impl From<&'static paycodes::Service> for Service {
    fn from(s: &'static paycodes::Service) -> Self {
        Service {
            code: s.code().as_str(),
            name: s.name().as_str(),
            product: s.product().as_str(),
            kind: s.kind().into(),
            moves_money: s.moves_money(),
            status_service: s.status_service().map(|t| t.as_str()),
        }
    }
}

/// One network's reading of a card code whose meaning differs by network.
#[napi(object, object_from_js = false)]
pub struct NetworkVariant {
    /// The network.
    pub network: Network,
    /// What the code means on that network.
    pub message: &'static str,
    /// Its decline category on that network.
    pub category: Category,
    /// Its reason.
    pub reason: Reason,
    /// Its outcome.
    pub outcome: Outcome,
    /// What to do.
    pub action: Action,
}

/// What a payment response code means and what to do next. The fields mirror the keys of
/// `paycodes explain --json`, in camelCase.
#[napi(object, object_from_js = false, use_nullable = true)]
pub struct Decoded {
    /// Which kind of code this is.
    pub family: Family,
    /// The input as given.
    #[napi(ts_type = "string | number")]
    pub raw: Either<String, f64>,
    /// The normalized code (trimmed, upper case, zero-padded).
    pub canonical: String,
    /// Whether a table knows this code (an unknown but well-formed code is read from its
    /// structure).
    pub known: bool,
    /// A documentation template (`xx` service), not a real code.
    pub template: bool,
    /// SNAP: the HTTP status.
    pub http_status: Option<u32>,
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
    /// Did the money move? `pending` is never success; `unknown` means inquire first.
    pub outcome: Outcome,
    /// The canonical reason, shared by every family.
    pub reason: Reason,
    /// What to do next.
    pub action: Action,
    /// Text safe to show the customer, in the requested locale.
    pub customer_message: String,
    /// Whether `customerMessage` hides the real reason (fraud, lost or stolen card, ...).
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
    /// not); null for other families.
    pub network_variants: Option<Vec<NetworkVariant>>,
    /// Statuses: the vocabulary the value was read in.
    pub status_kind: Option<StatusKind>,
}

/// Options of `buildSnap`: give `reason`, or `httpStatus` and `caseCode`.
#[napi(object)]
pub struct BuildSnapOptions {
    /// The reason to answer with (`bill_paid` on service `24` is `4042414 Paid Bill`).
    #[napi(ts_type = "Reason")]
    pub reason: Option<String>,
    /// The HTTP status, with `caseCode`.
    pub http_status: Option<u32>,
    /// The case code (`1` or `'01'`), with `httpStatus`.
    pub case_code: Option<Either<u32, String>>,
    /// Fills the message's placeholder (e.g. the invalid field's name).
    pub detail: Option<String>,
    /// Provider profile whose codes and spellings to use.
    pub provider: Option<String>,
}

/// A SNAP `responseCode` and `responseMessage` to answer a callback with.
#[napi(object, object_from_js = false)]
pub struct Built {
    /// The 7-character code, e.g. `4042414`.
    pub response_code: String,
    /// The message, placeholder filled (or dropped when no detail was given).
    pub response_message: String,
    /// The standard's message template.
    pub template: &'static str,
    /// The reason of the code.
    pub reason: Reason,
}

/// Options of `table` and `exportTable`.
#[napi(object)]
#[derive(Default)]
pub struct TableOptions {
    /// Show the table as this provider sees it (its names, spellings and additions).
    pub provider: Option<String>,
    /// `exportTable` only: `json` (default), `csv` or `md`.
    #[napi(ts_type = "'json' | 'csv' | 'md'")]
    pub format: Option<String>,
}
