//! The contract every binding calls. A binding converts its language's values into
//! [`Input`]s, puts keyword options into [`Args`] by key, calls one function here, and
//! converts the answer (through [`crate::fields`]) or maps the error (by
//! [`crate::ErrorKind::class`]). Everything else lives here, once:
//!
//! - which options each call takes ([`Call::args`]), so a misspelt key is `unknown_option`
//!   in every language;
//! - how every option value is read (the one leniency rule of [`crate::normalize_id`]), and
//!   what a wrong type is (`bad_type`, naming the argument and what it takes);
//! - the dynamic code input (text, bytes, integer, float) and what a message that is not
//!   text does (ignored, with a warning);
//! - the numeric model of `build_snap` (whole numbers in range; anything else a stable id);
//! - batch decoding with de-duplication of equal items.

use crate::compose::{Built, build_snap as build, build_snap_for_reason};
use crate::customer::{CustomerMessage, customer_message as customer_text};
use crate::decode::{decode as decode_text, decode_bytes, decode_float, decode_integer, message_text};
use crate::error::Error;
use crate::export::{Format, Table, TableName, table};
use crate::ids::{Arg, Family, Locale, Network, Reason, ValueType, Warning};
use crate::model::{Context, Decoded, InlineStr, Raw, Warnings};
use crate::tables::{OperationInfo, Provider, Vocabulary};
use std::collections::HashMap;

/// A value as a binding received it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Input<'a> {
    /// `None`, `null`, `undefined`: the same as not given.
    Null,
    /// A boolean.
    Bool(bool),
    /// A whole number that fits in 64 bits.
    Int(i64),
    /// A whole number beyond 64 bits (Python's big ints).
    BigInt {
        /// Whether it is negative.
        negative: bool,
        /// How many decimal digits it has.
        digits: usize,
    },
    /// A floating-point number.
    Float(f64),
    /// Text.
    Str(&'a str),
    /// Bytes (must be UTF-8 where text is needed).
    Bytes(&'a [u8]),
    /// Text that has no UTF-8 form (a Python `str` with a lone surrogate).
    BadText,
    /// Anything else (a list, an object, ...).
    Other(ValueType),
}

impl Input<'_> {
    /// The value's type, for `bad_type` messages.
    pub fn value_type(&self) -> ValueType {
        match self {
            Input::Null => ValueType::Null,
            Input::Bool(_) => ValueType::Bool,
            Input::Int(_) | Input::BigInt { .. } => ValueType::Integer,
            Input::Float(_) => ValueType::Float,
            Input::Str(_) | Input::BadText => ValueType::String,
            Input::Bytes(_) => ValueType::Bytes,
            Input::Other(t) => *t,
        }
    }

    fn bad_type(&self, arg: Arg, expected: &'static str) -> Error {
        Error::BadType { arg, expected, got: self.value_type() }
    }

    /// The text of an option that must be a string (`Ok(None)` for null).
    fn str_opt(&self, arg: Arg) -> Result<Option<&str>, Error> {
        match *self {
            Input::Null => Ok(None),
            Input::Str(s) => Ok(Some(s)),
            Input::BadText => Err(Error::InvalidUtf8 { position: 0 }),
            _ => Err(self.bad_type(arg, "a string")),
        }
    }
}

/// The public calls, each with the keyword options it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Call {
    /// `decode(code, ...)`.
    Decode,
    /// `decode_many(codes, ...)`: every item may carry its own message.
    DecodeMany,
    /// `explain(code, ...)`.
    Explain,
    /// `build_snap(service, ...)`.
    BuildSnap,
    /// `customer_message(reason, ...)`.
    CustomerMessage,
    /// `table(name, ...)`.
    Table,
    /// `export(name, ...)`.
    Export,
    /// `decode_response(body, ...)`.
    DecodeResponse,
    /// `retry_decision(code, ...)`.
    RetryDecision,
}

