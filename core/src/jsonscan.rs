//! A small JSON reader for response bodies and log lines: one pass, no tree, no recursion,
//! and no allocation for bodies without escaped keys.
//!
//! It reports every value with its path as it completes, so a caller picks the few fields it
//! wants (`responseCode`, `latestTransactionStatus`, ...) and skips the rest. It is tolerant
//! where real logs need it: bytes that are not UTF-8 inside a string only make that string
//! unreadable (the rest of the body still answers), and a leading UTF-8 byte-order mark is
//! skipped. It is strict where safety needs it: a size limit and a nesting limit, each a
//! stable error id, and an explicit stack (a 100,000-deep `[[[[...` cannot overflow
//! anything).

use crate::error::Error;
use std::borrow::Cow;

/// Limits of one read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Most bytes read (`body_too_large` beyond).
    pub max_bytes: usize,
    /// Most nesting levels (`body_too_deep` beyond).
    pub max_depth: usize,
}

/// Most nesting levels any read accepts (the explicit stack's size).
pub const MAX_DEPTH: usize = 64;

impl Limits {
    /// 1 MiB and 64 levels: a payment response or callback is a few kilobytes and a handful
    /// of levels; anything far beyond is not one.
    pub const DEFAULT: Limits = Limits { max_bytes: 1 << 20, max_depth: MAX_DEPTH };
}

/// A step of a path: an object key or an array index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg<'a> {
    /// An object key (unescaped).
    Key(Cow<'a, str>),
    /// An array index.
    Index(usize),
}

/// A JSON string as it appears in the input (between the quotes, escapes not yet read).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JsonStr<'a> {
    raw: &'a [u8],
    escaped: bool,
}

impl<'a> JsonStr<'a> {
    /// The text, when it has a UTF-8 form: borrowed when there is no escape, else unescaped
    /// into an owned string. `None` for bytes that are not UTF-8 or an escaped lone surrogate.
    pub fn text(&self) -> Option<Cow<'a, str>> {
        if !self.escaped {
            return core::str::from_utf8(self.raw).ok().map(Cow::Borrowed);
        }
        unescape(self.raw).map(Cow::Owned)
    }

    /// The bytes between the quotes, escapes as written.
    pub fn raw(&self) -> &'a [u8] {
        self.raw
    }
}

/// A value as the reader reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Json<'a> {
    /// A string.
    Str(JsonStr<'a>),
    /// A number, as written.
    Num(&'a str),
    /// `true` / `false`.
    Bool(bool),
    /// `null`.
    Null,
    /// An object (its members were reported before it).
    Object,
    /// An array (its items were reported before it).
    Array,
}

/// Reads `input` as one JSON value, calling `visit(path, value, span)` for every value as it
/// completes (members before their object). `span` is the value's byte range in `input`.
/// Returns `Ok(())` at the end of a well-formed value followed only by whitespace; a syntax
/// error is `bad_json`; the limits are `body_too_large` and `body_too_deep`.
pub fn scan<'a>(
    input: &'a [u8],
    limits: Limits,
    mut visit: impl FnMut(&[Seg<'a>], Json<'a>, core::ops::Range<usize>),
) -> Result<(), Error> {
    if input.len() > limits.max_bytes {
        return Err(Error::BodyTooLarge { limit: limits.max_bytes });
    }
    let max_depth = limits.max_depth.min(MAX_DEPTH);
    let mut r = Reader { b: input, i: 0 };
    if input.starts_with(b"\xEF\xBB\xBF") {
        r.i = 3;
    }
    // The path to the value being read; for containers, where each started and its kind.
    let mut path: Vec<Seg<'a>> = Vec::new();
    let mut open: [(usize, bool); MAX_DEPTH] = [(0, false); MAX_DEPTH];
    let mut depth = 0usize;
    r.ws();
    loop {
        // A value starts here.
        let start = r.i;
        match r.peek().ok_or(Error::BadJson)? {
            b'{' | b'[' => {
                let is_object = r.b[r.i] == b'{';
                r.i += 1;
                if depth == max_depth {
                    return Err(Error::BodyTooDeep { limit: max_depth });
                }
                open[depth] = (start, is_object);
                depth += 1;
                r.ws();
                let close = if is_object { b'}' } else { b']' };
                if r.peek() == Some(close) {
                    r.i += 1;
                    depth -= 1;
                    visit(&path, if is_object { Json::Object } else { Json::Array }, start..r.i);
                } else {
                    if is_object {
                        path.push(Seg::Key(r.key()?));
                    } else {
                        path.push(Seg::Index(0));
                    }
                    continue;
                }
            }
            b'"' => {
                let s = r.string()?;
                visit(&path, Json::Str(s), start..r.i);
            }
            b't' => {
                r.literal(b"true")?;
                visit(&path, Json::Bool(true), start..r.i);
            }
            b'f' => {
                r.literal(b"false")?;
                visit(&path, Json::Bool(false), start..r.i);
            }
            b'n' => {
                r.literal(b"null")?;
                visit(&path, Json::Null, start..r.i);
            }
            b'-' | b'0'..=b'9' => {
                let n = r.number()?;
                visit(&path, Json::Num(n), start..r.i);
            }
            _ => return Err(Error::BadJson),
        }
        // After a value: the next member or item, or the end of containers.
        loop {
            if depth == 0 {
                r.ws();
                return if r.i == r.b.len() { Ok(()) } else { Err(Error::BadJson) };
            }
            r.ws();
            let (start, is_object) = open[depth - 1];
            match r.peek() {
                Some(b',') => {
                    r.i += 1;
                    r.ws();
                    match path.last_mut() {
                        Some(Seg::Key(k)) if is_object => *k = r.key()?,
                        Some(Seg::Index(n)) if !is_object => *n += 1,
                        _ => return Err(Error::Internal),
                    }
                    break;
                }
                Some(b'}') if is_object => {}
                Some(b']') if !is_object => {}
                _ => return Err(Error::BadJson),
            }
            r.i += 1;
            path.pop();
            depth -= 1;
            visit(&path, if is_object { Json::Object } else { Json::Array }, start..r.i);
        }
    }
}

struct Reader<'a> {
    b: &'a [u8],
    i: usize,
}

