#!/usr/bin/env bash
# Installs every artifact of dist/ (scripts/dist.sh) the way a user would, in a scratch
# directory outside the repository, with no cargo or rustc on PATH, and runs that language's
# conformance corpus against the installed artifact (checked by paycodes-conformance --check,
# the one comparison every language shares). Called by `cargo xtask dist` after building.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
DIST=$ROOT/dist
CHECK=${PAYCODES_CONFORMANCE:-$ROOT/target/debug/paycodes-conformance}
[ -x "$CHECK" ] || cargo build --quiet --locked -p paycodes-conformance
PY=$(python3 -c 'import sys; print(sys.executable)')
JNA=/usr/share/java/jna.jar
KOTLIN=$ROOT/mobile/node_modules/kotlin-compiler
section() { printf -- '\n--- %s\n' "$*"; }

# The scratch world: a copy of the vectors and the runners, nothing else of the repository.
WORK=$(mktemp -d /tmp/paycodes-dist-XXXXXX)
trap 'rm -rf "$WORK"' EXIT
cp -r tests/vectors "$WORK/vectors"
# No Rust toolchain: only the system's directories (python comes from the virtualenvs).
CLEAN_PATH=/usr/local/bin:/usr/bin:/bin
clean() { env -i HOME="$WORK/home" PATH="$1" LANG=C.UTF-8 "${@:2}"; }
mkdir -p "$WORK/home"
if clean "$CLEAN_PATH" sh -c 'command -v cargo || command -v rustc'; then
  echo "cargo or rustc is on the clean PATH: the test would not prove anything"; exit 1
fi
check() { "$CHECK" --check "$1" "$2" "$WORK/vectors" | tail -n 3; }

