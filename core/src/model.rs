//! The answer types every family decoder writes and every layer above reads: [`Context`],
//! [`Decoded`], [`Raw`], [`InlineStr`]. This module sits at the bottom of the core: it knows the
//! tables and the id enums, and nothing that decodes.

use crate::customer::{CustomerMessage, customer_message};
use crate::ids::{Action, CardReading, Category, Family, Locale, Network, Outcome, Reason, Warning};
use crate::tables::{
    CaseRow, FallbackRow, IsoRow, OperationInfo, Provider, Semantics, Service, StatusRow, StringRow, Vocabulary,
};
use crate::text::Text;
use core::fmt;

/// What the caller knows besides the code. Build one with [`Context::new`] and the `with_*`
/// methods, or from strings through [`crate::api::Args`] (what the bindings do).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Context {
    pub(crate) provider: &'static Provider,
    pub(crate) family: Option<Family>,
    pub(crate) network: Option<Network>,
    pub(crate) operation: Option<&'static OperationInfo>,
    pub(crate) kind: Option<&'static Vocabulary>,
    pub(crate) locale: Locale,
}

impl Default for Context {
    fn default() -> Self {
        Context::new()
    }
}

impl Context {
    /// The standard profile, family detected from the code, no network, operation or kind,
    /// customer messages in English.
    pub const fn new() -> Context {
        Context {
            provider: Provider::standard(),
            family: None,
            network: None,
            operation: None,
            kind: None,
            locale: Locale::En,
        }
    }

    /// Use this provider profile.
    pub const fn with_provider(mut self, provider: &'static Provider) -> Context {
        self.provider = provider;
        self
    }
    /// Decode as this family instead of detecting it.
    pub const fn with_family(mut self, family: Family) -> Context {
        self.family = Some(family);
        self
    }
    /// Card network for ISO 8583 codes.
    pub const fn with_network(mut self, network: Network) -> Context {
        self.network = Some(network);
        self
    }
    /// The operation that was called (overrides the one the service code implies).
    pub const fn with_operation(mut self, operation: &'static OperationInfo) -> Context {
        self.operation = Some(operation);
        self
    }
    /// Status vocabulary for `family = status`.
    pub const fn with_kind(mut self, kind: &'static Vocabulary) -> Context {
        self.kind = Some(kind);
        self
    }
    /// Language of customer messages.
    pub const fn with_locale(mut self, locale: Locale) -> Context {
        self.locale = locale;
        self
    }

    /// The provider profile.
    #[inline]
    pub const fn provider(&self) -> &'static Provider {
        self.provider
    }
    /// The forced family, if any.
    #[inline]
    pub const fn family(&self) -> Option<Family> {
        self.family
    }
    /// The network, if any.
    #[inline]
    pub const fn network(&self) -> Option<Network> {
        self.network
    }
    /// The named operation, if any.
    #[inline]
    pub const fn operation(&self) -> Option<&'static OperationInfo> {
        self.operation
    }
    /// The status vocabulary, if any.
    #[inline]
    pub const fn kind(&self) -> Option<&'static Vocabulary> {
        self.kind
    }
    /// The locale of customer messages.
    #[inline]
    pub const fn locale(&self) -> Locale {
        self.locale
    }
}

/// A short string stored inline (no allocation).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct InlineStr<const N: usize> {
    buf: [u8; N],
    len: u8,
}

impl<const N: usize> Default for InlineStr<N> {
    fn default() -> Self {
        Self::new()
    }
}

