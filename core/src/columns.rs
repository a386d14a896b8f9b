//! An answer as one flat row, for tables: CSV from `paycodes decode --format csv`, Arrow
//! record batches from the Python package's `decode_arrow`, and whatever columnar output a
//! binding adds later. Two column sets exist, derived from the answer schemas, so a field
//! added there becomes a column everywhere: [`decoded_columns`] (a decoded code, the
//! [`DECODED`] schema) and [`response_columns`] (a whole response, [`DECODED_RESPONSE`]).
//!
//! - a scalar field is one column with the field's key;
//! - a nested object becomes one column per field of it, named `<field>_<subfield>`
//!   (`service_name`, `code_outcome`, `code_service_kind`, `status_value`), recursively; a
//!   subfield whose name is already a column (`service.code` is `service_code`) is not
//!   repeated;
//! - a list (`network_variants`, `warnings`, `references`) is one text column holding the
//!   list as JSON, null when the list is empty or absent;
//! - `raw` (text or a number) is text, a number written as in JSON;
//! - a last column, `error`, holds the stable error id of a row that did not decode (every
//!   other column of that row is null, except a decoded code's `raw`).

use crate::error::Error;
use crate::fields::{DECODED, DECODED_RESPONSE, Obj, Schema, Ty, Value};
use crate::ids::EnumType;
use crate::model::{Decoded, Raw};
use crate::response::Response;
use std::sync::OnceLock;

/// Which answer a set of columns flattens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnSet {
    /// A decoded code: [`decoded_columns`].
    Decoded,
    /// A whole response or callback body: [`response_columns`].
    Response,
}

impl ColumnSet {
    /// The columns, in order; the last is `error`.
    pub fn columns(self) -> &'static [Column] {
        match self {
            ColumnSet::Decoded => decoded_columns(),
            ColumnSet::Response => response_columns(),
        }
    }

    /// The index of the column named `name`; anything else is `unknown_column`.
    pub fn index(self, name: &str) -> Result<usize, Error> {
        self.columns().iter().position(|c| c.name == name).ok_or(Error::UnknownColumn { set: self })
    }
}

/// The index of the decoded-code column named `name`; anything else is `unknown_column`.
pub fn column_index(name: &str) -> Result<usize, Error> {
    ColumnSet::Decoded.index(name)
}

/// What a column holds. Every column may be null.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    /// `true` / `false`.
    Bool,
    /// A whole number.
    Int,
    /// Text.
    Text,
    /// An id of an enum (its values: [`EnumType::values`]).
    Enum(EnumType),
}

/// Deepest nesting of objects in an answer (a response's `code.service.name` is 3).
const MAX_DEPTH: usize = 4;

/// Where a column's value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Path {
    /// Field `path[0]` of the answer, then field `path[1]` of that object, and so on
    /// (`depth` steps).
    Field { path: [u8; MAX_DEPTH], depth: u8 },
    /// The error id of a row that failed.
    Error,
}

/// One column of the flat row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// Its name (snake_case).
    pub name: String,
    /// What it holds.
    pub ty: ColumnType,
    /// What it means (the field's doc).
    pub doc: &'static str,
    path: Path,
}

/// The columns of a decoded code, in order; the last is `error`.
pub fn decoded_columns() -> &'static [Column] {
    static COLUMNS: OnceLock<Vec<Column>> = OnceLock::new();
    COLUMNS.get_or_init(|| columns_of(&DECODED))
}

/// The columns of a whole response (`decode_response`), in order; the last is `error`.
pub fn response_columns() -> &'static [Column] {
    static COLUMNS: OnceLock<Vec<Column>> = OnceLock::new();
    COLUMNS.get_or_init(|| columns_of(&DECODED_RESPONSE))
}

fn columns_of(schema: &'static Schema) -> Vec<Column> {
    let mut cols = Vec::new();
    flatten(schema, "", &[], &mut [0; MAX_DEPTH], 0, &mut cols);
    cols.push(Column {
        name: "error".into(),
        ty: ColumnType::Text,
        doc: "The stable error id when the row did not decode (every other column but raw is null).\n",
        path: Path::Error,
    });
    cols
}

