//! The Rust runner of the bad-input matrix (`tests/bad_inputs.json`).
//!
//! Strings, bytes and numbers go to the core's typed entry points (`decode`, `decode_bytes`,
//! `decode_integer`, `decode_float`). JSON values that are not codes at all (null, booleans,
//! arrays, objects) reach a Rust program only through the CLI's JSON-line input, so those
//! cases run `paycodes decode` with `{"responseCode": <value>}` and read its error object.
//! Options of the wrong type cannot be expressed in Rust (`Context` is typed): such cases are
//! reported as not expressible.

use crate::compare;
use paycodes::{Context, Decoded, Error, Locale, decode_bytes, decode_float, decode_integer, json};
use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// A value of the matrix, after expanding its `$` forms.
pub enum Input {
    Text(String),
    Bytes(Vec<u8>),
    Integer(i64),
    Float(f64),
    /// A JSON value that is not a code (null, boolean, array, object).
    Json(Value),
}

/// Expands a matrix value: strings, numbers, `{"$repeat": s, "times": n, "prefix"?, "suffix"?}`,
/// `{"$bytes": [..]}`, `{"$float": "nan" | "inf" | "-inf"}`, `{"$object": {..}}`, or any other
/// JSON value as itself.
pub fn expand(v: &Value) -> Result<Input, String> {
    Ok(match v {
        Value::String(s) => Input::Text(s.clone()),
        Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) if !n.is_f64() => Input::Integer(i),
            (_, Some(f)) => Input::Float(f),
            _ => return Err(format!("number {n} out of range")),
        },
        Value::Object(o) if o.contains_key("$repeat") => {
            let unit = o["$repeat"].as_str().ok_or("$repeat takes a string")?;
            let times = o.get("times").and_then(Value::as_u64).ok_or("$repeat needs times")? as usize;
            let part = |k: &str| o.get(k).and_then(Value::as_str).unwrap_or("");
            Input::Text(format!("{}{}{}", part("prefix"), unit.repeat(times), part("suffix")))
        }
        Value::Object(o) if o.contains_key("$bytes") => Input::Bytes(
            o["$bytes"]
                .as_array()
                .ok_or("$bytes takes an array")?
                .iter()
                .map(|b| b.as_u64().and_then(|b| u8::try_from(b).ok()).ok_or("$bytes takes bytes"))
                .collect::<Result<_, _>>()?,
        ),
        Value::Object(o) if o.contains_key("$float") => Input::Float(match o["$float"].as_str() {
            Some("nan") => f64::NAN,
            Some("inf") => f64::INFINITY,
            Some("-inf") => f64::NEG_INFINITY,
            other => return Err(format!("unknown $float {other:?}")),
        }),
        Value::Object(o) if o.contains_key("$object") => Input::Json(o["$object"].clone()),
        other => Input::Json(other.clone()),
    })
}

/// What a case produced: an answer (as the CLI's JSON object), an error id, or "not
/// expressible in Rust" with the reason.
pub enum Outcome {
    Answer(Value),
    Error(String),
    NotExpressible(&'static str),
}

fn to_json(d: &Decoded<'_>, locale: Locale) -> Value {
    let mut out = Vec::new();
    json::write_decoded(&mut out, d, locale);
    serde_json::from_slice(&out).expect("paycodes::json writes valid JSON")
}

fn option<'v>(options: &'v Value, key: &str) -> Result<Option<&'v str>, ()> {
    match options.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(()),
    }
}

/// Runs one case through Rust (`cli`: the `paycodes` binary, for JSON values).
pub fn run(case: &Value, cli: &Path) -> Result<Outcome, String> {
    let empty = Value::Object(Default::default());
    let options = case.get("options").unwrap_or(&empty);
    let strings: Result<Vec<Option<&str>>, ()> =
        ["provider", "family", "network", "operation", "kind", "locale"].iter().map(|k| option(options, k)).collect();
    let Ok(o) = strings else { return Ok(Outcome::NotExpressible("an option of the wrong type: Context is typed")) };
    let ctx = match Context::from_options(o[0], o[1], o[2], o[3], o[4]) {
        Ok(c) => c,
        Err(e) => return Ok(Outcome::Error(e.id().into())),
    };
    let locale = Locale::parse(o[5].unwrap_or("en"));
    let message = match options.get("message").map(expand).transpose()? {
        None => None,
        Some(Input::Text(s)) => Some(s.into_bytes()),
        Some(Input::Bytes(b)) => Some(b),
        Some(_) => return Ok(Outcome::NotExpressible("a message of the wrong type: messages are text")),
    };
    let result: Result<Value, Error> = match expand(case.get("code").unwrap_or(&Value::Null))? {
        Input::Text(s) => decode_bytes(s.as_bytes(), message.as_deref(), &ctx).map(|d| to_json(&d, locale)),
        Input::Bytes(b) => decode_bytes(&b, message.as_deref(), &ctx).map(|d| to_json(&d, locale)),
        Input::Integer(n) => {
            let m = message.as_deref().map(std::str::from_utf8).transpose().map_err(|e| e.to_string())?;
            decode_integer(n, m, &ctx).map(|d| to_json(&d, locale))
        }
        Input::Float(f) => {
            let m = message.as_deref().map(std::str::from_utf8).transpose().map_err(|e| e.to_string())?;
            decode_float(f, m, &ctx).map(|d| to_json(&d, locale))
        }
        Input::Json(v) => {
            if case.get("options").is_some() {
                return Ok(Outcome::NotExpressible("JSON lines of `paycodes decode` carry no options"));
            }
            return cli_json_line(cli, &v);
        }
    };
    Ok(match result {
        Ok(v) => Outcome::Answer(v),
        Err(e) => Outcome::Error(e.id().into()),
    })
}

/// `paycodes decode` on one JSON line `{"responseCode": value}`.
fn cli_json_line(cli: &Path, value: &Value) -> Result<Outcome, String> {
    let mut child = Command::new(cli)
        .arg("decode")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("{}: {e}", cli.display()))?;
    let line = serde_json::json!({ "responseCode": value }).to_string();
    child.stdin.take().ok_or("no stdin")?.write_all(format!("{line}\n").as_bytes()).map_err(|e| e.to_string())?;
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    let answer: Value = serde_json::from_slice(&out.stdout).map_err(|e| format!("CLI output: {e}"))?;
    Ok(match answer.get("error").and_then(Value::as_str) {
        Some(id) => Outcome::Error(id.into()),
        None => Outcome::Answer(answer),
    })
}

/// Checks an outcome against the case's expectation.
pub fn check(case: &Value, outcome: &Outcome) -> Result<(), String> {
    match (case.get("expect"), case.get("expect_error").and_then(Value::as_str), outcome) {
        (_, _, Outcome::NotExpressible(_)) => Ok(()),
        (Some(expect), None, Outcome::Answer(actual)) => {
            let mut diffs = Vec::new();
            compare("", expect, actual, &mut diffs);
            if diffs.is_empty() { Ok(()) } else { Err(diffs.join("; ")) }
        }
        (None, Some(id), Outcome::Error(got)) if id == got => Ok(()),
        (None, Some(id), Outcome::Error(got)) => Err(format!("expected error {id}, got {got}")),
        (None, Some(id), Outcome::Answer(_)) => Err(format!("expected error {id}, got an answer")),
        (Some(_), None, Outcome::Error(got)) => Err(format!("expected an answer, got error {got}")),
        _ => Err("a case has exactly one of expect / expect_error".into()),
    }
}