impl<const N: usize> InlineStr<N> {
    /// The empty string.
    pub const fn new() -> Self {
        InlineStr { buf: [0; N], len: 0 }
    }
    /// Appends an ASCII byte; false when full.
    pub(crate) fn push(&mut self, b: u8) -> bool {
        debug_assert!(b.is_ascii());
        if (self.len as usize) < N && N <= u8::MAX as usize {
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
    /// The ASCII prefix of `s` that fits (used for ids and keys echoed in errors).
    pub fn from_ascii(s: &[u8]) -> Self {
        let mut out = Self::new();
        for &b in s {
            if !b.is_ascii() || !out.push(b) {
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
        core::str::from_utf8(self.as_bytes()).unwrap_or("")
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
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Raw<'a> {
    /// Given as text.
    Text(&'a str),
    /// Given as a whole number (some providers send `2002400` as a JSON number).
    Integer(i64),
    /// Given as a floating-point number (reported back in errors, e.g. `4035414.5`).
    Float(f64),
    /// Given as a JSON number, as written (reported back in errors, e.g. `1e400`).
    Number(&'a str),
}

impl fmt::Display for Raw<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Raw::Text(s) => f.write_str(s),
            Raw::Integer(n) => write!(f, "{n}"),
            Raw::Float(x) => write!(f, "{x}"),
            Raw::Number(n) => f.write_str(n),
        }
    }
}

/// A set of [`Warning`]s (a bit per warning number).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Warnings(u32);

impl Warnings {
    /// No warning.
    pub const NONE: Warnings = Warnings(0);

    /// This set with `w` added.
    #[must_use]
    pub const fn with(self, w: Warning) -> Warnings {
        Warnings(self.0 | 1 << (w.number() & 31))
    }
    /// Whether `w` is in the set.
    pub const fn contains(self, w: Warning) -> bool {
        self.0 & 1 << (w.number() & 31) != 0
    }
    /// Whether the set is empty.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }
    /// How many warnings.
    pub const fn len(self) -> usize {
        self.0.count_ones() as usize
    }
    /// The union of two sets.
    #[must_use]
    pub const fn union(self, other: Warnings) -> Warnings {
        Warnings(self.0 | other.0)
    }
    /// The warnings, in number order.
    pub fn iter(self) -> impl Iterator<Item = Warning> {
        Warning::ALL.iter().copied().filter(move |w| self.contains(*w))
    }
    /// The `i`-th warning in number order.
    pub fn get(self, i: usize) -> Option<Warning> {
        self.iter().nth(i)
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
    /// A card code asked under a network that does not define it: its ISO meaning, without
    /// the other network's category.
    IsoForeign(&'static IsoRow),
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
            RowRef::Iso(r, _) | RowRef::IsoForeign(r) => r.message,
            RowRef::Str(r) => r.message,
            RowRef::Status(r) => r.name,
        }
    }
    #[inline]
    pub(crate) fn sem(self) -> &'static Semantics {
        match self {
            RowRef::Case(r) => &r.sem,
            RowRef::Fallback(r) => &r.sem,
            RowRef::Iso(r, alt) => reading(r, alt),
            RowRef::IsoForeign(r) => &r.foreign,
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
            RowRef::IsoForeign(r) => r.foreign.reason.row().description,
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
            RowRef::Iso(r, false) | RowRef::IsoForeign(r) => r.source,
            RowRef::Str(r) => r.source,
            RowRef::Status(r) => r.source,
        }
    }
}

/// The card reading of a row: its published alternative when `alt`, else the seed's.
pub(crate) fn reading(r: &'static IsoRow, alt: bool) -> &'static Semantics {
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

/// Where the detail of an answer is: a byte range of the actual message the caller passed,
/// or text of the table (a provider spelling that carries its own detail).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DetailRef {
    /// `message[start..end]`.
    Span {
        /// First byte.
        start: usize,
        /// One past the last byte.
        end: usize,
    },
    /// Table text.
    Fixed(Text),
}

/// A span marker for a fixed (table) detail.
const FIXED: (u16, u16) = (u16::MAX, u16::MAX);

/// The normalized answer for any code family. Table text is `'static`; only
/// [`Decoded::raw`] and [`Decoded::detail`] borrow from the caller's input.
///
/// Compact by design (a row reference and a few indices): everything else is read from the
/// row on access, so a decode writes little more than a cache line.
#[derive(Debug, Clone, Copy)]
pub struct Decoded<'a> {
    pub(crate) raw: Raw<'a>,
    pub(crate) detail: Option<&'a str>,
    /// Where `detail` is in the message (`FIXED` for table text).
    pub(crate) detail_span: (u16, u16),
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
    pub(crate) locale: Locale,
    pub(crate) warnings: Warnings,
    /// Card codes: the network of the reading used.
    pub(crate) network: Option<Network>,
    /// Card codes decoded without a network: the per-network readings.
    pub(crate) variants: &'static [IsoRow],
    /// Statuses: the vocabulary.
    pub(crate) status_kind: Option<&'static Vocabulary>,
}

/// Longest canonical code kept (provider string codes are limited to this).
pub const CANONICAL_MAX: usize = 48;

impl<'a> Decoded<'a> {
    /// A result with everything but the family-specific parts at their defaults.
    pub(crate) fn blank(raw: Raw<'a>, canonical: InlineStr<CANONICAL_MAX>, family: Family, ctx: &Context) -> Self {
        Decoded {
            raw,
            detail: None,
            detail_span: FIXED,
            row: RowRef::Fallback(&crate::tables::UNKNOWN_READINGS[0]),
            service: None,
            provider: ctx.provider,
            operation: None,
            canonical,
            http: 0,
            family,
            outcome: Outcome::Unknown,
            action: Action::InquireStatus,
            known: true,
            template: false,
            locale: ctx.locale,
            warnings: Warnings::NONE,
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

    /// Records the detail and where it is in `message`.
    pub(crate) fn set_detail(&mut self, detail: Option<&'a str>, message: &str) {
        self.detail = detail;
        self.detail_span = match detail {
            Some(d) => {
                let (start, base) = (d.as_ptr() as usize, message.as_ptr() as usize);
                if start >= base && start + d.len() <= base + message.len() && message.len() < u16::MAX as usize {
                    ((start - base) as u16, (start - base + d.len()) as u16)
                } else {
                    FIXED
                }
            }
            None => FIXED,
        };
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
    pub fn network_variants(&self) -> impl ExactSizeIterator<Item = NetworkVariant> + 'static {
        let alt = self.provider.card_reading() == CardReading::Standard;
        self.variants.iter().map(move |r| variant(r, alt))
    }

    /// The `i`-th of [`Decoded::network_variants`].
    pub fn network_variant(&self, i: usize) -> Option<NetworkVariant> {
        let alt = self.provider.card_reading() == CardReading::Standard;
        self.variants.get(i).map(|r| variant(r, alt))
    }

    /// Statuses: the vocabulary the value was read in.
    #[inline]
    pub fn status_kind(&self) -> Option<&'static Vocabulary> {
        self.status_kind
    }

    /// The same answer without the borrows of the input: [`Decoded::raw`] becomes empty text
    /// and [`Decoded::detail`] `None` (its position is kept). Bindings that keep answers
    /// store the input themselves and [`Decoded::reattach`] it.
    pub fn detach(&self) -> Decoded<'static> {
        self.reattach(Raw::Text(""), None)
    }

    /// Puts back what [`Decoded::detach`] removed: the raw input, and the message the detail
    /// is a span of (the message the answer was decoded with).
    pub fn reattach<'b>(&self, raw: Raw<'b>, message: Option<&'b str>) -> Decoded<'b> {
        let detail: Option<&'b str> = match self.detail_ref() {
            None => None,
            Some(DetailRef::Fixed(t)) => Some(t.as_str()),
            Some(DetailRef::Span { start, end }) => message.and_then(|m| m.get(start..end)),
        };
        Decoded {
            raw,
            detail,
            detail_span: self.detail_span,
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
            locale: self.locale,
            warnings: self.warnings,
            network: self.network,
            variants: self.variants,
            status_kind: self.status_kind,
        }
    }

    /// Where the detail is: a span of the message, or table text.
    pub fn detail_ref(&self) -> Option<DetailRef> {
        if self.detail.is_none() && self.detail_span == FIXED {
            return None;
        }
        if self.detail_span == FIXED {
            // Table text: the detail is static (fixed details come from the tables).
            return self.fixed_detail().map(DetailRef::Fixed);
        }
        Some(DetailRef::Span { start: self.detail_span.0 as usize, end: self.detail_span.1 as usize })
    }

    /// The fixed detail of the row's template, if the detail is that text.
    fn fixed_detail(&self) -> Option<Text> {
        match self.row {
            RowRef::Case(r) => r.message.fixed_detail(),
            _ => None,
        }
    }

    /// Whether a row of the provider's own profile answered (not the standard's).
    pub(crate) fn answered_by_provider_row(&self) -> bool {
        match self.row {
            RowRef::Case(r) => self.provider.cases.iter().any(|c| core::ptr::eq(&c.row, r)),
            _ => false,
        }
    }

    /// Which family the code was decoded as.
    #[inline]
    pub fn family(&self) -> Family {
        self.family
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
    /// [`Decoded::service_code`] as its two ASCII bytes.
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
    /// A message safe to show the end user (masked for fraud, lost/stolen card and the like),
    /// in the locale of the decode.
    #[inline]
    pub fn customer_message(&self) -> CustomerMessage {
        customer_message(self.reason(), self.locale)
    }
    /// The same in another locale.
    #[inline]
    pub fn customer_message_in(&self, locale: Locale) -> CustomerMessage {
        customer_message(self.reason(), locale)
    }
    /// The locale of [`Decoded::customer_message`].
    #[inline]
    pub fn locale(&self) -> Locale {
        self.locale
    }
    /// Warnings about the input (a message that had to be ignored).
    #[inline]
    pub fn warnings(&self) -> Warnings {
        self.warnings
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
    /// The same answer with `w` added to its warnings.
    #[must_use]
    pub fn with_warnings(mut self, w: Warnings) -> Self {
        self.warnings = self.warnings.union(w);
        self
    }
}

fn variant(r: &'static IsoRow, alt: bool) -> NetworkVariant {
    let sem = reading(r, alt && r.alt.is_some());
    NetworkVariant {
        // Variant rows always name their network (checked by the build script).
        network: r.network.unwrap_or(Network::Visa),
        message: r.message,
        category: sem.category,
        reason: sem.reason,
        outcome: sem.outcome,
        action: sem.action,
    }
}
