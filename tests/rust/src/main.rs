//! `paycodes-conformance [DIR]`: runs the vectors through the Rust core, prints failures and
//! `N passed, M failed`.
//!
//! `paycodes-conformance --check LANG FILE [DIR]`: checks the answers another language's
//! runner wrote to FILE (JSON lines) against the vectors; prints failures, what LANG cannot
//! express, and `N passed, M failed (K not expressible in LANG)`.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--check") {
        let (Some(lang), Some(file)) = (args.get(1), args.get(2)) else {
            eprintln!("usage: paycodes-conformance --check LANG FILE [DIR]");
            return ExitCode::from(2);
        };
        let dir = args.get(3).map(PathBuf::from).unwrap_or_else(paycodes_conformance::default_dir);
        let lines = match std::fs::read_to_string(file) {
            Ok(l) => l,
            Err(e) => {
                eprintln!("{file}: {e}");
                return ExitCode::FAILURE;
            }
        };
        let checked = match paycodes_conformance::check_answers(&dir, &lines) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("{file}: {e}");
                return ExitCode::FAILURE;
            }
        };
        for f in &checked.report.failures {
            println!("FAIL {}: {}", f.name, f.why);
        }
        let mut reasons: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
        for (_, why) in &checked.skipped {
            *reasons.entry(why.as_str()).or_default() += 1;
        }
        for (why, n) in &reasons {
            println!("not expressible in {lang}: {why} ({n})");
        }
        println!(
            "{lang}: {} passed, {} failed ({} not expressible in {lang})",
            checked.report.passed,
            checked.report.failures.len(),
            checked.skipped.len()
        );
        let ok = checked.report.failures.is_empty() && checked.report.passed > 0;
        return if ok { ExitCode::SUCCESS } else { ExitCode::FAILURE };
    }
    let dir = args.first().map(PathBuf::from).unwrap_or_else(paycodes_conformance::default_dir);
    let report = paycodes_conformance::run_dir(&dir);
    for f in &report.failures {
        println!("FAIL {}: {}", f.name, f.why);
    }
    println!("{} passed, {} failed", report.passed, report.failures.len());
    if report.failures.is_empty() && report.passed > 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}
