//! Decoding: from a code (and optionally the actual response message) to a [`Decoded`].

use crate::error::Error;
use crate::ids::{Action, Category, Family, Locale, Network, Outcome, Reason, StatusKind};
use crate::matching::{Message, Rank, match_template};
use crate::tables::{
    CaseRow, FallbackRow, IsoRow, OperationInfo, Provider, Semantics, Service, StatusRow, StringRow, fallback,
    standard_case,
};
use crate::text::Text;
use core::fmt;

/// What the caller knows besides the code. Build one with [`Context::new`] and the `with_*`
/// methods, or from strings with [`Context::from_options`] (what the bindings do).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Context {
    pub(crate) provider: &'static Provider,
    pub(crate) family: Option<Family>,
    pub(crate) network: Option<Network>,
    pub(crate) operation: Option<&'static OperationInfo>,
    pub(crate) kind: Option<StatusKind>,
}

impl Default for Context {
    fn default() -> Self {
        Context::new()
    }
}

impl Context {
    /// The standard profile, family detected from the code, no network, operation or kind.
    pub fn new() -> Context {
        Context { provider: Provider::standard(), family: None, network: None, operation: None, kind: None }
    }

    /// Reads every option from its string form; `None` leaves the default. Errors are
    /// `unknown_provider`, `unknown_family`, `unknown_network`, `unknown_operation`,
    /// `unknown_kind`.
    pub fn from_options(
        provider: Option<&str>,
        family: Option<&str>,
        network: Option<&str>,
        operation: Option<&str>,
        kind: Option<&str>,
    ) -> Result<Context, Error> {
        let mut ctx = Context::new();
        if let Some(p) = provider {
            ctx.provider = Provider::find(p).ok_or(Error::UnknownProvider)?;
        }
        if let Some(f) = family {
            ctx.family = Some(Family::from_id(&lower(f)?).ok_or(Error::UnknownFamily)?);
        }
        if let Some(n) = network {
            ctx.network = Some(Network::from_id(&lower(n)?).ok_or(Error::UnknownNetwork)?);
        }
        if let Some(o) = operation {
            ctx.operation = Some(OperationInfo::find(o).ok_or(Error::UnknownOperation)?);
        }
        if let Some(k) = kind {
            ctx.kind = Some(StatusKind::from_id(&lower(k)?).ok_or(Error::UnknownKind)?);
        }
        Ok(ctx)
    }

    /// Use this provider profile.
    pub fn with_provider(mut self, provider: &'static Provider) -> Context {
        self.provider = provider;
        self
    }
    /// Decode as this family instead of detecting it.
    pub fn with_family(mut self, family: Family) -> Context {
        self.family = Some(family);
        self
    }
    /// Card network for ISO 8583 codes.
    pub fn with_network(mut self, network: Network) -> Context {
        self.network = Some(network);
        self
    }
    /// The operation that was called (overrides the one the service code implies).
    pub fn with_operation(mut self, operation: &'static OperationInfo) -> Context {
        self.operation = Some(operation);
        self
    }
    /// Status vocabulary for `family = status`.
    pub fn with_kind(mut self, kind: StatusKind) -> Context {
        self.kind = Some(kind);
        self
    }

    /// The provider profile.
    #[inline]
    pub fn provider(&self) -> &'static Provider {
        self.provider
    }
    /// The forced family, if any.
    #[inline]
    pub fn family(&self) -> Option<Family> {
        self.family
    }
    /// The network, if any.
    #[inline]
    pub fn network(&self) -> Option<Network> {
        self.network
    }
    /// The named operation, if any.
    #[inline]
    pub fn operation(&self) -> Option<&'static OperationInfo> {
        self.operation
    }
    /// The status kind, if any.
    pub fn kind(&self) -> Option<StatusKind> {
        self.kind
    }
}

