//! Batch decoding of log lines, for `paycodes decode` and `python -m paycodes decode`: a
//! code per line, or a JSON object per line with `responseCode` (string or number) and
//! `responseMessage`. One answer per line, always: a JSON object (or error object), or a CSV
//! record with the columns of [`crate::columns`] (after one header line).
//!
//! Lines are read for the code, not validated as records: bytes that are not UTF-8 in an
//! unrelated field do not lose the line, a message that is not text is ignored with the
//! `message_ignored` warning, and a byte-order mark is skipped.

use crate::error::Error;
use crate::ids::{Arg, Warning};
use crate::jsonscan::{Json, Limits, Seg, scan};
use crate::model::{Context, Raw, Warnings};
use std::borrow::Cow;
use std::collections::HashMap;

/// Longest line read, in bytes; the rest of a longer line is skipped and the line answers
/// `line_too_long`.
pub const MAX_LINE: usize = 1 << 20;

/// How each answer is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// One JSON object per line (the CLI's JSON answer, or an error object).
    #[default]
    Jsonl,
    /// One CSV record per line, the columns of [`crate::columns::decoded_columns`] then a
    /// `kept_<field>` column per kept field; [`LineDecoder::header`] is the first line.
    Csv,
}

impl Format {
    /// The format named `jsonl` or `csv`; anything else is `unknown_output_format`.
    pub fn parse(id: &str) -> Result<Format, Error> {
        match id {
            "jsonl" => Ok(Format::Jsonl),
            "csv" => Ok(Format::Csv),
            _ => Err(Error::UnknownOutputFormat),
        }
    }

    fn write_decoded(self, out: &mut Vec<u8>, d: &crate::Decoded<'_>) {
        match self {
            Format::Jsonl => crate::json::write_decoded(out, d),
            Format::Csv => crate::columns::write_csv_row(out, d),
        }
    }

    fn write_error(self, out: &mut Vec<u8>, raw: &Raw<'_>, e: &Error) {
        match self {
            Format::Jsonl => crate::json::write_error(out, raw, e),
            Format::Csv => crate::columns::write_csv_error(out, raw, e),
        }
    }
}

/// Decodes lines under fixed options.
#[derive(Debug)]
pub struct LineDecoder {
    ctx: Context,
    keep: Vec<String>,
    cache: Option<Cache>,
    format: Format,
}

/// Answers already written, by input line. For fixed options an answer is a pure function
/// of the line's bytes, and logs repeat a small set of codes, so most lines become one hash
/// lookup and one copy. Bounded: short lines only, and at most `MAX_BYTES` of answers.
#[derive(Debug, Default)]
struct Cache {
    map: HashMap<Box<[u8]>, Answered, rustc_hash::FxBuildHasher>,
    bytes: usize,
}

/// An answer already written, and whether its line decoded.
type Answered = (Box<[u8]>, bool);

impl Cache {
    const MAX_LINE: usize = 160;
    const MAX_BYTES: usize = 64 << 20;
}

impl LineDecoder {
    /// A decoder for these options. `keep` names top-level fields of JSON lines copied into
    /// each answer under `"kept"` (so results can be joined back to requests); `cache` reuses
    /// answers of repeated lines (the output is byte-identical either way).
    pub fn new(ctx: Context, keep: Vec<String>, cache: bool) -> LineDecoder {
        LineDecoder { ctx, keep, cache: cache.then(Cache::default), format: Format::Jsonl }
    }

    /// The same decoder, writing `format`.
    pub fn with_format(mut self, format: Format) -> LineDecoder {
        self.format = format;
        self
    }

    /// What comes before the first answer, without a line break: the CSV header, or
    /// nothing for JSON lines.
    pub fn header(&self) -> Vec<u8> {
        let mut out = Vec::new();
        if self.format == Format::Csv {
            crate::columns::write_csv_header(&mut out, &self.keep);
        }
        out
    }

    /// Appends the answer for one line (without its line break) to `out`, as one JSON
    /// object without a newline. Returns whether the line decoded (false: an error object).
    pub fn decode_line(&mut self, line: &[u8], out: &mut Vec<u8>) -> bool {
        let Some(cache) = &mut self.cache else {
            return answer_line(&self.ctx, &self.keep, self.format, line, out);
        };
        if let Some((answer, ok)) = cache.map.get(line) {
            out.extend_from_slice(answer);
            return *ok;
        }
        let start = out.len();
        let ok = answer_line(&self.ctx, &self.keep, self.format, line, out);
        if line.len() <= Cache::MAX_LINE && cache.bytes < Cache::MAX_BYTES {
            let answer: Box<[u8]> = out[start..].into();
            cache.bytes += answer.len() + line.len();
            cache.map.insert(line.into(), (answer, ok));
        }
        ok
    }

    /// Appends the error object for a line longer than [`MAX_LINE`], given its first bytes.
    pub fn too_long(&self, head: &[u8], out: &mut Vec<u8>) {
        let raw = String::from_utf8_lossy(head);
        self.format.write_error(out, &Raw::Text(&raw), &Error::LineTooLong { limit: MAX_LINE });
        append_kept(&self.keep, self.format, &[], out);
    }
}

/// A kept field's value: as read, and its JSON text.
type Kept<'a> = Option<(Json<'a>, &'a [u8])>;

