//! Whole responses and callbacks: what a body says about the **transaction**, not about the
//! request that carried it.
//!
//! A status inquiry that worked answers `2005500 Successful` whatever happened to the payment;
//! the payment's state is in the body (`latestTransactionStatus`, `paymentFlagStatus`, a
//! provider's own status field). [`decode_response`] reads the body once (no tree, no
//! recursion, no allocation), picks the fields the provider profile names
//! (`core/data/state_fields.tsv`), and decides:
//!
//! 1. No response at all, an empty body, or a body that is not JSON: `unknown` +
//!    `inquire_status` when money may move, else `failed` + `retry_later`.
//! 2. Contradictions (the same decisive key twice with different values, state fields that
//!    disagree, a state the vocabulary does not list): `unknown` + `inquire_status`.
//! 3. A failed **status inquiry** says nothing about the transaction: `unknown` +
//!    `inquire_status` (never `failed`).
//! 4. A state field beats the response code; a modifier (a fraud review) can only make it
//!    less final; a failed request whose body still claims a paid state is a contradiction.
//! 5. Without a state: a provider's result code, then the SNAP code (a status inquiry whose
//!    code says success but carries no state is `unknown`), then the transport's HTTP status.
//!
//! Everything the answer shows is copied into the answer (a fixed buffer), so a [`Response`]
//! owns its data and borrows nothing.

use crate::customer::{CustomerMessage, customer_message};
use crate::error::Error;
use crate::ids::{Action, Evidence, Family, Locale, Outcome, Reason, ServiceKind, Warning};
use crate::jsonscan::{Json, JsonStr, Limits, Seg, scan};
use crate::model::{Context, Decoded, Raw, Warnings};
use crate::tables::{
    FieldRole, OPERATIONS, OperationInfo, Provider, RequestKind, ScopeToken, Service, StateField, Vocabulary,
};
use crate::text::Text;

/// Largest body read (`body_too_large` beyond): a response or callback is a few kilobytes.
pub const MAX_BODY: usize = 1 << 20;
/// Most references an answer lists.
pub const MAX_REFERENCES: usize = crate::fields::MAX_LIST_ITEMS;
/// Room for the texts an answer copies out of the body (code, message, values, references).
const TEXT_CAP: usize = 1024;
/// Longest reference value kept.
const MAX_REFERENCE_LEN: usize = 128;
/// Most fields of interest one body may hold before further ones are ignored.
const MAX_HITS: usize = 32;
/// Most `path=value` scope conditions read from one body.
const MAX_EQUALS: usize = 16;
/// Most state-field rows a profile (with the standard's) may have.
const MAX_DEFS: usize = 256;

/// A piece of text copied out of the body into the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Span {
    start: u16,
    len: u16,
}

/// The texts an answer copied out of the body.
#[derive(Clone)]
struct Texts {
    buf: [u8; TEXT_CAP],
    len: usize,
}

impl Texts {
    const fn new() -> Texts {
        Texts { buf: [0; TEXT_CAP], len: 0 }
    }

    fn push(&mut self, s: &str) -> Option<Span> {
        let start = self.len;
        self.buf.get_mut(start..start + s.len())?.copy_from_slice(s.as_bytes());
        self.len += s.len();
        Some(Span { start: start as u16, len: s.len() as u16 })
    }

    /// A JSON string's text (escapes resolved); `None` if it is not text or does not fit.
    fn push_json(&mut self, s: &JsonStr<'_>) -> Option<Span> {
        let start = self.len;
        let n = s.text_into(&mut self.buf[start..])?;
        self.len += n;
        Some(Span { start: start as u16, len: n as u16 })
    }

    fn get(&self, span: Span) -> &str {
        let bytes = &self.buf[span.start as usize..span.start as usize + span.len as usize];
        // Only text was ever pushed.
        core::str::from_utf8(bytes).unwrap_or("")
    }
}

impl core::fmt::Debug for Texts {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Texts").field("len", &self.len).finish()
    }
}

/// What one field of the body said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldReading {
    field: Text,
    role: FieldRole,
    value: Span,
    vocabulary: Option<&'static Vocabulary>,
    name: Option<Text>,
    known: bool,
    outcome: Outcome,
    reason: Reason,
    action: Action,
}

impl FieldReading {
    /// The field's path as the profile's table writes it (`latestTransactionStatus`).
    pub const fn field(&self) -> Text {
        self.field
    }
    /// What kind of field it is.
    pub const fn role(&self) -> FieldRole {
        self.role
    }
    /// The vocabulary the value was read in (`None` for card and failure codes read as codes).
    pub const fn vocabulary(&self) -> Option<&'static Vocabulary> {
        self.vocabulary
    }
    /// The value's name in its table (`None` when no table lists it).
    pub const fn name(&self) -> Option<Text> {
        self.name
    }
    /// Whether a table lists the value.
    pub const fn known(&self) -> bool {
        self.known
    }
    /// What the value says happened to the transaction.
    pub const fn outcome(&self) -> Outcome {
        self.outcome
    }
    /// Its reason.
    pub const fn reason(&self) -> Reason {
        self.reason
    }
    /// Its action.
    pub const fn action(&self) -> Action {
        self.action
    }
}

/// How the response code was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CodeRaw {
    Text(Span),
    Number(Span),
}

/// The answer about a whole response or callback body.
#[derive(Debug, Clone)]
pub struct Response {
    texts: Texts,
    outcome: Outcome,
    reason: Reason,
    action: Action,
    decided_by: Evidence,
    http_status: Option<u16>,
    code: Option<Decoded<'static>>,
    code_raw: Option<CodeRaw>,
    message: Option<Span>,
    status: Option<FieldReading>,
    decline: Option<FieldReading>,
    references: [(Text, Span); MAX_REFERENCES],
    n_references: usize,
    description: Option<Span>,
    merchant: Option<Text>,
    inquiry_service: Option<&'static Service>,
    provider: &'static Provider,
    operation: Option<&'static OperationInfo>,
    locale: Locale,
    warnings: Warnings,
}

