#!/usr/bin/env bash
# Builds the Rust library for Android into an app module's jniLibs with cargo-ndk, for the
# generated Kotlin bindings (kotlin/src) to load. Needs the Android NDK (ANDROID_NDK_HOME).
# NOT run on this repository's machines (no Android NDK there); see mobile/README.md.
# Usage: build-android.sh path/to/app/src/main/jniLibs
set -euo pipefail
jnilibs=${1:?usage: build-android.sh path/to/app/src/main/jniLibs}
cd "$(dirname "$0")/../.."
cargo install --locked cargo-ndk
rustup target add aarch64-linux-android armv7-linux-androideabi x86_64-linux-android i686-linux-android
cargo ndk -t arm64-v8a -t armeabi-v7a -t x86_64 -t x86 -o "$jnilibs" build --locked --release -p paycodes-mobile
echo "built libpaycodes_mobile.so for 4 ABIs into $jnilibs"
