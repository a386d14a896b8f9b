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
    "network",
    "card_category",
    "network_variants",
    "status_kind",
];

/// The keys of a `network_variants` entry.
pub const VARIANT_KEYS: &[&str] = &["network", "message", "category", "reason", "outcome", "action"];

/// The keys of a `service` object.
pub const SERVICE_KEYS: &[&str] = &["code", "name", "product", "kind", "moves_money", "status_service"];

/// Whether any of the 8 bytes in `w` needs escaping in a JSON string: a control byte
/// (< 0x20), `"` or `\\`. Bytes >= 0x80 (UTF-8) never do. Escaping follows what Python's
/// `json.dumps(ensure_ascii=False)` and JavaScript's `JSON.stringify` produce, so every
/// binding's JSON is byte-identical.
#[inline]
fn needs_escape(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let below_space = w.wrapping_sub(ONES * 0x20) & !w & HIGH;
    (below_space | has_zero(w ^ (ONES * b'"' as u64)) | has_zero(w ^ (ONES * b'\\' as u64))) != 0
}

/// Position of the first byte that needs escaping, if any.
fn first_escape(bytes: &[u8]) -> Option<usize> {
    let mut i = 0;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        if needs_escape(w) {
            break;
        }
        i += 8;
    }
    bytes[i..].iter().position(|&b| b < 0x20 || b == b'"' || b == b'\\').map(|p| i + p)
}

/// Appends table text as a JSON string (a plain copy when it needs no escaping).
#[inline]
pub fn write_text(out: &mut Vec<u8>, t: crate::Text) {
    if t.is_json_plain() {
        out.push(b'"');
        out.extend_from_slice(t.as_str().as_bytes());
        out.push(b'"');
    } else {
        write_str(out, t.as_str());
    }
}

/// Appends `s` as a JSON string.
pub fn write_str(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let bytes = s.as_bytes();
    let Some(first) = first_escape(bytes) else {
        out.extend_from_slice(bytes);
        out.push(b'"');
        return;
    };
    out.extend_from_slice(&bytes[..first]);
    let mut start = first;
    for (i, &b) in bytes.iter().enumerate().skip(first) {
        let esc: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0c => b"\\f",
            0..=0x1f => {
                out.extend_from_slice(&bytes[start..i]);
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[(b >> 4) as usize], HEX[(b & 15) as usize]]);
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

/// Writes an object's keys as precomputed fragments (`{"k":` then `,"k":`).
struct Obj<'o> {
    out: &'o mut Vec<u8>,
    first: bool,
}

impl<'o> Obj<'o> {
    fn new(out: &'o mut Vec<u8>) -> Self {
        Obj { out, first: true }
    }
    /// `k` is the key's `"key":` fragment.
    #[inline]
    fn key(&mut self, k: &[u8]) -> &mut Vec<u8> {
        self.out.push(if self.first { b'{' } else { b',' });
        self.first = false;
        self.out.extend_from_slice(k);
        self.out
    }
    fn str(&mut self, k: &[u8], v: &str) {
        write_str(self.key(k), v);
    }
    fn text(&mut self, k: &[u8], v: crate::Text) {
        write_text(self.key(k), v);
    }
    fn opt_text(&mut self, k: &[u8], v: Option<crate::Text>) {
        match v {
            Some(v) => self.text(k, v),
            None => self.key(k).extend_from_slice(b"null"),
        }
    }
    fn opt_str(&mut self, k: &[u8], v: Option<&str>) {
        match v {
            Some(v) => self.str(k, v),
            None => self.key(k).extend_from_slice(b"null"),
        }
    }
    fn bool(&mut self, k: &[u8], v: bool) {
        self.key(k).extend_from_slice(if v { b"true" } else { b"false" });
    }
    fn end(self) {
        if self.first {
            self.out.push(b'{');
        }
        self.out.push(b'}');
    }
}

/// `k!("raw")` is the fragment `"raw":`.
macro_rules! k {
    ($k:literal) => {
        concat!("\"", $k, "\":").as_bytes()
    };
}