/// Lowercases a short option value into a stack buffer (ids are short ASCII).
fn lower(s: &str) -> Result<InlineStr<32>, Error> {
    let s = s.trim();
    let mut out = InlineStr::<32>::new();
    for b in s.bytes() {
        let b = match b {
            b'-' | b' ' => b'_',
            b => b.to_ascii_lowercase(),
        };
        if !out.push(b) {
            // Longer than any id: cannot match; an empty buffer never matches either.
            return Ok(InlineStr::new());
        }
    }
    Ok(out)
}

/// A short string stored inline (no allocation).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct InlineStr<const N: usize> {
    buf: [u8; N],
    len: u8,
}

impl<const N: usize> InlineStr<N> {
    pub(crate) const fn new() -> Self {
        InlineStr { buf: [0; N], len: 0 }
    }
    /// Appends an ASCII byte; false when full.
    pub(crate) fn push(&mut self, b: u8) -> bool {
        debug_assert!(b.is_ascii());
        if (self.len as usize) < N {
            self.buf[self.len as usize] = b;
            self.len += 1;
            true
        } else {
            false
        }
    }
    /// Sets the content to exactly these 7 ASCII bytes.
    #[inline]
    pub(crate) fn set7(&mut self, b: [u8; 7]) {
        self.buf[..7].copy_from_slice(&b);
        self.len = 7;
    }
    #[allow(dead_code)]
    pub(crate) fn from_ascii(s: &[u8]) -> Self {
        let mut out = Self::new();
        for &b in s {
            if !out.push(b) {
                break;
            }
        }
        out
    }
    /// The bytes (ASCII).
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len as usize]
    }
    /// The string.
    pub fn as_str(&self) -> &str {
        // Only ASCII bytes are ever pushed, so this cannot fail.
        core::str::from_utf8(&self.buf[..self.len as usize]).unwrap_or("")
    }
}

impl<const N: usize> core::ops::Deref for InlineStr<N> {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl<const N: usize> fmt::Debug for InlineStr<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl<const N: usize> fmt::Display for InlineStr<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The code as the caller gave it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Raw<'a> {
    /// Given as text.
    Text(&'a str),
    /// Given as a number (some providers send `2002400` as a JSON number).
    Integer(i64),
}

impl fmt::Display for Raw<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Raw::Text(s) => f.write_str(s),
            Raw::Integer(n) => write!(f, "{n}"),
        }
    }
}

