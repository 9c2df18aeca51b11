#!/usr/bin/env bash
# Builds ReconnectFFIC.xcframework on macOS: the Rust core as static libraries for iOS
# devices, the iOS simulator (Apple silicon) and macOS (Apple silicon and Intel, joined
# with lipo), with the uniffi C header and module map. Refreshes the committed Swift
# bindings first, so the library and the bindings always match.
#
# Needs: macOS with Xcode (xcodebuild, lipo) and rustup. Run from anywhere:
#   ios/build-xcframework.sh
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
output="$here/ReconnectFFIC.xcframework"
library="libreconnect_ffi.a"

if [[ "$(uname -s)" != "Darwin" ]]; then
  echo "error: build-xcframework.sh needs macOS with Xcode" >&2
  exit 1
fi
for tool in cargo rustup xcodebuild lipo; do
  command -v "$tool" >/dev/null || { echo "error: $tool not found" >&2; exit 1; }
done

# The package's minimum platforms; C code (SQLCipher, OpenSSL) is built for them too.
export IPHONEOS_DEPLOYMENT_TARGET=16.0
export MACOSX_DEPLOYMENT_TARGET=13.0

targets=(aarch64-apple-ios aarch64-apple-ios-sim aarch64-apple-darwin x86_64-apple-darwin)
rustup target add "${targets[@]}"

echo "== Swift bindings"
"$here/generate-bindings.sh"

cd "$repo"
target_dir="${CARGO_TARGET_DIR:-$repo/target}"
for target in "${targets[@]}"; do
  echo "== Rust core for $target"
  cargo build -p reconnect-ffi --lib --release --target "$target"
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# One header directory for every slice: the C header and the module map, which Clang
# only finds in an xcframework under the name module.modulemap.
mkdir -p "$work/headers"
cp "$here/ffi/ReconnectFFIC.h" "$work/headers/ReconnectFFIC.h"
cp "$here/ffi/ReconnectFFIC.modulemap" "$work/headers/module.modulemap"

mkdir -p "$work/macos"
lipo -create \
  "$target_dir/aarch64-apple-darwin/release/$library" \
  "$target_dir/x86_64-apple-darwin/release/$library" \
  -output "$work/macos/$library"

echo "== $output"
rm -rf "$output"
xcodebuild -create-xcframework \
  -library "$target_dir/aarch64-apple-ios/release/$library" -headers "$work/headers" \
  -library "$target_dir/aarch64-apple-ios-sim/release/$library" -headers "$work/headers" \
  -library "$work/macos/$library" -headers "$work/headers" \
  -output "$output"

echo "Done. Test with: (cd ios && swift test)"
