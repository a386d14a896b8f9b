//! A small JSON reader for response bodies and log lines: one pass, no tree, no recursion,
//! and no allocation (keys are compared as written, escapes resolved on the fly).
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seg<'a> {
    /// An object key, as written (compare it with [`JsonStr::is`]).
    Key(JsonStr<'a>),
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

    /// Whether the string is `text` (escapes resolved), without allocating.
    pub fn is(&self, text: &str) -> bool {
        self.compare(text, |a, b| a == b)
    }

    /// Whether the string is `text` ignoring ASCII case (escapes resolved), without allocating.
    pub fn is_ignore_case(&self, text: &str) -> bool {
        if !self.escaped {
            return self.raw.eq_ignore_ascii_case(text.as_bytes());
        }
        self.compare(text, |a, b| a.eq_ignore_ascii_case(&b))
    }

    fn compare(&self, text: &str, eq: impl Fn(u8, u8) -> bool) -> bool {
        if !self.escaped {
            return self.raw.len() == text.len() && self.raw.iter().zip(text.bytes()).all(|(a, b)| eq(*a, b));
        }
        // Keys with escapes are rare: resolve them into a small buffer.
        let mut buf = [0u8; 128];
        match unescape_into(self.raw, &mut buf) {
            Some(n) => n == text.len() && buf[..n].iter().zip(text.bytes()).all(|(a, b)| eq(*a, b)),
            None => false,
        }
    }

    /// Whether the string needs unescaping.
    pub fn is_escaped(&self) -> bool {
        self.escaped
    }

    /// The text unescaped into `buf` (its length), without allocating; `None` when it does
    /// not fit or has no UTF-8 form.
    pub fn text_into(&self, buf: &mut [u8]) -> Option<usize> {
        if !self.escaped {
            core::str::from_utf8(self.raw).ok()?;
            buf.get_mut(..self.raw.len())?.copy_from_slice(self.raw);
            return Some(self.raw.len());
        }
        unescape_into(self.raw, buf)
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
    visit: impl FnMut(&[Seg<'a>], Json<'a>, core::ops::Range<usize>),
) -> Result<(), Error> {
    if input.len() > limits.max_bytes {
        return Err(Error::BodyTooLarge { limit: limits.max_bytes });
    }
    let max_depth = limits.max_depth.min(MAX_DEPTH);
    // The reader's errors are one byte wide: `?` on a large error type costs copies on every
    // call of the hot path.
    match read(input, max_depth, visit) {
        Ok(()) => Ok(()),
        Err(Stop::Bad) => Err(Error::BadJson),
        Err(Stop::TooDeep) => Err(Error::BodyTooDeep { limit: max_depth }),
    }
}

/// Malformed JSON (inside the reader).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Bad;

/// Why the reader stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    Bad,
    TooDeep,
}

impl From<Bad> for Stop {
    fn from(_: Bad) -> Stop {
        Stop::Bad
    }
}

fn read<'a>(
    input: &'a [u8],
    max_depth: usize,
    mut visit: impl FnMut(&[Seg<'a>], Json<'a>, core::ops::Range<usize>),
) -> Result<(), Stop> {
    let mut r = Reader { b: input, i: 0 };
    if input.starts_with(b"\xEF\xBB\xBF") {
        r.i = 3;
    }
    // The path to the value being read (`path[..depth]`); for containers, where each started
    // and its kind.
    let mut path: [Seg<'a>; MAX_DEPTH] = [Seg::Index(0); MAX_DEPTH];
    let mut open: [(usize, bool); MAX_DEPTH] = [(0, false); MAX_DEPTH];
    let mut depth = 0usize;
    r.ws();
    loop {
        // A value starts here.
        let start = r.i;
        match r.peek().ok_or(Stop::Bad)? {
            b'{' | b'[' => {
                let is_object = r.b[r.i] == b'{';
                r.i += 1;
                if depth == max_depth {
                    return Err(Stop::TooDeep);
                }
                open[depth] = (start, is_object);
                r.ws();
                let close = if is_object { b'}' } else { b']' };
                if r.peek() == Some(close) {
                    r.i += 1;
                    visit(&path[..depth], if is_object { Json::Object } else { Json::Array }, start..r.i);
                } else {
                    path[depth] = if is_object { Seg::Key(r.key()?) } else { Seg::Index(0) };
                    depth += 1;
                    continue;
                }
            }
            b'"' => {
                let s = r.string()?;
                visit(&path[..depth], Json::Str(s), start..r.i);
            }
            b't' => {
                r.literal(b"true")?;
                visit(&path[..depth], Json::Bool(true), start..r.i);
            }
            b'f' => {
                r.literal(b"false")?;
                visit(&path[..depth], Json::Bool(false), start..r.i);
            }
            b'n' => {
                r.literal(b"null")?;
                visit(&path[..depth], Json::Null, start..r.i);
            }
            b'-' | b'0'..=b'9' => {
                let n = r.number()?;
                visit(&path[..depth], Json::Num(n), start..r.i);
            }
            _ => return Err(Stop::Bad),
        }
        // After a value: the next member or item, or the end of containers.
        loop {
            if depth == 0 {
                r.ws();
                return if r.i == r.b.len() { Ok(()) } else { Err(Stop::Bad) };
            }
            r.ws();
            let (start, is_object) = open[depth - 1];
            match r.peek() {
                Some(b',') => {
                    r.i += 1;
                    r.ws();
                    match &mut path[depth - 1] {
                        Seg::Key(k) if is_object => *k = r.key()?,
                        Seg::Index(n) if !is_object => *n += 1,
                        _ => return Err(Stop::Bad),
                    }
                    break;
                }
                Some(b'}') if is_object => {}
                Some(b']') if !is_object => {}
                _ => return Err(Stop::Bad),
            }
            r.i += 1;
            depth -= 1;
            visit(&path[..depth], if is_object { Json::Object } else { Json::Array }, start..r.i);
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

    fn literal(&mut self, word: &[u8]) -> Result<(), Bad> {
        if self.b[self.i..].starts_with(word) {
            self.i += word.len();
            Ok(())
        } else {
            Err(Bad)
        }
    }

    /// A key, then the `:` after it (whitespace allowed around).
    fn key(&mut self) -> Result<JsonStr<'a>, Bad> {
        if self.peek() != Some(b'"') {
            return Err(Bad);
        }
        let s = self.string()?;
        self.ws();
        if self.peek() != Some(b':') {
            return Err(Bad);
        }
        self.i += 1;
        self.ws();
        Ok(s)
    }

    /// A string starting at the opening quote.
    fn string(&mut self) -> Result<JsonStr<'a>, Bad> {
        self.i += 1;
        let start = self.i;
        let mut escaped = false;
        loop {
            // Skip plain bytes eight at a time, straight to the first special one.
            while let Some(chunk) = self.b.get(self.i..self.i + 8) {
                let w = u64::from_le_bytes([
                    chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7],
                ]);
                let m = crate::json::escape_mask(w);
                if m != 0 {
                    self.i += (m.trailing_zeros() / 8) as usize;
                    break;
                }
                self.i += 8;
            }
            match self.peek().ok_or(Bad)? {
                b'"' => {
                    let raw = &self.b[start..self.i];
                    self.i += 1;
                    return Ok(JsonStr { raw, escaped });
                }
                b'\\' => {
                    escaped = true;
                    self.i += 2;
                }
                0..=0x1f => return Err(Bad),
                _ => self.i += 1,
            }
        }
    }

    fn number(&mut self) -> Result<&'a str, Bad> {
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
            return Err(Bad);
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if !digits(self) {
                return Err(Bad);
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.i += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.i += 1;
            }
            if !digits(self) {
                return Err(Bad);
            }
        }
        // Only ASCII digits and signs were consumed.
        core::str::from_utf8(&self.b[start..self.i]).map_err(|_| Bad)
    }
}