/// The table row that answered a decode.
#[derive(Debug, Clone, Copy)]
pub(crate) enum RowRef {
    /// A SNAP case row (standard or provider).
    Case(&'static CaseRow),
    /// The structural reading of an unlisted code.
    Fallback(&'static FallbackRow),
    /// A card code; `true` when the published alternative reading applies.
    Iso(&'static IsoRow, bool),
    /// A provider string code.
    Str(&'static StringRow),
    /// A transaction status.
    Status(&'static StatusRow),
}

impl RowRef {
    #[inline]
    fn message(self) -> Text {
        match self {
            RowRef::Case(r) => r.message.text(),
            RowRef::Fallback(r) => r.message.text(),
            RowRef::Iso(r, _) => r.message,
            RowRef::Str(r) => r.message,
            RowRef::Status(r) => r.name,
        }
    }
    #[inline]
    fn sem(self) -> &'static Semantics {
        match self {
            RowRef::Case(r) => &r.sem,
            RowRef::Fallback(r) => &r.sem,
            RowRef::Iso(r, alt) => reading(r, alt),
            RowRef::Str(r) => &r.sem,
            RowRef::Status(r) => &r.sem,
        }
    }
    #[inline]
    fn description(self) -> Text {
        match self {
            RowRef::Case(r) => r.description,
            RowRef::Fallback(r) => r.description,
            RowRef::Iso(r, _) => r.description(),
            RowRef::Str(r) => r.message,
            RowRef::Status(r) => r.sem.reason.row().description,
        }
    }
    #[inline]
    fn source(self) -> Text {
        match self {
            RowRef::Case(r) => r.source,
            RowRef::Fallback(r) => r.source,
            RowRef::Iso(r, true) => r.alt_source.unwrap_or(r.source),
            RowRef::Iso(r, false) => r.source,
            RowRef::Str(r) => r.source,
            RowRef::Status(r) => r.source,
        }
    }
}

/// The card reading of a row: its published alternative when `alt`, else the seed's.
fn reading(r: &'static IsoRow, alt: bool) -> &'static Semantics {
    match (&r.alt, alt) {
        (Some(a), true) => a,
        _ => &r.sem,
    }
}

/// One network's reading of a card code whose meaning differs by network.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NetworkVariant {
    /// The network.
    pub network: Network,
    /// What the code means on that network.
    pub message: Text,
    /// Its decline category on that network.
    pub category: Category,
    /// Its reason.
    pub reason: Reason,
    /// Its outcome.
    pub outcome: Outcome,
    /// What to do.
    pub action: Action,
}

/// The normalized answer for any code family. Table text is `'static`; only
/// [`Decoded::raw`] and [`Decoded::detail`] borrow from the caller's input.
///
/// Compact by design (a row reference and a few indices): everything else is read from the
/// row on access, so a decode writes little more than a cache line.
#[derive(Debug, Clone, Copy)]
pub struct Decoded<'a> {
    pub(crate) raw: Raw<'a>,
    pub(crate) detail: Option<&'a str>,
    pub(crate) row: RowRef,
    pub(crate) service: Option<&'static Service>,
    pub(crate) provider: &'static Provider,
    pub(crate) operation: Option<&'static OperationInfo>,
    pub(crate) canonical: InlineStr<CANONICAL_MAX>,
    /// HTTP status for SNAP codes, 0 otherwise.
    pub(crate) http: u16,
    pub(crate) family: Family,
    pub(crate) outcome: Outcome,
    pub(crate) action: Action,
    pub(crate) known: bool,
    pub(crate) template: bool,
    /// Card codes: the network of the reading used.
    pub(crate) network: Option<Network>,
    /// Card codes decoded without a network: the per-network readings.
    pub(crate) variants: &'static [IsoRow],
    /// Statuses: the vocabulary.
    pub(crate) status_kind: Option<StatusKind>,
}

/// Longest canonical code kept (provider string codes are limited to this).
pub(crate) const CANONICAL_MAX: usize = 48;

impl<'a> Decoded<'a> {
    /// A result with everything but the family-specific parts at their defaults.
    pub(crate) fn blank(
        raw: Raw<'a>,
        canonical: InlineStr<CANONICAL_MAX>,
        family: Family,
        provider: &'static Provider,
    ) -> Self {
        Decoded {
            raw,
            detail: None,
            row: RowRef::Fallback(&crate::tables::UNKNOWN_READINGS[0]),
            service: None,
            provider,
            operation: None,
            canonical,
            http: 0,
            family,
            outcome: Outcome::Unknown,
            action: Action::InquireStatus,
            known: true,
            template: false,
            network: None,
            variants: &[],
            status_kind: None,
        }
    }

    /// Takes outcome and action from a row that does not depend on money movement.
    pub(crate) fn with_semantics(self, row: RowRef) -> Self {
        let (outcome, action) = row.sem().when_no_money();
        Decoded { row, outcome, action, ..self }
    }

    /// Card codes: the network whose reading answered (`None` for a network-neutral one).
    #[inline]
    pub fn network(&self) -> Option<Network> {
        self.network
    }

    /// Card codes: the decline category (same as [`Decoded::category`]); `None` otherwise.
    #[inline]
    pub fn card_category(&self) -> Option<Category> {
        (self.family == Family::Iso8583).then(|| self.category())
    }

    /// Card codes decoded without a network whose meaning differs by network: each network's
    /// reading. Empty otherwise.
    pub fn network_variants(&self) -> impl Iterator<Item = NetworkVariant> + 'static {
        let alt = self.provider.card_reading() == crate::ids::CardReading::Standard;
        self.variants.iter().filter_map(move |r| {
            let sem = reading(r, alt && r.alt.is_some());
            Some(NetworkVariant {
                network: r.network?,
                message: r.message,
                category: sem.category,
                reason: sem.reason,
                outcome: sem.outcome,
                action: sem.action,
            })
        })
    }

    /// Statuses: the vocabulary the value was read in.
    #[inline]
    pub fn status_kind(&self) -> Option<StatusKind> {
        self.status_kind
    }

    /// The same answer without the borrows of the input: [`Decoded::raw`] becomes empty text
    /// and [`Decoded::detail`] `None`. Bindings that keep answers store those two themselves.
    pub fn detach(&self) -> Decoded<'static> {
        self.reattach(Raw::Text(""), None)
    }

    /// Puts back what [`Decoded::detach`] removed: the raw input and the detail (bindings
    /// that kept them use this to print the same JSON as the core).
    pub fn reattach<'b>(&self, raw: Raw<'b>, detail: Option<&'b str>) -> Decoded<'b> {
        Decoded {
            raw,
            detail,
            row: self.row,
            service: self.service,
            provider: self.provider,
            operation: self.operation,
            canonical: self.canonical,
            http: self.http,
            family: self.family,
            outcome: self.outcome,
            action: self.action,
            known: self.known,
            template: self.template,
            network: self.network,
            variants: self.variants,
            status_kind: self.status_kind,
        }
    }

    /// Which family the code was decoded as.
    #[inline]
    pub fn family(&self) -> Family {
        self.family
    }
    /// Length budget of the raw input when written as JSON (bytes, worst case).
    pub(crate) fn raw_len(&self) -> usize {
        match self.raw {
            Raw::Text(s) => s.len() * 6,
            Raw::Integer(_) => 20,
        }
    }
    /// The code as given.
    #[inline]
    pub fn raw(&self) -> Raw<'a> {
        self.raw
    }
    /// Normalized spelling (trimmed, upper case, zero-padded numbers).
    #[inline]
    pub fn canonical(&self) -> &str {
        self.canonical.as_str()
    }
    /// [`Decoded::canonical`] as bytes (always ASCII), without re-validating them: for
    /// bindings that copy it into their own buffer.
    #[inline]
    pub fn canonical_bytes(&self) -> &[u8] {
        self.canonical.as_bytes()
    }
    /// Whether a table row answered (false: read from the code's structure only).
    #[inline]
    pub fn known(&self) -> bool {
        self.known
    }
    /// Whether the code is a documentation template (`400XX01`): a literal `xx` service.
    #[inline]
    pub fn is_template(&self) -> bool {
        self.template
    }
    /// SNAP: the HTTP status part.
    #[inline]
    pub fn http_status(&self) -> Option<u16> {
        (self.family == Family::Snap).then_some(self.http)
    }
    /// SNAP: the service part (two characters, upper case).
    #[inline]
    pub fn service_code(&self) -> Option<&str> {
        (self.family == Family::Snap).then(|| &self.canonical.as_str()[3..5])
    }
    /// SNAP: the service, when known to the standard or the provider.
    #[inline]
    pub fn service(&self) -> Option<&'static Service> {
        self.service
    }
    /// SNAP: the case part (two digits).
    #[inline]
    pub fn case_code(&self) -> Option<&str> {
        (self.family == Family::Snap).then(|| &self.canonical.as_str()[5..7])
    }
    /// [`Decoded::service_code`] as its two ASCII bytes. Bindings on a hot path use the byte
    /// forms: they skip the UTF-8 check a `&str` view of the inline canonical code costs.
    #[inline]
    pub fn service_code_bytes(&self) -> Option<[u8; 2]> {
        let b = self.canonical.as_bytes();
        (self.family == Family::Snap && b.len() == 7).then(|| [b[3], b[4]])
    }
    /// [`Decoded::case_code`] as its two ASCII bytes.
    #[inline]
    pub fn case_code_bytes(&self) -> Option<[u8; 2]> {
        let b = self.canonical.as_bytes();
        (self.family == Family::Snap && b.len() == 7).then(|| [b[5], b[6]])
    }
    /// The table's message (a template, placeholder included).
    #[inline]
    pub fn message(&self) -> Text {
        self.row.message()
    }
    /// What the actual response message put in the placeholder.
    #[inline]
    pub fn detail(&self) -> Option<&'a str> {
        self.detail
    }
    /// The table's category.
    #[inline]
    pub fn category(&self) -> Category {
        self.row.sem().category
    }
    /// Did the money move?
    #[inline]
    pub fn outcome(&self) -> Outcome {
        self.outcome
    }
    /// The canonical reason.
    #[inline]
    pub fn reason(&self) -> Reason {
        self.row.sem().reason
    }
    /// What to do next.
    #[inline]
    pub fn action(&self) -> Action {
        self.action
    }
    /// Precise text for logs and support staff.
    #[inline]
    pub fn merchant_message(&self) -> Text {
        self.row.description()
    }
    /// A message safe to show the end user (masked for fraud, lost/stolen card and the like).
    #[inline]
    pub fn customer_message(&self, locale: Locale) -> crate::CustomerMessage {
        crate::customer_message(self.reason(), locale)
    }
    /// The provider profile that answered.
    #[inline]
    pub fn provider(&self) -> &'static Provider {
        self.provider
    }
    /// Which table row answered.
    #[inline]
    pub fn source(&self) -> Text {
        self.row.source()
    }
    /// The operation used for context-dependent codes (named by the caller, else implied by
    /// the service).
    #[inline]
    pub fn operation(&self) -> Option<&'static OperationInfo> {
        self.operation
    }
}

