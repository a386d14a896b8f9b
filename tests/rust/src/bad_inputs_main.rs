//! `paycodes-bad-inputs [FILE] [CLI]`: runs the bad-input matrix through Rust; prints
//! failures, what Rust cannot express, and `N passed, M failed`.

use paycodes_conformance::bad_inputs::{Outcome, check, run};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let file = std::env::args().nth(1).map(PathBuf::from).unwrap_or_else(|| root.join("tests/bad_inputs.json"));
    let cli = std::env::args().nth(2).map(PathBuf::from).unwrap_or_else(|| root.join("target/debug/paycodes"));
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).expect("read the matrix")).expect("JSON");
    let (mut passed, mut failed, mut skipped) = (0, 0, Vec::new());
    for case in doc["cases"].as_array().expect("cases") {
        let name = case["name"].as_str().unwrap_or("?");
        let result = run(case, &cli).and_then(|o| check(case, &o).map(|()| o));
        match result {
            Ok(Outcome::NotExpressible(why)) => skipped.push(format!("{name} ({why})")),
            Ok(_) => passed += 1,
            Err(why) => {
                failed += 1;
                println!("FAIL {name}: {why}");
            }
        }
    }
    if !skipped.is_empty() {
        println!("not expressible in Rust: {}", skipped.join("; "));
    }
    println!("{passed} passed, {failed} failed");
    if failed == 0 && passed >= 30 { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}