impl Response {
    /// Did the money move: `success`, `pending` (never success), `failed`, or `unknown`
    /// (inquire before doing anything else).
    pub const fn outcome(&self) -> Outcome {
        self.outcome
    }
    /// Why.
    pub const fn reason(&self) -> Reason {
        self.reason
    }
    /// What to do next.
    pub const fn action(&self) -> Action {
        self.action
    }
    /// Which evidence decided.
    pub const fn decided_by(&self) -> Evidence {
        self.decided_by
    }
    /// The HTTP status: the transport's when the caller gave it, else the code's.
    pub fn http_status(&self) -> Option<u16> {
        self.http_status.or_else(|| self.code.as_ref().and_then(Decoded::http_status))
    }
    /// The decoded `responseCode` / `responseMessage`, when the body has a readable one.
    pub fn code(&self) -> Option<Decoded<'_>> {
        let d = self.code.as_ref()?;
        let raw = match self.code_raw? {
            CodeRaw::Text(s) => Raw::Text(self.texts.get(s)),
            CodeRaw::Number(s) => {
                let n = self.texts.get(s);
                n.parse().map_or(Raw::Number(n), Raw::Integer)
            }
        };
        Some(d.reattach(raw, self.message.map(|m| self.texts.get(m))))
    }
    /// The actual `responseMessage`, when the body has one that is text.
    pub fn message(&self) -> Option<&str> {
        self.message.map(|m| self.texts.get(m))
    }
    /// The response code as the body wrote it, and whether it was a JSON number.
    pub fn code_raw_text(&self) -> Option<(&str, bool)> {
        match self.code_raw? {
            CodeRaw::Text(s) => Some((self.texts.get(s), false)),
            CodeRaw::Number(s) => Some((self.texts.get(s), true)),
        }
    }
    /// The stored answer of the code (its raw input and detail detached: see [`Response::code`]).
    pub(crate) fn code_answer(&self) -> Option<&Decoded<'static>> {
        self.code.as_ref()
    }
    /// The state field that decided (or was read), when the body has one.
    pub const fn status(&self) -> Option<&FieldReading> {
        self.status.as_ref()
    }
    /// A card or failure code of the body that gave the reason of a failure.
    pub const fn decline(&self) -> Option<&FieldReading> {
        self.decline.as_ref()
    }
    /// The value of a field reading, as the body wrote it.
    pub fn value_of(&self, r: &FieldReading) -> &str {
        self.texts.get(r.value)
    }
    /// References to inquire with: `(field, value)` in body order.
    pub fn references(&self) -> impl ExactSizeIterator<Item = (Text, &str)> + '_ {
        self.references[..self.n_references].iter().map(|(f, v)| (*f, self.texts.get(*v)))
    }
    /// The `i`-th of [`Response::references`].
    pub fn reference(&self, i: usize) -> Option<(Text, &str)> {
        self.references[..self.n_references].get(i).map(|(f, v)| (*f, self.texts.get(*v)))
    }
    /// How many references there are.
    pub const fn reference_count(&self) -> usize {
        self.n_references
    }
    /// The status-inquiry service to call when the action is `inquire_status`.
    pub const fn inquiry_service(&self) -> Option<&'static Service> {
        self.inquiry_service
    }
    /// A message safe to show the customer, in the answer's locale.
    pub fn customer_message(&self) -> CustomerMessage {
        customer_message(self.reason, self.locale)
    }
    /// The precise text for logs and support staff: the body's own status description when
    /// it has one, else the deciding table row's.
    pub fn merchant_message(&self) -> &str {
        if let Some(d) = self.description {
            return self.texts.get(d);
        }
        self.merchant.unwrap_or_else(|| self.reason.row().description()).as_str()
    }
    /// The provider profile that read the body.
    pub const fn provider(&self) -> &'static Provider {
        self.provider
    }
    /// The operation: the caller's, or the one of the code's service.
    pub const fn operation(&self) -> Option<&'static OperationInfo> {
        self.operation
    }
    /// The language of [`Response::customer_message`].
    pub const fn locale(&self) -> Locale {
        self.locale
    }
    /// What a careful integrator wants to know (contradictions, ignored fields).
    pub const fn warnings(&self) -> Warnings {
        self.warnings
    }
}

/// A key's length and its first and last bytes, lower-cased: a constant-time fingerprint of
/// the key (core/build.rs computes the same for the tables). Equal keys (without ASCII case)
/// have equal fingerprints; the paths are compared in full after a match.
const fn key_hash(key: &[u8]) -> u64 {
    let (first, last) = match key {
        [] => (0, 0),
        [f, .., l] => (f.to_ascii_lowercase(), l.to_ascii_lowercase()),
        [f] => (f.to_ascii_lowercase(), f.to_ascii_lowercase()),
    };
    (key.len() as u64) | (first as u64) << 32 | (last as u64) << 40
}

/// Fingerprints of the keys every body is read for.
const RESPONSE_CODE: u64 = key_hash(b"responseCode");
const RESPONSE_MESSAGE: u64 = key_hash(b"responseMessage");
const SERVICE_CODE: u64 = key_hash(b"serviceCode");

/// The filter bit of a fingerprint (core/build.rs computes the same).
fn key_bit(h: u64) -> usize {
    ((h & 0xff) as usize + 7 * ((h >> 32) & 0xff) as usize + 31 * ((h >> 40) & 0xff) as usize) % 256
}

