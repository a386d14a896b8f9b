//! Decoding options as one `u32`, so the hot path takes a number instead of an options
//! object (reading six properties through N-API costs more than the decode itself).
//!
//! index.js asks [`pack`] once per distinct set of option values and keeps the number; the
//! hot path rebuilds the `Context` from it with a few shifts ([`unpack`]). Bits: provider
//! index 0-7, family 8-11, network 12-15, operation index + 1 16-23, status kind 24-27,
//! locale 28-31 (the core's numbers; 0 = not given).

use crate::error::Result;
use paycodes::{Context, Family, Locale, Network, StatusKind};

fn field(value: usize, shift: u32, bits: u32) -> Result<u32> {
    u32::try_from(value)
        .ok()
        .filter(|v| *v < (1 << bits))
        .map(|v| v << shift)
        .ok_or_else(|| crate::error::to_js(paycodes::Error::Internal))
}

/// The number for a context and locale.
pub fn pack(ctx: &Context, locale: Locale) -> Result<u32> {
    let provider = paycodes::providers()
        .iter()
        .position(|p| core::ptr::eq(p, ctx.provider()))
        .ok_or_else(|| crate::error::to_js(paycodes::Error::Internal))?;
    let operation = match ctx.operation() {
        None => 0,
        Some(op) => 1 + paycodes::operations().iter().position(|o| core::ptr::eq(o, op)).unwrap_or(usize::MAX - 1),
    };
    Ok(field(provider, 0, 8)?
        | field(ctx.family().map_or(0, |f| f.number().into()), 8, 4)?
        | field(ctx.network().map_or(0, |n| n.number().into()), 12, 4)?
        | field(operation, 16, 8)?
        | field(ctx.kind().map_or(0, |k| k.number().into()), 24, 4)?
        | field(locale.number().into(), 28, 4)?)
}

/// The context and locale of a number made by [`pack`]. A number [`pack`] did not make is an
/// `internal` error, never a panic.
pub fn unpack(n: u32) -> Result<(Context, Locale)> {
    let bad = || crate::error::to_js(paycodes::Error::Internal);
    let part = |shift: u32, bits: u32| ((n >> shift) & ((1 << bits) - 1)) as u16;
    let provider = paycodes::providers().get(usize::from(part(0, 8))).ok_or_else(bad)?;
    let mut ctx = Context::new().with_provider(provider);
    if part(8, 4) != 0 {
        ctx = ctx.with_family(Family::from_number(part(8, 4)).ok_or_else(bad)?);
    }
    if part(12, 4) != 0 {
        ctx = ctx.with_network(Network::from_number(part(12, 4)).ok_or_else(bad)?);
    }
    if part(16, 8) != 0 {
        ctx = ctx.with_operation(paycodes::operations().get(usize::from(part(16, 8)) - 1).ok_or_else(bad)?);
    }
    if part(24, 4) != 0 {
        ctx = ctx.with_kind(StatusKind::from_number(part(24, 4)).ok_or_else(bad)?);
    }
    let locale = Locale::from_number(part(28, 4)).ok_or_else(bad)?;
    Ok((ctx, locale))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_option_round_trips() {
        let ops = [None].into_iter().chain(paycodes::operations().iter().map(Some));
        for op in ops {
            for p in paycodes::providers() {
                for fam in [None, Some(Family::Snap), Some(Family::Status)] {
                    for loc in [Locale::En, Locale::Id] {
                        let mut ctx = Context::new().with_provider(p).with_network(Network::Mastercard);
                        if let Some(f) = fam {
                            ctx = ctx.with_family(f).with_kind(StatusKind::Va);
                        }
                        if let Some(o) = op {
                            ctx = ctx.with_operation(o);
                        }
                        let (back, back_loc) = unpack(pack(&ctx, loc).unwrap()).unwrap();
                        assert!(core::ptr::eq(back.provider(), ctx.provider()));
                        assert_eq!(back.family(), ctx.family());
                        assert_eq!(back.network(), ctx.network());
                        assert_eq!(back.kind(), ctx.kind());
                        assert_eq!(back.operation().map(|o| o.id()), ctx.operation().map(|o| o.id()));
                        assert_eq!(back_loc, loc);
                    }
                }
            }
        }
    }

    #[test]
    fn a_forged_number_is_an_error_not_a_panic() {
        for n in [u32::MAX, 0xFF, 0x0F00_0000, 0x00FF_0000, 0] {
            let _ = unpack(n);
        }
        assert!(unpack(0).is_err(), "locale 0 does not exist");
    }
}
