//! Matching an actual `responseMessage` against message templates, and extracting what
//! filled the placeholder (the `detail`).
//!
//! Comparison looks only at ASCII letters and digits, case-folded, so spacing and punctuation
//! never matter (`Unauthorized . Signature` matches `Unauthorized. [reason]`). Literal parts
//! may differ by a small edit distance, which absorbs the misspellings providers ship
//! (`Transacction`, `Cardholer`, `Opearation`, `Insufficient Fund`). Everything runs on the
//! stack: no allocation.

use crate::tables::Template;

/// Longest message we try to match, in bytes (SNAP allows 150 characters).
const MAX_MESSAGE: usize = 1024;
/// Most significant characters a message or template part may have.
const MAX_SIG: usize = 192;

/// How well a template matched. [`Score::rank`] orders candidates: fewer edits, then the
/// more literal surface match, then the longer literal, then (the caller's) preference
/// between rows, then the kind of match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Score {
    /// Edits needed on the literal parts.
    pub(crate) edits: u8,
    /// 0 the same text byte for byte, 1 the same ignoring case, 2 the same ignoring case and
    /// runs of whitespace, 3 otherwise.
    pub(crate) surface: u8,
    /// 0 exact, 1 placeholder filled, 2 text appended to a template without placeholder.
    pub(crate) class: u8,
    /// Negative literal length: longer literal parts are more specific.
    pub(crate) neg_literal: i16,
}

/// Sort key of a candidate; smaller is better.
pub(crate) type Rank = (u8, u8, i16, u8, u8);

impl Score {
    /// Sort key; `preference` ranks the row itself (lower is preferred) on otherwise equal
    /// edits, surface and literal length.
    pub(crate) fn rank(&self, preference: u8) -> Rank {
        // The spelling whose literal text covers more of the message wins before preference:
        // a shorter spelling plus "appended text" must not beat the full text of another
        // (`Invalid Card/Account/Customer` + `/Virtual Account` is the standard's template,
        // not a detail).
        (self.edits, self.surface, self.neg_literal, preference, self.class)
    }
}

/// How literally two texts agree (see [`Score::surface`]).
fn surface(template: &str, actual: &str) -> u8 {
    let actual = actual.trim();
    if template == actual {
        return 0;
    }
    if template.eq_ignore_ascii_case(actual) {
        return 1;
    }
    let mut a = template.split_whitespace();
    let mut b = actual.split_whitespace();
    loop {
        match (a.next(), b.next()) {
            (None, None) => return 2,
            (Some(x), Some(y)) if x.eq_ignore_ascii_case(y) => {}
            _ => return 3,
        }
    }
}

/// The significant characters of the actual message with their byte spans in it.
struct Sig {
    chars: [u8; MAX_SIG],
    start: [u16; MAX_SIG],
    end: [u16; MAX_SIG],
    len: usize,
}

impl Sig {
    fn of(s: &str) -> Option<Sig> {
        let mut sig = Sig { chars: [0; MAX_SIG], start: [0; MAX_SIG], end: [0; MAX_SIG], len: 0 };
        for (i, b) in s.bytes().enumerate() {
            if b.is_ascii_alphanumeric() {
                if sig.len == MAX_SIG {
                    return None;
                }
                sig.chars[sig.len] = b.to_ascii_lowercase();
                sig.start[sig.len] = i as u16;
                sig.end[sig.len] = (i + 1) as u16;
                sig.len += 1;
            }
        }
        Some(sig)
    }
    fn as_slice(&self) -> &[u8] {
        &self.chars[..self.len]
    }
}

/// The significant characters of a template part (no positions needed).
struct Letters {
    chars: [u8; MAX_SIG],
    len: usize,
}

impl Letters {
    fn of(s: &str) -> Option<Letters> {
        let mut l = Letters { chars: [0; MAX_SIG], len: 0 };
        for b in s.bytes().filter(u8::is_ascii_alphanumeric) {
            *l.chars.get_mut(l.len)? = b.to_ascii_lowercase();
            l.len += 1;
        }
        Some(l)
    }
    fn as_slice(&self) -> &[u8] {
        &self.chars[..self.len]
    }
}

/// An actual response message, normalized once and matched against many templates.
pub(crate) struct Message<'a> {
    actual: &'a str,
    sig: Sig,
}

