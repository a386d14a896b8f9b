//! Provider string codes (`TIME_OUT`), namespaced by provider.

use crate::error::Error;
use crate::ids::Family;
use crate::model::{CANONICAL_MAX, Context, Decoded, InlineStr, Raw, RowRef};
use crate::tables::{STRING_ROWS, UNKNOWN_READINGS};

/// Decodes a trimmed provider string code (compared in upper case).
pub(crate) fn decode_string<'a>(b: &[u8], raw: Raw<'a>, ctx: &Context) -> Result<Decoded<'a>, Error> {
    if b.is_empty() || b.len() > CANONICAL_MAX {
        return Err(Error::BadLength { family: Some(Family::Provider), len: b.len() });
    }
    let bad = b
        .iter()
        .position(|c| !(c.is_ascii_alphanumeric() || *c == b'_'))
        .or_else(|| (!b[0].is_ascii_alphabetic()).then_some(0));
    if let Some(position) = bad {
        return Err(Error::BadCharacter { family: Some(Family::Provider), position });
    }
    let mut canonical = InlineStr::<CANONICAL_MAX>::new();
    for c in b {
        canonical.push(c.to_ascii_uppercase());
    }
    let namespace = ctx.provider.string_codes();
    let found =
        STRING_ROWS.iter().find(|r| core::ptr::eq(r.provider(), namespace) && r.code.as_str() == canonical.as_str());
    let base = Decoded::blank(raw, canonical, Family::Provider, ctx);
    Ok(match found {
        // A listed code answers as its namespace's (a DOKU code looked up under the standard
        // profile is DOKU's); an unlisted one as the profile that was asked.
        Some(r) => {
            let row = RowRef::Str(r);
            Decoded { row, provider: namespace, ..base.with_semantics(row) }
        }
        None => {
            let row = RowRef::Fallback(&UNKNOWN_READINGS[1]);
            Decoded { row, known: false, ..base.with_semantics(row) }
        }
    })
}
