//! Whole bodies: any bytes under any provider, operation and HTTP status. No panic, and every
//! answer keeps the money rules (common::check_response).
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let (head, body) = data.split_at(data.len().min(3));
    let b = |i: usize| head.get(i).copied().unwrap_or(0);
    let ctx = common::context([b(0), b(1)]);
    // Byte 2: no HTTP status, or one of the interesting ones; 0xff: no response at all.
    let http = match b(2) {
        0 => None,
        n => Some([200u16, 201, 202, 400, 401, 403, 404, 409, 429, 500, 502, 503, 504][usize::from(n) % 13]),
    };
    let body = if b(2) == 0xff { None } else { Some(body) };
    if let Ok(r) = paycodes::decode_response(body, http, &ctx) {
        common::check_response(&r);
    }
});
