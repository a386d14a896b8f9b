//! Which family a code belongs to, when the caller does not say.

use crate::error::Error;
use crate::ids::Family;

/// 7 characters starting with three digits (or an `xx` template) are SNAP; 2 letters or
/// digits are ISO 8583; an UPPER_SNAKE identifier (letters first, any case) is a provider
/// code. Statuses are never detected: `04` would be ambiguous.
pub(crate) fn detect(code: &str) -> Result<Family, Error> {
    let b = code.as_bytes();
    if b.len() == 7 && b[..3].iter().all(u8::is_ascii_digit) {
        return Ok(Family::Snap);
    }
    if b.len() == 2 && b.iter().all(u8::is_ascii_alphanumeric) {
        return Ok(Family::Iso8583);
    }
    if b.first().is_some_and(u8::is_ascii_alphabetic) && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'_') {
        return Ok(Family::Provider);
    }
    // Not a recognizable shape: report it the way the nearest family would.
    if b.len() == 7 {
        // Seven characters that are not a SNAP code: say which character is wrong.
        crate::decode::parse_snap(b)?;
    }
    let family = (b.len() == 2).then_some(Family::Iso8583);
    match code.char_indices().find(|(_, c)| !c.is_ascii_alphanumeric() && *c != '_') {
        Some((position, _)) => Err(Error::BadCharacter { family, position }),
        None => Err(Error::BadLength { family, len: b.len() }),
    }
}