impl Call {
    /// Every call.
    pub const ALL: &'static [Call] = &[
        Call::Decode,
        Call::DecodeMany,
        Call::Explain,
        Call::BuildSnap,
        Call::CustomerMessage,
        Call::Table,
        Call::Export,
        Call::DecodeResponse,
        Call::RetryDecision,
    ];

    /// The call's name (snake_case).
    pub const fn name(self) -> &'static str {
        match self {
            Call::Decode => "decode",
            Call::DecodeMany => "decode_many",
            Call::Explain => "explain",
            Call::BuildSnap => "build_snap",
            Call::CustomerMessage => "customer_message",
            Call::Table => "table",
            Call::Export => "export",
            Call::DecodeResponse => "decode_response",
            Call::RetryDecision => "retry_decision",
        }
    }

    /// The keyword options the call takes, in documentation order.
    pub const fn args(self) -> &'static [Arg] {
        const DECODE: &[Arg] =
            &[Arg::Message, Arg::Provider, Arg::Family, Arg::Network, Arg::Operation, Arg::Kind, Arg::Locale];
        match self {
            Call::Decode | Call::Explain => DECODE,
            Call::DecodeMany => &[Arg::Provider, Arg::Family, Arg::Network, Arg::Operation, Arg::Kind, Arg::Locale],
            Call::BuildSnap => &[Arg::Reason, Arg::HttpStatus, Arg::CaseCode, Arg::Detail, Arg::Provider],
            Call::CustomerMessage => &[Arg::Locale],
            Call::Table => &[Arg::Provider],
            Call::Export => &[Arg::Provider, Arg::Format],
            Call::DecodeResponse => &[Arg::Provider, Arg::Operation, Arg::HttpStatus, Arg::Locale],
            Call::RetryDecision => &[Arg::Network, Arg::Mac, Arg::History, Arg::Now, Arg::Edition, Arg::Provider],
        }
    }

    /// Whether the call takes `arg` as a keyword option.
    pub fn takes(self, arg: Arg) -> bool {
        self.args().contains(&arg)
    }
}

/// Slots for every [`Arg`] (by number).
const SLOTS: usize = 24;

/// The keyword options of one call.
#[derive(Debug, Clone, Copy)]
pub struct Args<'a> {
    call: Call,
    values: [Input<'a>; SLOTS],
}

impl<'a> Args<'a> {
    /// No option given.
    pub fn new(call: Call) -> Self {
        Args { call, values: [Input::Null; SLOTS] }
    }

    /// The call these options are for.
    pub fn call(&self) -> Call {
        self.call
    }

    /// Sets an option by key as the caller spelt it (`http_status` or `httpStatus`). A key
    /// the call does not take is `unknown_option`.
    pub fn set(&mut self, key: &str, value: Input<'a>) -> Result<(), Error> {
        let arg = Arg::from_key(key)
            .filter(|a| self.call.takes(*a))
            .ok_or(Error::UnknownOption { key: InlineStr::from_ascii(key.as_bytes()) })?;
        self.values[arg.number() as usize] = value;
        Ok(())
    }

    /// Sets an option the binding already knows the call takes (typed APIs).
    pub fn with(mut self, arg: Arg, value: Input<'a>) -> Self {
        self.values[arg.number() as usize] = value;
        self
    }