/// Appends the JSON object for a decoded code; `locale` selects `customer_message`.
pub fn write_decoded(out: &mut Vec<u8>, d: &Decoded<'_>, locale: Locale) {
    // One reservation up front keeps every later append on the no-grow path.
    out.reserve(1024 + d.raw_len() + d.detail().map_or(0, str::len) * 6);
    let mut o = Obj::new(out);
    o.text(k!("family"), d.family().id_text());
    write_raw(o.key(k!("raw")), &d.raw());
    o.str(k!("canonical"), d.canonical());
    o.bool(k!("known"), d.known());
    o.bool(k!("template"), d.is_template());
    match d.http_status() {
        Some(h) => write_u64(o.key(k!("http_status")), u64::from(h)),
        None => o.key(k!("http_status")).extend_from_slice(b"null"),
    }
    o.opt_str(k!("service_code"), d.service_code());
    match d.service() {
        None => o.key(k!("service")).extend_from_slice(b"null"),
        Some(s) => {
            let mut so = Obj::new(o.key(k!("service")));
            so.text(k!("code"), s.code());
            so.text(k!("name"), s.name());
            so.text(k!("product"), s.product());
            so.text(k!("kind"), s.kind().id_text());
            so.bool(k!("moves_money"), s.moves_money());
            so.opt_text(k!("status_service"), s.status_service());
            so.end();
        }
    }
    o.opt_str(k!("case_code"), d.case_code());
    o.text(k!("message"), d.message());
    o.opt_str(k!("detail"), d.detail());
    o.text(k!("category"), d.category().id_text());
    o.text(k!("outcome"), d.outcome().id_text());
    o.text(k!("reason"), d.reason().id_text());
    o.text(k!("action"), d.action().id_text());
    let cm = d.customer_message(locale);
    o.text(k!("customer_message"), cm.text);
    o.bool(k!("masked"), cm.masked);
    o.text(k!("merchant_message"), d.merchant_message());
    o.text(k!("provider"), d.provider().id_text());
    o.text(k!("source"), d.source());
    o.opt_text(k!("operation"), d.operation().map(|op| op.id_text()));
    o.opt_text(k!("network"), d.network().map(|n| n.id_text()));
    o.opt_text(k!("card_category"), d.card_category().map(|c| c.id_text()));
    if d.family() == crate::Family::Iso8583 {
        let out = o.key(k!("network_variants"));
        out.push(b'[');
        for (i, v) in d.network_variants().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            let mut vo = Obj::new(out);
            vo.text(k!("network"), v.network.id_text());
            vo.text(k!("message"), v.message);
            vo.text(k!("category"), v.category.id_text());
            vo.text(k!("reason"), v.reason.id_text());
            vo.text(k!("outcome"), v.outcome.id_text());
            vo.text(k!("action"), v.action.id_text());
            vo.end();
        }
        out.push(b']');
    } else {
        o.key(k!("network_variants")).extend_from_slice(b"null");
    }
    o.opt_text(k!("status_kind"), d.status_kind().map(|k| k.id_text()));
    o.end();
}

/// Appends the JSON object for an input that failed: `{"raw":..,"error":"<id>","message":..}`.
pub fn write_error(out: &mut Vec<u8>, raw: &Raw<'_>, err: &Error) {
    let mut o = Obj::new(out);
    write_raw(o.key(k!("raw")), raw);
    o.str(k!("error"), err.id());
    o.str(k!("message"), &err.to_string());
    o.end();
}

#[cfg(test)]
mod tests {
    /// The escaping Python's `json.dumps(s, ensure_ascii=False)` produces (and JavaScript's
    /// `JSON.stringify`), so every binding prints the same bytes.
    #[test]
    fn strings_escape_like_python_and_javascript() {
        for (input, expected) in [
            (
                "plain text, long enough to take the word-at-a-time path",
                "\"plain text, long enough to take the word-at-a-time path\"",
            ),
            ("quote \" and backslash \\", r#""quote \" and backslash \\""#),
            ("\n\r\t\u{8}\u{c}", r#""\n\r\t\b\f""#),
            ("\u{0}\u{1f}", r#""\u0000\u001f""#),
            ("del \u{7f} and Rp 10.000 \u{1F600}", "\"del \u{7f} and Rp 10.000 \u{1F600}\""),
        ] {
            let mut out = Vec::new();
            super::write_str(&mut out, input);
            assert_eq!(String::from_utf8(out).unwrap(), expected, "{input:?}");
        }
    }
}