impl<'a> Message<'a> {
    /// `None` for messages too long to be a SNAP responseMessage (over 1 KiB, or more than
    /// 192 letters and digits): they are not matched.
    pub(crate) fn new(actual: &'a str) -> Option<Message<'a>> {
        if actual.len() > MAX_MESSAGE {
            return None;
        }
        Some(Message { actual, sig: Sig::of(actual)? })
    }
}

/// Edits tolerated in a literal of `len` significant characters.
fn budget(len: usize) -> usize {
    match len {
        0..=5 => 0,
        6..=11 => 1,
        _ => 2,
    }
}

/// Best end position `j` such that `pat` aligns with `text[..j]` within `k` edits, as
/// `(edits, j)`. Among equal edit counts the `j` closest to `pat.len()` wins. `ok(j)` can veto
/// an end position (mid-word).
fn align_prefix(pat: &[u8], text: &[u8], k: usize, ok: impl Fn(usize) -> bool) -> Option<(usize, usize)> {
    let m = pat.len();
    let jmax = (m + k).min(text.len());
    if jmax + k < m {
        return None;
    }
    // The common case: the literal is there as is. Zero edits at j = m cannot be beaten.
    if text.len() >= m && &text[..m] == pat && ok(m) {
        return Some((0, m));
    }
    // Only cells with |i - j| <= k can stay within budget: fill that band, the rest is
    // "too far" (k + 1).
    let far = (k + 1) as u16;
    let mut prev = [far; MAX_SIG + 4];
    let mut cur = [far; MAX_SIG + 4];
    for (j, p) in prev.iter_mut().enumerate().take(k.min(jmax) + 1) {
        *p = j as u16;
    }
    for i in 1..=m {
        let lo = i.saturating_sub(k);
        let hi = (i + k).min(jmax);
        cur[lo.saturating_sub(1)] = far;
        if lo == 0 {
            cur[0] = (i as u16).min(far);
        }
        for j in lo.max(1)..=hi {
            let sub = prev[j - 1] + u16::from(pat[i - 1] != text[j - 1]);
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1).min(far);
        }
        if hi < jmax {
            cur[hi + 1] = far;
        }
        core::mem::swap(&mut prev, &mut cur);
    }
    let mut best: Option<(usize, usize)> = None;
    // Cells left of the last row's band hold stale values from earlier rows.
    for (j, &d) in prev.iter().enumerate().take(jmax + 1).skip(m.saturating_sub(k)) {
        let d = d as usize;
        if d > k || !ok(j) {
            continue;
        }
        let better = match best {
            None => true,
            Some((bd, bj)) => d < bd || (d == bd && j.abs_diff(m) < bj.abs_diff(m)),
        };
        if better {
            best = Some((d, j));
        }
    }
    best
}

/// Reverse of a significant-character slice into a buffer.
fn reversed(src: &[u8], buf: &mut [u8; MAX_SIG]) -> usize {
    for (i, &b) in src.iter().rev().enumerate() {
        buf[i] = b;
    }
    src.len()
}

fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '.' | ',' | ':' | ';' | '-' | '(' | ')' | '[' | ']' | '{' | '}' | '"' | '\'' | '/' | '|')
}

/// Whether `detail` is only the placeholder's own name (`reason` for `[reason]`): a message
/// that documents the template rather than filling it.
pub(crate) fn echoes_placeholder(placeholder: &str, detail: &str) -> bool {
    detail.eq_ignore_ascii_case(placeholder.trim_matches(is_separator)) || detail.eq_ignore_ascii_case(placeholder)
}

/// A placeholder's content without surrounding whitespace and separators; `None` if empty
/// or only ASCII punctuation.
pub(crate) fn trim_detail(s: &str) -> Option<&str> {
    let t = s.trim_matches(is_separator);
    // A detail names something: stray punctuation (`\`) after a spelling is not one.
    t.chars().any(|c| !(c.is_ascii_punctuation() || c.is_whitespace() || c.is_control())).then_some(t)
}

