//! ISO 8583 card response codes (field 39).

use crate::error::Error;
use crate::ids::{CardReading, Family, Warning};
use crate::model::{CANONICAL_MAX, Context, Decoded, InlineStr, Raw, RowRef, Warnings};
use crate::tables::{UNKNOWN_READINGS, iso_rows};

/// Decodes a trimmed card code. A single digit is the two-digit code it abbreviates (`5`
/// is `05`), as peers read it.
pub(crate) fn decode_iso<'a>(b: &[u8], raw: Raw<'a>, ctx: &Context) -> Result<Decoded<'a>, Error> {
    let code = match *b {
        [d] if d.is_ascii_digit() => [b'0', d],
        [x, y] if x.is_ascii_alphanumeric() && y.is_ascii_alphanumeric() => {
            [x.to_ascii_uppercase(), y.to_ascii_uppercase()]
        }
        [_, _] => {
            let position = b.iter().position(|c| !c.is_ascii_alphanumeric()).unwrap_or(0);
            return Err(Error::BadCharacter { family: Some(Family::Iso8583), position });
        }
        _ => return Err(Error::BadLength { family: Some(Family::Iso8583), len: b.len() }),
    };
    let mut canonical = InlineStr::<CANONICAL_MAX>::new();
    canonical.push(code[0]);
    canonical.push(code[1]);
    let rows = iso_rows(&code);
    let reading = ctx.provider.card_reading();
    let base = Decoded::blank(raw, canonical, Family::Iso8583, ctx);
    let Some(first) = rows.first() else {
        let row = RowRef::Fallback(&UNKNOWN_READINGS[0]);
        return Ok(Decoded { row, known: false, network: ctx.network, ..base.with_semantics(row) });
    };
    // With a network: that network's reading, else the neutral one, else the only one there
    // is. Without: the neutral reading (first), and the per-network readings as variants.
    let row = match ctx.network {
        Some(n) => {
            match rows.iter().find(|r| r.network() == Some(n)).or_else(|| rows.iter().find(|r| r.network().is_none())) {
                Some(r) => r,
                // The DOKU document labels every code for both networks: its profile keeps that.
                None if reading == CardReading::SeedDoku => first,
                // Only another network defines the code: never answer with that network's
                // reading; the ISO meaning, flagged.
                None => {
                    let row_ref = RowRef::IsoForeign(first);
                    let warnings = Warnings::NONE.with(Warning::NetworkDoesNotDefine);
                    return Ok(Decoded { row: row_ref, network: None, warnings, ..base.with_semantics(row_ref) });
                }
            }
        }
        None => first,
    };
    let alt = reading == CardReading::Standard && row.alt.is_some();
    let variants = if ctx.network.is_none() { &rows[1..] } else { &rows[..0] };
    let row_ref = RowRef::Iso(row, alt);
    Ok(Decoded { row: row_ref, network: row.network(), variants, ..base.with_semantics(row_ref) })
}