/// The hash of a path's last step as the tables spell it.
fn last_key_hash(path: &[Seg<'_>]) -> Option<u64> {
    match path.last()? {
        Seg::Index(_) => Some(key_hash(b"[]")),
        Seg::Key(k) if !k.is_escaped() => Some(key_hash(k.raw())),
        Seg::Key(k) => {
            let mut buf = [0u8; 128];
            let n = k.text_into(&mut buf)?;
            Some(key_hash(&buf[..n]))
        }
    }
}

/// Whether a body path is a table path (`[]` any index; keys without ASCII case).
fn path_is(path: &[Seg<'_>], want: &[&str]) -> bool {
    path.len() == want.len()
        && path.iter().zip(want).all(|(seg, w)| match seg {
            Seg::Index(_) => *w == "[]",
            Seg::Key(k) => *w != "[]" && k.is_ignore_case(w),
        })
}

/// A scalar as the reader saw it.
#[derive(Debug, Clone, Copy)]
enum Val<'a> {
    Str(JsonStr<'a>),
    Num(&'a str),
    Bool(bool),
    Null,
    Container,
}

impl<'a> Val<'a> {
    fn of(v: Json<'a>) -> Val<'a> {
        match v {
            Json::Str(s) => Val::Str(s),
            Json::Num(n) => Val::Num(n),
            Json::Bool(b) => Val::Bool(b),
            Json::Null => Val::Null,
            Json::Object | Json::Array => Val::Container,
        }
    }
}

/// Where a hit goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Code,
    Message,
    ServiceCode,
    Def(u16),
    Equals(u8),
}

/// A field of interest found in the body; repeated occurrences fold into the first.
#[derive(Debug, Clone, Copy)]
struct Hit<'a> {
    slot: Slot,
    val: Val<'a>,
    raw: &'a [u8],
    /// Another occurrence had a different value.
    differs: bool,
}

/// The state-field rows in play: the provider's, then the standard's.
struct Defs {
    provider: &'static [StateField],
    standard: &'static [StateField],
}

impl Defs {
    fn of(p: &'static Provider) -> Defs {
        let standard = Provider::standard();
        let std_fields = if core::ptr::eq(p, standard) { &[][..] } else { standard.fields };
        Defs { provider: p.fields, standard: std_fields }
    }
    fn len(&self) -> usize {
        self.provider.len() + self.standard.len()
    }
    fn get(&self, i: usize) -> &'static StateField {
        match self.provider.get(i) {
            Some(d) => d,
            None => &self.standard[i - self.provider.len()],
        }
    }
    fn is_provider(&self, i: usize) -> bool {
        i < self.provider.len()
    }
}

/// The distinct `path=value` conditions of the rows in play.
fn equals_paths(defs: &Defs) -> ([&'static [&'static str]; MAX_EQUALS], usize) {
    let mut out: [&'static [&'static str]; MAX_EQUALS] = [&[]; MAX_EQUALS];
    let mut n = 0;
    for i in 0..defs.len() {
        for tok in defs.get(i).scope {
            if let ScopeToken::Equals(p, _) = tok
                && !out[..n].contains(p)
                && n < MAX_EQUALS
            {
                out[n] = p;
                n += 1;
            }
        }
    }
    (out, n)
}

/// The canonical spelling of a state value (upper case, `-` and spaces as `_`, a single
/// digit padded); `None` when it cannot be one.
fn canonical_value(v: &Val<'_>) -> Option<crate::model::InlineStr<48>> {
    let mut out = crate::model::InlineStr::<48>::new();
    let mut buf = [0u8; 64];
    let text: &[u8] = match v {
        Val::Str(s) => {
            let n = s.text_into(&mut buf)?;
            buf[..n].trim_ascii()
        }
        Val::Num(n) => n.as_bytes(),
        Val::Bool(true) => b"TRUE",
        Val::Bool(false) => b"FALSE",
        Val::Null | Val::Container => return None,
    };
    if text.is_empty() || text.len() > crate::status::MAX_STATUS {
        return None;
    }
    if text.len() == 1 && text[0].is_ascii_digit() {
        out.push(b'0');
    }
    for &c in text {
        let c = match c {
            b'-' | b' ' => b'_',
            c if c.is_ascii_alphanumeric() || c == b'_' || c == b'.' => c.to_ascii_uppercase(),
            _ => return None,
        };
        out.push(c);
    }
    Some(out)
}

