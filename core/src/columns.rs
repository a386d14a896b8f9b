//! A decoded code as one flat row, for tables: CSV from `paycodes decode --format csv`,
//! Arrow record batches from the Python package's `decode_arrow`, and whatever columnar
//! output a binding adds later. The columns are derived from the [`DECODED`] schema, so a
//! field added there becomes a column everywhere:
//!
//! - a scalar field is one column with the field's key;
//! - a nested object (`service`) becomes one column per field of it, named
//!   `<field>_<subfield>` (`service_name`, `service_kind`, ...); a subfield whose name is
//!   already a column (`service.code` is `service_code`) is not repeated;
//! - a list (`network_variants`, `warnings`) is one text column holding the list as JSON,
//!   null when the list is empty or absent;
//! - `raw` (text or a number) is text, a number written as in JSON;
//! - a last column, `error`, holds the stable error id of a row that did not decode (every
//!   other column of that row is null except `raw`).

use crate::error::Error;
use crate::fields::{DECODED, Obj, Ty, Value};
use crate::ids::EnumType;
use crate::model::{Decoded, Raw};
use std::sync::OnceLock;

/// The index of the column named `name`; anything else is `unknown_column`.
pub fn column_index(name: &str) -> Result<usize, Error> {
    decoded_columns().iter().position(|c| c.name == name).ok_or(Error::UnknownColumn)
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

/// Where a column's value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Path {
    /// Field `i` of the answer.
    Field(usize),
    /// Field `j` of the object in field `i`.
    Nested(usize, usize),
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
    COLUMNS.get_or_init(|| {
        let mut cols: Vec<Column> = Vec::new();
        let top: Vec<&str> = DECODED.fields.iter().map(|f| f.key).collect();
        for (i, f) in DECODED.fields.iter().enumerate() {
            match scalar(f.ty) {
                Some(ty) => cols.push(Column { name: f.key.to_string(), ty, doc: f.doc, path: Path::Field(i) }),
                None => {
                    let Some(schema) = object(f.ty) else { continue };
                    for (j, sub) in schema.fields.iter().enumerate() {
                        let name = format!("{}_{}", f.key, sub.key);
                        // Nested objects hold scalars only (checked by a test).
                        let Some(ty) = scalar(sub.ty) else { continue };
                        if !top.contains(&name.as_str()) {
                            cols.push(Column { name, ty, doc: sub.doc, path: Path::Nested(i, j) });
                        }
                    }
                }
            }
        }
        cols.push(Column {
            name: "error".into(),
            ty: ColumnType::Text,
            doc: "The stable error id when the row did not decode (every other column but raw is null).\n",
            path: Path::Error,
        });
        cols
    })
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

fn object(ty: Ty) -> Option<&'static crate::fields::Schema> {
    match ty {
        Ty::Object(s) => Some(s),
        Ty::Opt(inner) => object(*inner),
        _ => None,
    }
}

/// The value of column `col` for a decoded code. A list is returned as a list (render it
/// with [`write_text`]); an empty list is `Null`.
pub fn cell<'a>(d: &'a Decoded<'a>, col: usize) -> Value<'a> {
    let Some(c) = decoded_columns().get(col) else { return Value::Null };
    let v = match c.path {
        Path::Field(i) => Obj::Decoded(d).get(i),
        Path::Nested(i, j) => match Obj::Decoded(d).get(i) {
            Value::Object(o) => o.get(j),
            _ => Value::Null,
        },
        Path::Error => Value::Null,
    };
    match v {
        Value::List(l) if l.is_empty() => Value::Null,
        v => v,
    }
}

/// The value of column `col` for a row that failed with `err`: its `raw` (null when there
/// was no code) and `error` only.
pub fn error_cell<'a>(raw: Option<&Raw<'a>>, err: &Error, col: usize) -> Value<'a> {
    let Some(c) = decoded_columns().get(col) else { return Value::Null };
    match (c.path, raw) {
        (Path::Error, _) => Value::Str(err.id()),
        (Path::Field(i), Some(raw)) if DECODED.fields[i].key == "raw" => match *raw {
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
    write_csv_cells(out, |col| error_cell(Some(raw), err, col));
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
        let names = names();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), names.len(), "{names:?}");
        for f in DECODED.fields {
            if object(f.ty).is_none() {
                assert!(names.contains(&f.key), "{} is not a column", f.key);
            }
        }
        assert_eq!(names.last(), Some(&"error"));
        for c in ["service_name", "service_kind", "service_moves_money", "service_status_service"] {
            assert!(names.contains(&c), "{c}");
        }
    }

    #[test]
    fn nested_objects_hold_only_scalars() {
        for f in DECODED.fields {
            if let Some(s) = object(f.ty) {
                for sub in s.fields {
                    assert!(scalar(sub.ty).is_some(), "{}.{} would be lost", f.key, sub.key);
                }
            }
        }
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
