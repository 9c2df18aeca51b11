"""Puts the generated `reconnect_ffi` module (and the library beside it) on sys.path."""

import os
import sys

GENERATED = os.environ.get(
    "RECONNECT_PY_BINDINGS", os.path.join(os.path.dirname(__file__), "generated")
)
sys.path.insert(0, GENERATED)
