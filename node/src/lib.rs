//! Node bindings of paycodes (napi-rs): conversions and error mapping only; every answer
//! comes from the core.
//!
//! Every `#[napi]` item here is what index.d.ts declares (its `///` docs become the JSDoc).
//! `decode` and `decodeMany` also have a faster route that index.js uses instead: plain
//! N-API callbacks (`fast.rs`) writing compact records (`record.rs`) that index.js expands
//! into the same objects; the tests check both routes agree on every vector. Functions whose
//! name starts with `_` are internal plumbing for index.js, left out of index.d.ts.

mod context;
mod enums;
mod error;
mod fast;
mod record;
mod types;

pub use enums::*;
pub use types::*;

use error::{Result, guard, to_js};
use napi::bindgen_prelude::{Array, Either, FromNapiValue, JsValue, Object, Unknown, ValueType};
use napi_derive::napi;
use paycodes::{Error, Locale};
use std::collections::HashMap;

/// The version of paycodes (the package and the core it was built from).
#[napi]
pub fn version() -> &'static str {
    paycodes::VERSION
}

/// A code: a string or a number (a number is what some providers send in JSON).
type Code = Either<String, f64>;

/// A code argument: a string or a number, anything else `bad_type` (napi-rs's own conversion
/// error would carry its status, not our id).
fn code_arg(v: &Unknown<'_>) -> Result<Code> {
    let bad = || to_js(Error::BadType);
    match v.get_type().map_err(|_| bad())? {
        ValueType::String => String::from_unknown(*v).map(Either::A).map_err(|_| bad()),
        ValueType::Number => f64::from_unknown(*v).map(Either::B).map_err(|_| bad()),
        _ => Err(bad()),
    }
}

fn decode_code<'a>(
    code: &'a Code,
    message: Option<&'a str>,
    ctx: &paycodes::Context,
) -> std::result::Result<paycodes::Decoded<'a>, Error> {
    match code {
        Either::A(s) => paycodes::decode(s, message, ctx),
        Either::B(f) => paycodes::decode_float(*f, message, ctx),
    }
}

/// Decodes a payment response code: a SNAP `responseCode` (`4035414`, `400XX01`, also as a
/// number), an ISO 8583 card code (`51`), a provider string code (`TIME_OUT`) or, with
/// `family: 'status'` and a `kind`, a transaction status. A malformed code throws an `Error`
/// whose `code` is the stable id (`empty`, `bad_length`, ...); a wrong argument type throws
/// a `TypeError` (`code` = `bad_type`). A well-formed code no table knows is not an error:
/// it is read from its structure and `known` is false.
//
// This napi-rs function is the straightforward binding, and the reference: index.js exports
// a faster route to the same answer (`fast.rs` + `record.rs`), and the tests check that the
// two agree on every vector.
#[napi(ts_args_type = "code: string | number, options?: DecodeOptions")]
pub fn decode(code: Unknown<'_>, options: Option<DecodeOptions>) -> Result<Decoded> {
    guard(|| {
        let code = code_arg(&code)?;
        let options = options.unwrap_or_default();
        let (ctx, locale) = context_of(&options)?;
        let d = decode_code(&code, options.message.as_deref(), &ctx).map_err(to_js)?;
        Ok(decoded_object(&d, &code, locale))
    })
}

/// Decodes many codes (or `[code, message]` pairs) with the same options. The first
/// malformed item throws, with `err.index` set to its position.
//
// The reference, as for `decode`; index.js exports the faster route.
#[napi(
    ts_args_type = "codes: ReadonlyArray<string | number | readonly [string | number, string | null | undefined]>, options?: Omit<DecodeOptions, 'message'>"
)]
pub fn decode_many(codes: Array<'_>, options: Option<DecodeOptions>) -> Result<Vec<Decoded>> {
    guard(|| {
        let (ctx, locale) = context_of(&options.unwrap_or_default())?;
        let mut out = Vec::with_capacity(codes.len() as usize);
        for i in 0..codes.len() {
            let at = |e: Error| error::at(i as usize, e);
            let (code, message) = batch_item(&codes, i).map_err(at)?;
            let d = decode_code(&code, message.as_deref(), &ctx).map_err(at)?;
            out.push(decoded_object(&d, &code, locale));
        }
        Ok(out)
    })
}

