#!/usr/bin/env bash
# Builds swift/PaycodesFFI.xcframework, what an iOS (or macOS) app links: the Rust library as
# static libraries for devices, simulators and Macs, with the FFI header and module map.
# Needs a Mac with Xcode and rustup. NOT run on this repository's machines (no Apple
# toolchain exists there); see mobile/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
targets=(aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios aarch64-apple-darwin x86_64-apple-darwin)
for t in "${targets[@]}"; do
  rustup target add "$t"
  cargo build --locked --release -p paycodes-mobile --target "$t"
done
out=target/xcframework
rm -rf "$out" mobile/swift/PaycodesFFI.xcframework
mkdir -p "$out/headers"
cp mobile/swift/Sources/PaycodesFFI/include/PaycodesFFI.h mobile/swift/Sources/PaycodesFFI/include/module.modulemap "$out/headers/"
lib=libpaycodes_mobile.a
lipo -create "target/aarch64-apple-ios-sim/release/$lib" "target/x86_64-apple-ios/release/$lib" -output "$out/ios-sim-$lib"
lipo -create "target/aarch64-apple-darwin/release/$lib" "target/x86_64-apple-darwin/release/$lib" -output "$out/macos-$lib"
xcodebuild -create-xcframework \
  -library "target/aarch64-apple-ios/release/$lib" -headers "$out/headers" \
  -library "$out/ios-sim-$lib" -headers "$out/headers" \
  -library "$out/macos-$lib" -headers "$out/headers" \
  -output mobile/swift/PaycodesFFI.xcframework
echo "built mobile/swift/PaycodesFFI.xcframework (Package.swift uses it when present)"
