//! The Rust runner of the shared vectors (`tests/vectors/*.json`): the reference every other
//! language's runner mirrors.
//!
//! A vector names a `call` (default `decode`), gives its `input` (the call's positional
//! argument under its own name, every other key a keyword option, passed by key so a
//! misspelt key is `unknown_option`), and either `expect` (the answer's JSON, compared as a
//! subset) or `expect_error` (the stable id, and for batches `expect_index`). Input values
//! may use the `$` forms of tests/vectors/README.md for what JSON cannot hold.

use paycodes::api::{self, Args, Call, Input};
use paycodes::fields::Obj;
use paycodes::{Error, ValueType, json};
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

/// An input value after expanding the `$` forms.
#[derive(Debug, Clone)]
pub enum Val {
    /// Text.
    Str(String),
    /// Bytes.
    Bytes(Vec<u8>),
    /// Text with a lone surrogate (no UTF-8 form).
    BadText,
    /// A whole number.
    Int(i64),
    /// A whole number beyond 64 bits.
    BigInt(bool, usize),
    /// A float.
    Float(f64),
    /// Any other JSON value (null, boolean, array, object).
    Json(Value),
}

/// Expands an input value: strings, numbers, and the forms
/// `{"$repeat": s, "times": n, "prefix"?, "suffix"?}`, `{"$bytes": [..]}`,
/// `{"$float": "nan" | "inf" | "-inf"}`, `{"$bigint": "-123..."}`,
/// `{"$lone_surrogate": true}`, `{"$object": {..}}`.
pub fn expand(v: &Value) -> Result<Val, String> {
    Ok(match v {
        Value::String(s) => Val::Str(s.clone()),
        Value::Number(n) if !n.is_f64() => match n.as_i64() {
            Some(i) => Val::Int(i),
            None => Val::BigInt(false, n.to_string().len()),
        },
        Value::Number(n) => Val::Float(n.as_f64().ok_or("bad number")?),
        Value::Object(o) if o.contains_key("$repeat") => {
            let unit = o["$repeat"].as_str().ok_or("$repeat takes a string")?;
            let times = o.get("times").and_then(Value::as_u64).ok_or("$repeat needs times")? as usize;
            let part = |k: &str| o.get(k).and_then(Value::as_str).unwrap_or("");
            Val::Str(format!("{}{}{}", part("prefix"), unit.repeat(times), part("suffix")))
        }
        Value::Object(o) if o.contains_key("$bytes") => Val::Bytes(
            o["$bytes"]
                .as_array()
                .ok_or("$bytes takes an array")?
                .iter()
                .map(|b| b.as_u64().and_then(|b| u8::try_from(b).ok()).ok_or("$bytes takes bytes"))
                .collect::<Result<_, _>>()?,
        ),
        Value::Object(o) if o.contains_key("$float") => Val::Float(match o["$float"].as_str() {
            Some("nan") => f64::NAN,
            Some("inf") => f64::INFINITY,
            Some("-inf") => f64::NEG_INFINITY,
            Some("-0") => -0.0,
            other => return Err(format!("unknown $float {other:?}")),
        }),
        Value::Object(o) if o.contains_key("$bigint") => {
            let s = o["$bigint"].as_str().ok_or("$bigint takes a string")?;
            let digits = s.trim_start_matches('-');
            Val::BigInt(s.starts_with('-'), digits.len())
        }
        Value::Object(o) if o.contains_key("$lone_surrogate") => Val::BadText,
        Value::Object(o) if o.contains_key("$object") => Val::Json(o["$object"].clone()),
        other => Val::Json(other.clone()),
    })
}

impl Val {
    /// The value as the core's [`Input`].
    pub fn input(&self) -> Input<'_> {
        match self {
            Val::Str(s) => Input::Str(s),
            Val::Bytes(b) => Input::Bytes(b),
            Val::BadText => Input::BadText,
            Val::Int(i) => Input::Int(*i),
            Val::BigInt(negative, digits) => Input::BigInt { negative: *negative, digits: *digits },
            Val::Float(x) => Input::Float(*x),
            Val::Json(Value::Null) => Input::Null,
            Val::Json(Value::Bool(b)) => Input::Bool(*b),
            Val::Json(Value::Array(_)) => Input::Other(ValueType::List),
            Val::Json(_) => Input::Other(ValueType::Object),
        }
    }
}

/// The call of a vector and its positional argument's name.
pub fn call_of(case: &Value) -> Result<(Call, &'static str), String> {
    Ok(match case.get("call").and_then(Value::as_str).unwrap_or("decode") {
        "decode" => (Call::Decode, "code"),
        "explain" => (Call::Explain, "code"),
        "decode_many" => (Call::DecodeMany, "codes"),
        "build_snap" => (Call::BuildSnap, "service"),
        "customer_message" => (Call::CustomerMessage, "reason"),
        "export" => (Call::Export, "name"),
        "decode_response" => (Call::DecodeResponse, "body"),
        "retry_decision" => (Call::RetryDecision, "code"),
        other => return Err(format!("unknown call {other:?}")),
    })
}