/// Trims surrounding whitespace; the common case (no whitespace at either end, ASCII) costs
/// two byte tests.
#[inline]
fn trim(code: &str) -> &str {
    let b = code.as_bytes();
    match (b.first(), b.last()) {
        (Some(&f), Some(&l)) if f.is_ascii_graphic() && l.is_ascii_graphic() => code,
        _ => code.trim(),
    }
}

/// Decodes a code given as text. `message` is the actual `responseMessage`, if any.
///
/// Never panics and never allocates. Malformed input is an [`Error`]; a well-formed code that
/// no table knows decodes from its structure with `known() == false`.
#[inline]
pub fn decode<'a>(code: &'a str, message: Option<&'a str>, ctx: &Context) -> Result<Decoded<'a>, Error> {
    #[cfg(feature = "test-panic")]
    crate::testing::maybe_panic(code);
    let trimmed = trim(code);
    if trimmed.is_empty() {
        return Err(Error::Empty);
    }
    decode_trimmed(trimmed, Raw::Text(code), message, ctx)
}

/// Decodes a code given as bytes (C, files): invalid UTF-8 is the `invalid_utf8` error.
pub fn decode_bytes<'a>(code: &'a [u8], message: Option<&'a [u8]>, ctx: &Context) -> Result<Decoded<'a>, Error> {
    let code = core::str::from_utf8(code).map_err(|e| Error::InvalidUtf8 { position: e.valid_up_to() })?;
    // A message that is not UTF-8 cannot be matched; it is ignored rather than rejected,
    // because the code alone still answers.
    let message = message.and_then(|m| core::str::from_utf8(m).ok());
    decode(code, message, ctx)
}

