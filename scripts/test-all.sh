#!/usr/bin/env bash
# Every test suite of paycodes, on a fresh machine: what CI runs (.ci/run). It is the full
# tier of the task runner, `cargo xtask ci` (xtask/src/tasks.rs): it installs what it needs
# from the package registries (Debian packages, cbindgen and cargo-fuzz from crates.io,
# maturin/pytest/mypy from PyPI, the napi-rs CLI, TypeScript and the Kotlin compiler from
# npm), runs every language's suite and the drift checks, and prints the time of each step.
# Needs Rust (stable), Python 3 with venv and pip, Node with npm, a JDK, gcc and make.
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo run --quiet --locked -p xtask -- ci "$@"