/// Decodes a whole response or callback body.
///
/// `body` is `None` when no response arrived at all (a transport timeout); `http_status` is
/// what the transport said, if known. The context's provider picks which fields carry the
/// state, its operation names the product (and, for bodies without a SNAP code, whether the
/// call was a status inquiry), its locale the customer message's language.
///
/// Errors only for what no reading can survive: `body_too_large` (over [`MAX_BODY`]) and
/// `body_too_deep` (over 64 levels). An empty or non-JSON body is an answer (`no_body`).
pub fn decode_response(body: Option<&[u8]>, http_status: Option<u16>, ctx: &Context) -> Result<Response, Error> {
    let mut r = Response {
        texts: Texts::new(),
        outcome: Outcome::Unknown,
        reason: Reason::Unknown,
        action: Action::InquireStatus,
        decided_by: Evidence::NoEvidence,
        http_status,
        code: None,
        code_raw: None,
        message: None,
        status: None,
        decline: None,
        references: [(Text::new("\0"), Span::default()); MAX_REFERENCES],
        n_references: 0,
        description: None,
        merchant: None,
        inquiry_service: None,
        provider: ctx.provider,
        operation: ctx.operation,
        locale: ctx.locale,
        warnings: Warnings::NONE,
    };
    let Some(body) = body else {
        r.no_evidence(Evidence::NoResponse, Reason::NoResponse, money_of_context(ctx));
        return Ok(r);
    };
    if body.len() > MAX_BODY {
        return Err(Error::BodyTooLarge { limit: MAX_BODY });
    }
    let defs = Defs::of(ctx.provider);
    if defs.len() > MAX_DEFS {
        return Err(Error::Internal);
    }
    let (equals, n_equals) = equals_paths(&defs);
    let keys = ctx.provider.keys;
    let mut hits: [Option<Hit<'_>>; MAX_HITS] = [None; MAX_HITS];
    let mut n_hits = 0usize;
    let mut overflow = false;
    let scanned = scan(body, Limits { max_bytes: MAX_BODY, ..Limits::DEFAULT }, |path, v, span| {
        let mut add = |slot: Slot| {
            let raw = &body[span.clone()];
            if let Some(h) = hits[..n_hits].iter_mut().flatten().find(|h| h.slot == slot) {
                if h.raw != raw {
                    h.differs = true;
                }
            } else if n_hits < MAX_HITS {
                hits[n_hits] = Some(Hit { slot, val: Val::of(v), raw, differs: false });
                n_hits += 1;
            } else {
                overflow = true;
            }
        };
        if path.is_empty() {
            return;
        }
        let Some(h) = last_key_hash(path) else { return };
        if let [Seg::Key(k)] = path {
            if h == RESPONSE_CODE && k.is_ignore_case("responseCode") {
                add(Slot::Code);
            } else if h == RESPONSE_MESSAGE && k.is_ignore_case("responseMessage") {
                add(Slot::Message);
            } else if h == SERVICE_CODE && k.is_ignore_case("serviceCode") {
                add(Slot::ServiceCode);
            }
        }
        let bit = key_bit(h);
        if keys[bit / 64] & (1 << (bit % 64)) == 0 {
            return;
        }
        for i in 0..defs.len() {
            let d = defs.get(i);
            if d.key == h && path_is(path, d.path) {
                add(Slot::Def(i as u16));
            }
        }
        for (k, p) in equals[..n_equals].iter().enumerate() {
            if path_is(path, p) {
                add(Slot::Equals(k as u8));
            }
        }
    });
    match scanned {
        Ok(()) => {}
        Err(e @ (Error::BodyTooLarge { .. } | Error::BodyTooDeep { .. })) => return Err(e),
        Err(_) => {
            if !body.trim_ascii().is_empty() && body.trim_ascii() != b"\xEF\xBB\xBF" {
                r.warnings = r.warnings.with(Warning::BodyNotJson);
            }
            r.no_evidence(Evidence::NoBody, Reason::InvalidResponse, money_of_context(ctx));
            return Ok(r);
        }
    }
    let hits = &hits[..n_hits];
    let hit = |slot: Slot| hits.iter().flatten().find(|h| h.slot == slot);
    let _ = overflow;
    r.read(ctx, &defs, hits, &equals[..n_equals], hit(Slot::Code), hit(Slot::Message), hit(Slot::ServiceCode));
    Ok(r)
}

static STATUS_INQUIRY: std::sync::OnceLock<Option<&'static OperationInfo>> = std::sync::OnceLock::new();
static NOTIFICATION: std::sync::OnceLock<Option<&'static OperationInfo>> = std::sync::OnceLock::new();

/// An operation by id, looked up once.
fn operation_named(
    cell: &'static std::sync::OnceLock<Option<&'static OperationInfo>>,
    id: &str,
) -> Option<&'static OperationInfo> {
    *cell.get_or_init(|| OperationInfo::find(id))
}

/// Whether money may move, from the context alone (no body to tell).
fn money_of_context(ctx: &Context) -> bool {
    ctx.operation.is_none_or(|o| o.moves_money || o.request != RequestKind::Other)
}

/// Which of two outcomes is less final: what a modifier may lower a state to.
/// A modifier never raises: it can turn success into anything else (a fraud review, a
/// denial), a pending state into failed or unknown, a failure into unknown or pending (BCA's
/// `isTimeout` on a failed status); an unknown state stays unknown.
fn lower(current: Outcome, modifier: Outcome) -> bool {
    match current {
        Outcome::Success => modifier != Outcome::Success,
        Outcome::Pending => matches!(modifier, Outcome::Failed | Outcome::Unknown),
        Outcome::Failed => matches!(modifier, Outcome::Unknown | Outcome::Pending),
        Outcome::Unknown => false,
    }
}

impl Response {
    /// No evidence about the transaction: unknown + inquire when money may move, else a
    /// failed request to retry.
    fn no_evidence(&mut self, by: Evidence, reason: Reason, money: bool) {
        self.decided_by = by;
        self.reason = reason;
        if money {
            self.outcome = Outcome::Unknown;
            self.action = Action::InquireStatus;
        } else {
            self.outcome = Outcome::Failed;
            self.action = Action::RetryLater;
        }
    }

    fn decide(&mut self, by: Evidence, outcome: Outcome, reason: Reason, action: Action) {
        self.decided_by = by;
        self.outcome = outcome;
        self.reason = reason;
        self.action = action;
    }

    /// Unknown because the evidence contradicts itself.
    fn ambiguous(&mut self, warning: Warning) {
        self.warnings = self.warnings.with(warning);
        self.decide(Evidence::Ambiguous, Outcome::Unknown, Reason::StatusUncertain, Action::InquireStatus);
    }

