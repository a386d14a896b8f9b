//! The JSON form of an answer: one object with stable snake_case keys, written from the
//! answer's [`crate::fields`] schema. The CLI prints it, the conformance runners compare
//! against it, and every binding's dict/object has the same keys.
//!
//! Written by hand (no serde) because `paycodes decode` streams millions of lines.

use crate::error::Error;
use crate::fields::{Obj, Value};
use crate::model::{Decoded, Raw};

/// Whether any of the 8 bytes in `w` needs escaping in a JSON string: a control byte
/// (< 0x20), `"` or `\\`. Bytes >= 0x80 (UTF-8) never do. Escaping follows what Python's
/// `json.dumps(ensure_ascii=False)` and JavaScript's `JSON.stringify` produce, so every
/// binding's JSON is byte-identical.
#[inline]
pub(crate) fn needs_escape(w: u64) -> bool {
    escape_mask(w) != 0
}

/// The high bits of the bytes of `w` (little-endian) that need escaping; the lowest set bit
/// is always exact (bits above it may be false positives of the borrow trick).
#[inline]
pub(crate) fn escape_mask(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let below_space = w.wrapping_sub(ONES * 0x20) & !w & HIGH;
    below_space | has_zero(w ^ (ONES * b'"' as u64)) | has_zero(w ^ (ONES * b'\\' as u64))
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

fn write_i64(out: &mut Vec<u8>, n: i64) {
    if n < 0 {
        out.push(b'-');
    }
    write_u64(out, n.unsigned_abs());
}

/// A float as JavaScript's `JSON.stringify` would (integers without `.0`); non-finite values,
/// which JSON cannot hold, as the strings `"NaN"`, `"Infinity"`, `"-Infinity"`.
fn write_f64(out: &mut Vec<u8>, x: f64) {
    if x.is_nan() {
        out.extend_from_slice(b"\"NaN\"");
    } else if x.is_infinite() {
        out.extend_from_slice(if x > 0.0 { b"\"Infinity\"" } else { b"\"-Infinity\"" });
    } else if x.fract() == 0.0 && x.abs() < 1e16 {
        write_i64(out, x as i64);
    } else {
        out.extend_from_slice(format!("{x}").as_bytes());
    }
}

/// Longest raw input echoed back in an error object, in bytes; longer input is cut at a
/// character boundary and ends with `…` (a 100 MB line is not written back whole).
pub const MAX_RAW_ECHO: usize = 256;

fn write_raw(out: &mut Vec<u8>, raw: &Raw<'_>) {
    match *raw {
        Raw::Text(s) if s.len() > MAX_RAW_ECHO => {
            let mut end = MAX_RAW_ECHO;
            while !s.is_char_boundary(end) {
                end -= 1;
            }
            let mut cut = String::with_capacity(end + 3);
            cut.push_str(&s[..end]);
            cut.push('\u{2026}');
            write_str(out, &cut);
        }
        Raw::Text(s) => write_str(out, s),
        Raw::Integer(n) => write_i64(out, n),
        Raw::Float(x) => write_f64(out, x),
        // Number text from the JSON reader: valid JSON, but a number no double holds (`1e400`)
        // breaks many readers, so it travels as a string.
        Raw::Number(n) if n.parse::<f64>().is_ok_and(f64::is_finite) => out.extend_from_slice(n.as_bytes()),
        Raw::Number(n) => write_str(out, n),
    }
}

/// Appends a value as JSON.
pub fn write_value(out: &mut Vec<u8>, v: &Value<'_>) {
    match *v {
        Value::Null => out.extend_from_slice(b"null"),
        Value::Bool(b) => out.extend_from_slice(if b { b"true" } else { b"false" }),
        Value::Int(n) => write_i64(out, n),
        Value::Float(x) => write_f64(out, x),
        Value::Str(s) => write_str(out, s),
        Value::Text(t) => write_text(out, t),
        Value::Enum(ty, n) => match ty.id_of(n) {
            // Ids are plain snake_case: no escaping.
            Some(t) => write_text(out, t),
            None => out.extend_from_slice(b"null"),
        },
        Value::Object(o) => write_obj(out, &o),
        Value::List(l) => {
            out.push(b'[');
            for (i, item) in l.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_value(out, &item);
            }
            out.push(b']');
        }
    }
}

/// Appends an answer (or part of one) as a JSON object, keys in schema order.
pub fn write_obj(out: &mut Vec<u8>, o: &Obj<'_>) {
    struct Fields<'o> {
        out: &'o mut Vec<u8>,
        keys: &'static [crate::fields::Field],
    }
    impl crate::fields::Visit for Fields<'_> {
        #[inline(always)]
        fn field(&mut self, i: usize, value: Value<'_>) {
            if i > 0 {
                self.out.push(b',');
            }
            // Keys are snake_case identifiers: no escaping.
            self.out.push(b'"');
            self.out.extend_from_slice(self.keys[i].key.as_bytes());
            self.out.extend_from_slice(b"\":");
            write_value(self.out, &value);
        }
    }
    out.push(b'{');
    o.visit(&mut Fields { out, keys: o.schema().fields });
    out.push(b'}');
}

/// Appends the JSON object for a decoded code.
pub fn write_decoded(out: &mut Vec<u8>, d: &Decoded<'_>) {
    // One reservation up front keeps most appends on the no-grow path.
    out.reserve(1024 + d.detail().map_or(0, str::len) * 6);
    write_obj(out, &Obj::Decoded(d));
}

/// The JSON object for a decoded code, as a string.
pub fn decoded_to_string(d: &Decoded<'_>) -> String {
    let mut out = Vec::new();
    write_decoded(&mut out, d);
    // Only UTF-8 is ever written.
    String::from_utf8(out).unwrap_or_default()
}

/// Appends the JSON object for an input that failed: `{"raw":..,"error":"<id>","message":..}`
/// (a raw input over [`MAX_RAW_ECHO`] bytes is cut).
pub fn write_error(out: &mut Vec<u8>, raw: &Raw<'_>, err: &Error) {
    out.extend_from_slice(b"{\"raw\":");
    write_raw(out, raw);
    out.extend_from_slice(b",\"error\":");
    write_str(out, err.id());
    out.extend_from_slice(b",\"message\":");
    write_str(out, &err.to_string());
    out.push(b'}');
}

/// Writes a whole response's answer as one JSON object.
pub fn write_response(out: &mut Vec<u8>, r: &crate::response::Response) {
    out.reserve(2048);
    write_obj(out, &Obj::Response(r));
}

/// A whole response's answer as a JSON string.
pub fn response_to_string(r: &crate::response::Response) -> String {
    let mut out = Vec::new();
    write_response(&mut out, r);
    // Only UTF-8 is ever written.
    String::from_utf8(out).unwrap_or_default()
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
