#!/usr/bin/env bash
# The mobile bindings' test command (called by scripts/test-all.sh):
#  1. Kotlin: compiles the generated bindings, the test runners and the sample with the
#     Kotlin compiler from npm, then runs them on the JVM (JNA from Debian) against the built
#     library: the vectors (answers checked by paycodes-conformance --check kotlin), the API
#     tests, thread stress, the sample;
#  2. Swift: no Swift toolchain exists here. The generated and hand-written Swift is parsed
#     with tree-sitter-swift (a grammar check, not a compile) and the FFI header is checked
#     as C with gcc. The XCTest tests run only where Swift exists (swift test).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
section() { printf -- '--- %s\n' "$*"; }

# The generated sources (records, enums, Kotlin, Swift, the FFI header) are checked by
# `cargo xtask codegen --check`, with every other generated file.
cargo build --quiet --locked -p paycodes-mobile -p paycodes-conformance

section "Kotlin: compile (kotlinc $(cat mobile/node_modules/kotlin-compiler/build.txt)) and run on the JVM"
KOTLIN=mobile/node_modules/kotlin-compiler
JNA=/usr/share/java/jna.jar
[ -f "$JNA" ] || { echo "missing $JNA: apt-get install libjna-java"; exit 1; }
out=target/mobile-kotlin
rm -rf "$out"; mkdir -p "$out"
"$KOTLIN/bin/kotlinc" -nowarn -cp "$JNA:$KOTLIN/lib/kotlin-test.jar" -d "$out/paycodes-kotlin.jar" \
  mobile/kotlin/src mobile/kotlin/test mobile/kotlin/sample
CP="$out/paycodes-kotlin.jar:$KOTLIN/lib/kotlin-stdlib.jar:$KOTLIN/lib/kotlin-test.jar:$JNA"
run_jvm() { java -cp "$CP" -Djna.library.path="$ROOT/target/debug" "$@"; }
run_jvm id.paycodes.test.ConformanceKt "$ROOT/tests/vectors" "$out/answers-kotlin.jsonl"
./target/debug/paycodes-conformance --check kotlin "$out/answers-kotlin.jsonl" "$ROOT/tests/vectors"
run_jvm id.paycodes.test.ApiTestsKt
run_jvm id.paycodes.test.StressKt "$ROOT/tests/vectors" 8 1000000
run_jvm id.paycodes.sample.DeclineScreenKt

section "Kotlin: panic safety (the library built with the test-panic feature, in target/test-panic)"
cargo build --quiet --locked --target-dir target/test-panic -p paycodes-mobile --features test-panic
java -cp "$CP" -Djna.library.path="$ROOT/target/test-panic/debug" id.paycodes.test.PanicTestKt

section "Swift: parse check (tree-sitter-swift), FFI header as C"
python3 -m venv target/swift-parse
target/swift-parse/bin/pip install --quiet --disable-pip-version-check "tree-sitter==0.26.1" "tree-sitter-swift==0.7.4"
target/swift-parse/bin/python mobile/tools/swift_parse_check.py mobile/swift
# uniffi's header uses clang nullability qualifiers; gcc needs them defined away.
echo '#include "PaycodesFFI.h"' | gcc -fsyntax-only -Wall -Werror -D_Nullable= -D_Nonnull= \
  -I mobile/swift/Sources/PaycodesFFI/include -x c -
echo "PaycodesFFI.h: valid C (gcc -fsyntax-only)"
echo "Swift was parsed, not compiled: no Swift toolchain on this machine (run swift test in mobile/swift where one exists)"
