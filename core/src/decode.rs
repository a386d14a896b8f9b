//! The dispatcher: from a code given as text, bytes or a number (and optionally the actual
//! response message) to the family decoder that answers. Each family lives in its own
//! module (`snap`, `iso`, `strings`, `status`); this one only routes.

use crate::error::Error;
use crate::ids::{Family, Warning};
use crate::model::{Context, Decoded, InlineStr, Raw, Warnings};

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

/// Decodes a code given as bytes (C, files): invalid UTF-8 in the code is the
/// `invalid_utf8` error. A message that is not UTF-8 cannot be matched: it is ignored and the
/// answer carries the `message_ignored` warning (the code alone still answers).
pub fn decode_bytes<'a>(code: &'a [u8], message: Option<&'a [u8]>, ctx: &Context) -> Result<Decoded<'a>, Error> {
    let code = core::str::from_utf8(code).map_err(|e| Error::InvalidUtf8 { position: e.valid_up_to() })?;
    let (message, warnings) = message_text(message);
    Ok(decode(code, message, ctx)?.with_warnings(warnings))
}

/// A message given as bytes: its text, or nothing and the `message_ignored` warning when it
/// is not UTF-8.
pub(crate) fn message_text(message: Option<&[u8]>) -> (Option<&str>, Warnings) {
    match message.map(core::str::from_utf8) {
        None => (None, Warnings::NONE),
        Some(Ok(m)) => (Some(m), Warnings::NONE),
        Some(Err(_)) => (None, Warnings::NONE.with(Warning::MessageIgnored)),
    }
}

/// Decodes a code given as an integer. Without a family, a number is a whole SNAP code
/// (`2002400` sent as a JSON number): anything but seven digits is an error, never a card
/// code, because `0` from a missing value must not read as `00` "approved". With
/// `family = iso8583` or `status`, one or two digits are a two-digit code (`5` is `05`).
pub fn decode_integer<'a>(code: i64, message: Option<&'a str>, ctx: &Context) -> Result<Decoded<'a>, Error> {
    if code < 0 {
        return Err(Error::NegativeNumber);
    }
    let mut buf = [0u8; 20];
    let digits = digits_of(code as u64, &mut buf);
    let family = ctx.family.unwrap_or(Family::Snap);
    let mut text = InlineStr::<20>::new();
    match family {
        Family::Snap if digits.len() != 7 => return Err(Error::NumberNotSnap { digits: digits.len() }),
        Family::Iso8583 | Family::Status if digits.len() == 1 => {
            text.push(b'0');
        }
        Family::Provider => return Err(Error::BadCharacter { family: Some(Family::Provider), position: 0 }),
        _ => {}
    }
    for &b in digits {
        text.push(b);
    }
    let ctx = Context { family: Some(family), ..*ctx };
    // The digits live on this stack frame; the result copies them into `canonical`.
    decode_trimmed(text.as_str(), Raw::Integer(code), message, &ctx)
}

/// The decimal digits of `n`, written at the end of `buf`.
fn digits_of(mut n: u64, buf: &mut [u8; 20]) -> &[u8] {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    &buf[i..]
}

/// Largest integer a double holds exactly (2^53).
const MAX_EXACT_FLOAT: f64 = 9_007_199_254_740_992.0;

/// Decodes a code given as a floating-point number (a JSON number read as a double): whole
/// numbers decode like [`decode_integer`] (`-0.0` is `0`), anything else is
/// `not_an_integer`.
pub fn decode_float<'a>(code: f64, message: Option<&'a str>, ctx: &Context) -> Result<Decoded<'a>, Error> {
    if !code.is_finite() || code.fract() != 0.0 {
        return Err(Error::NotAnInteger);
    }
    if code < 0.0 {
        return Err(Error::NegativeNumber);
    }
    if code > MAX_EXACT_FLOAT {
        // Far more digits than any code; count them for the message.
        let digits = code.log10().floor() as usize + 1;
        return Err(Error::NumberNotSnap { digits });
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
        None => crate::detect::detect(trimmed, ctx)?,
    };
    match family {
        Family::Snap => crate::snap::decode_snap(trimmed.as_bytes(), raw, message, ctx),
        Family::Iso8583 => crate::iso::decode_iso(trimmed.as_bytes(), raw, ctx),
        Family::Provider => crate::strings::decode_string(trimmed.as_bytes(), raw, ctx),
        Family::Status => crate::status::decode_status(trimmed.as_bytes(), raw, ctx),
    }
}