/// Decodes a code given as an integer (`2002400` sent as a JSON number; `51` for a card code).
pub fn decode_integer<'a>(code: i64, message: Option<&'a str>, ctx: &Context) -> Result<Decoded<'a>, Error> {
    if code < 0 {
        return Err(Error::NegativeNumber);
    }
    let mut digits = InlineStr::<20>::new();
    let mut buf = [0u8; 20];
    let mut n = code as u64;
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // Card codes and statuses are two digits: 5 means "05".
    let family = ctx.family.or(match buf.len() - i {
        7 => Some(Family::Snap),
        1 | 2 => None,
        _ => Some(Family::Snap),
    });
    let pad = matches!(family, None | Some(Family::Iso8583) | Some(Family::Status)) && buf.len() - i == 1;
    if pad {
        digits.push(b'0');
    }
    for &b in &buf[i..] {
        digits.push(b);
    }
    let ctx = Context { family, ..*ctx };
    // The digits live on this stack frame; the result copies them into `canonical`.
    decode_trimmed(digits.as_str(), Raw::Integer(code), message, &ctx)
}

/// Decodes a code given as a floating-point number: whole numbers decode like integers,
/// anything else is `not_an_integer`.
pub fn decode_float<'a>(code: f64, message: Option<&'a str>, ctx: &Context) -> Result<Decoded<'a>, Error> {
    if !code.is_finite() || code.fract() != 0.0 {
        return Err(Error::NotAnInteger);
    }
    if code < 0.0 {
        return Err(Error::NegativeNumber);
    }
    if code > 9_007_199_254_740_992.0 {
        return Err(Error::BadLength { family: None, len: 17 });
    }
    decode_integer(code as i64, message, ctx)
}

