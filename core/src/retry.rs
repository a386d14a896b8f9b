//! Card retries: may a declined card transaction be tried again (now, later, never), given
//! the attempts already made on the same card at the same merchant?
//!
//! The networks' rules are data (`core/data/retry_rules.tsv`, `mastercard_advice.tsv`), each
//! with its edition and sources; the answer names the rule that decided. Limits are ceilings:
//! nothing a caller passes raises them.
//!
//! - Visa: a category 1 decline (`will_never_approve`), now or anywhere in the history, is
//!   never retried; categories 2 to 4 allow a number of reattempts in 30 days (15 from the
//!   rules of 17 April 2021, 20 from those of 18 April 2026; a caller may pin an edition).
//! - Mastercard: a Merchant Advice Code decides first (03 and 21: never, each resubmission is
//!   charged; 24-30: not before the stated wait); then the excessive-attempt limits (10
//!   declines in 24 hours, 35 in 30 days, same card).
//! - Either way: an approval needs no retry, a code whose outcome is unknown must be inquired
//!   about first (never retried blindly), and a code whose reading says `do_not_retry` is
//!   never retried. An approval in the history resets the counts.

use crate::error::Error;
use crate::ids::{Action, Category, Family, Network, Outcome, Reason, Verdict};
use crate::jsonscan::{Json, Limits, Seg, scan};
use crate::model::{Context, InlineStr};
use crate::tables::{Advice, RETRY_RULES, RetryRule};
use crate::text::Text;

/// Most attempts a history may hold.
pub const MAX_HISTORY: usize = 10_000;

/// One earlier attempt on the same card at the same merchant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attempt {
    /// When (Unix seconds).
    pub at: i64,
    /// The response code it got (`51`; `00` for an approval).
    pub code: InlineStr<4>,
    /// The Mastercard Merchant Advice Code it carried, if any.
    pub mac: Option<InlineStr<4>>,
    /// Whether the customer was present (customer-initiated), when known.
    pub customer_present: Option<bool>,
}

/// Whether and when a declined card transaction may be tried again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryAnswer {
    verdict: Verdict,
    not_before: Option<i64>,
    not_before_text: Option<InlineStr<32>>,
    rule: Text,
    edition: Option<Text>,
    source: Text,
    attempts_left: Option<u32>,
    network: Network,
    code: InlineStr<4>,
    category: Category,
    reason: Reason,
    outcome: Outcome,
}

impl RetryAnswer {
    /// `retry`, `retry_after` (see [`RetryAnswer::not_before`]) or `never`.
    pub const fn verdict(&self) -> Verdict {
        self.verdict
    }
    /// The earliest time of the next attempt (Unix seconds), for `retry_after`.
    pub const fn not_before(&self) -> Option<i64> {
        self.not_before
    }
    /// [`RetryAnswer::not_before`] as RFC 3339 (UTC).
    pub fn not_before_text(&self) -> Option<&str> {
        self.not_before_text.as_ref().map(InlineStr::as_str)
    }
    /// The rule that decided (`visa.category_1`, `mastercard.mac_03`, ...).
    pub const fn rule(&self) -> Text {
        self.rule
    }
    /// The rules edition applied, for rules that have editions.
    pub const fn edition(&self) -> Option<Text> {
        self.edition
    }
    /// Where the rule comes from.
    pub const fn source(&self) -> Text {
        self.source
    }
    /// Attempts left under the limits (`None` when no limit counts, e.g. never).
    pub const fn attempts_left(&self) -> Option<u32> {
        self.attempts_left
    }
    /// The network whose rules applied.
    pub const fn network(&self) -> Network {
        self.network
    }
    /// The decline code (canonical).
    pub fn code(&self) -> &str {
        self.code.as_str()
    }
    /// Its decline category on that network.
    pub const fn category(&self) -> Category {
        self.category
    }
    /// Its reason.
    pub const fn reason(&self) -> Reason {
        self.reason
    }
    /// Its outcome (a retry is only ever possible for `failed`).
    pub const fn outcome(&self) -> Outcome {
        self.outcome
    }
}