/// Appends the columns of `schema`'s fields, named `prefix` + key, at `path[..depth]`, a
/// nested object's columns where the object's field is. A subfield is skipped when its name
/// is taken, by a column already made or by a scalar field of the enclosing object (`service`
/// comes before `service_code` in a decoded code, whose column `service.code` would repeat).
fn flatten(
    schema: &'static Schema,
    prefix: &str,
    enclosing: &[String],
    path: &mut [u8; MAX_DEPTH],
    depth: usize,
    cols: &mut Vec<Column>,
) {
    let own: Vec<String> =
        schema.fields.iter().filter(|f| scalar(f.ty).is_some()).map(|f| format!("{prefix}{}", f.key)).collect();
    for (i, f) in schema.fields.iter().enumerate() {
        path[depth] = i as u8;
        let name = format!("{prefix}{}", f.key);
        if let Some(ty) = scalar(f.ty) {
            if !enclosing.contains(&name) && !cols.iter().any(|c| c.name == name) {
                let path = Path::Field { path: *path, depth: depth as u8 + 1 };
                cols.push(Column { name, ty, doc: f.doc, path });
            }
        } else if let Some(sub) = object(f.ty)
            // Nesting deeper than MAX_DEPTH is caught by a test; cut it rather than panic.
            && depth + 1 < MAX_DEPTH
        {
            flatten(sub, &format!("{name}_"), &own, path, depth + 1, cols);
        }
    }
}

/// The column type of a field type, `None` for an object.
fn scalar(ty: Ty) -> Option<ColumnType> {
    match ty {
        Ty::Bool => Some(ColumnType::Bool),
        Ty::Int => Some(ColumnType::Int),
        Ty::Str | Ty::Raw | Ty::List(_) => Some(ColumnType::Text),
        Ty::Enum(e) => Some(ColumnType::Enum(e)),
        Ty::Opt(inner) => scalar(*inner),
        Ty::Object(_) => None,
    }
}

fn object(ty: Ty) -> Option<&'static Schema> {
    match ty {
        Ty::Object(s) => Some(s),
        Ty::Opt(inner) => object(*inner),
        _ => None,
    }
}

/// The value of `column` in an answer. A list is returned as a list (render it with
/// [`write_text`]); an empty list is `Null`.
fn value_at<'a>(obj: Obj<'a>, column: &Column) -> Value<'a> {
    let Path::Field { path, depth } = column.path else { return Value::Null };
    let mut v = Value::Object(obj);
    for &i in &path[..usize::from(depth)] {
        v = match v {
            Value::Object(o) => o.get(usize::from(i)),
            _ => return Value::Null,
        };
    }
    match v {
        Value::List(l) if l.is_empty() => Value::Null,
        Value::Object(_) => Value::Null,
        v => v,
    }
}

/// The value of column `col` of [`decoded_columns`] for a decoded code. A list is returned
/// as a list (render it with [`write_text`]); an empty list is `Null`.
pub fn cell<'a>(d: &'a Decoded<'a>, col: usize) -> Value<'a> {
    decoded_columns().get(col).map_or(Value::Null, |c| value_at(Obj::Decoded(d), c))
}

/// The value of column `col` of [`response_columns`] for a whole response.
pub fn response_cell(r: &Response, col: usize) -> Value<'_> {
    response_columns().get(col).map_or(Value::Null, |c| value_at(Obj::Response(r), c))
}

/// The value of column `col` of `set` for a row that failed with `err`: its `error`, and
/// for a decoded code its `raw` (null when there was no code); every other column is null.
pub fn error_cell<'a>(set: ColumnSet, raw: Option<&Raw<'a>>, err: &Error, col: usize) -> Value<'a> {
    let Some(c) = set.columns().get(col) else { return Value::Null };
    match (c.path, raw) {
        (Path::Error, _) => Value::Str(err.id()),
        (Path::Field { .. }, Some(raw)) if set == ColumnSet::Decoded && c.name == "raw" => match *raw {
            Raw::Text(s) => Value::Str(s),
            Raw::Integer(n) => Value::Int(n),
            Raw::Float(x) => Value::Float(x),
            Raw::Number(n) => Value::Str(n),
        },
        _ => Value::Null,
    }
}

/// Appends a cell's value as plain text: text as is, an enum as its id, a boolean as
/// `true`/`false`, a number as in JSON, a list or object as JSON. Returns false (writing
/// nothing) for `Null`.
pub fn write_text(out: &mut Vec<u8>, v: &Value<'_>) -> bool {
    match *v {
        Value::Null => return false,
        Value::Str(s) => out.extend_from_slice(s.as_bytes()),
        Value::Text(t) => out.extend_from_slice(t.as_str().as_bytes()),
        Value::Enum(ty, n) => match ty.id_of(n) {
            Some(t) => out.extend_from_slice(t.as_str().as_bytes()),
            None => return false,
        },
        Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::Object(_) | Value::List(_) => {
            crate::json::write_value(out, v)
        }
    }
    true
}

