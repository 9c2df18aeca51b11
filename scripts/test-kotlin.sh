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

status=0
# Maven 3.8 writes colour resets even in batch mode; strip them so the count below starts its line.
mvn -B -q -Dstyle.color=never -f "$module/pom.xml" test -Dreconnect.lib.dir="$lib_dir" 2>&1 \
    | sed 's/\x1b\[[0-9;]*m//g' || status=$?

# Surefire is quiet under -q; add up its reports so the run ends with a plain count.
count() {
    local total=0 n file
    for file in "$reports"/TEST-*.xml; do
        [[ -f $file ]] || continue
        n=$(grep -o -m1 "<testsuite [^>]*" "$file" | grep -o " $1=\"[0-9]*\"" | grep -o "[0-9]*" || true)
        total=$((total + ${n:-0}))
    done
    echo "$total"
}
tests=$(count tests)
failed=$(( $(count failures) + $(count errors) ))
skipped=$(count skipped)
echo "kotlin: $((tests - failed - skipped)) passed, $failed failed, $skipped skipped"

if [[ $status -ne 0 ]]; then
    exit "$status"
fi
if [[ $tests -eq 0 ]]; then
    echo "test-kotlin: no Kotlin test ran" >&2
    exit 1
fi
if [[ $failed -ne 0 ]]; then
    exit 1
fi