/// What the rules say about a code on a network.
struct Reading {
    code: InlineStr<4>,
    category: Category,
    reason: Reason,
    outcome: Outcome,
    action: Action,
}

fn read_code(code: &str, network: Network, ctx: &Context) -> Result<Reading, Error> {
    let c = Context { family: Some(Family::Iso8583), network: Some(network), ..*ctx };
    let d = crate::decode::decode(code, None, &c)?;
    Ok(Reading {
        code: InlineStr::from_ascii(d.canonical().as_bytes()),
        category: d.category(),
        reason: d.reason(),
        outcome: d.outcome(),
        action: d.action(),
    })
}

/// The rule with this id that applies at `now` (the latest effective one), or the pinned
/// edition's.
fn rule(id: &str, now: i64, edition: Option<&str>) -> Result<&'static RetryRule, Error> {
    let today = now.div_euclid(86_400);
    let candidates = RETRY_RULES.iter().filter(|r| r.applies && r.rule.as_str() == id);
    if let Some(e) = edition {
        let with_editions = RETRY_RULES.iter().any(|r| r.applies && r.rule.as_str() == id && r.edition.is_some());
        if with_editions {
            return RETRY_RULES
                .iter()
                .find(|r| r.applies && r.rule.as_str() == id && r.edition.is_some_and(|x| x.as_str() == e))
                .ok_or(Error::UnknownEdition);
        }
    }
    // The latest in force; before any is in force, the earliest (the stricter history).
    let in_force = candidates.clone().filter(|r| r.effective.is_none_or(|d| d <= today)).max_by_key(|r| r.effective);
    in_force.or_else(|| candidates.min_by_key(|r| r.effective)).ok_or(Error::Internal)
}

fn answer(
    verdict: Verdict,
    not_before: Option<i64>,
    rule: (Text, Option<Text>, Text),
    attempts_left: Option<u32>,
    network: Network,
    r: &Reading,
) -> RetryAnswer {
    RetryAnswer {
        verdict,
        not_before,
        not_before_text: not_before.map(format_time),
        rule: rule.0,
        edition: rule.1,
        source: rule.2,
        attempts_left,
        network,
        code: r.code,
        category: r.category,
        reason: r.reason,
        outcome: r.outcome,
    }
}

fn of_rule(r: &'static RetryRule) -> (Text, Option<Text>, Text) {
    (r.rule, r.edition, r.source)
}

/// Rule ids that are not rows of retry_rules.tsv: the code's own reading decided.
const CARD_APPROVED: Text = Text::new("card.approved\0");
const CARD_INQUIRE: Text = Text::new("card.outcome_unknown\0");
const CARD_DO_NOT_RETRY: Text = Text::new("card.do_not_retry\0");
const CODE_READING: Text = Text::new("the code's reading in paycodes' card tables (paycodes table iso8583)\0");