/// Adds the kept fields to the answer just written at the end of `out`: `"kept":{field:
/// value, ...}` inside the JSON object, or one more CSV field per kept field (a string's
/// text, any other value's JSON).
fn append_kept(keep: &[String], format: Format, kept: &[Kept<'_>], out: &mut Vec<u8>) {
    if keep.is_empty() {
        return;
    }
    if format == Format::Csv {
        for i in 0..keep.len() {
            out.push(b',');
            match kept.get(i).copied().flatten() {
                Some((Json::Str(s), raw)) => match s.text() {
                    Some(t) => crate::columns::write_csv_field(out, t.as_bytes()),
                    None => crate::columns::write_csv_field(out, raw),
                },
                Some((_, raw)) => crate::columns::write_csv_field(out, raw),
                None => {}
            }
        }
        return;
    }
    if out.last() != Some(&b'}') {
        return;
    }
    out.pop();
    out.extend_from_slice(b",\"kept\":{");
    for (i, name) in keep.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        crate::json::write_str(out, name);
        out.push(b':');
        match kept.get(i).copied().flatten() {
            Some((_, v)) => out.extend_from_slice(v),
            None => out.extend_from_slice(b"null"),
        }
    }
    out.extend_from_slice(b"}}");
}

fn answer_line(ctx: &Context, keep: &[String], format: Format, line: &[u8], out: &mut Vec<u8>) -> bool {
    let line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
    let trimmed = line.trim_ascii();
    if trimmed.first() == Some(&b'{') {
        return json_line(ctx, keep, format, trimmed, out);
    }
    let ok = match crate::decode::decode_bytes(line, None, ctx) {
        Ok(d) => {
            format.write_decoded(out, &d);
            true
        }
        Err(e) => {
            format.write_error(out, &Raw::Text(&String::from_utf8_lossy(line)), &e);
            false
        }
    };
    append_kept(keep, format, &[], out);
    ok
}

/// The fields of a JSON line the decoder reads.
#[derive(Default)]
struct Fields<'a> {
    code: Option<(Json<'a>, &'a [u8])>,
    message: Option<(Json<'a>, &'a [u8])>,
    duplicate: bool,
}

fn json_line(ctx: &Context, keep: &[String], format: Format, line: &[u8], out: &mut Vec<u8>) -> bool {
    let mut f = Fields::default();
    let mut kept: Vec<Kept<'_>> = vec![None; keep.len()];
    let scanned = scan(line, Limits { max_bytes: MAX_LINE, ..Limits::DEFAULT }, |path, v, span| {
        let [Seg::Key(k)] = path else { return };
        let slot = if k.is("responseCode") {
            Some(&mut f.code)
        } else if k.is("responseMessage") {
            Some(&mut f.message)
        } else {
            None
        };
        if let Some(slot) = slot {
            let raw = &line[span.clone()];
            match slot {
                // The same key twice with different values: which one is meant is unknown.
                Some((_, seen)) if *seen != raw => f.duplicate = true,
                _ => *slot = Some((v, raw)),
            }
        }
        if let Some(i) = keep.iter().position(|name| k.is(name)) {
            kept[i] = Some((v, &line[span]));
        }
    });
    let line_error = match scanned {
        Err(e) => Some(e),
        Ok(()) if f.duplicate => Some(Error::DuplicateKey),
        Ok(()) => None,
    };
    let ok = write_fields(ctx, &f, format, line_error, line, out);
    append_kept(keep, format, &kept, out);
    ok
}

/// Decodes the fields read from a JSON line (or reports the line's error) into `out`.
fn write_fields(
    ctx: &Context,
    f: &Fields<'_>,
    format: Format,
    line_error: Option<Error>,
    line: &[u8],
    out: &mut Vec<u8>,
) -> bool {
    if let Some(e) = line_error {
        format.write_error(out, &Raw::Text(&String::from_utf8_lossy(line)), &e);
        return false;
    }
    let (message, warnings): (Option<Cow<'_, str>>, Warnings) = match f.message {
        None | Some((Json::Null, _)) => (None, Warnings::NONE),
        Some((Json::Str(s), _)) => match s.text() {
            Some(t) => (Some(t), Warnings::NONE),
            None => (None, Warnings::NONE.with(Warning::MessageIgnored)),
        },
        // A message that is not text cannot be matched; the code alone answers.
        Some(_) => (None, Warnings::NONE.with(Warning::MessageIgnored)),
    };
    let message = message.as_deref();
    let code_text;
    let (raw, result) = match f.code {
        None => (Raw::Text(""), Err(Error::MissingArgument { arg: Arg::Code, hint: "a responseCode field" })),
        Some((Json::Str(s), _)) => match s.text() {
            Some(t) => {
                code_text = t;
                (Raw::Text(&code_text), crate::decode::decode(&code_text, message, ctx))
            }
            None => (Raw::Text(""), Err(Error::InvalidUtf8 { position: 0 })),
        },
        Some((Json::Num(n), _)) => (Raw::Number(n), number(n, message, ctx)),
        Some((other, _)) => {
            let got = match other {
                Json::Bool(_) => crate::ValueType::Bool,
                Json::Null => crate::ValueType::Null,
                Json::Array => crate::ValueType::List,
                _ => crate::ValueType::Object,
            };
            (Raw::Text(""), Err(Error::BadType { arg: Arg::Code, expected: "a string or a number", got }))
        }
    };
    match result {
        Ok(d) => {
            format.write_decoded(out, &d.with_warnings(warnings));
            true
        }
        Err(e) => {
            format.write_error(out, &raw, &e);
            false
        }
    }
}

/// A JSON number as a code: an integer, or a float that must be whole.
fn number<'a>(n: &str, message: Option<&'a str>, ctx: &Context) -> Result<crate::Decoded<'a>, Error> {
    if let Ok(i) = n.parse::<i64>() {
        return crate::decode::decode_integer(i, message, ctx);
    }
    match n.parse::<f64>() {
        Ok(x) => crate::decode::decode_float(x, message, ctx),
        Err(_) => Err(Error::NotAnInteger),
    }
}
