//! Which family a code belongs to, when the caller does not say.

use crate::error::Error;
use crate::ids::Family;
use crate::model::Context;
use crate::tables::Provider;

/// 7 characters starting with three digits (or an `xx` template) are SNAP; 2 letters or
/// digits are ISO 8583; an UPPER_SNAKE identifier (a letter first) is a provider code, and
/// so is an identifier in any case when the caller named a provider. Statuses are never
/// detected: `04` would be ambiguous.
pub(crate) fn detect(code: &str, ctx: &Context) -> Result<Family, Error> {
    let b = code.as_bytes();
    if b.len() == 7 && b[..3].iter().all(u8::is_ascii_digit) {
        return Ok(Family::Snap);
    }
    if b.len() == 2 && b.iter().all(u8::is_ascii_alphanumeric) {
        return Ok(Family::Iso8583);
    }
    let identifier =
        b.first().is_some_and(u8::is_ascii_alphabetic) && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'_');
    if identifier {
        let upper = !b.iter().any(u8::is_ascii_lowercase);
        let provider_named = !core::ptr::eq(ctx.provider, Provider::standard());
        // A bare word in a log (`null`, `true`, `foo`) is not a DOKU string code.
        return if upper || provider_named { Ok(Family::Provider) } else { Err(Error::UnknownFormat) };
    }
    // A negative number given as text (`-4035414`).
    if b.len() > 1 && b[0] == b'-' && b[1..].iter().all(u8::is_ascii_digit) {
        return Err(Error::NegativeNumber);
    }
    // Not a recognizable shape: report it the way the nearest family would.
    if b.len() == 7 {
        // Seven characters that are not a SNAP code: say which character is wrong.
        crate::snap::parse_snap(b)?;
    }
    let family = (b.len() == 2).then_some(Family::Iso8583);
    match code.char_indices().find(|(_, c)| !c.is_ascii_alphanumeric() && *c != '_') {
        Some((position, _)) => Err(Error::BadCharacter { family, position }),
        None => Err(Error::BadLength { family, len: b.len() }),
    }
}