    /// An option's value (`Input::Null` when not given).
    pub fn get(&self, arg: Arg) -> Input<'a> {
        self.values[arg.number() as usize]
    }

    fn str_opt(&self, arg: Arg) -> Result<Option<&'a str>, Error> {
        match self.get(arg) {
            Input::Null => Ok(None),
            Input::Str(s) => Ok(Some(s)),
            Input::BadText => Err(Error::InvalidUtf8 { position: 0 }),
            other => Err(other.bad_type(arg, "a string")),
        }
    }

    /// The decode context: every option read with the one leniency rule; `kind_required`
    /// when `family` is `status` without a `kind`.
    pub fn context(&self) -> Result<Context, Error> {
        let mut ctx = Context::new();
        if let Some(p) = self.str_opt(Arg::Provider)? {
            ctx.provider = Provider::find(p).ok_or(Error::UnknownProvider)?;
        }
        if let Some(f) = self.str_opt(Arg::Family)? {
            ctx.family = Some(Family::parse(f).ok_or(Error::UnknownFamily)?);
        }
        if let Some(n) = self.str_opt(Arg::Network)? {
            ctx.network = Some(Network::parse(n).ok_or(Error::UnknownNetwork)?);
        }
        if let Some(o) = self.str_opt(Arg::Operation)? {
            ctx.operation = Some(OperationInfo::find(o).ok_or(Error::UnknownOperation)?);
        }
        if let Some(k) = self.str_opt(Arg::Kind)? {
            ctx.kind = Some(Vocabulary::find(k).ok_or(Error::UnknownKind)?);
            // A status vocabulary only means something for a status: it implies the family,
            // and contradicts any other.
            match ctx.family {
                None => ctx.family = Some(Family::Status),
                Some(Family::Status) => {}
                Some(_) => {
                    return Err(Error::ConflictingArguments { arg: Arg::Kind, other: Arg::Family });
                }
            }
        }
        ctx.locale = self.locale()?;
        if ctx.family == Some(Family::Status) && ctx.kind.is_none() {
            return Err(Error::KindRequired);
        }
        Ok(ctx)
    }

    /// The locale (`en` when not given; read leniently, an unknown tag is English).
    pub fn locale(&self) -> Result<Locale, Error> {
        Ok(self.str_opt(Arg::Locale)?.map_or(Locale::En, Locale::from_tag))
    }

    /// The message option: its text, or nothing and a warning when it is not text.
    pub fn message(&self) -> Result<(Option<&'a str>, Warnings), Error> {
        message_input(&self.get(Arg::Message))
    }

    fn provider(&self) -> Result<&'static Provider, Error> {
        match self.str_opt(Arg::Provider)? {
            Some(p) => Provider::find(p).ok_or(Error::UnknownProvider),
            None => Ok(Provider::standard()),
        }
    }
}

/// A message given by a binding: text; bytes (ignored with a warning if not UTF-8); text
/// with no UTF-8 form (ignored with a warning); nothing. Any other type is `bad_type`.
pub fn message_input<'a>(m: &Input<'a>) -> Result<(Option<&'a str>, Warnings), Error> {
    match *m {
        Input::Null => Ok((None, Warnings::NONE)),
        Input::Str(s) => Ok((Some(s), Warnings::NONE)),
        Input::Bytes(b) => Ok(message_text(Some(b))),
        Input::BadText => Ok((None, Warnings::NONE.with(Warning::MessageIgnored))),
        other => Err(other.bad_type(Arg::Message, "a string")),
    }
}

/// Decodes a code given as any [`Input`] under a context, with a message.
pub fn decode_input<'a>(code: &Input<'a>, message: &Input<'a>, ctx: &Context) -> Result<Decoded<'a>, Error> {
    let (message, warnings) = message_input(message)?;
    let d = match *code {
        Input::Str(s) => decode_text(s, message, ctx),
        Input::Bytes(b) => decode_bytes(b, message.map(str::as_bytes), ctx),
        Input::Int(n) => decode_integer(n, message, ctx),
        Input::BigInt { negative: true, .. } => Err(Error::NegativeNumber),
        Input::BigInt { negative: false, digits } => Err(Error::NumberNotSnap { digits }),
        Input::Float(x) => decode_float(x, message, ctx),
        Input::BadText => Err(Error::InvalidUtf8 { position: 0 }),
        Input::Null | Input::Bool(_) | Input::Other(_) => {
            Err(code.bad_type(Arg::Code, "a string, bytes or a whole number"))
        }
    }?;
    Ok(d.with_warnings(warnings))
}

/// `decode(code, message=..., provider=..., ...)`.
pub fn decode<'a>(code: &Input<'a>, args: &Args<'a>) -> Result<Decoded<'a>, Error> {
    decode_input(code, &args.get(Arg::Message), &args.context()?)
}

