#!/usr/bin/env bash
# Compiles the app's Compose screens for the desktop JVM (Compose Multiplatform) and UI-tests
# them headless against the real Rust library; each test writes PNGs of the screens it shows
# to android/ui-desktop/target/screens/. Run after scripts/test-kotlin.sh, which builds the
# host library and generates the Kotlin bindings this needs; works from any folder.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

case "$(uname -s)" in
    Darwin) lib_name=libreconnect_ffi.dylib ;;
    *) lib_name=libreconnect_ffi.so ;;
esac
module=android/ui-desktop
# Another library and its bindings can be named instead, e.g. while the wrapper's are older.
generated=${RECONNECT_UNIFFI_DIR:-android/reconnect-kotlin/target/generated-sources/uniffi}
native=${RECONNECT_LIB_DIR:-android/reconnect-kotlin/target/native}
reports="$module/target/surefire-reports"

if [[ ! -f $generated/app/reconnect/ffi/reconnect_ffi.kt ]]; then
    echo "test-android-ui: $generated has no bindings; run scripts/test-kotlin.sh first." >&2
    exit 1
fi
if [[ ! -f $native/$lib_name ]]; then
    echo "test-android-ui: $native/$lib_name is missing; run scripts/test-kotlin.sh first." >&2
    exit 1
fi
lib_dir="$(cd "$native" && pwd)"
bindings_dir="$(cd "$generated" && pwd)"

rm -rf "$reports" "$module/target/screens"
status=0
# Maven 3.8 writes colour resets even in batch mode; strip them so the count below starts its line.
mvn -B -q -Dstyle.color=never -f "$module/pom.xml" test \
    -Dreconnect.lib.dir="$lib_dir" -Duniffi.generated.dir="$bindings_dir" 2>&1 \
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
echo "android-ui: $((tests - failed - skipped)) passed, $failed failed"

if [[ $status -ne 0 ]]; then
    exit "$status"
fi
if [[ $tests -eq 0 ]]; then
    echo "test-android-ui: no UI test ran" >&2
    exit 1
fi
if [[ $failed -ne 0 ]]; then
    exit 1
fi
