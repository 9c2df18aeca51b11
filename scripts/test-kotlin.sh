#!/usr/bin/env bash
# Tests the Kotlin wrapper on the JVM against the host build of the Rust library.
# Run after `cargo build -p reconnect-ffi --features fault-injection` (it builds the library
# itself if that was not done); works from any folder.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

case "$(uname -s)" in
    Darwin) lib_name=libreconnect_ffi.dylib ;;
    *) lib_name=libreconnect_ffi.so ;;
esac
target_dir=${CARGO_TARGET_DIR:-target}
module=android/reconnect-kotlin
generated="$module/target/generated-sources/uniffi"
reports="$module/target/surefire-reports"
native="$module/target/native"

# Fresh after the build this script expects, so this only checks. The test run then uses
# its own copy: a later build of the crate without the feature rewrites the shared file.
cargo build -q -p reconnect-ffi --features fault-injection
rm -rf "$generated" "$reports" "$native"
mkdir -p "$native"
cp "$target_dir/debug/$lib_name" "$native/"
lib_dir="$(cd "$native" && pwd)"
lib="$lib_dir/$lib_name"

if ! grep -q uniffi_reconnect_ffi_fn_func_fault_injection_panic "$lib"; then
    echo "test-kotlin: $target_dir/debug/$lib_name lacks the fault-injection export." >&2
    echo "It was rebuilt without the feature; touch bindings/src/lib.rs and run" >&2
    echo "cargo build -p reconnect-ffi --features fault-injection again." >&2
    exit 1
fi

cargo run -q -p reconnect-ffi --features fault-injection --bin uniffi-bindgen -- generate \
    --library "$lib" --language kotlin --no-format \
    --out-dir "$generated"

source scripts/maven-tests.sh
maven_tests kotlin "$module/pom.xml" "$reports" -Dreconnect.lib.dir="$lib_dir"