/// `explain(code, ...)`: the explanation `paycodes explain` prints, in the locale.
pub fn explain(code: &Input<'_>, args: &Args<'_>) -> Result<String, Error> {
    let d = decode(code, args)?;
    Ok(crate::explain::explain(&d, d.locale()))
}

/// The answers of a batch: item `i`'s answer is `answers[slots[i]]`. Equal items (same
/// code and message) share one answer.
#[derive(Debug)]
pub struct Batch<'a> {
    /// One answer per distinct item, in order of first appearance.
    pub answers: Vec<Result<Decoded<'a>, Error>>,
    /// For each item, the index of its answer.
    pub slots: Vec<u32>,
}

impl Batch<'_> {
    /// The first item (in input order) whose answer is an error.
    pub fn first_error(&self) -> Option<(usize, Error)> {
        self.slots.iter().enumerate().find_map(|(i, &s)| self.answers[s as usize].err().map(|e| (i, e)))
    }
}

/// What makes two batch items equal.
#[derive(Debug, PartialEq, Eq, Hash)]
enum Key<'a> {
    /// Text of at most 15 bytes without a message (nearly every code in a log), packed with
    /// its length into one number: hashing and comparing it are a few instructions, where a
    /// slice costs a byte-wise hash and a `memcmp` call (the bulk of a batch's time per row).
    Short(u128),
    Text(&'a [u8], Option<&'a [u8]>),
    Bytes(&'a [u8], Option<&'a [u8]>),
    Int(i64, Option<&'a [u8]>),
    Float(u64, Option<&'a [u8]>),
    /// No code: one answer (`bad_type`) whatever the message.
    Null,
}

impl<'a> Key<'a> {
    fn of(code: &Input<'a>, message: &Input<'a>) -> Option<Key<'a>> {
        if let Input::Null = code {
            return Some(Key::Null);
        }
        let m = match *message {
            Input::Null => None,
            Input::Str(s) => Some(s.as_bytes()),
            Input::Bytes(b) => Some(b),
            _ => return None,
        };
        Some(match *code {
            Input::Str(s) if m.is_none() && s.len() < 16 => {
                // Shifted in byte by byte, not copied into a buffer and loaded back: a load
                // over bytes just stored by a variable-length copy stalls (store forwarding
                // fails), which cost more than the hash look-up.
                let mut packed = (s.len() as u128) << 120;
                for (i, &b) in s.as_bytes().iter().enumerate() {
                    packed |= u128::from(b) << (8 * i);
                }
                Key::Short(packed)
            }
            Input::Str(s) => Key::Text(s.as_bytes(), m),
            Input::Bytes(b) => Key::Bytes(b, m),
            Input::Int(n) => Key::Int(n, m),
            Input::Float(x) => Key::Float(x.to_bits(), m),
            _ => return None,
        })
    }
}

/// `decode_many(codes, ...)`: each item is a code and its message (`Input::Null` for none).
/// Equal items are decoded once and share the answer.
pub fn decode_many<'a>(items: &[(Input<'a>, Input<'a>)], args: &Args<'a>) -> Result<Batch<'a>, Error> {
    let mut batch = BatchDecoder::new(args)?;
    let slots = items.iter().map(|(code, message)| batch.push(*code, *message)).collect();
    Ok(Batch { answers: batch.answers, slots })
}

/// A batch decoded item by item (for inputs that arrive in chunks, such as Arrow arrays):
/// [`BatchDecoder::push`] gives each item the index of its answer, and equal items (same
/// code and message) share one answer, decoded once.
#[derive(Debug)]
pub struct BatchDecoder<'a> {
    ctx: Context,
    first: HashMap<Key<'a>, u32, rustc_hash::FxBuildHasher>,
    answers: Vec<Result<Decoded<'a>, Error>>,
    codes: Vec<Input<'a>>,
}