/// One item of a batch: a code, or a `[code, message]` pair.
fn batch_item(items: &Array<'_>, i: u32) -> std::result::Result<(Code, Option<String>), Error> {
    let item: Unknown<'_> = items.get(i).ok().flatten().ok_or(Error::BadType)?;
    if item.is_array().unwrap_or(false) {
        let pair = Array::from_unknown(item).map_err(|_| Error::BadType)?;
        if pair.len() != 2 {
            return Err(Error::BadType);
        }
        let code: Unknown<'_> = pair.get(0).ok().flatten().ok_or(Error::BadType)?;
        let message: Option<String> = pair.get(1).map_err(|_| Error::BadType)?.flatten();
        return Ok((code_arg(&code).map_err(|_| Error::BadType)?, message));
    }
    Ok((code_arg(&item).map_err(|_| Error::BadType)?, None))
}

/// The `Decoded` object of an answer, built through napi-rs.
fn decoded_object(d: &paycodes::Decoded<'_>, code: &Code, locale: Locale) -> Decoded {
    let customer = d.customer_message(locale);
    Decoded {
        family: d.family().into(),
        raw: match code {
            Either::A(s) => Either::A(s.clone()),
            Either::B(f) => Either::B(*f),
        },
        canonical: d.canonical().to_owned(),
        known: d.known(),
        template: d.is_template(),
        http_status: d.http_status().map(u32::from),
        service_code: d.service_code().map(str::to_owned),
        service: d.service().map(Service::from),
        case_code: d.case_code().map(str::to_owned),
        message: d.message().as_str().to_owned(),
        detail: d.detail().map(str::to_owned),
        category: d.category().into(),
        outcome: d.outcome().into(),
        reason: d.reason().into(),
        action: d.action().into(),
        customer_message: customer.text.as_str().to_owned(),
        masked: customer.masked,
        merchant_message: d.merchant_message().as_str().to_owned(),
        provider: d.provider().id().to_owned(),
        source: d.source().as_str().to_owned(),
        operation: d.operation().map(|o| o.id().to_owned()),
        network: d.network().map(Into::into),
        card_category: d.card_category().map(Into::into),
        network_variants: (d.family() == paycodes::Family::Iso8583).then(|| {
            d.network_variants()
                .map(|v| NetworkVariant {
                    network: v.network.into(),
                    message: v.message.as_str(),
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

/// The explanation `paycodes explain` prints: what happened, did the money move, what to do
/// next, in `options.locale` (`en` or `id`).
#[napi(ts_args_type = "code: string | number, options?: DecodeOptions")]
pub fn explain(code: Code, options: Option<DecodeOptions>) -> Result<String> {
    guard(|| {
        let options = options.unwrap_or_default();
        let (ctx, locale) = context_of(&options)?;
        let d = decode_code(&code, options.message.as_deref(), &ctx).map_err(to_js)?;
        Ok(paycodes::explain(&d, locale))
    })
}

fn context_of(o: &DecodeOptions) -> Result<(paycodes::Context, Locale)> {
    let ctx = paycodes::Context::from_options(
        o.provider.as_deref(),
        o.family.as_deref(),
        o.network.as_deref(),
        o.operation.as_deref(),
        o.kind.as_deref(),
    )
    .map_err(to_js)?;
    Ok((ctx, Locale::parse(o.locale.as_deref().unwrap_or("en"))))
}

/// The SNAP `responseCode` and `responseMessage` to answer a callback with: give `reason`
/// (`bill_paid` on service `24` is `4042414 Paid Bill`), or `httpStatus` and `caseCode`.
/// `detail` fills the message's placeholder. Throws (`unknown_service`, `unknown_case`,
/// `no_snap_code`, `bad_detail`, `message_too_long`) for what the standard does not have.
#[napi]
pub fn build_snap(service: String, options: BuildSnapOptions) -> Result<Built> {
    guard(|| {
        let provider = match options.provider.as_deref() {
            None => paycodes::Provider::standard(),
            Some(p) => paycodes::Provider::find(p).ok_or_else(|| to_js(Error::UnknownProvider))?,
        };
        let detail = options.detail.as_deref();
        let built = match (&options.reason, options.http_status, &options.case_code) {
            (Some(reason), None, None) => {
                let reason = paycodes::Reason::from_id(reason.trim()).ok_or_else(|| to_js(Error::UnknownReason))?;
                paycodes::build_snap_for_reason(&service, reason, detail, provider)
            }
            (None, Some(http), Some(case)) => {
                let http = u16::try_from(http).map_err(|_| to_js(Error::BadHttpStatus { status: u16::MAX }))?;
                let case = match case {
                    Either::A(n) => {
                        u8::try_from(*n).map_err(|_| to_js(Error::BadCharacter { family: None, position: 0 }))?
                    }
                    Either::B(s) if s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()) => {
                        s.parse().unwrap_or(u8::MAX)
                    }
                    Either::B(_) => return Err(to_js(Error::BadCharacter { family: None, position: 0 })),
                };
                paycodes::build_snap(http, &service, case, detail, provider)
            }
            _ => {
                return Err(napi::Error::new(
                    Error::BadType.id(),
                    "buildSnap takes either { reason }, or { httpStatus, caseCode }",
                ));
            }
        }
        .map_err(to_js)?;
        Ok(Built {
            response_code: built.code().to_owned(),
            response_message: built.to_string(),
            template: built.template().as_str(),
            reason: built.row().semantics().reason().into(),
        })
    })
}

/// The customer-safe message for a reason: `en` (default) or `id` (`in` and tags like
/// `id-ID` are Indonesian; anything else English). Fraud, lost or stolen card and similar
/// reasons give a generic decline. Throws `unknown_reason`.
#[napi(ts_args_type = "reason: Reason, locale?: string")]
pub fn customer_message(reason: String, locale: Option<String>) -> Result<&'static str> {
    guard(|| {
        let m = paycodes::customer_message_for(&reason, locale.as_deref().unwrap_or("en")).map_err(to_js)?;
        Ok(m.text.as_str())
    })
}

/// Whether customers see a generic decline instead of this reason. Throws `unknown_reason`.
#[napi(ts_args_type = "reason: Reason")]
pub fn is_masked(reason: String) -> Result<bool> {
    guard(|| {
        let r = paycodes::Reason::from_id(reason.trim()).ok_or_else(|| to_js(Error::UnknownReason))?;
        Ok(r.row().masked())
    })
}

/// The names of the exportable tables.
#[napi]
pub fn tables() -> Vec<&'static str> {
    paycodes::export::TableName::ALL.iter().map(|t| t.id()).collect()
}

fn table_of(name: &str, options: &TableOptions) -> Result<paycodes::export::Table> {
    paycodes::export::table_by_name(name, options.provider.as_deref()).map_err(to_js)
}

/// A table as rows of `column: value` (the columns of `paycodes table`). Throws
/// `unknown_table` and `unknown_provider`.
#[napi(ts_return_type = "Array<Record<string, string | number | boolean | null>>")]
pub fn table<'e>(env: &'e napi::Env, name: String, options: Option<TableOptions>) -> Result<Array<'e>> {
    guard(|| {
        let t = table_of(&name, &options.unwrap_or_default())?;
        let napi_err = |e: napi::Error| napi::Error::new(Error::Internal.id(), e.reason);
        let mut rows = env.create_array(t.rows.len() as u32).map_err(napi_err)?;
        for (i, row) in t.rows.iter().enumerate() {
            let mut obj = napi::bindgen_prelude::Object::new(env).map_err(napi_err)?;
            for (col, cell) in t.columns.iter().zip(row) {
                match cell {
                    paycodes::export::Cell::Text(s) => obj.set(col, s.as_ref()),
                    paycodes::export::Cell::Int(n) => obj.set(col, *n),
                    paycodes::export::Cell::Bool(b) => obj.set(col, *b),
                    paycodes::export::Cell::Null => obj.set(col, napi::bindgen_prelude::Null),
                }
                .map_err(napi_err)?;
            }
            rows.set(i as u32, obj).map_err(napi_err)?;
        }
        Ok(rows)
    })
}

/// A table rendered as `json` (default), `csv` or `md`: the bytes `paycodes table` prints.
/// Throws `unknown_table`, `unknown_provider` and `unknown_format`.
#[napi]
pub fn export_table(name: String, options: Option<TableOptions>) -> Result<String> {
    guard(|| {
        let options = options.unwrap_or_default();
        let format = options.format.as_deref().unwrap_or("json");
        let format = paycodes::export::Format::parse(format).ok_or_else(|| to_js(Error::UnknownFormat))?;
        Ok(table_of(&name, &options)?.render(format))
    })
}

// ---- Internal plumbing for index.js (not in index.d.ts) ----

/// Registers the fast routes (`_decode`, `_decodeMany`) next to the napi-rs exports.
#[napi(module_exports)]
pub fn init(mut exports: Object<'_>, env: napi::Env) -> napi::Result<()> {
    fast::register(&env, &mut exports)
}

/// The packed context for a set of options (index.js caches it per distinct options).
#[napi(js_name = "_context", skip_typescript)]
pub fn internal_context(options: Option<DecodeOptions>) -> Result<u32> {
    guard(|| {
        let (ctx, locale) = context_of(&options.unwrap_or_default())?;
        context::pack(&ctx, locale)
    })
}

/// Table texts with ids `from..`.
#[napi(js_name = "_texts", skip_typescript)]
pub fn internal_texts(from: u32) -> Vec<&'static str> {
    record::texts_from(from)
}

