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

rm -rf "$module/target/screens"
source "$(dirname "${BASH_SOURCE[0]}")/maven-tests.sh"
maven_tests android-ui "$module/pom.xml" "$reports" \
    -Dreconnect.lib.dir="$lib_dir" -Duniffi.generated.dir="$bindings_dir"