impl<'a> BatchDecoder<'a> {
    /// A batch under the options of `args` (a `decode_many` call's).
    pub fn new(args: &Args<'_>) -> Result<BatchDecoder<'a>, Error> {
        Ok(BatchDecoder {
            ctx: args.context()?,
            first: HashMap::with_capacity_and_hasher(1024, rustc_hash::FxBuildHasher),
            answers: Vec::new(),
            codes: Vec::new(),
        })
    }

    /// The index of the answer of one more item (decoded now unless an equal item was).
    pub fn push(&mut self, code: Input<'a>, message: Input<'a>) -> u32 {
        let next = u32::try_from(self.answers.len()).unwrap_or(u32::MAX);
        let slot = match Key::of(&code, &message) {
            Some(k) => *self.first.entry(k).or_insert(next),
            None => next,
        };
        if slot == next {
            self.answers.push(decode_input(&code, &message, &self.ctx));
            self.codes.push(code);
        }
        slot
    }

    /// One answer per distinct item, in order of first appearance.
    pub fn answers(&self) -> &[Result<Decoded<'a>, Error>] {
        &self.answers
    }

    /// The code of answer `slot` as given (for an error row's `raw`): `None` for no code, or
    /// one with no text or number form (bytes that are not UTF-8, a big integer).
    pub fn code(&self, slot: usize) -> Option<Raw<'a>> {
        match self.codes.get(slot).copied()? {
            Input::Str(s) => Some(Raw::Text(s)),
            Input::Int(n) => Some(Raw::Integer(n)),
            Input::Float(x) => Some(Raw::Float(x)),
            Input::Bytes(b) => std::str::from_utf8(b).ok().map(Raw::Text),
            _ => None,
        }
    }
}

/// The numeric model of every whole-number argument: a whole number in `min..=max`, given
/// as an integer, a float with no fraction, or a string of digits. A fraction, NaN or an
/// infinity is `not_an_integer`; out of range is `out_of_range`; other types `bad_type`.
pub fn whole_number(v: &Input<'_>, arg: Arg, min: i64, max: i64) -> Result<i64, Error> {
    let out_of_range = Error::OutOfRange { arg, min, max };
    let n = match *v {
        Input::Int(n) => n,
        Input::BigInt { .. } => return Err(out_of_range),
        Input::Float(x) if !x.is_finite() || x.fract() != 0.0 => return Err(Error::NotAnInteger),
        Input::Float(x) if x.abs() > 9e18 => return Err(out_of_range),
        Input::Float(x) => x as i64,
        Input::Str(s) => {
            let t = s.trim();
            let digits = t.strip_prefix('-').unwrap_or(t);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(Error::NotAnInteger);
            }
            match t.parse::<i64>() {
                Ok(n) => n,
                Err(_) => return Err(out_of_range),
            }
        }
        _ => return Err(v.bad_type(arg, "a whole number or a string of digits")),
    };
    if n < min || n > max { Err(out_of_range) } else { Ok(n) }
}

/// An HTTP status option: a whole number from 100 to 599 (`bad_http_status` outside).
fn http_status(v: &Input<'_>) -> Result<Option<u16>, Error> {
    if *v == Input::Null {
        return Ok(None);
    }
    let http = whole_number(v, Arg::HttpStatus, i64::MIN, i64::MAX)?;
    if !(100..=599).contains(&http) {
        return Err(Error::BadHttpStatus { status: http });
    }
    Ok(Some(http as u16))
}

/// `decode_response(body, provider=..., operation=..., http_status=..., locale=...)`: the
/// body as text or bytes (a binding serializes its language's objects to JSON first), or
/// null when no response arrived.
pub fn decode_response(body: &Input<'_>, args: &Args<'_>) -> Result<crate::response::Response, Error> {
    let bytes = match *body {
        Input::Null => None,
        Input::Str(s) => Some(s.as_bytes()),
        Input::Bytes(b) => Some(b),
        Input::BadText => return Err(Error::InvalidUtf8 { position: 0 }),
        _ => return Err(body.bad_type(Arg::Body, "a string or bytes (the body), or null (no response)")),
    };
    let http = http_status(&args.get(Arg::HttpStatus))?;
    crate::response::decode_response(bytes, http, &args.context()?)
}

