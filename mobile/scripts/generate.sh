#!/usr/bin/env bash
# Regenerates every generated file of the mobile bindings, in one command:
#   src/enums.rs                                  (tools/gen_enums.py, from core/src/ids.rs)
#   kotlin/src/id/paycodes/paycodes_mobile.kt     (uniffi-bindgen, Kotlin)
#   swift/Sources/Paycodes/Paycodes.swift         (uniffi-bindgen, Swift)
#   swift/Sources/PaycodesFFI/include/PaycodesFFI.h
# With --check it writes nothing and fails when a committed file differs (the test command
# runs it so). uniffi-bindgen is the workspace binary, pinned to the library's uniffi version,
# built in the dev profile (a release build with LTO takes minutes); it reads the library's
# metadata, so the library is built first.
set -euo pipefail
cd "$(dirname "$0")/../.."
check=; [ "${1:-}" = "--check" ] && check=1

if [ -n "$check" ]; then
  cp mobile/src/enums.rs target/enums.rs.committed 2>/dev/null || { mkdir -p target; cp mobile/src/enums.rs target/enums.rs.committed; }
fi
python3 mobile/tools/gen_enums.py >/dev/null
if [ -n "$check" ] && ! diff -u target/enums.rs.committed mobile/src/enums.rs; then
  cp target/enums.rs.committed mobile/src/enums.rs
  echo "mobile/src/enums.rs is stale: run mobile/scripts/generate.sh"; exit 1
fi

# One build selection for the whole workspace (the test command's other builds use it too), so
# switching selections does not rebuild shared dependencies.
cargo build --quiet --locked --workspace
out=$(mktemp -d)
./target/debug/uniffi-bindgen generate target/debug/libpaycodes_mobile.so --language kotlin --language swift \
  --out-dir "$out" --no-format

pairs=(
  "$out/id/paycodes/paycodes_mobile.kt:mobile/kotlin/src/id/paycodes/paycodes_mobile.kt"
  "$out/Paycodes.swift:mobile/swift/Sources/Paycodes/Paycodes.swift"
  "$out/PaycodesFFI.h:mobile/swift/Sources/PaycodesFFI/include/PaycodesFFI.h"
)
stale=0
for pair in "${pairs[@]}"; do
  new=${pair%%:*}; committed=${pair#*:}
  if [ -n "$check" ]; then
    if ! diff -q "$new" "$committed" >/dev/null 2>&1; then
      diff -u "$committed" "$new" | head -40 || true
      echo "$committed is stale: run mobile/scripts/generate.sh"; stale=1
    fi
  else
    mkdir -p "$(dirname "$committed")"; cp "$new" "$committed"
  fi
done
rm -rf "$out"
[ "$stale" = 0 ] || exit 1
if [ -n "$check" ]; then echo "generated Kotlin, Swift and C header are up to date"; else echo "regenerated the mobile bindings"; fi