/// Services with ids `from..`.
#[napi(js_name = "_services", skip_typescript)]
pub fn internal_services(from: u32) -> Vec<Service> {
    record::services_from(from).into_iter().map(Service::from).collect()
}

/// The record layout: slot indices, flag bits and the record size.
#[napi(js_name = "_layout", skip_typescript)]
pub fn internal_layout() -> HashMap<&'static str, u32> {
    use record::{flag, slot};
    let slots = [
        ("FLAGS", slot::FLAGS),
        ("HTTP", slot::HTTP),
        ("CANON", slot::CANON),
        ("DETAIL_START", slot::DETAIL_START),
        ("DETAIL_END", slot::DETAIL_END),
        ("SERVICE_CODE", slot::SERVICE_CODE),
        ("CASE_CODE", slot::CASE_CODE),
        ("MESSAGE", slot::MESSAGE),
        ("CATEGORY", slot::CATEGORY),
        ("OUTCOME", slot::OUTCOME),
        ("REASON", slot::REASON),
        ("ACTION", slot::ACTION),
        ("CUSTOMER_MESSAGE", slot::CUSTOMER_MESSAGE),
        ("MERCHANT_MESSAGE", slot::MERCHANT_MESSAGE),
        ("PROVIDER", slot::PROVIDER),
        ("SOURCE", slot::SOURCE),
        ("OPERATION", slot::OPERATION),
        ("NETWORK", slot::NETWORK),
        ("CARD_CATEGORY", slot::CARD_CATEGORY),
        ("STATUS_KIND", slot::STATUS_KIND),
        ("SERVICE", slot::SERVICE),
        ("TEXTS_SEEN", slot::TEXTS_SEEN),
        ("SERVICES_SEEN", slot::SERVICES_SEEN),
        ("VARIANTS", slot::VARIANTS),
        ("VARIANT0", slot::VARIANT0),
        ("VARIANT_SIZE", slot::VARIANT_SIZE),
        ("SIZE", slot::SIZE),
    ];
    let mut m: HashMap<&'static str, u32> = slots.into_iter().map(|(k, v)| (k, v as u32)).collect();
    m.insert("NONE", slot::NONE);
    m.insert("F_FAMILY", flag::FAMILY);
    m.insert("F_KNOWN", flag::KNOWN);
    m.insert("F_TEMPLATE", flag::TEMPLATE);
    m.insert("F_MASKED", flag::MASKED);
    m.insert("F_CANON_EXTRA", flag::CANON_EXTRA);
    m.insert("F_DETAIL_EXTRA", flag::DETAIL_EXTRA);
    m
}