    #[allow(clippy::too_many_arguments)]
    fn read(
        &mut self,
        ctx: &Context,
        defs: &Defs,
        hits: &[Option<Hit<'_>>],
        equals: &[&'static [&'static str]],
        code: Option<&Hit<'_>>,
        message: Option<&Hit<'_>>,
        service_code: Option<&Hit<'_>>,
    ) {
        let hit = |slot: Slot| hits.iter().flatten().find(|h| h.slot == slot);
        let mut duplicate = false;

        // The message first (the code's decode matches it).
        if let Some(m) = message {
            duplicate |= m.differs;
            match m.val {
                Val::Str(s) if !m.differs => match self.texts.push_json(&s) {
                    Some(span) => self.message = Some(span),
                    None => self.warnings = self.warnings.with(Warning::MessageIgnored),
                },
                Val::Null => {}
                _ => self.warnings = self.warnings.with(Warning::MessageIgnored),
            }
        }

        // The response code, read as SNAP only: `00` must never read as a card approval.
        if let Some(c) = code {
            duplicate |= c.differs;
            if !c.differs {
                self.read_code(c, ctx);
            }
        }
        let code_d = self.code;
        let code_service = code_d.as_ref().and_then(Decoded::service);
        let body_service = service_code.and_then(|h| match h.val {
            Val::Str(s) if !s.is_escaped() && s.raw().len() == 2 => {
                let b = s.raw();
                Some([b[0].to_ascii_uppercase(), b[1].to_ascii_uppercase()])
            }
            Val::Num(n) if n.len() == 2 => Some([n.as_bytes()[0], n.as_bytes()[1]]),
            _ => None,
        });

        // What the call was.
        let request = match code_service.map(Service::kind) {
            Some(ServiceKind::StatusInquiry) => RequestKind::Inquiry,
            Some(ServiceKind::Notification) => RequestKind::Notification,
            _ => match (ctx.operation, code_service) {
                (Some(o), _) => o.request,
                (None, Some(s)) if !s.moves_money => RequestKind::Other,
                _ => RequestKind::Payment,
            },
        };
        let money = match request {
            RequestKind::Inquiry | RequestKind::Notification => true,
            RequestKind::Other => false,
            RequestKind::Payment => match (ctx.operation, code_service) {
                (Some(o), _) => o.moves_money,
                (None, Some(s)) => s.moves_money,
                (None, None) => true,
            },
        };
        // The operation: the caller's, else the code's service's, else (a status inquiry names
        // the original transaction's service in the body) the body's service's.
        let operation = ctx
            .operation
            .or_else(|| code_service.and_then(Service::operation))
            .or_else(|| body_service.and_then(|c| ctx.provider.service(&c)).and_then(Service::operation));
        self.operation = operation;
        let request_op = match request {
            RequestKind::Inquiry => operation_named(&STATUS_INQUIRY, "status_inquiry"),
            RequestKind::Notification => operation_named(&NOTIFICATION, "notification"),
            _ => None,
        };

        // Which rows apply to this body.
        let op_index =
            |o: Option<&'static OperationInfo>| o.and_then(|o| OPERATIONS.iter().position(|x| core::ptr::eq(x, o)));
        let ops = [op_index(ctx.operation), op_index(operation), op_index(request_op)];
        let svc_code: Option<[u8; 2]> = code_d.as_ref().and_then(|d| {
            let c = d.service_code()?.as_bytes();
            Some([c[0], c[1]])
        });
        let mut equal_values: [Option<crate::model::InlineStr<48>>; MAX_EQUALS] = [None; MAX_EQUALS];
        for (k, _) in equals.iter().enumerate() {
            equal_values[k] = hit(Slot::Equals(k as u8)).and_then(|h| canonical_value(&h.val));
        }
        let token_matches = |t: &ScopeToken| match *t {
            ScopeToken::Service(c) => svc_code == Some(c) || body_service == Some(c),
            ScopeToken::Operation(i) => ops.contains(&Some(i as usize)),
            ScopeToken::Equals(p, v) => equals
                .iter()
                .position(|x| core::ptr::eq(*x, p))
                .and_then(|k| equal_values[k].as_ref())
                .is_some_and(|x| x.as_str() == v),
        };
        let in_scope = |d: &StateField| d.scope.is_empty() || d.scope.iter().any(token_matches);
        let only_operations =
            |d: &StateField| !d.scope.is_empty() && d.scope.iter().all(|t| matches!(t, ScopeToken::Operation(_)));
        // active[i]: row i applies; unresolved[i]: it is one of several rows for one path that
        // only the operation tells apart, and the caller named none.
        let mut active = [false; MAX_DEFS];
        let mut unresolved = [false; MAX_DEFS];
        let mut scoped = [false; MAX_DEFS];
        let n = defs.len();
        for (i, ok) in scoped.iter_mut().enumerate().take(n) {
            *ok = in_scope(defs.get(i));
        }
        // Same path: the key hash first (almost always decides), then the keys.
        let same_path = |a: &StateField, b: &StateField| a.key == b.key && a.path == b.path;
        let np = defs.provider.len();
        for i in 0..n {
            let d = defs.get(i);
            if defs.is_provider(i) {
                if scoped[i] {
                    active[i] = true;
                } else if ctx.operation.is_none()
                    && only_operations(d)
                    && !(0..np).any(|j| scoped[j] && same_path(defs.get(j), d))
                {
                    active[i] = true;
                    unresolved[i] = true;
                }
            } else {
                // A standard row yields to the provider's rows for the same path.
                let claimed = (0..np).any(|j| active[j] && same_path(defs.get(j), d));
                active[i] = !claimed && scoped[i];
            }
        }

        // Read the rows that apply.
        let mut states: [Option<(usize, FieldReading)>; 8] = [None; 8];
        let mut n_states = 0usize;
        let mut modifier: Option<FieldReading> = None;
        let mut result: Option<FieldReading> = None;
        let mut decline: Option<FieldReading> = None;
        let mut original: Option<Decoded<'static>> = None;
        let mut needs_operation = false;
        let mut conflict = false;
        // In body order, so references and readings come as the body lists them.
        for h in hits.iter().flatten() {
            let Slot::Def(i) = h.slot else { continue };
            let i = usize::from(i);
            if !active[i] {
                continue;
            }
            let d = defs.get(i);
            if matches!(h.val, Val::Null) {
                continue;
            }
            if h.differs {
                let w = if d.path.contains(&"[]") { Warning::ConflictingStatus } else { Warning::DuplicateKey };
                if matches!(
                    d.role,
                    FieldRole::TransactionStatus
                        | FieldRole::PaymentFlag
                        | FieldRole::ProviderStatus
                        | FieldRole::ResultCode
                        | FieldRole::Modifier
                ) {
                    if w == Warning::DuplicateKey {
                        duplicate = true;
                    } else {
                        conflict = true;
                    }
                    continue;
                }
            }
            match d.role {
                FieldRole::Reference => self.add_reference(d, h),
                FieldRole::Description => {
                    if let Val::Str(s) = h.val
                        && self.description.is_none()
                    {
                        self.description = self.texts.push_json(&s);
                    }
                }
                FieldRole::ServiceCode => {}
                FieldRole::OriginalCode => original = original.or_else(|| self.original_code(h, ctx)),
                FieldRole::CardCode | FieldRole::FailureCode if d.vocabulary.is_none() => {
                    if decline.is_none() {
                        decline = self.read_code_field(d, h, ctx);
                    }
                }
                role => {
                    let Some(reading) = self.read_state(d, h) else { continue };
                    match role {
                        FieldRole::Modifier => modifier = modifier.or(Some(reading)),
                        FieldRole::ResultCode => result = result.or(Some(reading)),
                        FieldRole::CardCode | FieldRole::FailureCode => decline = decline.or(Some(reading)),
                        _ => {
                            // One path read in several vocabularies (the operation would tell
                            // which): keep one reading if they agree, else the answer is unknown.
                            if unresolved[i]
                                && let Some((_, prev)) = states[..n_states]
                                    .iter()
                                    .flatten()
                                    .find(|(j, _)| unresolved[*j] && defs.get(*j).path == d.path)
                            {
                                if prev.outcome != reading.outcome {
                                    needs_operation = true;
                                }
                                continue;
                            }
                            if n_states < states.len() {
                                states[n_states] = Some((i, reading));
                                n_states += 1;
                            }
                        }
                    }
                }
            }
        }
        self.decline = decline;

        // Where to inquire.
        self.inquiry_service = code_service
            .and_then(|s| {
                if s.kind() == ServiceKind::StatusInquiry {
                    return Some(s);
                }
                let code = s.status_service()?;
                let b = code.as_str().as_bytes();
                ctx.provider.service(&[*b.first()?, *b.get(1)?])
            })
            .or_else(|| {
                body_service.and_then(|c| ctx.provider.service(&c)).and_then(|s| {
                    let code = s.status_service()?;
                    let b = code.as_str().as_bytes();
                    ctx.provider.service(&[*b.first()?, *b.get(1)?])
                })
            });

        // The transport's status against the code's.
        if let (Some(h), Some(c)) = (self.http_status, code_d.as_ref().and_then(Decoded::http_status))
            && h != c
        {
            self.warnings = self.warnings.with(Warning::HttpStatusMismatch);
        }

        if duplicate {
            self.ambiguous(Warning::DuplicateKey);
            return;
        }
        if conflict {
            self.ambiguous(Warning::ConflictingStatus);
            return;
        }
        if needs_operation {
            self.ambiguous(Warning::StatusNeedsOperation);
            return;
        }

        // An error answer to the request (not 2xx, not a provider's pending reading such as
        // BCA's 4045406 "Need to Request OTP").
        let request_error = code_d.as_ref().is_some_and(|d| {
            d.http_status().is_some_and(|h| !(200..300).contains(&h)) && d.outcome() != Outcome::Pending
        });
        // A request its code says definitely failed.
        let request_failed = code_d.as_ref().is_some_and(|d| d.outcome() == Outcome::Failed);

        // A failed status inquiry says nothing about the transaction.
        if request == RequestKind::Inquiry && request_error {
            let d = code_d.as_ref().map_or(Reason::Unknown, Decoded::reason);
            self.decide(Evidence::ResponseCode, Outcome::Unknown, d, Action::InquireStatus);
            return;
        }

        let states = &states[..n_states];
        if let Some((_, first)) = states.iter().flatten().next() {
            // Every state field must agree; a value no table lists is evidence we cannot read.
            let known_all = states.iter().flatten().all(|(_, s)| s.known);
            if !known_all {
                let unknown = states.iter().flatten().find(|(_, s)| !s.known).map(|(_, s)| *s).unwrap_or(*first);
                self.warnings = self.warnings.with(Warning::UnknownStatusValue);
                self.status = Some(unknown);
                self.decide(
                    evidence_of(unknown.role),
                    Outcome::Unknown,
                    Reason::StatusUncertain,
                    Action::InquireStatus,
                );
                return;
            }
            if states.iter().flatten().any(|(_, s)| s.outcome != first.outcome) {
                self.status = Some(*first);
                self.ambiguous(Warning::ConflictingStatus);
                return;
            }
            let best = states
                .iter()
                .flatten()
                .min_by_key(|(_, s)| match s.role {
                    FieldRole::TransactionStatus => 0,
                    FieldRole::PaymentFlag => 1,
                    _ => 2,
                })
                .map(|(_, s)| *s)
                .unwrap_or(*first);
            self.status = Some(best);
            self.merchant = best.name;
            let (mut outcome, mut reason, mut action) = (best.outcome, best.reason, best.action);
            if let Some(m) = modifier
                && lower(outcome, m.outcome)
            {
                (outcome, reason, action) = (m.outcome, m.reason, m.action);
                self.merchant = m.name;
            }
            // A failed request whose body still claims the money moved (or may yet) contradicts itself.
            if request_failed && outcome != Outcome::Failed {
                self.ambiguous(Warning::ConflictingStatus);
                return;
            }
            if code_d.as_ref().is_some_and(|d| d.outcome() == Outcome::Success) && outcome != Outcome::Success {
                self.warnings = self.warnings.with(Warning::StatusOverridesCode);
            }
            if let Some(o) = original.as_ref()
                && o.outcome() != outcome
            {
                self.warnings = self.warnings.with(Warning::OriginalCodeDiffers);
            }
            self.decide(evidence_of(best.role), outcome, reason, action);
            self.refine_failure();
            return;
        }

        // No state field, but the provider documents the inquiry's own code as the
        // transaction's state (DANA answers order queries with 2005501 initiated, 2005502
        // paying, 2005503 cancelled): its row decides.
        if request == RequestKind::Inquiry
            && let Some(d) = code_d.as_ref().filter(|d| d.answered_by_provider_row())
        {
            self.merchant = Some(d.merchant_message());
            self.decide(Evidence::ResponseCode, d.outcome(), d.reason(), d.action());
            return;
        }

        // No state field. On a status inquiry, the request's success says nothing more.
        if request == RequestKind::Inquiry && code_d.is_some() {
            self.warnings = self.warnings.with(Warning::StatusMissing);
            if let Some(o) = original {
                // The original transaction's code is the only word on it.
                self.merchant = Some(o.merchant_message());
                if o.outcome() == Outcome::Failed {
                    self.decide(Evidence::ResponseCode, Outcome::Failed, o.reason(), o.action());
                    self.refine_failure();
                    return;
                }
            }
            self.decide(Evidence::ResponseCode, Outcome::Unknown, Reason::StatusUncertain, Action::InquireStatus);
            return;
        }

        // A provider's own result code.
        if let Some(res) = result.filter(|r| r.known) {
            self.status = Some(res);
            self.merchant = res.name;
            let (outcome, action) = if request == RequestKind::Inquiry && res.outcome != Outcome::Success {
                (Outcome::Unknown, Action::InquireStatus)
            } else {
                (res.outcome, res.action)
            };
            self.decide(Evidence::ResponseCode, outcome, res.reason, action);
            self.decided_by = Evidence::ResultCode;
            self.refine_failure();
            return;
        }
        if let Some(res) = result {
            // A result code no table lists: unreadable evidence.
            self.status = Some(res);
            self.warnings = self.warnings.with(Warning::UnknownStatusValue);
            self.decide(Evidence::ResultCode, Outcome::Unknown, Reason::StatusUncertain, Action::InquireStatus);
            return;
        }

        // The SNAP code.
        if let Some(d) = code_d.as_ref() {
            self.merchant = Some(d.merchant_message());
            self.decide(Evidence::ResponseCode, d.outcome(), d.reason(), d.action());
            if request == RequestKind::Notification && d.outcome() == Outcome::Success {
                // A callback acknowledged with success but carrying no state: the code
                // acknowledges the notification, not the payment.
                self.warnings = self.warnings.with(Warning::StatusMissing);
                self.decide(Evidence::ResponseCode, Outcome::Unknown, Reason::StatusUncertain, Action::InquireStatus);
                return;
            }
            self.reason_from_message(ctx);
            self.refine_failure();
            return;
        }

        // A failure code alone (an API error body).
        if let Some(dec) = self.decline
            && dec.known
        {
            self.status = None;
            self.merchant = dec.name;
            let (outcome, action) = if request == RequestKind::Inquiry {
                (Outcome::Unknown, Action::InquireStatus)
            } else {
                (dec.outcome, dec.action)
            };
            self.decide(Evidence::ResultCode, outcome, dec.reason, action);
            return;
        }

        // The transport's status.
        if let Some(h) = self.http_status {
            let fb = crate::tables::fallback(h);
            let (outcome, action) = if money { fb.sem.when_money() } else { fb.sem.when_no_money() };
            self.merchant = Some(fb.description);
            if (200..300).contains(&h) {
                // A 2xx without any code or state says nothing about the money.
                if money {
                    self.decide(Evidence::HttpStatus, Outcome::Unknown, Reason::InvalidResponse, Action::InquireStatus);
                } else {
                    self.decide(Evidence::HttpStatus, outcome, fb.sem.reason, action);
                }
                return;
            }
            if request == RequestKind::Inquiry || (money && outcome != Outcome::Failed) {
                self.decide(Evidence::HttpStatus, Outcome::Unknown, fb.sem.reason, Action::InquireStatus);
            } else {
                self.decide(Evidence::HttpStatus, outcome, fb.sem.reason, action);
            }
            return;
        }
        self.no_evidence(Evidence::NoEvidence, Reason::InvalidResponse, money);
    }