/// Decides whether a declined card transaction may be tried again.
///
/// `code` is the decline's response code, `network` the card's, `mac` the Mastercard Merchant
/// Advice Code of the decline if any, `history` the earlier attempts on the same card at the
/// same merchant (any order), `now` the time of the decision (Unix seconds), `edition` a Visa
/// rules edition to pin (`2021-04-17`, `2026-04-18`; default: the latest in force at `now`).
pub fn retry_decision(
    code: &str,
    network: Network,
    mac: Option<&str>,
    history: &[Attempt],
    now: i64,
    edition: Option<&str>,
    ctx: &Context,
) -> Result<RetryAnswer, Error> {
    let current = read_code(code, network, ctx)?;
    let mac = match mac.map(str::trim) {
        None | Some("") => None,
        Some(m) if network != Network::Mastercard => {
            let _ = m;
            return Err(Error::ConflictingArguments { arg: crate::Arg::Mac, other: crate::Arg::Network });
        }
        Some(m) => Some(mac_code(m)?),
    };
    if history.len() > MAX_HISTORY {
        return Err(Error::BadHistory { index: MAX_HISTORY, what: "more attempts than paycodes reads (10,000)" });
    }
    // The history, read on the same network, oldest first; attempts after `now` are a mistake.
    let mut past: Vec<(i64, Reading, Option<&'static Advice>)> = Vec::with_capacity(history.len());
    for (i, a) in history.iter().enumerate() {
        if a.at > now {
            return Err(Error::BadHistory { index: i, what: "the attempt is later than now" });
        }
        let r = read_code(a.code.as_str(), network, ctx)
            .map_err(|_| Error::BadHistory { index: i, what: "the code is not a card response code" })?;
        let advice = match &a.mac {
            Some(m) => {
                Some(mac_code(m.as_str()).map_err(|_| Error::BadHistory { index: i, what: "mac is not two digits" })?)
            }
            None => None,
        }
        .flatten();
        past.push((a.at, r, advice));
    }
    past.sort_by_key(|p| p.0);
    // Counts start after the last approval.
    let since = past.iter().rposition(|p| p.1.outcome == Outcome::Success).map_or(0, |i| i + 1);
    let declines: Vec<i64> = past[since..].iter().filter(|p| p.1.outcome == Outcome::Failed).map(|p| p.0).collect();

    // What the code itself says.
    match current.outcome {
        Outcome::Success => {
            return Ok(answer(Verdict::Never, None, (CARD_APPROVED, None, CODE_READING), None, network, &current));
        }
        Outcome::Pending | Outcome::Unknown => {
            return Ok(answer(Verdict::Never, None, (CARD_INQUIRE, None, CODE_READING), None, network, &current));
        }
        Outcome::Failed => {}
    }

    match network {
        Network::Visa => {
            let cat1 = rule("visa.category_1", now, edition)?;
            let cat1_in_history = past.iter().any(|p| p.1.category == Category::WillNeverApprove);
            if current.category == Category::WillNeverApprove || cat1_in_history {
                return Ok(answer(Verdict::Never, None, of_rule(cat1), Some(0), network, &current));
            }
            let limit = rule("visa.reattempt_limit_30d", now, edition)?;
            let window = limit.window.unwrap_or(30 * 86_400);
            let counted: Vec<i64> = declines.iter().copied().filter(|&t| t > now - window).collect();
            // This decline plus the counted ones; the first of them is not a reattempt.
            let reattempts = counted.len() as u32;
            let max = limit.limit.unwrap_or(0);
            if reattempts >= max {
                let free_at = counted.first().map(|t| t + window);
                return Ok(answer(Verdict::RetryAfter, free_at, of_rule(limit), Some(0), network, &current));
            }
            Ok(answer(Verdict::Retry, None, of_rule(limit), Some(max - reattempts), network, &current))
        }
        Network::Mastercard => {
            // An advice code that forbids resubmission, now or in the last 30 days, decides.
            let month = now - 30 * 86_400;
            let forbidding = past
                .iter()
                .rev()
                .filter(|p| p.0 > month)
                .find_map(|p| p.2.filter(|a| a.decision == Some(Verdict::Never) && is_stop(a)));
            if let Some(a) = mac.flatten().filter(|a| a.decision == Some(Verdict::Never)).or(forbidding) {
                return Ok(answer(Verdict::Never, None, (mac_rule(a), None, a.source), Some(0), network, &current));
            }
            if current.action == Action::DoNotRetry {
                return Ok(answer(
                    Verdict::Never,
                    None,
                    (CARD_DO_NOT_RETRY, None, CODE_READING),
                    Some(0),
                    network,
                    &current,
                ));
            }
            let day = rule("mastercard.excessive_24h", now, None)?;
            let month_rule = rule("mastercard.excessive_30d", now, None)?;
            let mut best: Option<(u32, Option<i64>, &'static RetryRule)> = None;
            for r in [day, month_rule] {
                let window = r.window.unwrap_or(86_400);
                let counted: Vec<i64> = declines.iter().copied().filter(|&t| t > now - window).collect();
                // This decline counts too.
                let used = counted.len() as u32 + 1;
                let max = r.limit.unwrap_or(0);
                let left = max.saturating_sub(used);
                let free_at = if left == 0 { counted.first().map(|t| t + window).or(Some(now + window)) } else { None };
                let tighter = match best {
                    None => true,
                    Some((l, f, _)) => left < l || (left == l && free_at > f),
                };
                if tighter {
                    best = Some((left, free_at, r));
                }
            }
            let (left, free_at, limit) = best.ok_or(Error::Internal)?;
            // A wait the advice code asks for.
            if let Some(a) = mac.flatten().filter(|a| a.decision == Some(Verdict::RetryAfter)) {
                let wait_until = now + a.wait.unwrap_or(0);
                let not_before = free_at.map_or(wait_until, |f| f.max(wait_until));
                let rule = if free_at.is_some_and(|f| f > wait_until) {
                    of_rule(limit)
                } else {
                    (mac_rule(a), None, a.source)
                };
                return Ok(answer(Verdict::RetryAfter, Some(not_before), rule, Some(left), network, &current));
            }
            if left == 0 {
                return Ok(answer(Verdict::RetryAfter, free_at, of_rule(limit), Some(0), network, &current));
            }
            Ok(answer(Verdict::Retry, None, of_rule(limit), Some(left), network, &current))
        }
    }
}

/// MAC 03 and 21: no resubmission in 30 days (the others that say never are about this
/// attempt's credentials).
fn is_stop(a: &Advice) -> bool {
    matches!(a.mac.as_str(), "03" | "21")
}

/// The rule id of an advice code (`mastercard.mac_03`).
fn mac_rule(a: &Advice) -> Text {
    const IDS: [(&str, Text); 17] = [
        ("01", Text::new("mastercard.mac_01\0")),
        ("02", Text::new("mastercard.mac_02\0")),
        ("03", Text::new("mastercard.mac_03\0")),
        ("04", Text::new("mastercard.mac_04\0")),
        ("05", Text::new("mastercard.mac_05\0")),
        ("21", Text::new("mastercard.mac_21\0")),
        ("22", Text::new("mastercard.mac_22\0")),
        ("24", Text::new("mastercard.mac_24\0")),
        ("25", Text::new("mastercard.mac_25\0")),
        ("26", Text::new("mastercard.mac_26\0")),
        ("27", Text::new("mastercard.mac_27\0")),
        ("28", Text::new("mastercard.mac_28\0")),
        ("29", Text::new("mastercard.mac_29\0")),
        ("30", Text::new("mastercard.mac_30\0")),
        ("40", Text::new("mastercard.mac_40\0")),
        ("41", Text::new("mastercard.mac_41\0")),
        ("43", Text::new("mastercard.mac_43\0")),
    ];
    IDS.iter().find(|(m, _)| *m == a.mac.as_str()).map_or(Text::new("mastercard.mac\0"), |(_, t)| *t)
}

/// A Merchant Advice Code: two digits (`3` is `03`); `None` for a code the table does not
/// list (no advice).
fn mac_code(m: &str) -> Result<Option<&'static Advice>, Error> {
    let m = m.trim();
    let two = match m.as_bytes() {
        [d] if d.is_ascii_digit() => [b'0', *d],
        [a, b] if a.is_ascii_digit() && b.is_ascii_digit() => [*a, *b],
        _ => return Err(Error::OutOfRange { arg: crate::Arg::Mac, min: 0, max: 99 }),
    };
    let s = core::str::from_utf8(&two).map_err(|_| Error::Internal)?;
    Ok(Advice::find(s))
}

/// Unix seconds of an RFC 3339 time (`2026-11-30T10:00:00+07:00`, `...Z`, fractions allowed)
/// or of a string of digits (Unix seconds).
pub fn parse_time(s: &str) -> Result<i64, Error> {
    let s = s.trim();
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) && s.len() <= 12 {
        return s.parse().map_err(|_| Error::BadTime);
    }
    let b = s.as_bytes();
    let num = |r: core::ops::Range<usize>| -> Result<i64, Error> {
        let part = b.get(r).ok_or(Error::BadTime)?;
        if part.is_empty() || !part.iter().all(u8::is_ascii_digit) {
            return Err(Error::BadTime);
        }
        Ok(part.iter().fold(0i64, |n, d| n * 10 + i64::from(d - b'0')))
    };
    if b.len() < 20
        || b[4] != b'-'
        || b[7] != b'-'
        || !matches!(b[10], b'T' | b't' | b' ')
        || b[13] != b':'
        || b[16] != b':'
    {
        return Err(Error::BadTime);
    }
    let (y, mo, d, h, mi, sec) = (num(0..4)?, num(5..7)?, num(8..10)?, num(11..13)?, num(14..16)?, num(17..19)?);
    if !(1..=12).contains(&mo) || !(1..=days_in(y, mo)).contains(&d) || h > 23 || mi > 59 || sec > 60 {
        return Err(Error::BadTime);
    }
    let mut i = 19;
    if b.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return Err(Error::BadTime);
        }
    }
    let offset = match b.get(i..) {
        Some(b"Z" | b"z") => 0,
        Some([sign @ (b'+' | b'-'), ..]) if b.len() == i + 6 && b[i + 3] == b':' => {
            let (oh, om) = (num(i + 1..i + 3)?, num(i + 4..i + 6)?);
            if oh > 23 || om > 59 {
                return Err(Error::BadTime);
            }
            let o = oh * 3600 + om * 60;
            if *sign == b'+' { o } else { -o }
        }
        _ => return Err(Error::BadTime),
    };
    Ok(days_from_civil(y, mo, d) * 86_400 + h * 3600 + mi * 60 + sec.min(59) - offset)
}

