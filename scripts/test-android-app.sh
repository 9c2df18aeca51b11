#!/usr/bin/env bash
# Type-checks the Android app against the Android 14 platform and AndroidX (Compose compiler
# included) and runs its Robolectric tests, all through Maven: no Android SDK or Gradle.
# Run after scripts/test-kotlin.sh, which builds the host library and generates the Kotlin
# bindings this needs; works from any folder.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

case "$(uname -s)" in
    Darwin) lib_name=libreconnect_ffi.dylib ;;
    *) lib_name=libreconnect_ffi.so ;;
esac
module=android/app-check
bindings=android/reconnect-kotlin/target/generated-sources/uniffi/app/reconnect/ffi/reconnect_ffi.kt
native=android/reconnect-kotlin/target/native
reports="$module/target/surefire-reports"

if [[ ! -f $bindings ]]; then
    echo "test-android-app: $bindings is missing; run scripts/test-kotlin.sh first." >&2
    exit 1
fi
if [[ ! -f $native/$lib_name ]]; then
    echo "test-android-app: $native/$lib_name is missing; run scripts/test-kotlin.sh first." >&2
    exit 1
fi
if ! command -v python3 >/dev/null; then
    echo "test-android-app: python3 is needed (it writes R and unpacks the AndroidX AARs)." >&2
    exit 1
fi
lib_dir="$(cd "$native" && pwd)"

rm -rf "$reports"
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
echo "android-app: $((tests - failed - skipped)) passed, $failed failed, $skipped skipped"

if [[ $status -ne 0 ]]; then
    exit "$status"
fi
if [[ $tests -eq 0 ]]; then
    echo "test-android-app: no Android test ran" >&2
    exit 1
fi
if [[ $failed -ne 0 ]]; then
    exit 1
fi