/// For each id enum, its ids indexed by the stable number (holes are null).
#[napi(js_name = "_ids", skip_typescript)]
pub fn internal_ids() -> HashMap<&'static str, Vec<Option<&'static str>>> {
    fn by_number<T: Copy>(
        all: &[T],
        number: impl Fn(T) -> u16,
        id: impl Fn(T) -> &'static str,
    ) -> Vec<Option<&'static str>> {
        let len = all.iter().map(|v| usize::from(number(*v)) + 1).max().unwrap_or(0);
        let mut out = vec![None; len];
        for v in all {
            out[usize::from(number(*v))] = Some(id(*v));
        }
        out
    }
    use paycodes::{Action, Category, Family, Network, Outcome, Reason, StatusKind};
    HashMap::from([
        ("family", by_number(Family::ALL, Family::number, Family::id)),
        ("outcome", by_number(Outcome::ALL, Outcome::number, Outcome::id)),
        ("action", by_number(Action::ALL, Action::number, Action::id)),
        ("category", by_number(Category::ALL, Category::number, Category::id)),
        ("reason", by_number(Reason::ALL, Reason::number, Reason::id)),
        ("network", by_number(Network::ALL, Network::number, Network::id)),
        ("statusKind", by_number(StatusKind::ALL, StatusKind::number, StatusKind::id)),
    ])
}

/// Every error id, mapped to whether JS throws it as a `TypeError`.
#[napi(js_name = "_errors", skip_typescript)]
pub fn internal_errors() -> HashMap<&'static str, bool> {
    paycodes::ErrorKind::ALL.iter().map(|k| (k.id(), error::is_type_error(*k))).collect()
}

/// Test-only: the code that makes the core panic (built with the `test-panic` feature).
#[cfg(feature = "test-panic")]
#[napi(js_name = "_panicCode", skip_typescript)]
pub fn internal_panic_code() -> &'static str {
    paycodes::testing::PANIC_CODE
}

/// Benchmark baseline: a napi call that takes the code and does nothing (node/bench).
#[napi(js_name = "_noop", skip_typescript)]
pub fn internal_noop(_code: Code) {}

/// Benchmark baseline: a napi call without arguments (node/bench).
#[napi(js_name = "_noop0", skip_typescript)]
pub fn internal_noop0() {}
