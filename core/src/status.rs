//! Transaction statuses: values of a status vocabulary (SNAP `latestTransactionStatus`,
//! virtual-account states, provider vocabularies).

use crate::error::Error;
use crate::ids::Family;
use crate::model::{CANONICAL_MAX, Context, Decoded, InlineStr, Raw, RowRef};
use crate::tables::{UNKNOWN_READINGS, Vocabulary};

/// Longest status value accepted.
pub(crate) const MAX_STATUS: usize = 48;

/// Decodes a trimmed status value in the context's vocabulary (`kind_required` without one).
pub(crate) fn decode_status<'a>(b: &[u8], raw: Raw<'a>, ctx: &Context) -> Result<Decoded<'a>, Error> {
    let kind = ctx.kind.ok_or(Error::KindRequired)?;
    let canonical = canonical_status(b)?;
    Ok(decode_value(kind, canonical, raw, ctx))
}

/// The canonical spelling of a status value (letters, digits, `_`, `-`, spaces and `.`): upper case, a single digit padded to two,
/// spaces and `-` read as `_`.
pub(crate) fn canonical_status(b: &[u8]) -> Result<InlineStr<CANONICAL_MAX>, Error> {
    if b.is_empty() || b.len() > MAX_STATUS {
        return Err(Error::BadLength { family: Some(Family::Status), len: b.len() });
    }
    if let Some(position) =
        b.iter().position(|c| !(c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b' ' | b'.')))
    {
        return Err(Error::BadCharacter { family: Some(Family::Status), position });
    }
    let mut canonical = InlineStr::<CANONICAL_MAX>::new();
    if b.len() == 1 && b[0].is_ascii_digit() {
        canonical.push(b'0');
    }
    for &c in b {
        canonical.push(match c {
            b'-' | b' ' => b'_',
            c => c.to_ascii_uppercase(),
        });
    }
    Ok(canonical)
}

/// The answer for a canonical value of `kind`.
pub(crate) fn decode_value<'a>(
    kind: &'static Vocabulary,
    canonical: InlineStr<CANONICAL_MAX>,
    raw: Raw<'a>,
    ctx: &Context,
) -> Decoded<'a> {
    let base = Decoded { status_kind: Some(kind), ..Decoded::blank(raw, canonical, Family::Status, ctx) };
    match kind.find_value(canonical.as_str()) {
        Some(r) => {
            let row = RowRef::Status(r);
            let canonical = InlineStr::from_ascii(r.code.as_str().as_bytes());
            Decoded { row, canonical, ..base.with_semantics(row) }
        }
        None => {
            let row = RowRef::Fallback(&UNKNOWN_READINGS[2]);
            Decoded { row, known: false, ..base.with_semantics(row) }
        }
    }
}