    /// Reads `responseCode` (SNAP only) into `self.code`.
    fn read_code(&mut self, c: &Hit<'_>, ctx: &Context) {
        let snap = Context { family: Some(Family::Snap), ..*ctx };
        let message = self.message;
        let (raw, decoded) = match c.val {
            Val::Str(s) => match self.texts.push_json(&s) {
                Some(span) => {
                    let (texts, m) = (&self.texts, message.map(|m| self.texts.get(m)));
                    (
                        Some(CodeRaw::Text(span)),
                        crate::decode::decode(texts.get(span), m, &snap).ok().map(|d| d.detach()),
                    )
                }
                None => (None, None),
            },
            Val::Num(n) => {
                let span = self.texts.push(n);
                let m = message.map(|m| self.texts.get(m));
                let d = n.parse::<i64>().ok().and_then(|i| crate::decode::decode_integer(i, m, &snap).ok());
                (span.map(CodeRaw::Number), d.map(|d| d.detach()))
            }
            _ => (None, None),
        };
        match decoded {
            Some(d) => {
                self.code = Some(d);
                self.code_raw = raw;
            }
            None => self.warnings = self.warnings.with(Warning::BadResponseCode),
        }
    }

    /// `originalResponseCode`, decoded as SNAP.
    fn original_code(&mut self, h: &Hit<'_>, ctx: &Context) -> Option<Decoded<'static>> {
        let snap = Context { family: Some(Family::Snap), ..*ctx };
        let mut buf = [0u8; 48];
        let text: &str = match h.val {
            Val::Str(s) => {
                let n = s.text_into(&mut buf)?;
                core::str::from_utf8(&buf[..n]).ok()?
            }
            Val::Num(n) => n,
            _ => return None,
        };
        crate::decode::decode(text, None, &snap).ok().map(|d| d.detach())
    }

    /// A state value read in its row's vocabulary.
    fn read_state(&mut self, d: &'static StateField, h: &Hit<'_>) -> Option<FieldReading> {
        let vocabulary = d.vocabulary()?;
        let Some(canonical) = canonical_value(&h.val) else {
            self.warnings = self.warnings.with(Warning::BadFieldValue);
            return None;
        };
        let value = self.value_span(h)?;
        let reading = match vocabulary.find_value(canonical.as_str()) {
            Some(row) => {
                let (outcome, action) = row.sem.when_money();
                FieldReading {
                    field: d.text,
                    role: d.role,
                    value,
                    vocabulary: Some(vocabulary),
                    name: Some(row.name),
                    known: true,
                    outcome,
                    reason: row.sem.reason,
                    action,
                }
            }
            None => FieldReading {
                field: d.text,
                role: d.role,
                value,
                vocabulary: Some(vocabulary),
                name: None,
                known: false,
                outcome: Outcome::Unknown,
                reason: Reason::Unknown,
                action: Action::InquireStatus,
            },
        };
        Some(reading)
    }

    /// A card code (ISO 8583) or a provider failure code, read as a code.
    fn read_code_field(&mut self, d: &'static StateField, h: &Hit<'_>, ctx: &Context) -> Option<FieldReading> {
        let value = self.value_span(h)?;
        let text = self.texts.get(value);
        let family = if d.role == FieldRole::CardCode { Family::Iso8583 } else { Family::Provider };
        let c = Context { family: Some(family), ..*ctx };
        let decoded = match h.val {
            Val::Num(n) => n.parse::<i64>().ok().and_then(|i| crate::decode::decode_integer(i, None, &c).ok()),
            _ => crate::decode::decode(text, None, &c).ok(),
        };
        let decoded = decoded?;
        Some(FieldReading {
            field: d.text,
            role: d.role,
            value,
            vocabulary: None,
            name: Some(decoded.message()),
            known: decoded.known(),
            outcome: decoded.outcome(),
            reason: decoded.reason(),
            action: decoded.action(),
        })
    }

    /// The value of a field as text in the answer.
    fn value_span(&mut self, h: &Hit<'_>) -> Option<Span> {
        let span = match h.val {
            Val::Str(s) => self.texts.push_json(&s),
            Val::Num(n) => self.texts.push(n),
            Val::Bool(true) => self.texts.push("true"),
            Val::Bool(false) => self.texts.push("false"),
            Val::Null | Val::Container => None,
        };
        if span.is_none() {
            self.warnings = self.warnings.with(Warning::BadFieldValue);
        }
        span
    }

    fn add_reference(&mut self, d: &'static StateField, h: &Hit<'_>) {
        if self.n_references == MAX_REFERENCES || h.raw.len() > MAX_REFERENCE_LEN + 2 {
            return;
        }
        if let Val::Str(_) | Val::Num(_) = h.val
            && let Some(span) = self.value_span(h)
        {
            if span.len == 0 {
                return;
            }
            self.references[self.n_references] = (d.text, span);
            self.n_references += 1;
        }
    }

    /// A failed transaction whose body carries a card or failure code: the code gives the
    /// precise reason (and the action, when it too says the transaction failed).
    fn refine_failure(&mut self) {
        if self.outcome != Outcome::Failed {
            return;
        }
        if let Some(dec) = self.decline
            && dec.known
            && dec.outcome == Outcome::Failed
            && !matches!(dec.reason, Reason::Unknown | Reason::Success)
        {
            self.reason = dec.reason;
            self.action = dec.action;
            self.merchant = dec.name;
        }
    }

    /// The message overrules the code's row when it plainly is another case's text: the reason
    /// comes from the message; outcome and action stay the code's (the safe part).
    fn reason_from_message(&mut self, ctx: &Context) {
        let (Some(d), Some(m)) = (self.code.as_ref(), self.message) else { return };
        let message = self.texts.get(m);
        if let Some(reason) = crate::snap::reason_of_other_case(d, message, ctx.provider)
            && reason != self.reason
        {
            self.reason = reason;
            self.warnings = self.warnings.with(Warning::ReasonFromMessage);
        }
    }
}

/// The evidence id of a state field's role.
fn evidence_of(role: FieldRole) -> Evidence {
    match role {
        FieldRole::TransactionStatus => Evidence::TransactionStatus,
        FieldRole::PaymentFlag => Evidence::PaymentFlag,
        FieldRole::ProviderStatus | FieldRole::Modifier => Evidence::ProviderStatus,
        _ => Evidence::ResultCode,
    }
}