/// Appends the CSV header: the columns, then `kept_<name>` for each kept field.
pub fn write_csv_header(out: &mut Vec<u8>, kept: &[String]) {
    for (i, c) in decoded_columns().iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(c.name.as_bytes());
    }
    for name in kept {
        out.push(b',');
        write_csv_field(out, format!("kept_{name}").as_bytes());
    }
}

/// Appends a decoded code as one CSV record (no line break).
pub fn write_csv_row(out: &mut Vec<u8>, d: &Decoded<'_>) {
    write_csv_cells(out, |col| cell(d, col));
}

/// Appends a row that failed as one CSV record (no line break).
pub fn write_csv_error(out: &mut Vec<u8>, raw: &Raw<'_>, err: &Error) {
    write_csv_cells(out, |col| error_cell(ColumnSet::Decoded, Some(raw), err, col));
}

fn write_csv_cells<'a>(out: &mut Vec<u8>, cell: impl Fn(usize) -> Value<'a>) {
    let mut text = Vec::with_capacity(128);
    for col in 0..decoded_columns().len() {
        if col > 0 {
            out.push(b',');
        }
        text.clear();
        if write_text(&mut text, &cell(col)) {
            write_csv_field(out, &text);
        }
    }
}

/// Appends one CSV field (RFC 4180): quoted when it holds a comma, a quote, a line break
/// or leading/trailing spaces, with quotes doubled. An empty field is written as `""` so
/// that it differs from a null (nothing).
pub fn write_csv_field(out: &mut Vec<u8>, text: &[u8]) {
    let quote = text.is_empty()
        || text.iter().any(|&b| matches!(b, b',' | b'"' | b'\n' | b'\r'))
        || text.first().is_some_and(u8::is_ascii_whitespace)
        || text.last().is_some_and(u8::is_ascii_whitespace);
    if !quote {
        out.extend_from_slice(text);
        return;
    }
    out.push(b'"');
    for &b in text {
        if b == b'"' {
            out.push(b'"');
        }
        out.push(b);
    }
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Context;

    fn names() -> Vec<&'static str> {
        decoded_columns().iter().map(|c| c.name.as_str()).collect()
    }

    #[test]
    fn every_field_is_a_column_and_names_are_unique() {
        for set in [ColumnSet::Decoded, ColumnSet::Response] {
            let names: Vec<&str> = set.columns().iter().map(|c| c.name.as_str()).collect();
            let mut sorted = names.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), names.len(), "{names:?}");
            assert_eq!(names.last(), Some(&"error"));
        }
        let names = names();
        for f in DECODED.fields {
            if object(f.ty).is_none() {
                assert!(names.contains(&f.key), "{} is not a column", f.key);
            }
        }
        for c in ["service_name", "service_kind", "service_moves_money", "service_status_service"] {
            assert!(names.contains(&c), "{c}");
        }
        let response: Vec<&str> = response_columns().iter().map(|c| c.name.as_str()).collect();
        for c in [
            "outcome",
            "decided_by",
            "references",
            "code_canonical",
            "code_outcome",
            "code_service_name",
            "status_field",
            "status_value",
            "decline_value",
            "inquiry_service_code",
            "inquiry_service_name",
        ] {
            assert!(response.contains(&c), "{c} in {response:?}");
        }
        // `code.service.code` would repeat `code_service_code` (the code's own field).
        let col = ColumnSet::Response.index("code_service_code").unwrap();
        assert_eq!(response_columns()[col].doc, DECODED.fields[DECODED.index("service_code").unwrap()].doc);
    }

    /// Every scalar reachable through nested objects is a column (or repeats one by name):
    /// nothing is lost to the depth limit.
    #[test]
    fn flattening_loses_no_field() {
        fn leaves(schema: &'static Schema, prefix: &str, out: &mut Vec<String>) {
            for f in schema.fields {
                match object(f.ty) {
                    Some(sub) => leaves(sub, &format!("{prefix}{}_", f.key), out),
                    None => out.push(format!("{prefix}{}", f.key)),
                }
            }
        }
        for (schema, set) in [(&DECODED, ColumnSet::Decoded), (&DECODED_RESPONSE, ColumnSet::Response)] {
            let mut all = Vec::new();
            leaves(schema, "", &mut all);
            for name in all {
                assert!(set.index(&name).is_ok(), "{name} is not a column of {set:?}");
            }
        }
    }

    #[test]
    fn response_cells_match_the_answer() {
        let body = br#"{"responseCode":"2005500","responseMessage":"Successful","originalPartnerReferenceNo":"INV-1","latestTransactionStatus":"06","transactionStatusDesc":"Failed"}"#;
        let r = crate::response::decode_response(Some(body), None, &Context::new()).unwrap();
        let text = |name: &str| {
            let col = ColumnSet::Response.index(name).unwrap();
            let mut out = Vec::new();
            write_text(&mut out, &response_cell(&r, col)).then(|| String::from_utf8(out).unwrap())
        };
        assert_eq!(text("outcome").as_deref(), Some("failed"));
        assert_eq!(text("code_canonical").as_deref(), Some("2005500"));
        assert_eq!(text("code_outcome").as_deref(), Some("success"), "the inquiry itself succeeded");
        assert_eq!(text("status_field").as_deref(), Some("latestTransactionStatus"));
        assert_eq!(text("status_value").as_deref(), Some("06"));
        assert_eq!(text("decline_value"), None);
        assert_eq!(text("error"), None);
        let refs = text("references").unwrap();
        assert!(refs.contains("INV-1"), "{refs}");
        let deep = "[".repeat(100);
        let err = crate::response::decode_response(Some(deep.as_bytes()), None, &Context::new()).unwrap_err();
        let id = ColumnSet::Response.index("error").unwrap();
        assert!(matches!(error_cell(ColumnSet::Response, None, &err, id), Value::Str(s) if s == err.id()));
        let outcome = ColumnSet::Response.index("outcome").unwrap();
        assert!(matches!(error_cell(ColumnSet::Response, None, &err, outcome), Value::Null));
    }

    #[test]
    fn an_unknown_column_names_the_set_it_was_looked_up_in() {
        let e = ColumnSet::Response.index("canonical").unwrap_err();
        assert_eq!(e.id(), "unknown_column");
        assert!(e.to_string().contains("code_canonical"), "{e}");
        assert!(ColumnSet::Decoded.index("canonical").is_ok());
    }

    fn col(name: &str) -> usize {
        names().iter().position(|n| *n == name).unwrap()
    }

    #[test]
    fn cells_match_the_json_answer() {
        let d = crate::decode("4035414", Some("Insufficient Funds"), &Context::new()).unwrap();
        let text = |name: &str| {
            let mut out = Vec::new();
            write_text(&mut out, &cell(&d, col(name))).then(|| String::from_utf8(out).unwrap())
        };
        assert_eq!(text("outcome").as_deref(), Some("failed"));
        assert_eq!(text("service_code").as_deref(), Some("54"));
        assert_eq!(text("service_moves_money").as_deref(), Some("true"));
        assert_eq!(text("http_status").as_deref(), Some("403"));
        assert_eq!(text("warnings"), None, "an empty list is null");
        assert_eq!(text("error"), None);
        let card = crate::decode("08", None, &Context::new()).unwrap();
        let mut out = Vec::new();
        assert!(write_text(&mut out, &cell(&card, col("network_variants"))));
        assert!(out.starts_with(b"[{\"network\":"), "{}", String::from_utf8_lossy(&out));
    }

    #[test]
    fn error_rows_keep_raw_and_the_id() {
        let err = crate::decode("40354", None, &Context::new()).unwrap_err();
        let mut out = Vec::new();
        write_csv_error(&mut out, &Raw::Text("40354"), &err);
        let fields: Vec<&str> = std::str::from_utf8(&out).unwrap().split(',').collect();
        assert_eq!(fields.len(), decoded_columns().len());
        assert_eq!(fields[col("raw")], "40354");
        assert_eq!(fields[col("error")], "bad_length");
        assert!(fields.iter().enumerate().all(|(i, f)| i == col("raw") || i == col("error") || f.is_empty()));
    }

    #[test]
    fn csv_quoting() {
        let mut out = Vec::new();
        for t in [&b"plain"[..], b"a,b", b"say \"hi\"", b"two\nlines", b"", b" pad"] {
            write_csv_field(&mut out, t);
            out.push(b'|');
        }
        assert_eq!(out, b"plain|\"a,b\"|\"say \"\"hi\"\"\"|\"two\nlines\"|\"\"|\" pad\"|");
    }
}