fn hex4(b: &[u8]) -> Option<u32> {
    let s = core::str::from_utf8(b.get(..4)?).ok()?;
    u32::from_str_radix(s, 16).ok()
}

/// The text of a string with escapes; `None` if it is not UTF-8 or has a lone surrogate.
fn unescape(raw: &[u8]) -> Option<String> {
    let mut out = vec![0u8; raw.len()];
    let n = unescape_into(raw, &mut out)?;
    out.truncate(n);
    String::from_utf8(out).ok()
}

/// Unescapes `raw` into `out` (an unescaped string is never longer than its escaped form);
/// its length, or `None` if it does not fit, is not UTF-8 or has a lone surrogate.
fn unescape_into(raw: &[u8], out: &mut [u8]) -> Option<usize> {
    let mut n = 0usize;
    let mut push = |bytes: &[u8], n: &mut usize| -> Option<()> {
        out.get_mut(*n..*n + bytes.len())?.copy_from_slice(bytes);
        *n += bytes.len();
        Some(())
    };
    let mut i = 0;
    while i < raw.len() {
        let b = raw[i];
        if b != b'\\' {
            push(&[b], &mut n)?;
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
        push(c.encode_utf8(&mut buf).as_bytes(), &mut n)?;
    }
    core::str::from_utf8(out.get(..n)?).ok()?;
    Some(n)
}

/// Whether a path is exactly these keys (no array steps).
pub fn is_path(path: &[Seg<'_>], keys: &[&str]) -> bool {
    path.len() == keys.len() && path.iter().zip(keys).all(|(s, k)| matches!(s, Seg::Key(x) if x.is(k)))
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
                    Seg::Key(k) => k.text().unwrap().into_owned(),
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
                seen.push((k.text().unwrap().into_owned(), s.text().map(|t| t.into_owned())));
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