section "licenses and versions in every artifact"
for a in "$DIST"/*.tar.gz; do
  # (listings into variables: `grep -q` closing a pipe early fails the pipeline under pipefail)
  list=$(tar -tzf "$a")
  grep -q 'LICENSE-MIT' <<<"$list" && grep -q 'LICENSE-APACHE' <<<"$list" || { echo "$a lacks a license"; exit 1; }
done
grep -q 'LICENSE-APACHE' <<<"$(unzip -l "$DIST"/paycodes-*.whl)" || { echo "the wheel lacks LICENSE-APACHE"; exit 1; }
grep -q 'package/LICENSE-MIT' <<<"$(tar -tzf "$DIST/paycodes-$VERSION.tgz")" || { echo "the npm package lacks its license"; exit 1; }
grep -q 'META-INF/LICENSE-MIT' <<<"$(unzip -l "$DIST/paycodes-kotlin-$VERSION.jar")" || { echo "the jar lacks its license"; exit 1; }
echo "every artifact carries LICENSE-MIT and LICENSE-APACHE; all are version $VERSION"

section "CLI: unpacked, run without Rust; libc-level dependencies only"
tar -C "$WORK" -xzf "$DIST/paycodes-cli-$VERSION-x86_64-linux.tar.gz"
CLI=$WORK/paycodes-cli-$VERSION-x86_64-linux/paycodes
grep -q "$VERSION" <<<"$(clean "$CLEAN_PATH" "$CLI" --version)"
explained=$(clean "$CLEAN_PATH" "$CLI" explain 4035414)
head -n 1 <<<"$explained"
ldd "$CLI" | tee "$WORK/ldd-cli.txt"
if grep -vE 'linux-vdso|ld-linux|libc\.so|libm\.so|libdl\.so|libpthread\.so|librt\.so|libgcc_s\.so|libutil\.so' "$WORK/ldd-cli.txt" | grep '=>' >/dev/null; then
  echo "the CLI needs more than libc-level libraries"; exit 1
fi
# The newest glibc symbol version a binary needs must be 2.17 at most (manylinux2014).
glibc_217() {
  newest=$(objdump -T "$1" | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -n 1)
  echo "$2: newest glibc symbol $newest"
  if [ "$(printf '%s\nGLIBC_2.17\n' "$newest" | sort -V | tail -n 1)" != "GLIBC_2.17" ]; then
    echo "$2 needs a glibc newer than 2.17"; exit 1
  fi
}
glibc_217 "$CLI" "the CLI"

section "Python: the wheel in a fresh virtualenv"
"$PY" -m venv "$WORK/venv"
clean "$WORK/venv/bin:$CLEAN_PATH" pip install --quiet --disable-pip-version-check "$DIST"/paycodes-*.whl
cp py/tests/vectors_runner.py "$WORK/"
(cd "$WORK" && clean "$WORK/venv/bin:$CLEAN_PATH" python -c "
import pathlib, sys, paycodes, vectors_runner
assert 'site-packages' in paycodes.__file__ and paycodes.__version__ == '$VERSION', paycodes.__file__
vectors_runner.run(pathlib.Path('vectors'), pathlib.Path('answers-python.jsonl'))")
check python "$WORK/answers-python.jsonl"
grep -q 'core/src/lib.rs' <<<"$(tar -tzf "$DIST/paycodes-$VERSION.tar.gz")" || { echo "the sdist lacks the core"; exit 1; }
echo "sdist: carries the Rust sources (building it needs a Rust toolchain)"

section "Node: the npm tarball in a scratch project, no build"
mkdir -p "$WORK/node"
printf '{ "private": true }\n' > "$WORK/node/package.json"
(cd "$WORK/node" && clean "$CLEAN_PATH" npm install --loglevel=error --no-audit --no-fund --no-update-notifier "$DIST/paycodes-$VERSION.tgz")
ls "$WORK/node/node_modules/paycodes/"*.node
for addon in "$WORK/node/node_modules/paycodes/"*.node; do glibc_217 "$addon" "the Node addon"; done
mkdir -p "$WORK/node/test"
cp node/test/vectors-runner.js node/test/helpers.js "$WORK/node/test/"
(cd "$WORK/node" && clean "$CLEAN_PATH" env PAYCODES_VECTORS="$WORK/vectors" node -e "
const p = require('paycodes'); if (p.version() !== '$VERSION') throw new Error(p.version())
require('./test/vectors-runner.js').run(process.env.PAYCODES_VECTORS, 'answers-node.jsonl')")
check node "$WORK/node/answers-node.jsonl"

section "C: the tarball unpacked anywhere, built with pkg-config"
tar -C "$WORK" -xzf "$DIST/paycodes-c-$VERSION-x86_64-linux.tar.gz"
C=$WORK/paycodes-c-$VERSION-x86_64-linux
readelf -d "$C/lib/libpaycodes.so.$VERSION" | grep SONAME | tee "$WORK/soname.txt"
grep -q "libpaycodes.so.${VERSION%%.*}" "$WORK/soname.txt"
glibc_217 "$C/lib/libpaycodes.so.$VERSION" "the C library"
# The README's C snippet, exactly as written (the first ```c block after "### C and C++").
awk '/^### C and C\+\+/{c=1} c&&/^```c$/{b=1;next} b&&/^```$/{exit} b' README.md > "$WORK/app.c"
grep -q 'int main' "$WORK/app.c" || { echo "README: no C snippet found"; exit 1; }
mkdir -p "$WORK/ctests"
cp ffi-c/tests/*.h ffi-c/tests/conformance.c ffi-c/tests/gen_vectors.py "$WORK/ctests/"
"$PY" "$WORK/ctests/gen_vectors.py" "$WORK/vectors" "$WORK/ctests/vectors.c"
(cd "$WORK" && clean "$CLEAN_PATH" env PKG_CONFIG_PATH="$C/lib/pkgconfig" sh -c '
  set -e
  cc -std=c99 -Wall -Wextra -Werror "'"$C"'/examples/explain.c" $(pkg-config --cflags --libs paycodes) -Wl,-rpath,"'"$C"'/lib" -o explain
  ./explain 4035414 | head -n 3
  cc -std=c99 -Wall -Wextra -Werror app.c $(pkg-config --cflags --libs paycodes) -Wl,-rpath,"$(pkg-config --variable=libdir paycodes)" -o app
  ./app
  cc -std=c99 -O1 -Ictests ctests/conformance.c ctests/vectors.c $(pkg-config --cflags --libs paycodes) -Wl,-rpath,"'"$C"'/lib" -o conformance
  ./conformance > answers-c.jsonl
  cc -std=c99 -O1 -Ictests ctests/conformance.c ctests/vectors.c $(pkg-config --cflags paycodes) "'"$C"'/lib/libpaycodes.a" $(pkg-config --libs-only-other --static paycodes) -lgcc_s -lutil -lrt -lpthread -lm -ldl -lc -o conformance-static
  ./conformance-static > answers-c-static.jsonl
  cmp answers-c.jsonl answers-c-static.jsonl')
check c "$WORK/answers-c.jsonl"

section "Kotlin/JVM: java -cp paycodes.jar:jna.jar, no library path"
JAR=$DIST/paycodes-kotlin-$VERSION.jar
mkdir -p "$WORK/jar"
(cd "$WORK/jar" && unzip -q -o "$JAR" 'linux-x86-64/*')
for lib in "$WORK/jar/linux-x86-64/"*.so; do glibc_217 "$lib" "the JVM library in the jar"; done
mkdir -p "$WORK/kt"
cp mobile/kotlin/test/Conformance.kt mobile/kotlin/test/Json.kt mobile/kotlin/test/Render.kt mobile/kotlin/test/Vectors.kt "$WORK/kt/"
"$KOTLIN/bin/kotlinc" -nowarn -cp "$JAR:$JNA" -d "$WORK/kt/tests.jar" "$WORK/kt"/*.kt
(cd "$WORK" && clean "$CLEAN_PATH" java -cp "$JAR:$WORK/kt/tests.jar:$KOTLIN/lib/kotlin-stdlib.jar:$JNA" \
  id.paycodes.test.ConformanceKt "$WORK/vectors" "$WORK/answers-kotlin.jsonl")
check kotlin "$WORK/answers-kotlin.jsonl"

section "Swift: the package is source (not compiled here)"
tar -tzf "$DIST/paycodes-swift-$VERSION.tar.gz" | grep -E 'Package.swift|BUILD-STATUS.md'

section "every artifact installed and answered the corpus without Rust"
