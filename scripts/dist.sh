#!/usr/bin/env bash
# Builds every release artifact into dist/ (called by `cargo xtask dist`), for Linux x86-64
# with glibc 2.17 as the baseline (manylinux2014: RHEL 7/8, Ubuntu 18.04+, Debian 10+,
# Amazon Linux 2), through zig (the `ziglang` package from PyPI) and cargo-zigbuild:
#
#   paycodes-VERSION-cp310-abi3-manylinux2014_x86_64...whl   Python wheel (abi3, CPython >= 3.10)
#   paycodes-VERSION.tar.gz                                    Python sdist (builds from source with Rust)
#   paycodes-VERSION.tgz                                       npm package with the prebuilt addon
#   paycodes-cli-VERSION-x86_64-linux.tar.gz                   the `paycodes` command
#   paycodes-c-VERSION-x86_64-linux.tar.gz                     header, static and shared library, pkg-config, example
#   paycodes-kotlin-VERSION.jar                                Kotlin/JVM classes with the native library inside
#   paycodes-swift-VERSION.tar.gz                              the SwiftPM package (source; not compiled here)
#   SHA256SUMS
#
# Every artifact carries LICENSE-MIT and LICENSE-APACHE. scripts/dist-test.sh installs each one
# where no Rust toolchain is on PATH and runs that language's conformance corpus against it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
TRIPLE=x86_64-unknown-linux-gnu
ZIG_TARGET=$TRIPLE.2.17
OUT=$ROOT/target/$TRIPLE/release
DIST=$ROOT/dist
STAGE=$ROOT/target/dist-stage
section() { printf -- '\n--- %s\n' "$*"; }

section "tools: maturin, ziglang, auditwheel (PyPI), cargo-zigbuild (crates.io)"
TOOLS=$ROOT/target/dist-tools
[ -x "$TOOLS/bin/pip" ] || python3 -m venv "$TOOLS"
"$TOOLS/bin/pip" install --quiet --disable-pip-version-check maturin==1.16.0 ziglang==0.13.0 auditwheel==6.4.2
# cargo-zigbuild and maturin call `zig`: the one from the ziglang package.
printf '#!/bin/sh\nexec "%s" -m ziglang "$@"\n' "$TOOLS/bin/python" > "$TOOLS/bin/zig"
chmod +x "$TOOLS/bin/zig"
export PATH="$TOOLS/bin:$PATH"
if [ "$(cargo-zigbuild --version 2>/dev/null)" != "cargo-zigbuild 0.24.1" ]; then
  cargo install --quiet --locked cargo-zigbuild --version 0.24.1
fi

rm -rf "$DIST" "$STAGE"
mkdir -p "$DIST" "$STAGE"
licenses() { cp "$ROOT/LICENSE-MIT" "$ROOT/LICENSE-APACHE" "$1/"; }

section "Python: manylinux2014 abi3 wheel and sdist"
maturin build --quiet --release --locked --zig --compatibility manylinux2014 -m py/Cargo.toml -o "$DIST"
maturin sdist -m py/Cargo.toml -o "$DIST"
auditwheel show "$DIST"/paycodes-*.whl | tee "$STAGE/auditwheel.txt"
grep -q 'manylinux_2_17_x86_64' "$STAGE/auditwheel.txt" || { echo "the wheel is not manylinux2014"; exit 1; }

section "CLI, C library, Node addon, JVM library: cargo zigbuild --target $ZIG_TARGET"
cargo zigbuild --quiet --release --locked --target "$ZIG_TARGET" \
  -p paycodes-cli -p paycodes-ffi -p paycodes-node -p paycodes-mobile

section "CLI"
cli=$STAGE/paycodes-cli-$VERSION-x86_64-linux
mkdir -p "$cli"
cp "$OUT/paycodes" "$cli/"
cp README.md "$cli/"
licenses "$cli"
tar -C "$STAGE" -czf "$DIST/paycodes-cli-$VERSION-x86_64-linux.tar.gz" "$(basename "$cli")"