fn to_json(o: Obj<'_>) -> Value {
    let mut out = Vec::new();
    json::write_obj(&mut out, &o);
    serde_json::from_slice(&out).expect("paycodes::json writes valid JSON")
}

/// What a call answered: a JSON value, or an error and (for batches) the failing item.
pub type Answer = Result<Value, (Error, Option<usize>)>;

/// Runs a vector's call.
pub fn answer(case: &Value) -> Result<Answer, String> {
    let (call, positional) = call_of(case)?;
    let input = case.get("input").and_then(Value::as_object).ok_or("input must be an object")?;
    let mut expanded: Vec<(String, Val)> = Vec::new();
    for (k, v) in input {
        expanded.push((k.clone(), expand(v)?));
    }
    let mut first =
        expanded.iter().find(|(k, _)| k == positional).map(|(_, v)| v.clone()).unwrap_or(Val::Json(Value::Null));
    // A body given as a JSON object or array is sent as its JSON text (what a binding does
    // with its language's objects); a string is the body's text as is.
    if call == Call::DecodeResponse
        && let Val::Json(v @ (Value::Object(_) | Value::Array(_))) = &first
    {
        first = Val::Str(serde_json::to_string(v).map_err(|e| e.to_string())?);
    }
    // A retry history given as a JSON array goes in as its JSON text (what a binding does with
    // its language's lists).
    for (k, v) in expanded.iter_mut() {
        if call == Call::RetryDecision
            && k == "history"
            && let Val::Json(h @ Value::Array(_)) = v
        {
            *v = Val::Str(serde_json::to_string(h).map_err(|e| e.to_string())?);
        }
    }
    let mut args = Args::new(call);
    for (k, v) in &expanded {
        if k != positional
            && let Err(e) = args.set(k, v.input())
        {
            return Ok(Err((e, None)));
        }
    }
    let one = |r: Result<Value, Error>| r.map_err(|e| (e, None));
    Ok(match call {
        Call::Decode => one(api::decode(&first.input(), &args).map(|d| to_json(Obj::Decoded(&d)))),
        Call::Explain => one(api::explain(&first.input(), &args).map(Value::from)),
        Call::BuildSnap => one(api::build_snap(&first.input(), &args).map(|b| to_json(Obj::Built(&b)))),
        Call::CustomerMessage => one(api::customer_message(&first.input(), &args).map(|c| to_json(Obj::Customer(c)))),
        Call::Export => one(api::export(&first.input(), &args).map(Value::from)),
        Call::DecodeResponse => one(api::decode_response(&first.input(), &args).map(|r| to_json(Obj::Response(&r)))),
        Call::RetryDecision => one(api::retry_decision(&first.input(), &args).map(|r| to_json(Obj::Retry(&r)))),
        Call::Table => return Err("table is not a vector call (use export)".into()),
        Call::DecodeMany => {
            let items = match &first {
                Val::Json(Value::Array(items)) => items.iter().map(expand).collect::<Result<Vec<_>, _>>()?,
                other => {
                    let e = Error::BadType {
                        arg: paycodes::Arg::Codes,
                        expected: "a list",
                        got: other.input().value_type(),
                    };
                    return Ok(Err((e, None)));
                }
            };
            let pairs: Vec<(Val, Val)> = items
                .into_iter()
                .map(|item| match item {
                    Val::Json(Value::Array(pair)) if pair.len() == 2 => Ok((expand(&pair[0])?, expand(&pair[1])?)),
                    other => Ok((other, Val::Json(Value::Null))),
                })
                .collect::<Result<_, String>>()?;
            let inputs: Vec<(Input<'_>, Input<'_>)> = pairs.iter().map(|(c, m)| (c.input(), m.input())).collect();
            match api::decode_many(&inputs, &args) {
                Err(e) => Err((e, None)),
                Ok(batch) => match batch.first_error() {
                    Some((i, e)) => Err((e, Some(i))),
                    None => Ok(Value::Array(
                        batch
                            .slots
                            .iter()
                            .map(|&s| match &batch.answers[s as usize] {
                                Ok(d) => to_json(Obj::Decoded(d)),
                                Err(_) => Value::Null,
                            })
                            .collect(),
                    )),
                },
            }
        }
    })
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
    let result = answer(case)?;
    let index = case.get("expect_index").and_then(Value::as_u64).map(|i| i as usize);
    match (case.get("expect"), case.get("expect_error"), result) {
        (Some(expect), None, Ok(actual)) => {
            let mut diffs = Vec::new();
            compare("", expect, &actual, &mut diffs);
            if diffs.is_empty() { Ok(()) } else { Err(diffs.join("; ")) }
        }
        (Some(_), None, Err((e, _))) => Err(format!("expected an answer, got error {} ({e})", e.id())),
        (None, Some(id), Err((e, at))) if id == e.id() && at == index => {
            // The error's JSON object must be well-formed too.
            let mut out = Vec::new();
            json::write_error(&mut out, &paycodes::Raw::Text("x"), &e);
            serde_json::from_slice::<Value>(&out).map_err(|err| format!("error JSON does not parse: {err}"))?;
            Ok(())
        }
        (None, Some(id), Err((e, at))) => Err(format!("expected error {id} at {index:?}, got {} at {at:?}", e.id())),
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

/// The thread-stress workload every language uses: the (code, message) pairs of every
/// `decode` vector whose input has only a string `code` and optionally a string `message`,
/// and which expects an answer; sorted, without duplicates.
pub fn stress_items(dir: &Path) -> Vec<(String, Option<String>)> {
    let mut items = std::collections::BTreeSet::new();
    for file in vector_files(dir) {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&file).expect("read")).expect("JSON");
        for case in doc["cases"].as_array().into_iter().flatten() {
            let input = &case["input"];
            let decode = case.get("call").is_none_or(|c| c == "decode");
            let keys_ok = input.as_object().is_some_and(|o| o.keys().all(|k| k == "code" || k == "message"));
            let message_ok = input.get("message").is_none_or(Value::is_string);
            if let (true, true, true, Some(code), true) =
                (decode, keys_ok, message_ok, input["code"].as_str(), case.get("expect").is_some())
            {
                items.insert((code.to_owned(), input["message"].as_str().map(str::to_owned)));
            }
        }
    }
    items.into_iter().collect()
}

