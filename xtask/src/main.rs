//! `cargo xtask <task>`: the project's task runner.
//!
//! - `codegen [--check]`: regenerates every generated file of every binding from the
//!   compiled core (its id enums, answer schemas and call signatures), then runs the
//!   binding tools (cbindgen, uniffi-bindgen). `--check` regenerates into memory and fails
//!   if any committed file differs: the one drift gate.
//! - `ready`: the fast tier for day-to-day work (fmt, clippy, core + CLI tests, the corpus
//!   in Rust, the codegen check of the Rust-only outputs).
//! - `ci`: the full tier: what the README's test command and CI run, every language, with
//!   the time of each step at the end.
//! - `dist`: every release artifact into `dist/` (scripts/dist.sh), each then installed
//!   where no Rust toolchain is on PATH and run against the corpus (scripts/dist-test.sh).

mod codegen;
mod tasks;
mod util;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest: Vec<&str> = args.iter().skip(1).map(String::as_str).collect();
    let result = match args.first().map(String::as_str) {
        Some("codegen") => codegen::run(rest.contains(&"--check"), rest.contains(&"--rust-only")),
        Some("ready") => tasks::ready(),
        Some("ci") => tasks::ci(&rest),
        Some("dist") => tasks::dist(rest.contains(&"--no-test")),
        _ => {
            eprintln!(
                "usage: cargo xtask <task>\n\n  codegen [--check] [--rust-only]  regenerate (or check) every generated file\n  ready                            the fast tier: fmt, clippy, core + CLI tests, Rust corpus\n  ci [--skip STEP]...              the full tier: every suite of every language (what CI runs)\n  dist [--no-test]                 build every release artifact into dist/, then install each without Rust and run its corpus"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}
