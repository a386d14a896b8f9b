//! The answers as data: each answer type's fields (key, type, doc) in one declaration, and
//! a generic view of their values. Everything that renders an answer goes through here: the
//! JSON writer, the binding generators (`tasks/codegen` writes the Python stub, the
//! TypeScript declarations, the Kotlin/Swift records and the C accessors from
//! [`Schema`]s), and the bindings' generic converters (a Python dict, a JS object). So a
//! field is added once, here, and every language gets it.

use crate::compose::Built;
use crate::customer::CustomerMessage;
use crate::ids::{Category, EnumType, Family, Network, Outcome, Reason};
use crate::model::{Decoded, NetworkVariant, Raw, Warnings};
use crate::response::{FieldReading, Response};
use crate::tables::Service;
use crate::text::Text;

/// The type of a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ty {
    /// `true` / `false`.
    Bool,
    /// A whole number.
    Int,
    /// Text.
    Str,
    /// The code as given: text or a number.
    Raw,
    /// A value of an id enum (its id in JSON).
    Enum(EnumType),
    /// A nested answer.
    Object(&'static Schema),
    /// A list.
    List(&'static Ty),
    /// The type, or null.
    Opt(&'static Ty),
}

/// One field of an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// The key, snake_case (JavaScript spells it camelCase).
    pub key: &'static str,
    /// Its type.
    pub ty: Ty,
    /// What it means.
    pub doc: &'static str,
}

/// An answer type: its name in every language and its fields in output order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schema {
    /// The type name (`Decoded`).
    pub name: &'static str,
    /// What it is.
    pub doc: &'static str,
    /// Its fields, in output order.
    pub fields: &'static [Field],
}

impl Schema {
    /// The index of a field by key.
    pub fn index(&self, key: &str) -> Option<usize> {
        self.fields.iter().position(|f| f.key == key)
    }
}

/// A field's value.
#[derive(Debug, Clone, Copy)]
pub enum Value<'a> {
    /// No value.
    Null,
    /// A boolean.
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// A floating-point number (only a raw input echoed back).
    Float(f64),
    /// Text from the caller's input.
    Str(&'a str),
    /// Static table text (bindings may cache one object per text).
    Text(Text),
    /// A value of an id enum: the enum and the value's number.
    Enum(EnumType, u16),
    /// A nested answer.
    Object(Obj<'a>),
    /// A list.
    List(List<'a>),
}

impl<'a> Value<'a> {
    /// The text of a `Str` or `Text` value, or an enum's id.
    pub fn as_str(&self) -> Option<&'a str> {
        match *self {
            Value::Str(s) => Some(s),
            Value::Text(t) => Some(t.as_str()),
            Value::Enum(ty, n) => ty.id_of(n).map(Text::as_str),
            _ => None,
        }
    }

    fn opt_text(t: Option<Text>) -> Value<'a> {
        t.map_or(Value::Null, Value::Text)
    }
}

