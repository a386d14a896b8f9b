//! `paycodes-conformance [DIR]`: runs the vectors, prints failures and `N passed, M failed`.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let dir = std::env::args().nth(1).map(PathBuf::from).unwrap_or_else(paycodes_conformance::default_dir);
    let report = paycodes_conformance::run_dir(&dir);
    for f in &report.failures {
        println!("FAIL {}: {}", f.name, f.why);
    }
    println!("{} passed, {} failed", report.passed, report.failures.len());
    if report.failures.is_empty() && report.passed > 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}
