//! Code parsing: any bytes, under any options, as text, as an integer and as a float.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let (head, code) = data.split_at(data.len().min(2));
    let ctx = common::context([head.first().copied().unwrap_or(0), head.get(1).copied().unwrap_or(0)]);
    if let Ok(d) = paycodes::decode_bytes(code, None, &ctx) {
        common::check(&d);
        // Decoding the canonical form gives the same answer.
        let again = paycodes::decode(d.canonical(), None, &ctx).expect("the canonical form decodes");
        assert_eq!((again.reason(), again.outcome(), again.action()), (d.reason(), d.outcome(), d.action()));
    }
    if let Ok(bytes) = <[u8; 8]>::try_from(code.get(..8).unwrap_or(&[])) {
        if let Ok(d) = paycodes::decode_integer(i64::from_le_bytes(bytes), None, &ctx) {
            common::check(&d);
        }
        if let Ok(d) = paycodes::decode_float(f64::from_le_bytes(bytes), None, &ctx) {
            common::check(&d);
        }
    }
});
