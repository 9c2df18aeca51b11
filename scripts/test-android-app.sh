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

source "$(dirname "${BASH_SOURCE[0]}")/maven-tests.sh"
maven_tests android-app "$module/pom.xml" "$reports" -Dreconnect.lib.dir="$lib_dir"