/// Matches `actual` against `template`. Returns the score and the extracted detail
/// (a slice of `actual`, or the template's fixed detail).
pub(crate) fn match_template<'a>(template: &Template, message: &Message<'a>) -> Option<(Score, Option<&'a str>)> {
    let actual = message.actual;
    let text = &message.sig;
    let prefix = Letters::of(template.prefix())?;
    let suffix = Letters::of(template.suffix())?;
    let literal = prefix.len + suffix.len;
    if literal == 0 {
        return None;
    }
    // A literal part that ends in a letter or digit must not end mid-word in the actual text.
    let prefix_ends_alnum = template.prefix().trim_end().chars().last().is_some_and(|c| c.is_ascii_alphanumeric());
    let mid_word = |j: usize| -> bool {
        if j == 0 || j >= text.len || !prefix_ends_alnum {
            return false;
        }
        // text.end[j-1] is the byte after the last matched char; mid-word if the next byte is
        // that of the next significant character.
        text.end[j - 1] == text.start[j]
    };
    let (d1, j) = align_prefix(prefix.as_slice(), text.as_slice(), budget(prefix.len), |j| !mid_word(j))?;
    let after_prefix = if j == 0 { 0 } else { text.end[j - 1] as usize };

    let placeholder = template.placeholder();
    let (d2, detail_end) = if placeholder.is_none() || suffix.len == 0 {
        (0, actual.len())
    } else {
        let mut rs = [0u8; MAX_SIG];
        let mut rt = [0u8; MAX_SIG];
        let sl = reversed(suffix.as_slice(), &mut rs);
        let tl = reversed(&text.as_slice()[j..], &mut rt);
        let (d, r) = align_prefix(&rs[..sl], &rt[..tl], budget(suffix.len), |_| true)?;
        // r significant chars from the end belong to the suffix.
        let first = text.len - r;
        let end = if r == 0 { actual.len() } else { text.start[first] as usize };
        (d, end)
    };
    let edits = (d1 + d2) as u8;
    let middle = if after_prefix <= detail_end { &actual[after_prefix..detail_end] } else { "" };
    let mut detail = trim_detail(middle);
    let class = match (placeholder, detail) {
        (_, None) => 0,
        (Some(p), Some(d)) if echoes_placeholder(p, d) => {
            // The message is the documentation template itself: nothing filled the slot.
            detail = None;
            0
        }
        (Some(_), Some(_)) => 1,
        (None, Some(_)) => 2,
    };
    if let Some(fixed) = template.fixed_detail() {
        match class {
            0 => detail = Some(fixed.as_str()),
            // Text appended to a spelling that carries its own detail continues that detail
            // (`Unauthorized . Signature Not Match: key rotated`): the detail runs from where
            // the fixed one starts, not from where the spelling ends.
            2 => {
                let from = j.saturating_sub(Letters::of(fixed.as_str())?.len);
                if from < j {
                    detail = trim_detail(&actual[text.start[from] as usize..]);
                }
            }
            _ => {}
        }
    }
    let surface = surface(template.text().as_str(), actual);
    Some((Score { edits, surface, class, neg_literal: -(literal as i16) }, detail))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Text;

    fn t(text: &'static str, ph: Option<&str>) -> Template {
        let leaked: &'static str = Box::leak(format!("{text}\0").into_boxed_str());
        let (s, e) = match ph {
            Some(p) => {
                let at = text.find(p).unwrap();
                (at, at + p.len())
            }
            None => (text.len(), text.len()),
        };
        Template::new(Text::new(leaked), s, e, None)
    }

    fn match_template<'a>(template: &Template, actual: &'a str) -> Option<(Score, Option<&'a str>)> {
        super::match_template(template, &Message::new(actual)?)
    }

    fn detail(template: &Template, actual: &str) -> Option<String> {
        match_template(template, actual).and_then(|(_, d)| d.map(str::to_owned))
    }

    #[test]
    fn extracts_field_names_in_every_placeholder_style() {
        let curly = t("Invalid Field Format {field name}", Some("{field name}"));
        assert_eq!(detail(&curly, "Invalid Field Format amount.value").as_deref(), Some("amount.value"));
        assert_eq!(detail(&curly, "invalid field format   virtualAccountNo").as_deref(), Some("virtualAccountNo"));
        let double = t("Invalid Field Format {{param}}", Some("{{param}}"));
        assert_eq!(detail(&double, "Invalid Field Format partnerReferenceNo").as_deref(), Some("partnerReferenceNo"));
        let paren = t("Invalid Mandatory Field (name_field)", Some("(name_field)"));
        assert_eq!(detail(&paren, "Invalid Mandatory Field (merchantId)").as_deref(), Some("merchantId"));
        let bracket = t("Unauthorized. [reason]", Some("[reason]"));
        assert_eq!(detail(&bracket, "Unauthorized. [Signature]").as_deref(), Some("Signature"));
        assert_eq!(detail(&bracket, "Unauthorized . Unknown Client").as_deref(), Some("Unknown Client"));
        let info = t("Invalid Card/Account/Customer [info]/Virtual Account", Some("[info]"));
        assert_eq!(detail(&info, "Invalid Card/Account/Customer 8808123/Virtual Account").as_deref(), Some("8808123"));
    }

    #[test]
    fn appended_text_is_the_detail_when_the_template_has_no_placeholder() {
        let plain = t("Invalid Field Format", None);
        assert_eq!(detail(&plain, "Invalid Field Format virtualAccountNo").as_deref(), Some("virtualAccountNo"));
        let (score, d) = match_template(&plain, "Invalid Field Format").unwrap();
        assert_eq!((score.class, d), (0, None));
    }

    #[test]
    fn documentation_text_itself_has_no_detail() {
        let curly = t("Invalid Field Format {field name}", Some("{field name}"));
        let (score, d) = match_template(&curly, "Invalid Field Format {field name}").unwrap();
        assert_eq!((score.edits, score.class, d), (0, 0, None));
    }

    #[test]
    fn tolerates_the_misspellings_in_the_seeds() {
        for (template, actual) in [
            ("Transaction Expired", "Transacction Expired"),
            ("OTP Sent To Cardholder", "OTP Sent To Cardholer"),
            ("Requested Operation Is Not Allowed", "Requested Opearation Is Not Allowed"),
            ("Insufficient Funds", "Insufficient Fund"),
            ("Inactive Card/Account/Customer", "InactiveCard/Accoun t/Customer"),
            ("Do Not Honor", "Do Not Honor\""),
        ] {
            let (score, d) = match_template(&t(template, None), actual).unwrap_or_else(|| panic!("{actual}"));
            assert!(score.edits <= 2, "{actual}");
            assert_eq!(d, None, "{actual}");
        }
    }

    #[test]
    fn does_not_match_a_different_message_or_a_word_prefix() {
        assert!(
            match_template(&t("Invalid Field Format {x}", Some("{x}")), "Invalid Mandatory Field amount").is_none()
        );
        assert!(match_template(&t("Conflict", None), "Insufficient Funds").is_none());
        // "Successful" must not claim "Successfully processed" with detail "ly processed".
        assert!(match_template(&t("Successful", None), "Successfully processed").is_none());
        assert!(match_template(&t("Conflict", None), &"x".repeat(5000)).is_none());
    }

    /// The full O(m*n) alignment the banded one must agree with.
    fn naive_align(pat: &[u8], text: &[u8], k: usize, ok: impl Fn(usize) -> bool) -> Option<(usize, usize)> {
        let m = pat.len();
        let jmax = (m + k).min(text.len());
        let mut d = vec![vec![0usize; jmax + 1]; m + 1];
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=m {
            d[i][0] = i;
            for j in 1..=jmax {
                d[i][j] = (d[i - 1][j - 1] + usize::from(pat[i - 1] != text[j - 1]))
                    .min(d[i - 1][j] + 1)
                    .min(d[i][j - 1] + 1);
            }
        }
        let mut best: Option<(usize, usize)> = None;
        for (j, &dist) in d[m].iter().enumerate() {
            if dist > k || !ok(j) {
                continue;
            }
            if best.is_none_or(|(bd, bj)| dist < bd || (dist == bd && j.abs_diff(m) < bj.abs_diff(m))) {
                best = Some((dist, j));
            }
        }
        best
    }

    proptest::proptest! {
        #[test]
        fn banded_alignment_equals_the_full_one(
            pat in proptest::collection::vec(b'a'..=b'd', 0..14),
            text in proptest::collection::vec(b'a'..=b'd', 0..20),
            k in 0usize..=2,
            veto in 0usize..24,
        ) {
            let ok = |j: usize| j != veto;
            proptest::prop_assert_eq!(align_prefix(&pat, &text, k, ok), naive_align(&pat, &text, k, ok));
        }
    }

    #[test]
    fn exact_beats_fuzzy_and_longer_literal_beats_shorter() {
        let exact = match_template(&t("Transaction Expired", None), "Transaction Expired").unwrap().0;
        let fuzzy = match_template(&t("Transacction Expired", None), "Transaction Expired").unwrap().0;
        assert!(exact.rank(1) < fuzzy.rank(0));
        // Same letters, different surface: the literal spelling wins.
        let literal = match_template(&t("Invalid Token B2B", None), "Invalid Token B2B").unwrap().0;
        let spaced = match_template(&t("Invalid Token ( B2B )", None), "Invalid Token B2B").unwrap().0;
        assert_eq!((literal.edits, spaced.edits), (0, 0));
        assert!(literal.rank(1) < spaced.rank(0));
        let nbsp = match_template(&t("Invalid\u{a0} Terminal", None), "Invalid\u{a0} Terminal").unwrap().0;
        assert_eq!(nbsp.surface, 0);
        assert_eq!(surface("Invalid  Terminal", "invalid terminal"), 2);
    }
}
