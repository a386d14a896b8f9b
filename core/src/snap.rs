//! SNAP `responseCode`s: `HHHSSCC` = HTTP status + service code + case code.

use crate::error::Error;
use crate::ids::{Action, Family, Outcome};
use crate::matching::{Message, Rank, match_template};
use crate::model::{CANONICAL_MAX, Context, Decoded, InlineStr, Raw, RowRef};
use crate::tables::{CaseRow, OperationInfo, Provider, Semantics, Service, fallback, standard_case};

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
        return Err(Error::BadHttpStatus { status: i64::from(http) });
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
    if !provider.may_override(p.http, p.case) {
        // The standard profile, or a profile with no row for this status and case: nothing
        // to override or match against but the standard row.
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

/// Decodes a trimmed SNAP code.
pub(crate) fn decode_snap<'a>(
    b: &[u8],
    raw: Raw<'a>,
    message: Option<&'a str>,
    ctx: &Context,
) -> Result<Decoded<'a>, Error> {
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
    let mut d = Decoded {
        raw,
        detail: None,
        detail_span: (u16::MAX, u16::MAX),
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
        locale: ctx.locale,
        warnings: crate::model::Warnings::NONE,
        network: None,
        variants: &[],
        status_kind: None,
    };
    if let Some(m) = message {
        d.set_detail(detail, m);
    }
    Ok(d)
}

/// When `message` plainly is the text of another case than `d`'s row, that case's reason.
///
/// Conservative on purpose: the row's own spelling must not match the message at all, and
/// the other case's template must match without any edit, exactly or with its placeholder
/// filled, on at least 8 letters of literal text; cases that match with different reasons
/// give none.
pub(crate) fn reason_of_other_case(
    d: &Decoded<'_>,
    message: &str,
    provider: &'static Provider,
) -> Option<crate::ids::Reason> {
    let RowRef::Case(own) = d.row else { return None };
    let actual = Message::new(message)?;
    if match_template(&own.message, &actual).is_some() {
        return None;
    }
    let mut found: Option<crate::ids::Reason> = None;
    let rows = crate::tables::SNAP_CASES.iter().chain(provider.cases.iter().map(|c| &c.row));
    for row in rows {
        let reason = row.sem.reason;
        if reason == own.sem.reason || core::ptr::eq(row, own) {
            continue;
        }
        if let Some((score, _)) = match_template(&row.message, &actual)
            && score.edits == 0
            && score.class <= 1
            && -score.neg_literal >= 8
        {
            match found {
                Some(r) if r != reason => return None,
                _ => found = Some(reason),
            }
        }
    }
    found
}
