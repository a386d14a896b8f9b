//! The Rust runner of the shared conformance vectors (`tests/vectors/*.json`).
//!
//! Every language's runner implements the same comparison: each key of `expect` must equal
//! the answer's key (objects compare as subsets, arrays element by element with equal
//! lengths, recursively); `expect_error` must equal the error id.

pub mod bad_inputs;

use paycodes::{Context, Decoded, Error, Locale, Raw, decode, decode_float, decode_integer, json};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// One vector that did not pass.
#[derive(Debug)]
pub struct Failure {
    /// `file: name`.
    pub name: String,
    /// What differed.
    pub why: String,
}

/// Totals of a run.
#[derive(Debug, Default)]
pub struct Report {
    /// Vectors that passed.
    pub passed: usize,
    /// Vectors that failed.
    pub failures: Vec<Failure>,
}

/// The vector files in a directory, sorted.
pub fn vector_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

fn opt_str<'v>(input: &'v Value, key: &str) -> Result<Option<&'v str>, String> {
    match input.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(format!("input.{key} must be a string, got {other}")),
    }
}

/// Decodes one vector input; returns the answer as JSON or the error.
pub fn answer(input: &Value) -> Result<Result<Value, Error>, String> {
    let ctx = match Context::from_options(
        opt_str(input, "provider")?,
        opt_str(input, "family")?,
        opt_str(input, "network")?,
        opt_str(input, "operation")?,
        opt_str(input, "kind")?,
    ) {
        Ok(c) => c,
        Err(e) => return Ok(Err(e)),
    };
    let message = opt_str(input, "message")?;
    let locale = Locale::parse(opt_str(input, "locale")?.unwrap_or("en"));
    let to_json = |d: Decoded<'_>| {
        let mut out = Vec::new();
        json::write_decoded(&mut out, &d, locale);
        serde_json::from_slice::<Value>(&out).expect("paycodes::json writes valid JSON")
    };
    let code = input.get("code").unwrap_or(&Value::Null);
    let result = match code {
        Value::String(s) => decode(s, message, &ctx).map(to_json),
        Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => decode_integer(i, message, &ctx).map(to_json),
            (None, Some(f)) => decode_float(f, message, &ctx).map(to_json),
            (None, None) => Err(Error::BadType),
        },
        _ => Err(Error::BadType),
    };
    // The JSON error object must be well-formed too.
    if let Err(e) = &result {
        let raw = match code {
            Value::String(s) => Raw::Text(s),
            _ => Raw::Text(""),
        };
        let mut out = Vec::new();
        json::write_error(&mut out, &raw, e);
        let v: Value = serde_json::from_slice(&out).map_err(|e| format!("error JSON does not parse: {e}"))?;
        if v["error"] != e.id() {
            return Err(format!("error JSON has error {} for {}", v["error"], e.id()));
        }
    }
    Ok(result)
}

/// Compares `expect` against `actual`: objects as subsets, arrays element by element (same
/// length), everything else by equality.
pub fn compare(path: &str, expect: &Value, actual: &Value, out: &mut Vec<String>) {
    match (expect, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, ev) in e {
                match a.get(k) {
                    None => out.push(format!("{path}{k}: missing (expected {ev})")),
                    Some(av) => compare(&format!("{path}{k}."), ev, av, out),
                }
            }
        }
        (Value::Array(e), Value::Array(a)) if e.len() == a.len() => {
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                compare(&format!("{path}{i}."), ev, av, out);
            }
        }
        _ if expect == actual => {}
        _ => out.push(format!("{}: expected {expect}, got {actual}", path.trim_end_matches('.'))),
    }
}

/// Runs one vector.
pub fn run_case(case: &Value) -> Result<(), String> {
    let input = case.get("input").ok_or("no input")?;
    let result = answer(input)?;
    match (case.get("expect"), case.get("expect_error"), result) {
        (Some(expect), None, Ok(actual)) => {
            let mut diffs = Vec::new();
            compare("", expect, &actual, &mut diffs);
            if diffs.is_empty() { Ok(()) } else { Err(diffs.join("; ")) }
        }
        (Some(_), None, Err(e)) => Err(format!("expected an answer, got error {} ({e})", e.id())),
        (None, Some(id), Err(e)) if id == e.id() => Ok(()),
        (None, Some(id), Err(e)) => Err(format!("expected error {id}, got {}", e.id())),
        (None, Some(id), Ok(v)) => Err(format!("expected error {id}, got an answer: {v}")),
        _ => Err("a case has exactly one of expect / expect_error".into()),
    }
}

/// Runs every vector of every file in `dir`.
pub fn run_dir(dir: &Path) -> Report {
    let mut report = Report::default();
    let mut names = std::collections::HashSet::new();
    for file in vector_files(dir) {
        let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let doc: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let cases = doc["cases"].as_array().unwrap_or_else(|| panic!("{}: no cases array", file.display()));
        for case in cases {
            let name = format!("{stem}: {}", case["name"].as_str().unwrap_or("<unnamed>"));
            let outcome = if names.insert(name.clone()) { run_case(case) } else { Err("duplicate name".into()) };
            match outcome {
                Ok(()) => report.passed += 1,
                Err(why) => report.failures.push(Failure { name, why }),
            }
        }
    }
    report
}

/// `tests/vectors` of this repository.
pub fn default_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../vectors")
}

/// The thread-stress workload every language uses: the (code, message) pairs of every vector
/// whose input has only a string `code` and optionally a `message`, and which expects an
/// answer; sorted, without duplicates.
pub fn stress_items(dir: &Path) -> Vec<(String, Option<String>)> {
    let mut items = std::collections::BTreeSet::new();
    for file in vector_files(dir) {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&file).expect("read")).expect("JSON");
        for case in doc["cases"].as_array().into_iter().flatten() {
            let input = &case["input"];
            let keys_ok = input.as_object().is_some_and(|o| o.keys().all(|k| k == "code" || k == "message"));
            if let (true, Some(code), true) = (keys_ok, input["code"].as_str(), case.get("expect").is_some()) {
                items.insert((code.to_owned(), input["message"].as_str().map(str::to_owned)));
            }
        }
    }
    items.into_iter().collect()
}
