//! ISO 8583 card response codes (field 39).

use crate::decode::{CANONICAL_MAX, Context, Decoded, InlineStr, Raw, RowRef};
use crate::error::Error;
use crate::ids::{CardReading, Family};
use crate::tables::{UNKNOWN_READINGS, iso_rows};

pub(crate) fn decode_iso<'a>(b: &[u8], raw: Raw<'a>, ctx: &Context) -> Result<Decoded<'a>, Error> {
    if b.len() != 2 {
        return Err(Error::BadLength { family: Some(Family::Iso8583), len: b.len() });
    }
    if let Some(position) = b.iter().position(|c| !c.is_ascii_alphanumeric()) {
        return Err(Error::BadCharacter { family: Some(Family::Iso8583), position });
    }
    let code = [b[0].to_ascii_uppercase(), b[1].to_ascii_uppercase()];
    let mut canonical = InlineStr::<CANONICAL_MAX>::new();
    canonical.push(code[0]);
    canonical.push(code[1]);
    let rows = iso_rows(&code);
    let reading = ctx.provider.card_reading();
    let base = Decoded::blank(raw, canonical, Family::Iso8583, ctx.provider);
    let Some(first) = rows.first() else {
        let row = RowRef::Fallback(&UNKNOWN_READINGS[0]);
        return Ok(Decoded { row, known: false, network: ctx.network, ..base.with_semantics(row) });
    };
    // With a network: that network's reading, else the neutral one, else the only one there
    // is. Without: the neutral reading (first), and the per-network readings as variants.
    let row = match ctx.network {
        Some(n) => rows
            .iter()
            .find(|r| r.network() == Some(n))
            .or_else(|| rows.iter().find(|r| r.network().is_none()))
            .unwrap_or(first),
        None => first,
    };
    let alt = reading == CardReading::Standard && row.alt.is_some();
    let variants = if ctx.network.is_none() { &rows[1..] } else { &rows[..0] };
    let row_ref = RowRef::Iso(row, alt);
    Ok(Decoded { row: row_ref, network: row.network(), variants, ..base.with_semantics(row_ref) })
}