/// An answer, or a part of one, that can be read field by field.
#[derive(Debug, Clone, Copy)]
pub enum Obj<'a> {
    /// A decoded code.
    Decoded(&'a Decoded<'a>),
    /// A SNAP service.
    Service(&'static Service),
    /// One network's reading of a card code.
    Variant(NetworkVariant),
    /// A built SNAP code.
    Built(&'a Built),
    /// A customer message.
    Customer(CustomerMessage),
    /// The answer about a whole response.
    Response(&'a Response),
    /// The decoded `responseCode` of a whole response (a [`DECODED`] record).
    ResponseCode(&'a Response),
    /// One field of a whole response read as a state or a code.
    Reading(&'a Response, &'a FieldReading),
    /// Reference `i` of a whole response.
    Reference(&'a Response, usize),
    /// A card retry decision.
    Retry(&'a crate::retry::RetryAnswer),
}

impl<'a> Obj<'a> {
    /// The answer type.
    pub fn schema(&self) -> &'static Schema {
        match self {
            Obj::Decoded(_) => &DECODED,
            Obj::Service(_) => &SERVICE,
            Obj::Variant(_) => &NETWORK_VARIANT,
            Obj::Built(_) => &BUILT,
            Obj::Customer(_) => &CUSTOMER_MESSAGE,
            Obj::Response(_) => &DECODED_RESPONSE,
            Obj::ResponseCode(_) => &DECODED,
            Obj::Reading(..) => &FIELD_READING,
            Obj::Reference(..) => &REFERENCE,
            Obj::Retry(_) => &RETRY_DECISION,
        }
    }

    /// The value of field `i` of [`Obj::schema`] (`Null` past the end).
    pub fn get(&self, i: usize) -> Value<'a> {
        match *self {
            Obj::Decoded(d) => decoded_field(d, i),
            Obj::Service(s) => service_field(s, i),
            Obj::Variant(v) => variant_field(v, i),
            Obj::Built(b) => built_field(b, i),
            Obj::Customer(c) => customer_field(c, i),
            Obj::Response(r) => response_field(r, i),
            Obj::ResponseCode(r) => response_code_field(r, i),
            Obj::Reading(r, f) => reading_field((r, f), i),
            Obj::Reference(r, k) => reference_field((r, k), i),
            Obj::Retry(r) => retry_field(r, i),
        }
    }

    /// Hands every field to `visitor`, in schema order (see [`Visit`]).
    #[inline]
    pub fn visit(&self, visitor: &mut impl Visit) {
        match *self {
            Obj::Decoded(d) => visit_decoded(d, visitor),
            _ => {
                for i in 0..self.schema().fields.len() {
                    visitor.field(i, self.get(i));
                }
            }
        }
    }

    /// Every field as `(key, value)`, in output order.
    pub fn fields(&self) -> impl Iterator<Item = (&'static str, Value<'a>)> + '_ {
        self.schema().fields.iter().enumerate().map(|(i, f)| (f.key, self.get(i)))
    }
}

/// Receives an answer's fields in schema order from [`Obj::visit`]: `i` is the field's index
/// in the schema. For a `Decoded` the calls are inlined one per field, so an inlined `field`
/// whose body matches on `i` is resolved at compile time for each.
pub trait Visit {
    /// Field `i` has value `v`.
    fn field(&mut self, i: usize, v: Value<'_>);
}

/// Most items any list of an answer has (card readings: one per network; warnings: a few).
/// Bindings with fixed-size records reserve this many.
pub const MAX_LIST_ITEMS: usize = 8;

/// A list value.
#[derive(Debug, Clone, Copy)]
pub enum List<'a> {
    /// The network readings of a card code.
    Variants(&'a Decoded<'a>),
    /// Warnings.
    Warnings(Warnings),
    /// The references of a whole response.
    References(&'a Response),
}

impl<'a> List<'a> {
    /// How many items.
    pub fn len(&self) -> usize {
        match self {
            List::Variants(d) => d.network_variants().len(),
            List::Warnings(w) => w.len(),
            List::References(r) => r.reference_count(),
        }
    }
    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Item `i` (`Null` past the end).
    pub fn get(&self, i: usize) -> Value<'a> {
        match self {
            List::Variants(d) => d.network_variant(i).map_or(Value::Null, |v| Value::Object(Obj::Variant(v))),
            List::Warnings(w) => w.get(i).map_or(Value::Null, |w| Value::Enum(EnumType::Warning, w.number())),
            List::References(r) => {
                if i < r.reference_count() {
                    Value::Object(Obj::Reference(r, i))
                } else {
                    Value::Null
                }
            }
        }
    }
    /// The items.
    pub fn iter(&self) -> impl Iterator<Item = Value<'a>> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }
}

/// Declares an answer type once: its schema (key, type, doc per field) and the function that
/// reads field `i`, from the same list, so the two cannot disagree.
macro_rules! record {
    // With `visit NAME;`: also `NAME(this, visitor)`, which hands every field to the visitor in
    // order. A writer that knows each field's place (the Node record, the JSON writer) gets
    // each value where the field index is a constant, instead of one dispatch on the index
    // per field through the getter.
    (
        $(#[doc = $doc:literal])*
        static $schema:ident: $name:literal;
        visit $visit:ident;
        fn $getter:ident $(<$lt:lifetime>)? ($this:ident: $T:ty) -> $R:ty {
            $( $(#[doc = $fdoc:literal])* $key:ident: $ty:expr => $val:expr, )*
        }
    ) => {
        record! {
            $(#[doc = $doc])*
            static $schema: $name;
            fn $getter $(<$lt>)? ($this: $T) -> $R {
                $( $(#[doc = $fdoc])* $key: $ty => $val, )*
            }
        }

        #[allow(unused_assignments)]
        #[inline]
        pub(crate) fn $visit $(<$lt>)? ($this: $T, visitor: &mut impl Visit) {
            let mut n = 0usize;
            $(
                visitor.field(n, $val);
                n += 1;
            )*
        }
    };
    (
        $(#[doc = $doc:literal])*
        static $schema:ident: $name:literal;
        fn $getter:ident $(<$lt:lifetime>)? ($this:ident: $T:ty) -> $R:ty {
            $( $(#[doc = $fdoc:literal])* $key:ident: $ty:expr => $val:expr, )*
        }
    ) => {
        $(#[doc = $doc])*
        pub static $schema: Schema = Schema {
            name: $name,
            doc: concat!($($doc, "\n"),*),
            fields: &[ $( Field { key: stringify!($key), ty: $ty, doc: concat!($($fdoc, "\n"),*) }, )* ],
        };

        #[allow(unused_assignments)]
        fn $getter $(<$lt>)? ($this: $T, i: usize) -> $R {
            let mut n = 0usize;
            $(
                if i == n {
                    return $val;
                }
                n += 1;
            )*
            Value::Null
        }
    };
}

use Ty::*;

const OPT_STR: Ty = Opt(&Str);
const OPT_INT: Ty = Opt(&Int);

record! {
    /// What a payment response code means and what to do next.
    static DECODED: "Decoded";
    visit visit_decoded;
    fn decoded_field<'a>(d: &'a Decoded<'a>) -> Value<'a> {
        /// Which family the code was decoded as.
        family: Enum(EnumType::Family) => Value::Enum(EnumType::Family, d.family().number()),
        /// The code as given (text, or the number it was sent as).
        raw: Ty::Raw => match d.raw() {
            Raw::Text(s) => Value::Str(s),
            Raw::Integer(n) => Value::Int(n),
            Raw::Float(x) => Value::Float(x),
            Raw::Number(n) => n.parse().map_or(Value::Str(n), Value::Float),
        },
        /// The normalized code (trimmed, upper case, zero-padded).
        canonical: Str => Value::Str(d.canonical()),
        /// Whether a table knows the code (false: read from its structure only).
        known: Bool => Value::Bool(d.known()),
        /// Whether the code is a documentation template (`400XX01`).
        template: Bool => Value::Bool(d.is_template()),
        /// SNAP: the HTTP status part.
        http_status: OPT_INT => d.http_status().map_or(Value::Null, |h| Value::Int(i64::from(h))),
        /// SNAP: the service part (two characters).
        service_code: OPT_STR => d.service_code().map_or(Value::Null, Value::Str),
        /// SNAP: the service (API), when the standard or the provider knows it.
        service: Opt(&Object(&SERVICE)) => d.service().map_or(Value::Null, |s| Value::Object(Obj::Service(s))),
        /// SNAP: the case part (two digits).
        case_code: OPT_STR => d.case_code().map_or(Value::Null, Value::Str),
        /// The table's message (a template, placeholder included).
        message: Str => Value::Text(d.message()),
        /// What the actual message put in the template's placeholder (e.g. the field name).
        detail: OPT_STR => d.detail().map_or(Value::Null, Value::Str),
        /// The table's category (SNAP's four, or the card decline category).
        category: Enum(EnumType::Category) => Value::Enum(EnumType::Category, d.category().number()),
        /// Did the money move: success, pending (never success), failed or unknown (inquire).
        outcome: Enum(EnumType::Outcome) => Value::Enum(EnumType::Outcome, d.outcome().number()),
        /// The canonical reason, shared by every family.
        reason: Enum(EnumType::Reason) => Value::Enum(EnumType::Reason, d.reason().number()),
        /// What to do next.
        action: Enum(EnumType::Action) => Value::Enum(EnumType::Action, d.action().number()),
        /// A message safe to show the customer, in the answer's locale.
        customer_message: Str => Value::Text(d.customer_message().text),
        /// Whether the customer message hides the real reason (fraud, lost or stolen card).
        masked: Bool => Value::Bool(d.customer_message().masked),
        /// The precise text for logs and support staff.
        merchant_message: Str => Value::Text(d.merchant_message()),
        /// The provider profile that answered.
        provider: Str => Value::Text(d.provider().id_text()),
        /// Which table row answered.
        source: Str => Value::Text(d.source()),
        /// The operation used for context-dependent codes.
        operation: OPT_STR => Value::opt_text(d.operation().map(|o| o.id_text())),
        /// Card codes: the network whose reading answered.
        network: Opt(&Enum(EnumType::Network)) =>
            d.network().map_or(Value::Null, |n: Network| Value::Enum(EnumType::Network, n.number())),
        /// Card codes: the decline category.
        card_category: Opt(&Enum(EnumType::Category)) =>
            d.card_category().map_or(Value::Null, |c: Category| Value::Enum(EnumType::Category, c.number())),
        /// Card codes read without a network: each network's reading where they differ.
        network_variants: Opt(&List(&Object(&NETWORK_VARIANT))) =>
            if d.family() == Family::Iso8583 { Value::List(List::Variants(d)) } else { Value::Null },
        /// Statuses: the vocabulary the value was read in.
        status_kind: OPT_STR => Value::opt_text(d.status_kind().map(|k| k.id_text())),
        /// The language of `customer_message` (`en` or `id`).
        locale: Str => Value::Text(d.locale().id_text()),
        /// Warnings about the input (a message that had to be ignored).
        warnings: List(&Enum(EnumType::Warning)) => Value::List(List::Warnings(d.warnings())),
    }
}

record! {
    /// A SNAP service: the API a code came from.
    static SERVICE: "Service";
    fn service_field(s: &'static Service) -> Value<'static> {
        /// Two-character service code.
        code: Str => Value::Text(s.code()),
        /// The API's name.
        name: Str => Value::Text(s.name()),
        /// Its product area.
        product: Str => Value::Text(s.product()),
        /// What the API does.
        kind: Enum(EnumType::ServiceKind) => Value::Enum(EnumType::ServiceKind, s.kind().number()),
        /// Whether the API moves money (outcome rules depend on it).
        moves_money: Bool => Value::Bool(s.moves_money()),
        /// The status-inquiry service of the same product, to call when the action is
        /// `inquire_status`.
        status_service: OPT_STR => Value::opt_text(s.status_service()),
    }
}

record! {
    /// One network's reading of a card code whose meaning differs by network.
    static NETWORK_VARIANT: "NetworkVariant";
    fn variant_field(v: NetworkVariant) -> Value<'static> {
        /// The network.
        network: Enum(EnumType::Network) => Value::Enum(EnumType::Network, v.network.number()),
        /// What the code means on that network.
        message: Str => Value::Text(v.message),
        /// Its decline category there.
        category: Enum(EnumType::Category) => Value::Enum(EnumType::Category, v.category.number()),
        /// Its reason.
        reason: Enum(EnumType::Reason) => Value::Enum(EnumType::Reason, Reason::number(v.reason)),
        /// Its outcome.
        outcome: Enum(EnumType::Outcome) => Value::Enum(EnumType::Outcome, Outcome::number(v.outcome)),
        /// What to do.
        action: Enum(EnumType::Action) => Value::Enum(EnumType::Action, v.action.number()),
    }
}

record! {
    /// A SNAP `responseCode` and `responseMessage` built to answer a callback.
    static BUILT: "Built";
    fn built_field<'a>(b: &'a Built) -> Value<'a> {
        /// The `responseCode` to send (`4042414`).
        response_code: Str => Value::Str(b.code()),
        /// The `responseMessage` to send, placeholder filled (`Paid Bill`).
        response_message: Str => Value::Str(b.message()),
        /// The table template the message comes from.
        template: Str => Value::Text(b.template()),
        /// The reason of the row used.
        reason: Enum(EnumType::Reason) => Value::Enum(EnumType::Reason, b.row().semantics().reason().number()),
    }
}

record! {
    /// A message safe to show a customer.
    static CUSTOMER_MESSAGE: "CustomerMessage";
    fn customer_field(c: CustomerMessage) -> Value<'static> {
        /// One or two short sentences the customer can act on.
        text: Str => Value::Text(c.text),
        /// Whether the real reason (fraud, lost or stolen card, ...) is hidden.
        masked: Bool => Value::Bool(c.masked),
    }
}

record! {
    /// What a whole response or callback body says about the transaction.
    static DECODED_RESPONSE: "DecodedResponse";
    fn response_field<'a>(r: &'a Response) -> Value<'a> {
        /// Did the money move: success, pending (never success), failed or unknown (inquire).
        outcome: Enum(EnumType::Outcome) => Value::Enum(EnumType::Outcome, r.outcome().number()),
        /// Why (the canonical reason, shared by every family).
        reason: Enum(EnumType::Reason) => Value::Enum(EnumType::Reason, r.reason().number()),
        /// What to do next.
        action: Enum(EnumType::Action) => Value::Enum(EnumType::Action, r.action().number()),
        /// Which evidence decided (a state field, the code, the HTTP status, nothing).
        decided_by: Enum(EnumType::Evidence) => Value::Enum(EnumType::Evidence, r.decided_by().number()),
        /// A message safe to show the customer, in the answer's locale.
        customer_message: Str => Value::Text(r.customer_message().text),
        /// Whether the customer message hides the real reason (fraud, lost or stolen card).
        masked: Bool => Value::Bool(r.customer_message().masked),
        /// The precise text for logs and support staff (the body's status description when it
        /// has one).
        merchant_message: Str => Value::Str(r.merchant_message()),
        /// The HTTP status: the transport's when given, else the code's.
        http_status: OPT_INT => r.http_status().map_or(Value::Null, |h| Value::Int(i64::from(h))),
        /// The decoded `responseCode` and `responseMessage` (null when the body has none).
        code: Opt(&Object(&DECODED)) => if r.code().is_some() { Value::Object(Obj::ResponseCode(r)) } else { Value::Null },
        /// The state field read (which field, its value, its vocabulary, its meaning).
        status: Opt(&Object(&FIELD_READING)) => r.status().map_or(Value::Null, |f| Value::Object(Obj::Reading(r, f))),
        /// A card or failure code of the body that gave the reason of a failure.
        decline: Opt(&Object(&FIELD_READING)) => r.decline().map_or(Value::Null, |f| Value::Object(Obj::Reading(r, f))),
        /// References to inquire with (`originalPartnerReferenceNo`, provider ids), in body order.
        references: List(&Object(&REFERENCE)) => Value::List(List::References(r)),
        /// The status-inquiry service to call when the action is `inquire_status`.
        inquiry_service: Opt(&Object(&SERVICE)) =>
            r.inquiry_service().map_or(Value::Null, |s| Value::Object(Obj::Service(s))),
        /// The provider profile that read the body.
        provider: Str => Value::Text(r.provider().id_text()),
        /// The operation: the caller's, or the one of the code's service.
        operation: OPT_STR => Value::opt_text(r.operation().map(|o| o.id_text())),
        /// The language of `customer_message` (`en` or `id`).
        locale: Str => Value::Text(r.locale().id_text()),
        /// Contradictions and ignored fields a careful integrator wants to see.
        warnings: List(&Enum(EnumType::Warning)) => Value::List(List::Warnings(r.warnings())),
    }
}

/// The decoded `responseCode` of a whole response: the stored answer, with the raw code and
/// the detail read from the response's own copies of them.
fn response_code_field<'a>(r: &'a Response, i: usize) -> Value<'a> {
    let Some(d) = r.code_answer() else { return Value::Null };
    match DECODED.fields.get(i).map(|f| f.key) {
        Some("raw") => match r.code().map(|c| c.raw()) {
            Some(Raw::Text(s)) => Value::Str(s),
            Some(Raw::Integer(n)) => Value::Int(n),
            Some(Raw::Float(x)) => Value::Float(x),
            Some(Raw::Number(n)) => n.parse().map_or(Value::Str(n), Value::Float),
            None => Value::Null,
        },
        Some("detail") => r.code().and_then(|c| c.detail()).map_or(Value::Null, Value::Str),
        _ => decoded_field(d, i),
    }
}

record! {
    /// One field of a body read as a transaction state or a code.
    static FIELD_READING: "FieldReading";
    fn reading_field<'a>(x: (&'a Response, &'a FieldReading)) -> Value<'a> {
        /// The field's path as the profile's table writes it (`latestTransactionStatus`).
        field: Str => Value::Text(x.1.field()),
        /// What kind of field: `transaction_status`, `payment_flag`, `provider_status`,
        /// `result_code`, `modifier`, `card_code` or `failure_code`.
        evidence: Str => Value::Text(x.1.role().id_text()),
        /// The value as the body wrote it.
        value: Str => Value::Str(x.0.value_of(x.1)),
        /// The vocabulary it was read in (null for a card or failure code read as a code).
        vocabulary: OPT_STR => Value::opt_text(x.1.vocabulary().map(|v| v.id_text())),
        /// The value's name in its table (null when no table lists it).
        name: OPT_STR => Value::opt_text(x.1.name()),
        /// Whether a table lists the value.
        known: Bool => Value::Bool(x.1.known()),
        /// What the value says happened.
        outcome: Enum(EnumType::Outcome) => Value::Enum(EnumType::Outcome, x.1.outcome().number()),
        /// Its reason.
        reason: Enum(EnumType::Reason) => Value::Enum(EnumType::Reason, x.1.reason().number()),
        /// Its action.
        action: Enum(EnumType::Action) => Value::Enum(EnumType::Action, x.1.action().number()),
    }
}

record! {
    /// A reference to inquire with.
    static REFERENCE: "Reference";
    fn reference_field<'a>(x: (&'a Response, usize)) -> Value<'a> {
        /// The field's path as the profile's table writes it (`originalPartnerReferenceNo`).
        field: Str => x.0.reference(x.1).map_or(Value::Null, |(f, _)| Value::Text(f)),
        /// Its value.
        value: Str => x.0.reference(x.1).map_or(Value::Null, |(_, v)| Value::Str(v)),
    }
}

record! {
    /// Whether a declined card transaction may be tried again, and the rule that decided.
    static RETRY_DECISION: "RetryDecision";
    fn retry_field<'a>(r: &'a crate::retry::RetryAnswer) -> Value<'a> {
        /// `retry` (now, within `attempts_left`), `retry_after` (not before `not_before`) or
        /// `never`.
        decision: Enum(EnumType::Verdict) => Value::Enum(EnumType::Verdict, r.verdict().number()),
        /// The earliest time of the next attempt (RFC 3339, UTC), for `retry_after`.
        not_before: OPT_STR => r.not_before_text().map_or(Value::Null, Value::Str),
        /// The rule that decided (`visa.category_1`, `visa.reattempt_limit_30d`,
        /// `mastercard.mac_03`, `mastercard.excessive_24h`, `card.outcome_unknown`, ...).
        rule: Str => Value::Text(r.rule()),
        /// The rules edition applied (`2026-04-18`), for rules that have editions.
        edition: OPT_STR => Value::opt_text(r.edition()),
        /// Where the rule comes from.
        source: Str => Value::Text(r.source()),
        /// Attempts left under the limits (null when no limit counts).
        attempts_left: OPT_INT => r.attempts_left().map_or(Value::Null, |n| Value::Int(i64::from(n))),
        /// The network whose rules applied.
        network: Enum(EnumType::Network) => Value::Enum(EnumType::Network, r.network().number()),
        /// The decline code (canonical).
        code: Str => Value::Str(r.code()),
        /// Its decline category on that network.
        category: Enum(EnumType::Category) => Value::Enum(EnumType::Category, r.category().number()),
        /// Its reason.
        reason: Enum(EnumType::Reason) => Value::Enum(EnumType::Reason, r.reason().number()),
        /// Its outcome (only `failed` can be retried).
        outcome: Enum(EnumType::Outcome) => Value::Enum(EnumType::Outcome, r.outcome().number()),
    }
}

/// Every answer type, for the generators.
pub fn schemas() -> &'static [&'static Schema] {
    static ALL: [&Schema; 9] = [
        &DECODED,
        &SERVICE,
        &NETWORK_VARIANT,
        &BUILT,
        &CUSTOMER_MESSAGE,
        &DECODED_RESPONSE,
        &FIELD_READING,
        &REFERENCE,
        &RETRY_DECISION,
    ];
    &ALL
}
