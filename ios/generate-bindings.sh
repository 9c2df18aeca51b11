#!/usr/bin/env bash
# Regenerates the Swift bindings for the Rust core and keeps the committed copies honest.
#
#   ios/generate-bindings.sh          refresh the committed files from the current Rust API
#   ios/generate-bindings.sh --check  fail if the committed files differ from a fresh run
#
# Bindings always come from a host build of reconnect-ffi WITHOUT extra features, so the
# committed files never carry test-only exports. Works on Linux and macOS.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
mode="${1:-write}"
case "$mode" in
  write | --check) ;;
  *) echo "usage: ios/generate-bindings.sh [--check]" >&2; exit 2 ;;
esac

# Generated file -> where it is committed (the Swift source in the package, the C header
# and module map beside the package for build-xcframework.sh).
committed_path() {
  case "$1" in
    ReconnectFFI.swift) echo "$here/Sources/ReconnectFFI/ReconnectFFI.swift" ;;
    ReconnectFFIC.h) echo "$here/ffi/ReconnectFFIC.h" ;;
    ReconnectFFIC.modulemap) echo "$here/ffi/ReconnectFFIC.modulemap" ;;
    *) return 1 ;;
  esac
}
generated=(ReconnectFFI.swift ReconnectFFIC.h ReconnectFFIC.modulemap)

case "$(uname -s)" in
  Darwin) cdylib="libreconnect_ffi.dylib" ;;
  *) cdylib="libreconnect_ffi.so" ;;
esac
# uniffi-bindgen reads the workspace's cargo metadata (for bindings/uniffi.toml) from the
# current directory.
cd "$repo"
target_dir="${CARGO_TARGET_DIR:-$repo/target}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Another build in the same target directory may enable `fault-injection` between our
# build and our read of the library; a copy taken right after the build, checked for the
# test-only export, guards against that.
for attempt in 1 2 3; do
  cargo build --quiet --manifest-path "$repo/Cargo.toml" -p reconnect-ffi
  cp "$target_dir/debug/$cdylib" "$work/$cdylib"
  cp "$target_dir/debug/uniffi-bindgen" "$work/uniffi-bindgen"
  rm -rf "$work/out"
  "$work/uniffi-bindgen" generate --library --no-format --language swift \
    --out-dir "$work/out" "$work/$cdylib" >/dev/null
  if ! grep -q "faultInjectionPanic" "$work/out/ReconnectFFI.swift"; then
    break
  fi
  if [[ "$attempt" == 3 ]]; then
    echo "error: the library keeps being built with the fault-injection feature;" \
      "wait for other builds in $target_dir to finish and retry" >&2
    exit 1
  fi
  echo "note: library was built with extra features by another build; rebuilding" >&2
done

for name in "${generated[@]}"; do
  [[ -f "$work/out/$name" ]] || { echo "error: uniffi did not produce $name" >&2; exit 1; }
done

if [[ "$mode" == "--check" ]]; then
  stale=0
  for name in "${generated[@]}"; do
    dest="$(committed_path "$name")"
    if ! diff -u --label "committed ${dest#"$repo"/}" --label "generated $name" \
      "$dest" "$work/out/$name" >"$work/$name.diff" 2>&1; then
      echo "error: ${dest#"$repo"/} differs from freshly generated bindings:" >&2
      head -n 40 "$work/$name.diff" >&2
      stale=1
    fi
  done
  if [[ "$stale" == 1 ]]; then
    echo "The Rust API changed. Refresh the committed bindings with: ios/generate-bindings.sh" >&2
    exit 1
  fi
  echo "Swift bindings match the Rust API (${#generated[@]} files)."
else
  for name in "${generated[@]}"; do
    dest="$(committed_path "$name")"
    mkdir -p "$(dirname "$dest")"
    cp "$work/out/$name" "$dest"
    echo "wrote ${dest#"$repo"/}"
  done
fi