/// The result of checking another language's answers.
#[derive(Debug, Default)]
pub struct Checked {
    /// Passed and failed vectors.
    pub report: Report,
    /// Vectors the language cannot express, with why.
    pub skipped: Vec<(String, String)>,
}

/// Checks the answers another language's runner printed (one JSON line per vector:
/// `{"file", "name", "answer" | "error" (+ "index") | "skip"}`) against the vectors: the
/// one comparison every runner shares. A vector with no line is a failure.
pub fn check_answers(dir: &Path, lines: &str) -> Result<Checked, String> {
    let mut answers: std::collections::HashMap<(String, String), Value> = std::collections::HashMap::new();
    for (n, line) in lines.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line).map_err(|e| format!("line {}: {e}: {line:.200}", n + 1))?;
        let key = (v["file"].as_str().unwrap_or("").to_owned(), v["name"].as_str().unwrap_or("").to_owned());
        if answers.insert(key.clone(), v).is_some() {
            return Err(format!("two answers for {}: {}", key.0, key.1));
        }
    }
    let mut out = Checked::default();
    for file in vector_files(dir) {
        let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&file).map_err(|e| e.to_string())?)
            .map_err(|e| format!("{}: {e}", file.display()))?;
        for case in doc["cases"].as_array().into_iter().flatten() {
            let name = case["name"].as_str().unwrap_or("<unnamed>").to_owned();
            let label = format!("{stem}: {name}");
            let Some(a) = answers.remove(&(stem.clone(), name)) else {
                out.report.failures.push(Failure { name: label, why: "no answer".into() });
                continue;
            };
            if let Some(why) = a.get("skip").and_then(Value::as_str) {
                out.skipped.push((label, why.to_owned()));
                continue;
            }
            let result = match (a.get("answer"), a.get("error").and_then(Value::as_str)) {
                (Some(answer), None) => Ok(answer.clone()),
                (None, Some(id)) => match paycodes::ErrorKind::from_id(id) {
                    Some(_) => Err(id.to_owned()),
                    None => Err(format!("<not a paycodes error id: {id}>")),
                },
                _ => {
                    out.report.failures.push(Failure { name: label, why: format!("malformed answer line: {a}") });
                    continue;
                }
            };
            let index = a.get("index").and_then(Value::as_u64);
            let verdict = compare_result(case, result, index);
            match verdict {
                Ok(()) => out.report.passed += 1,
                Err(why) => out.report.failures.push(Failure { name: label, why }),
            }
        }
    }
    for ((file, name), _) in answers {
        out.report.failures.push(Failure { name: format!("{file}: {name}"), why: "an answer for no vector".into() });
    }
    Ok(out)
}

/// Compares an answer (or an error id and index) with a vector's expectation.
fn compare_result(case: &Value, result: Result<Value, String>, index: Option<u64>) -> Result<(), String> {
    let want_index = case.get("expect_index").and_then(Value::as_u64);
    match (case.get("expect"), case.get("expect_error").and_then(Value::as_str), result) {
        (Some(expect), None, Ok(actual)) => {
            let mut diffs = Vec::new();
            compare("", expect, &actual, &mut diffs);
            if diffs.is_empty() { Ok(()) } else { Err(diffs.join("; ")) }
        }
        (Some(_), None, Err(id)) => Err(format!("expected an answer, got error {id}")),
        (None, Some(want), Err(id)) if want == id && want_index == index => Ok(()),
        (None, Some(want), Err(id)) => Err(format!("expected error {want} at {want_index:?}, got {id} at {index:?}")),
        (None, Some(want), Ok(v)) => Err(format!("expected error {want}, got an answer: {v:.300}")),
        _ => Err("a case has exactly one of expect / expect_error".into()),
    }
}