/// `retry_decision(code, network=..., mac=..., history=..., now=..., edition=..., provider=...)`:
/// whether a declined card transaction may be tried again. `network` is required; `history`
/// is the earlier attempts as JSON text (an array, or JSON lines: a binding serializes its
/// language's lists first); `now` is RFC 3339 text or Unix seconds (default: the clock).
pub fn retry_decision(code: &Input<'_>, args: &Args<'_>) -> Result<crate::retry::RetryAnswer, Error> {
    let code = match *code {
        Input::Str(s) => s,
        Input::Bytes(b) => core::str::from_utf8(b).map_err(|e| Error::InvalidUtf8 { position: e.valid_up_to() })?,
        Input::BadText => return Err(Error::InvalidUtf8 { position: 0 }),
        Input::Int(_) | Input::Float(_) | Input::BigInt { .. } => {
            return Err(code.bad_type(Arg::Code, "a card response code as text (`51`, `05`)"));
        }
        _ => return Err(code.bad_type(Arg::Code, "a card response code as text (`51`, `05`)")),
    };
    let network = match args.str_opt(Arg::Network)? {
        Some(n) => Network::parse(n).ok_or(Error::UnknownNetwork)?,
        None => {
            return Err(Error::MissingArgument { arg: Arg::Network, hint: "the card's network (visa or mastercard)" });
        }
    };
    let mac_text;
    let mac = match args.get(Arg::Mac) {
        Input::Null => None,
        Input::Str(s) => Some(s),
        Input::Int(n) if (0..=99).contains(&n) => {
            mac_text = format!("{n:02}");
            Some(mac_text.as_str())
        }
        Input::Int(_) => return Err(Error::OutOfRange { arg: Arg::Mac, min: 0, max: 99 }),
        // A JavaScript number arrives as a float: whole ones are codes too.
        Input::Float(x) if x.fract() == 0.0 && (0.0..100.0).contains(&x) => {
            mac_text = format!("{:02}", x as i64);
            Some(mac_text.as_str())
        }
        Input::Float(_) => return Err(Error::OutOfRange { arg: Arg::Mac, min: 0, max: 99 }),
        other => return Err(other.bad_type(Arg::Mac, "a Merchant Advice Code (`03` or 3)")),
    };
    let history = match args.get(Arg::History) {
        Input::Null => Vec::new(),
        Input::Str(s) => crate::retry::parse_history(s.as_bytes())?,
        Input::Bytes(b) => crate::retry::parse_history(b)?,
        other => return Err(other.bad_type(Arg::History, "the earlier attempts as JSON (an array or JSON lines)")),
    };
    let now = match args.get(Arg::Now) {
        Input::Null => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .map_err(|_| Error::BadTime)?,
        Input::Str(s) => crate::retry::parse_time(s)?,
        Input::Int(n) if n >= 0 => n,
        Input::Float(x) if x.fract() == 0.0 && (0.0..1e12).contains(&x) => x as i64,
        Input::Int(_) | Input::Float(_) => return Err(Error::BadTime),
        other => return Err(other.bad_type(Arg::Now, "RFC 3339 text or Unix seconds")),
    };
    let edition = args.str_opt(Arg::Edition)?;
    let ctx = Context { provider: args.provider()?, ..Context::new() };
    crate::retry::retry_decision(code, network, mac, &history, now, edition.map(str::trim), &ctx)
}

