#!/usr/bin/env bash
# Every test suite of paycodes, on a fresh machine: installs what it needs from the package
# registries (crates.io, PyPI, npm, Debian apt), builds, runs each language's suite and the
# drift checks. Exits non-zero on the first failure. This is what .ci/run calls.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
section() { printf '\n=== %s ===\n' "$*"; }
SECONDS=0

# Debian packages, installed only when missing (CI machines start bare).
apt_updated=
need_apt() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=; [ "$(id -u)" -ne 0 ] && sudo=sudo
  if [ -z "$apt_updated" ]; then $sudo apt-get update -qq; apt_updated=1; fi
  echo "installing ${missing[*]} (apt)"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# One interpreter for every pyo3 build (cargo test and maturin), or pyo3 rebuilds.
export PYO3_PYTHON="${PYO3_PYTHON:-$(command -v python3)}"

section "Tools"
need_apt pkg-config valgrind python3 libjna-java
command -v java >/dev/null || need_apt openjdk-17-jdk-headless
if [ "$(cbindgen --version 2>/dev/null)" != "cbindgen 0.29.4" ]; then
  echo "installing cbindgen 0.29.4 (crates.io)"
  cargo install --quiet cbindgen --version 0.29.4 --locked
fi

section "Rust: format and lints"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings

section "Rust: unit, integration and CLI tests"
cargo test --workspace --locked

section "Rust: conformance vectors, bad-input matrix, thread stress"
cargo run --quiet --locked -p paycodes-conformance --bin paycodes-conformance -- tests/vectors
cargo run --quiet --locked -p paycodes-conformance --bin paycodes-bad-inputs -- tests/bad_inputs.json target/debug/paycodes
cargo run --quiet --locked --release -p paycodes-conformance --bin paycodes-stress -- tests/vectors 8 1000000

section "C: panic guard (core built with the test-panic feature)"
cargo test --locked -p paycodes-ffi --features test-panic

section "C: header drift, conformance (static + shared), API tests, valgrind, ASan/UBSan, install"
make -C ffi-c test

section "Python: build the abi3 wheel, install it into a fresh virtualenv, test it there"
python3 -m venv target/py-build
target/py-build/bin/pip install --quiet --disable-pip-version-check "maturin==1.16.0"
rm -f target/wheels/paycodes-*.whl
target/py-build/bin/maturin build --quiet --release --locked -m py/Cargo.toml --out target/wheels -i "$PYO3_PYTHON"
rm -rf target/py-test
python3 -m venv target/py-test
target/py-test/bin/pip install --quiet --disable-pip-version-check target/wheels/paycodes-*.whl "pytest==9.2.0" "mypy==2.4.1"
# From py/tests, so the source tree (py/python) is not importable: the installed wheel is tested.
(cd py/tests && PAYCODES_CLI="$ROOT/target/debug/paycodes" "$ROOT/target/py-test/bin/python" -m pytest -q -p no:cacheprovider)
(cd / && "$ROOT/target/py-test/bin/python" -m mypy.stubtest paycodes --allowlist "$ROOT/py/stubtest-allowlist.txt")
(cd py/tests && "$ROOT/target/py-test/bin/python" -m mypy --strict --no-incremental typed_usage.py)
python3 py/tools/gen_enums.py >/dev/null
git diff --exit-code -- py/python/paycodes/_enums.py || { echo "py/python/paycodes/_enums.py is stale: run python3 py/tools/gen_enums.py"; exit 1; }

section "Python: panic safety (a debug wheel built with the test-panic feature, its own virtualenv)"
rm -f target/wheels-panic/paycodes-*.whl
target/py-build/bin/maturin build --quiet --locked -m py/Cargo.toml --features test-panic \
  --target-dir target/test-panic --out target/wheels-panic -i "$PYO3_PYTHON"
rm -rf target/py-panic
python3 -m venv target/py-panic
target/py-panic/bin/pip install --quiet --disable-pip-version-check target/wheels-panic/paycodes-*.whl "pytest==9.2.0"
(cd py/tests_panic && "$ROOT/target/py-panic/bin/python" -m pytest -q -p no:cacheprovider)

section "Node: build the addon, pack it, install the tarball into a scratch project, test it there"
# npm install, not npm ci: the lock file lacks other platforms' optional packages of the
# napi-rs CLI (this registry mirror does not carry them), and npm install leaves it unchanged.
(cd node && npm install --no-audit --no-fund --loglevel=error)
(cd node && PAYCODES_CLI="$ROOT/target/debug/paycodes" node scripts/test.mjs)

section "Mobile: generated Kotlin/Swift up to date, Kotlin compiled and run on the JVM, Swift parsed"
(cd mobile && npm install --no-audit --no-fund --loglevel=error)
mobile/scripts/test.sh

section "Fuzzing: each cargo-fuzz target for 30 s (libFuzzer, --sanitizer none on stable)"
if [ "$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz 0.13.2" ]; then
  echo "installing cargo-fuzz 0.13.2 (crates.io)"
  cargo install --quiet --locked cargo-fuzz --version 0.13.2
fi
core/fuzz/run.sh "${PAYCODES_FUZZ_SECONDS:-30}"

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
(cd node && PAYCODES_BENCH_QUICK=1 node bench/bench.js >/dev/null && echo "node/bench/bench.js: ok")

printf '\nall suites passed in %ss\n' "$SECONDS"
