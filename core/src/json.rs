//! The JSON form of an answer: one object with stable snake_case keys. The CLI prints it,
//! the conformance runners compare against it, and every binding's dict/object mirrors it.
//!
//! Written by hand (no serde) because `paycodes decode` streams millions of lines.

use crate::decode::{Decoded, Raw};
use crate::error::Error;
use crate::ids::Locale;

/// The keys of a decoded answer, in output order.
pub const DECODED_KEYS: &[&str] = &[
    "family",
    "raw",
    "canonical",
    "known",
    "template",
    "http_status",
    "service_code",
    "service",
    "case_code",
    "message",
    "detail",
    "category",
    "outcome",
    "reason",
    "action",
    "customer_message",
    "masked",
    "merchant_message",
    "provider",
    "source",
    "operation",
];

/// The keys of a `service` object.
pub const SERVICE_KEYS: &[&str] = &[
    "code",
    "name",
    "product",
    "kind",
    "moves_money",
    "status_service",
];

/// Appends `s` as a JSON string.
pub fn write_str(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let esc: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0..=0x1f | 0x7f => {
                out.extend_from_slice(&bytes[start..i]);
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(&[
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[(b >> 4) as usize],
                    HEX[(b & 15) as usize],
                ]);
                start = i + 1;
                continue;
            }
            _ => continue,
        };
        out.extend_from_slice(&bytes[start..i]);
        out.extend_from_slice(esc);
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

fn write_u64(out: &mut Vec<u8>, mut n: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&buf[i..]);
}

fn write_raw(out: &mut Vec<u8>, raw: &Raw<'_>) {
    match *raw {
        Raw::Text(s) => write_str(out, s),
        Raw::Integer(n) if n < 0 => {
            out.push(b'-');
            write_u64(out, n.unsigned_abs());
        }
        Raw::Integer(n) => write_u64(out, n as u64),
    }
}

struct Obj<'o> {
    out: &'o mut Vec<u8>,
    first: bool,
}

impl<'o> Obj<'o> {
    fn new(out: &'o mut Vec<u8>) -> Self {
        out.push(b'{');
        Obj { out, first: true }
    }
    fn key(&mut self, k: &str) -> &mut Vec<u8> {
        if !self.first {
            self.out.push(b',');
        }
        self.first = false;
        self.out.push(b'"');
        self.out.extend_from_slice(k.as_bytes());
        self.out.extend_from_slice(b"\":");
        self.out
    }
    fn str(&mut self, k: &str, v: &str) {
        write_str(self.key(k), v);
    }
    fn opt_str(&mut self, k: &str, v: Option<&str>) {
        match v {
            Some(v) => self.str(k, v),
            None => self.key(k).extend_from_slice(b"null"),
        }
    }
    fn bool(&mut self, k: &str, v: bool) {
        self.key(k)
            .extend_from_slice(if v { b"true" } else { b"false" });
    }
    fn end(self) {
        self.out.push(b'}');
    }
}

/// Appends the JSON object for a decoded code; `locale` selects `customer_message`.
pub fn write_decoded(out: &mut Vec<u8>, d: &Decoded<'_>, locale: Locale) {
    let mut o = Obj::new(out);
    o.str("family", d.family().id());
    write_raw(o.key("raw"), &d.raw());
    o.str("canonical", d.canonical());
    o.bool("known", d.known());
    o.bool("template", d.is_template());
    match d.http_status() {
        Some(h) => write_u64(o.key("http_status"), u64::from(h)),
        None => o.key("http_status").extend_from_slice(b"null"),
    }
    o.opt_str("service_code", d.service_code());
    match d.service() {
        None => o.key("service").extend_from_slice(b"null"),
        Some(s) => {
            let mut so = Obj::new(o.key("service"));
            so.str("code", s.code().as_str());
            so.str("name", s.name().as_str());
            so.str("product", s.product().as_str());
            so.str("kind", s.kind().id());
            so.bool("moves_money", s.moves_money());
            so.opt_str("status_service", s.status_service().map(|t| t.as_str()));
            so.end();
        }
    }
    o.opt_str("case_code", d.case_code());
    o.str("message", d.message().as_str());
    o.opt_str("detail", d.detail());
    o.str("category", d.category().id());
    o.str("outcome", d.outcome().id());
    o.str("reason", d.reason().id());
    o.str("action", d.action().id());
    let cm = d.customer_message(locale);
    o.str("customer_message", cm.text.as_str());
    o.bool("masked", cm.masked);
    o.str("merchant_message", d.merchant_message().as_str());
    o.str("provider", d.provider().id());
    o.str("source", d.source().as_str());
    o.opt_str("operation", d.operation().map(|op| op.id()));
    o.end();
}

/// Appends the JSON object for an input that failed: `{"raw":..,"error":"<id>","message":..}`.
pub fn write_error(out: &mut Vec<u8>, raw: &Raw<'_>, err: &Error) {
    let mut o = Obj::new(out);
    write_raw(o.key("raw"), raw);
    o.str("error", err.id());
    o.str("message", &err.to_string());
    o.end();
}