/// `build_snap(service, reason=... | http_status=..., case_code=..., detail=..., provider=...)`:
/// either a reason, or an HTTP status and a case code; every other combination is
/// `missing_argument` or `conflicting_arguments`.
pub fn build_snap(service: &Input<'_>, args: &Args<'_>) -> Result<Built, Error> {
    let service = match *service {
        Input::Str(s) => s,
        Input::BadText => return Err(Error::InvalidUtf8 { position: 0 }),
        other => return Err(other.bad_type(Arg::Service, "a string")),
    };
    let detail = args.str_opt(Arg::Detail)?;
    let provider = args.provider()?;
    let given = |a: Arg| args.get(a) != Input::Null;
    match (given(Arg::Reason), given(Arg::HttpStatus), given(Arg::CaseCode)) {
        (true, true, _) => Err(Error::ConflictingArguments { arg: Arg::Reason, other: Arg::HttpStatus }),
        (true, false, true) => Err(Error::ConflictingArguments { arg: Arg::Reason, other: Arg::CaseCode }),
        (true, false, false) => build_snap_for_reason(service, reason(&args.get(Arg::Reason))?, detail, provider),
        (false, true, true) => {
            let http = whole_number(&args.get(Arg::HttpStatus), Arg::HttpStatus, i64::MIN, i64::MAX)?;
            if !(100..=599).contains(&http) {
                return Err(Error::BadHttpStatus { status: http });
            }
            let case = whole_number(&args.get(Arg::CaseCode), Arg::CaseCode, 0, 99)?;
            build(http as u16, service, case as u8, detail, provider)
        }
        (false, true, false) => Err(Error::MissingArgument { arg: Arg::CaseCode, hint: "case_code with http_status" }),
        (false, false, true) => {
            Err(Error::MissingArgument { arg: Arg::HttpStatus, hint: "http_status with case_code" })
        }
        (false, false, false) => {
            Err(Error::MissingArgument { arg: Arg::Reason, hint: "reason, or http_status and case_code" })
        }
    }
}

/// A reason given by its id (read with the one leniency rule: `INSUFFICIENT_FUNDS` works).
pub fn reason(v: &Input<'_>) -> Result<Reason, Error> {
    match v.str_opt(Arg::Reason)? {
        Some(s) => Reason::parse(s).ok_or(Error::UnknownReason),
        None => Err(Error::MissingArgument { arg: Arg::Reason, hint: "a reason id" }),
    }
}

/// `customer_message(reason, locale=...)`.
pub fn customer_message(reason_id: &Input<'_>, args: &Args<'_>) -> Result<CustomerMessage, Error> {
    Ok(customer_text(reason(reason_id)?, args.locale()?))
}

fn table_name(v: &Input<'_>) -> Result<TableName, Error> {
    match v.str_opt(Arg::Name)? {
        Some(s) => TableName::parse(s).ok_or(Error::UnknownTable),
        None => Err(Error::MissingArgument { arg: Arg::Name, hint: "a table name" }),
    }
}

/// `table(name, provider=...)`: the rows of a table.
pub fn table_of(name: &Input<'_>, args: &Args<'_>) -> Result<Table, Error> {
    Ok(table(table_name(name)?, args.provider()?))
}

/// `export(name, provider=..., format=...)`: a table rendered as JSON (default), CSV or
/// Markdown.
pub fn export(name: &Input<'_>, args: &Args<'_>) -> Result<String, Error> {
    let format = match args.str_opt(Arg::Format)? {
        Some(f) => Format::parse(f).ok_or(Error::UnknownExportFormat)?,
        None => Format::Json,
    };
    Ok(table_of(name, args)?.render(format))
}

impl Context {
    /// Reads the options from their string forms, as the bindings do (`None` leaves the
    /// default). Errors are `unknown_provider`, `unknown_family`, `unknown_network`,
    /// `unknown_operation`, `unknown_kind` and `kind_required`.
    pub fn from_options(
        provider: Option<&str>,
        family: Option<&str>,
        network: Option<&str>,
        operation: Option<&str>,
        kind: Option<&str>,
    ) -> Result<Context, Error> {
        let mut args = Args::new(Call::Decode);
        for (arg, value) in [
            (Arg::Provider, provider),
            (Arg::Family, family),
            (Arg::Network, network),
            (Arg::Operation, operation),
            (Arg::Kind, kind),
        ] {
            if let Some(v) = value {
                args = args.with(arg, Input::Str(v));
            }
        }
        args.context()
    }
}