fn decode_trimmed<'a>(
    trimmed: &str,
    raw: Raw<'a>,
    message: Option<&'a str>,
    ctx: &Context,
) -> Result<Decoded<'a>, Error> {
    let family = match ctx.family {
        Some(f) => f,
        None => crate::detect::detect(trimmed)?,
    };
    match family {
        Family::Snap => decode_snap(trimmed.as_bytes(), raw, message, ctx),
        Family::Iso8583 => crate::iso::decode_iso(trimmed.as_bytes(), raw, ctx),
        Family::Provider => crate::strings::decode_string(trimmed.as_bytes(), raw, ctx),
        Family::Status => crate::status::decode_status(trimmed.as_bytes(), raw, ctx),
    }
}

/// A parsed SNAP code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SnapParts {
    pub(crate) http: u16,
    /// The two service bytes, upper-cased, as a little-endian word (kept in a register: two
    /// byte stores read back as one word stall store forwarding).
    pub(crate) service: u16,
    pub(crate) case: u8,
    pub(crate) template: bool,
}

/// Parses the 7-character form `HHHSSCC`. `SS` may be letters (BCA's `US`) or `xx`.
#[inline(always)]
pub(crate) fn parse_snap(b: &[u8]) -> Result<SnapParts, Error> {
    let Ok(&b) = <&[u8; 7]>::try_from(b) else {
        return Err(Error::BadLength { family: Some(Family::Snap), len: b.len() });
    };
    let digit = |i: usize| b[i].wrapping_sub(b'0');
    let (h0, h1, h2, c0, c1) = (digit(0), digit(1), digit(2), digit(5), digit(6));
    let alnum = b[3].is_ascii_alphanumeric() && b[4].is_ascii_alphanumeric();
    if h0 > 9 || h1 > 9 || h2 > 9 || c0 > 9 || c1 > 9 || !alnum {
        return Err(first_bad_snap_character(&b));
    }
    let http = u16::from(h0) * 100 + u16::from(h1) * 10 + u16::from(h2);
    if !(100..=599).contains(&http) {
        return Err(Error::BadHttpStatus { status: http });
    }
    let service = u16::from(b[3].to_ascii_uppercase()) | u16::from(b[4].to_ascii_uppercase()) << 8;
    Ok(SnapParts { http, service, case: c0 * 10 + c1, template: service == u16::from_le_bytes(*b"XX") })
}

#[cold]
fn first_bad_snap_character(b: &[u8; 7]) -> Error {
    let position = b
        .iter()
        .enumerate()
        .position(|(i, c)| if i == 3 || i == 4 { !c.is_ascii_alphanumeric() } else { !c.is_ascii_digit() })
        .unwrap_or(0);
    Error::BadCharacter { family: Some(Family::Snap), position }
}

/// The row chosen for a SNAP code, and the detail extracted from the message.
struct Chosen<'a> {
    row: &'static CaseRow,
    detail: Option<&'a str>,
}