impl<'a> Reader<'a> {
    #[inline]
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    #[inline]
    fn ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.i += 1;
        }
    }

    fn literal(&mut self, word: &[u8]) -> Result<(), Error> {
        if self.b[self.i..].starts_with(word) {
            self.i += word.len();
            Ok(())
        } else {
            Err(Error::BadJson)
        }
    }

    /// A key, then the `:` after it (whitespace allowed around).
    fn key(&mut self) -> Result<Cow<'a, str>, Error> {
        if self.peek() != Some(b'"') {
            return Err(Error::BadJson);
        }
        let s = self.string()?;
        self.ws();
        if self.peek() != Some(b':') {
            return Err(Error::BadJson);
        }
        self.i += 1;
        self.ws();
        // A key that is not text cannot name a field anyone asks for.
        Ok(s.text().unwrap_or(Cow::Borrowed("\u{fffd}")))
    }

    /// A string starting at the opening quote.
    fn string(&mut self) -> Result<JsonStr<'a>, Error> {
        self.i += 1;
        let start = self.i;
        let mut escaped = false;
        loop {
            // Skip plain bytes eight at a time.
            while let Some(chunk) = self.b.get(self.i..self.i + 8) {
                let w = u64::from_le_bytes([
                    chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7],
                ]);
                if crate::json::needs_escape(w) {
                    break;
                }
                self.i += 8;
            }
            match self.peek().ok_or(Error::BadJson)? {
                b'"' => {
                    let raw = &self.b[start..self.i];
                    self.i += 1;
                    return Ok(JsonStr { raw, escaped });
                }
                b'\\' => {
                    escaped = true;
                    self.i += 2;
                }
                0..=0x1f => return Err(Error::BadJson),
                _ => self.i += 1,
            }
        }
    }

    fn number(&mut self) -> Result<&'a str, Error> {
        let start = self.i;
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        let digits = |r: &mut Self| {
            let s = r.i;
            while let Some(b'0'..=b'9') = r.peek() {
                r.i += 1;
            }
            r.i > s
        };
        if !digits(self) {
            return Err(Error::BadJson);
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if !digits(self) {
                return Err(Error::BadJson);
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.i += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.i += 1;
            }
            if !digits(self) {
                return Err(Error::BadJson);
            }
        }
        // Only ASCII digits and signs were consumed.
        core::str::from_utf8(&self.b[start..self.i]).map_err(|_| Error::BadJson)
    }
}

fn hex4(b: &[u8]) -> Option<u32> {
    let s = core::str::from_utf8(b.get(..4)?).ok()?;
    u32::from_str_radix(s, 16).ok()
}

