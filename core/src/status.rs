//! Transaction statuses: SNAP `latestTransactionStatus` and virtual-account states.

use crate::decode::{CANONICAL_MAX, Context, Decoded, InlineStr, Raw, RowRef};
use crate::error::Error;
use crate::ids::Family;
use crate::tables::{STATUS_ROWS, UNKNOWN_READINGS};

/// Longest status value accepted.
const MAX_STATUS: usize = 16;

pub(crate) fn decode_status<'a>(b: &[u8], raw: Raw<'a>, ctx: &Context) -> Result<Decoded<'a>, Error> {
    let kind = ctx.kind.ok_or(Error::KindRequired)?;
    if b.is_empty() || b.len() > MAX_STATUS {
        return Err(Error::BadLength { family: Some(Family::Status), len: b.len() });
    }
    if let Some(position) = b.iter().position(|c| !c.is_ascii_alphanumeric()) {
        return Err(Error::BadCharacter { family: Some(Family::Status), position });
    }
    let mut canonical = InlineStr::<CANONICAL_MAX>::new();
    if b.len() == 1 && b[0].is_ascii_digit() {
        canonical.push(b'0');
    }
    for c in b {
        canonical.push(c.to_ascii_uppercase());
    }
    let found = STATUS_ROWS
        .iter()
        .find(|r| r.kind == kind && (r.code.as_str() == canonical.as_str() || r.aliases.contains(&canonical.as_str())));
    let base = Decoded { status_kind: Some(kind), ..Decoded::blank(raw, canonical, Family::Status, ctx.provider) };
    Ok(match found {
        Some(r) => {
            let row = RowRef::Status(r);
            let canonical = InlineStr::from_ascii(r.code.as_str().as_bytes());
            Decoded { row, canonical, ..base.with_semantics(row) }
        }
        None => {
            let row = RowRef::Fallback(&UNKNOWN_READINGS[2]);
            Decoded { row, known: false, ..base.with_semantics(row) }
        }
    })
}
