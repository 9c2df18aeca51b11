#!/usr/bin/env bash
# Generates the Python bindings from the freshly built library and runs the pytest suite.
# Expects target/debug/libreconnect_ffi.* built with `--features fault-injection`.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
case "$(uname -s)" in
  Darwin) lib=target/debug/libreconnect_ffi.dylib ;;
  *) lib=target/debug/libreconnect_ffi.so ;;
esac
cargo build -q -p reconnect-ffi --features fault-injection
out=bindings/python/generated
rm -rf "$out"
cargo run -q -p reconnect-ffi --bin uniffi-bindgen -- \
  generate --library "$lib" --language python --out-dir "$out" >/dev/null
cp "$lib" "$out/"
"$PYTHON" -m pytest -q bindings/python/tests