section "C: header, libraries, pkg-config, example"
c=$STAGE/paycodes-c-$VERSION-x86_64-linux
mkdir -p "$c/include" "$c/lib/pkgconfig" "$c/examples"
cp ffi-c/include/paycodes.h "$c/include/"
cp "$OUT/libpaycodes_ffi.a" "$c/lib/libpaycodes.a"
cp "$OUT/libpaycodes_ffi.so" "$c/lib/libpaycodes.so.$VERSION"
ln -sf "libpaycodes.so.$VERSION" "$c/lib/libpaycodes.so.${VERSION%%.*}"
ln -sf "libpaycodes.so.$VERSION" "$c/lib/libpaycodes.so"
# Relocatable: the prefix is where the .pc file is, wherever the tarball is unpacked.
sed -e 's|^prefix=@PREFIX@|prefix=${pcfiledir}/../..|' -e "s|@VERSION@|$VERSION|" \
  -e 's|@NATIVE_LIBS@|-lgcc_s -lutil -lrt -lpthread -lm -ldl -lc|' ffi-c/paycodes.pc.in > "$c/lib/pkgconfig/paycodes.pc"
cp ffi-c/examples/explain.c "$c/examples/"
cp ffi-c/README.md "$c/"
licenses "$c"
tar -C "$STAGE" -czf "$DIST/paycodes-c-$VERSION-x86_64-linux.tar.gz" "$(basename "$c")"

section "Node: npm package with the prebuilt addon"
n=$STAGE/node
mkdir -p "$n"
for f in package.json index.js index.mjs index.d.ts generated.js native.js README.md; do cp "node/$f" "$n/"; done
cp "$OUT/libpaycodes_node.so" "$n/paycodes.linux-x64-gnu.node"
licenses "$n"
# The package ships its licenses too.
node -e '
const fs = require("fs"); const p = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
delete p.devDependencies; delete p.scripts;
fs.writeFileSync(process.argv[1], JSON.stringify(p, null, 2) + "\n")' "$n/package.json"
(cd "$n" && npm pack --quiet --pack-destination "$DIST" >/dev/null)

section "Kotlin/JVM: classes and the native library at the path JNA looks up"
KOTLIN=mobile/node_modules/kotlin-compiler
[ -x "$KOTLIN/bin/kotlinc" ] || (cd mobile && npm ci --no-audit --no-fund --loglevel=error)
JNA=/usr/share/java/jna.jar
j=$STAGE/jar
mkdir -p "$j/linux-x86-64" "$j/META-INF"
"$KOTLIN/bin/kotlinc" -nowarn -cp "$JNA" -d "$j" mobile/kotlin/src
cp "$OUT/libpaycodes_mobile.so" "$j/linux-x86-64/"
licenses "$j/META-INF"
printf 'Manifest-Version: 1.0\nImplementation-Title: paycodes\nImplementation-Version: %s\n' "$VERSION" > "$STAGE/MANIFEST.MF"
jar --create --file "$DIST/paycodes-kotlin-$VERSION.jar" --manifest "$STAGE/MANIFEST.MF" -C "$j" .

section "Swift: the SwiftPM package as source"
s=$STAGE/paycodes-swift-$VERSION
mkdir -p "$s"
cp -r mobile/swift/. "$s/"
licenses "$s"
cat > "$s/BUILD-STATUS.md" <<EOF
# What this package is

The Swift bindings as generated by uniffi-bindgen from paycodes $VERSION, as a SwiftPM
package (Sources/Paycodes, Sources/PaycodesFFI). **Not compiled**: no Swift toolchain exists
on the machines this was built on; every Swift file was parsed with tree-sitter-swift and the
FFI header checked as C. It needs \`PaycodesFFI.xcframework\` (the Rust library for the
device, simulator and macOS) next to \`Package.swift\`: on a Mac with Xcode, run
\`mobile/scripts/build-xcframework.sh\` in the repository (see mobile/README.md there), then
add this folder as a local Swift package.
EOF
tar -C "$STAGE" -czf "$DIST/paycodes-swift-$VERSION.tar.gz" "$(basename "$s")"

(cd "$DIST" && sha256sum -- * > SHA256SUMS)
section "dist/"
ls -l "$DIST"
