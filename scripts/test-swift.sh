#!/usr/bin/env bash
# Checks the iOS package on machines without a Swift toolchain: the committed Swift
# bindings match the Rust API, every Swift file under ios/ parses, and the parser check
# itself still catches real errors. Compiling and running the XCTest suite needs a Mac;
# see ios/README.md.
#
#   PYTHON=path/to/python scripts/test-swift.sh   (default: .venv/bin/python)
# The interpreter needs the packages in scripts/requirements-test.txt.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python="${PYTHON:-$repo/.venv/bin/python}"
# A relative PYTHON path means relative to where the script was started.
if [[ "$python" == */* && "$python" != /* ]]; then
  python="$(cd "$(dirname "$python")" && pwd)/$(basename "$python")"
fi
cd "$repo"

if ! "$python" -c "import tree_sitter, tree_sitter_swift" 2>/dev/null; then
  echo "error: $python cannot import tree_sitter and tree_sitter_swift;" \
    "install scripts/requirements-test.txt into it" >&2
  exit 1
fi

echo "== Swift bindings match the Rust API"
ios/generate-bindings.sh --check

echo "== Swift syntax"
"$python" scripts/check_swift.py ios

echo "== Swift syntax checker self-test"
"$python" scripts/check_swift.py --self-test