/// Picks the row: a provider override for this service, else the standard row, else a
/// provider row that adds the code. With an actual message, the best-matching spelling among
/// the provider's rows and the standard row wins.
fn choose_row<'a>(p: &SnapParts, message: Option<&'a str>, provider: &'static Provider) -> Option<Chosen<'a>> {
    let in_scope = |c: &&'static crate::tables::ProviderCase| {
        c.row.http == p.http && c.row.case == p.case && (p.template || c.scope.matches(&p.service.to_le_bytes()))
    };
    let standard = standard_case(p.http, p.case);
    if provider.cases.is_empty() {
        // The standard profile: nothing to override or match against but the standard row.
        let row = standard?;
        let detail = message.and_then(Message::new).and_then(|m| match_template(&row.message, &m)).and_then(|(_, d)| d);
        return Some(Chosen { row, detail });
    }
    let concrete_override = provider
        .cases
        .iter()
        .filter(in_scope)
        .find(|c| !c.variant && (c.scope.is_any() || !p.template))
        .map(|c| &c.row);
    let default = concrete_override
        .or(standard)
        .or_else(|| provider.cases.iter().filter(in_scope).find(|c| !c.variant).map(|c| &c.row))?;

    if let Some(actual) = message.and_then(Message::new) {
        // Candidates in order of preference on equal scores: the provider's rows, then the
        // standard row.
        let mut best: Option<(Rank, usize, &'static CaseRow, Option<&'a str>)> = None;
        let provider_rows = provider.cases.iter().filter(in_scope).map(|c| {
            // A row written for this very service beats one for any service.
            let for_this_service = !p.template && !c.scope.is_any();
            (if for_this_service { 0 } else { 1 }, &c.row)
        });
        for (order, (preference, row)) in provider_rows.chain(standard.map(|s| (2, s))).enumerate() {
            if let Some((score, detail)) = match_template(&row.message, &actual) {
                let key = score.rank(preference);
                if best.as_ref().is_none_or(|(k, o, _, _)| (key, order) < (*k, *o)) {
                    best = Some((key, order, row, detail));
                }
            }
        }
        if let Some((_, _, row, detail)) = best {
            // The standard spelling matched: keep the default row (a provider override for
            // this service stays in force); only the detail comes from the message.
            let row = if standard.is_some_and(|s| core::ptr::eq(s, row)) { default } else { row };
            return Some(Chosen { row, detail });
        }
    }
    Some(Chosen { row: default, detail: None })
}

/// Outcome and action from semantics, the service and the operation.
pub(crate) fn resolve(
    sem: &Semantics,
    service: Option<&'static Service>,
    operation: Option<&'static OperationInfo>,
) -> (Outcome, Action) {
    if sem.by_operation {
        return match operation.map(OperationInfo::inconsistent_request) {
            Some(Outcome::Success) => (Outcome::Success, Action::None),
            Some(Outcome::Failed) => (Outcome::Failed, Action::FixRequest),
            _ => sem.when_money(),
        };
    }
    // An unknown service (or a template) might move money: take the safe reading.
    if service.is_none_or(Service::moves_money) { sem.when_money() } else { sem.when_no_money() }
}

fn decode_snap<'a>(b: &[u8], raw: Raw<'a>, message: Option<&'a str>, ctx: &Context) -> Result<Decoded<'a>, Error> {
    let p = parse_snap(b)?;
    let provider = ctx.provider;
    let service = if p.template { None } else { provider.service(&p.service.to_le_bytes()) };
    let operation = ctx.operation.or_else(|| service.and_then(Service::operation));
    let (row, detail, known) = match choose_row(&p, message, provider) {
        Some(Chosen { row, detail }) => (RowRef::Case(row), detail, true),
        None => (RowRef::Fallback(fallback(p.http)), None, false),
    };
    let (outcome, action) = resolve(row.sem(), service, operation);
    let mut canonical = InlineStr::<CANONICAL_MAX>::new();
    let [s0, s1] = p.service.to_le_bytes();
    canonical.set7([b[0], b[1], b[2], s0, s1, b[5], b[6]]);
    Ok(Decoded {
        raw,
        detail,
        row,
        service,
        provider,
        operation,
        canonical,
        http: p.http,
        family: Family::Snap,
        outcome,
        action,
        known,
        template: p.template,
        network: None,
        variants: &[],
        status_kind: None,
    })
}