fn days_in(y: i64, m: i64) -> i64 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 (Howard Hinnant's algorithm; core/build.rs has the same).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// RFC 3339 in UTC (`2026-11-30T03:00:00Z`).
pub fn format_time(t: i64) -> InlineStr<32> {
    let days = t.div_euclid(86_400);
    let secs = t.rem_euclid(86_400);
    // Civil from days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    let mut out = InlineStr::<32>::new();
    let mut digits = |n: i64, width: u32, sep: Option<u8>| {
        for i in (0..width).rev() {
            out.push(b'0' + (n.max(0) / 10i64.pow(i) % 10) as u8);
        }
        if let Some(c) = sep {
            out.push(c);
        }
    };
    digits(y, 4, Some(b'-'));
    digits(m, 2, Some(b'-'));
    digits(d, 2, Some(b'T'));
    digits(secs / 3600, 2, Some(b':'));
    digits(secs % 3600 / 60, 2, Some(b':'));
    digits(secs % 60, 2, Some(b'Z'));
    out
}

/// Reads a history: a JSON array of attempts, or JSON lines (one attempt per line). Each
/// attempt is an object with `at` (RFC 3339 text or Unix seconds), `code` (text or a number),
/// optionally `mac` (text, a number or null) and `customer_present` (or `customerPresent`:
/// true/false); other keys
/// (an amount, an id) are ignored.
pub fn parse_history(text: &[u8]) -> Result<Vec<Attempt>, Error> {
    let trimmed = text.trim_ascii();
    if trimmed.is_empty() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    if trimmed.first() == Some(&b'[') {
        read_attempts(trimmed, true, &mut out)?;
    } else {
        for line in trimmed.split(|&b| b == b'\n') {
            if !line.trim_ascii().is_empty() {
                read_attempts(line.trim_ascii(), false, &mut out)?;
            }
        }
    }
    Ok(out)
}

/// An attempt being read.
#[derive(Default)]
struct Partial {
    at: Option<Result<i64, ()>>,
    code: Option<Result<InlineStr<4>, ()>>,
    mac: Option<Result<Option<InlineStr<4>>, ()>>,
    present: Option<bool>,
}

fn read_attempts(text: &[u8], array: bool, out: &mut Vec<Attempt>) -> Result<(), Error> {
    let base = out.len();
    let mut current = Partial::default();
    let mut pending: Vec<(usize, Partial)> = Vec::new();
    let limits = Limits { max_bytes: 16 << 20, max_depth: 4 };
    let scanned = scan(text, limits, |path, v, _| {
        let (index, key) = match (array, path) {
            (true, [Seg::Index(i), Seg::Key(k)]) => (*i, k),
            (false, [Seg::Key(k)]) => (0, k),
            (true, [Seg::Index(i)]) => {
                if matches!(v, Json::Object) {
                    pending.push((*i, core::mem::take(&mut current)));
                }
                return;
            }
            (false, []) => {
                if matches!(v, Json::Object) {
                    pending.push((0, core::mem::take(&mut current)));
                }
                return;
            }
            _ => return,
        };
        let _ = index;
        let text_of = |v: &Json<'_>| -> Option<String> {
            match v {
                Json::Str(s) => s.text().map(|t| t.into_owned()),
                Json::Num(n) => Some((*n).to_owned()),
                _ => None,
            }
        };
        if key.is("at") {
            current.at = Some(text_of(&v).ok_or(()).and_then(|t| parse_time(&t).map_err(|_| ())));
        } else if key.is("code") {
            current.code = Some(match text_of(&v) {
                Some(t) if !t.trim().is_empty() && t.trim().len() <= 4 => {
                    Ok(InlineStr::from_ascii(t.trim().as_bytes()))
                }
                _ => Err(()),
            });
        } else if key.is("mac") {
            current.mac = Some(match v {
                Json::Null => Ok(None),
                _ => match text_of(&v) {
                    Some(t) if t.trim().len() <= 2 => Ok(Some(InlineStr::from_ascii(t.trim().as_bytes()))),
                    _ => Err(()),
                },
            });
        } else if key.is("customer_present") || key.is("customerPresent") {
            current.present = match v {
                Json::Bool(b) => Some(b),
                _ => None,
            };
        }
    });
    if scanned.is_err() {
        return Err(Error::BadHistory { index: base, what: "not a JSON array of attempts or JSON lines of attempts" });
    }
    if pending.is_empty() {
        return Err(Error::BadHistory { index: base, what: "an attempt is a JSON object" });
    }
    for (k, (_, p)) in pending.into_iter().enumerate() {
        let index = base + k;
        let at = match p.at {
            Some(Ok(t)) => t,
            Some(Err(())) => {
                return Err(Error::BadHistory { index, what: "at is not a time (RFC 3339 or Unix seconds)" });
            }
            None => return Err(Error::BadHistory { index, what: "at is missing" }),
        };
        let code = match p.code {
            Some(Ok(c)) => c,
            Some(Err(())) => return Err(Error::BadHistory { index, what: "code is not a card response code" }),
            None => return Err(Error::BadHistory { index, what: "code is missing" }),
        };
        let mac = match p.mac {
            None | Some(Ok(None)) => None,
            Some(Ok(m)) => m,
            Some(Err(())) => return Err(Error::BadHistory { index, what: "mac is not two digits" }),
        };
        out.push(Attempt { at, code, mac, customer_present: p.present });
        if out.len() > MAX_HISTORY {
            return Err(Error::BadHistory { index, what: "more attempts than paycodes reads (10,000)" });
        }
    }
    Ok(())
}