/// The text of a string with escapes; `None` if it is not UTF-8 or has a lone surrogate.
fn unescape(raw: &[u8]) -> Option<String> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let b = raw[i];
        if b != b'\\' {
            out.push(b);
            i += 1;
            continue;
        }
        let e = *raw.get(i + 1)?;
        i += 2;
        let c = match e {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let hi = hex4(&raw[i..])?;
                i += 4;
                let code = if (0xD800..0xDC00).contains(&hi) {
                    if raw.get(i..i + 2) != Some(b"\\u") {
                        return None;
                    }
                    let lo = hex4(&raw[i + 2..])?;
                    if !(0xDC00..0xE000).contains(&lo) {
                        return None;
                    }
                    i += 6;
                    0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                } else {
                    hi
                };
                char::from_u32(code)?
            }
            _ => return None,
        };
        let mut buf = [0u8; 4];
        out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    }
    String::from_utf8(out).ok()
}

/// Whether a path is exactly these keys (no array steps).
pub fn is_path(path: &[Seg<'_>], keys: &[&str]) -> bool {
    path.len() == keys.len() && path.iter().zip(keys).all(|(s, k)| matches!(s, Seg::Key(x) if x == k))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(input: &str) -> Result<Vec<(String, String)>, Error> {
        let mut out = Vec::new();
        scan(input.as_bytes(), Limits::DEFAULT, |path, v, span| {
            let p: Vec<String> = path
                .iter()
                .map(|s| match s {
                    Seg::Key(k) => k.to_string(),
                    Seg::Index(i) => i.to_string(),
                })
                .collect();
            let v = match v {
                Json::Str(s) => format!("s:{}", s.text().map_or("<bad>".into(), |t| t.into_owned())),
                Json::Num(n) => format!("n:{n}"),
                Json::Bool(b) => format!("b:{b}"),
                Json::Null => "null".into(),
                Json::Object => format!("obj:{}", &input[span]),
                Json::Array => format!("arr:{}", &input[span]),
            };
            out.push((p.join("."), v));
        })?;
        Ok(out)
    }

    #[test]
    fn reports_every_value_with_its_path() {
        let v = collect(r#" {"a": "x", "b": [1, {"c": true}], "d": {}, "e": null} "#).unwrap();
        let want = [
            ("a", "s:x"),
            ("b.0", "n:1"),
            ("b.1.c", "b:true"),
            ("b.1", r#"obj:{"c": true}"#),
            ("b", r#"arr:[1, {"c": true}]"#),
            ("d", "obj:{}"),
            ("e", "null"),
            ("", r#"obj:{"a": "x", "b": [1, {"c": true}], "d": {}, "e": null}"#),
        ];
        let got: Vec<(&str, &str)> = v.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn unescapes_strings_and_keys() {
        let v = collect(r#"{"k\u0065y": "a\"b\\c\ud83d\ude00 \u00e9"}"#).unwrap();
        assert_eq!(v[0], ("key".into(), "s:a\"b\\c\u{1F600} \u{e9}".into()));
    }

    #[test]
    fn a_bad_string_only_spoils_itself() {
        let mut input = br#"{"name":"Jos"#.to_vec();
        input.push(0xE9);
        input.extend_from_slice(br#"","code":"4035414","m":"\ud83d"}"#);
        let mut seen = Vec::new();
        scan(&input, Limits::DEFAULT, |path, v, _| {
            if let (Some(Seg::Key(k)), Json::Str(s)) = (path.last(), v) {
                seen.push((k.to_string(), s.text().map(|t| t.into_owned())));
            }
        })
        .unwrap();
        assert_eq!(seen, [("name".into(), None), ("code".into(), Some("4035414".into())), ("m".into(), None)]);
    }

    #[test]
    fn skips_a_byte_order_mark() {
        assert_eq!(collect("\u{feff}{\"a\":1}").unwrap()[0], ("a".into(), "n:1".into()));
    }

    #[test]
    fn rejects_malformed_json() {
        for bad in
            ["", "{", "{\"a\"}", "{\"a\":}", "[1,]", "{\"a\":1,}", "01x", "\"a", "[1] 2", "tru", "{'a':1}", "1.", "-"]
        {
            assert_eq!(collect(bad), Err(Error::BadJson), "{bad:?}");
        }
    }

    #[test]
    fn limits_are_errors_not_crashes() {
        let deep = "[".repeat(100_000);
        assert_eq!(collect(&deep), Err(Error::BodyTooDeep { limit: MAX_DEPTH }));
        let big = format!("\"{}\"", "x".repeat(Limits::DEFAULT.max_bytes));
        assert_eq!(collect(&big), Err(Error::BodyTooLarge { limit: Limits::DEFAULT.max_bytes }));
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(collect(&ok).is_ok());
    }
}
