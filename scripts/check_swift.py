#!/usr/bin/env python3
"""Syntax-checks the iOS package's Swift files on machines without a Swift toolchain.

Every `.swift` file under the given paths (default: `ios/`) is parsed with the
tree-sitter Swift grammar; each syntax error is printed as `file:line:col` and the
exit status is 1 if there was any.

The grammar (tree-sitter-swift 0.7.4) rejects two constructs that the Swift compiler
accepts and that uniffi's generated bindings use. Exactly these are allowed:

* the attribute `@_documentation(visibility: private)`: an error that lies wholly
  inside one is ignored;
* the empty closure `{ () }` (returns the empty tuple): an error whose text is `()`
  and whose parent is a closure consisting of nothing but that.

Anything else, including an error that starts inside such an attribute and runs on
past it, is reported.

    python scripts/check_swift.py [PATH ...]
    python scripts/check_swift.py --self-test
"""

from __future__ import annotations

import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import tree_sitter
import tree_sitter_swift

REPO = Path(__file__).resolve().parent.parent
SKIPPED_DIRS = {".build", ".swiftpm", "build", "DerivedData"}
ALLOWED_ATTRIBUTE = re.compile(rb"@_documentation\s*\(\s*visibility\s*:\s*private\s*\)")
WHITESPACE = re.compile(rb"\s+")

_PARSER = tree_sitter.Parser(tree_sitter.Language(tree_sitter_swift.language()))


@dataclass(frozen=True)
class SyntaxError_:
    line: int  # 1-based
    column: int  # 1-based, in characters
    text: str

    def describe(self, path: str) -> str:
        near = self.text if len(self.text) <= 40 else self.text[:37] + "..."
        return f"{path}:{self.line}:{self.column}: syntax error near {near!r}"


def _squeeze(source: bytes, node: tree_sitter.Node) -> bytes:
    return WHITESPACE.sub(b"", source[node.start_byte : node.end_byte])


def _is_allowed(node: tree_sitter.Node, source: bytes, attributes: list[tuple[int, int]]) -> bool:
    if any(start <= node.start_byte and node.end_byte <= end for start, end in attributes):
        return True
    parent = node.parent
    return (
        node.is_error
        and _squeeze(source, node) == b"()"
        and parent is not None
        and parent.type == "lambda_literal"
        and _squeeze(source, parent) == b"{()}"
    )


def _problem_nodes(root: tree_sitter.Node) -> list[tree_sitter.Node]:
    """ERROR and MISSING nodes, outermost only (an error's insides are not re-reported)."""
    found, stack = [], [root]
    while stack:
        node = stack.pop()
        if node.is_error or node.is_missing:
            found.append(node)
        elif node.has_error:
            stack.extend(reversed(node.children))
    return sorted(found, key=lambda n: n.start_byte)


def raw_error_count(source: bytes) -> int:
    """How many errors the grammar reports before any are allowed."""
    return len(_problem_nodes(_PARSER.parse(source).root_node))


def check_source(source: bytes) -> list[SyntaxError_]:
    tree = _PARSER.parse(source)
    attributes = [m.span() for m in ALLOWED_ATTRIBUTE.finditer(source)]
    errors = []
    for node in _problem_nodes(tree.root_node):
        if _is_allowed(node, source, attributes):
            continue
        row, byte_col = node.start_point
        line_start = node.start_byte - byte_col
        column = len(source[line_start : node.start_byte].decode("utf-8", "replace")) + 1
        text = source[node.start_byte : node.end_byte].decode("utf-8", "replace")
        if node.is_missing:
            text = f"missing {node.type}"
        text = " ".join(text.split()) or node.type
        errors.append(SyntaxError_(row + 1, column, text))
    return errors


def swift_files(paths: list[Path]) -> list[Path]:
    files = []
    for path in paths:
        if path.is_file():
            files.append(path)
            continue
        for candidate in sorted(path.rglob("*.swift")):
            parts = candidate.relative_to(path).parts[:-1]
            if any(p in SKIPPED_DIRS or p.startswith(".") or p.endswith(".xcframework") for p in parts):
                continue
            files.append(candidate)
    return files


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(REPO))
    except ValueError:
        return str(path)


def check(paths: list[Path]) -> int:
    missing = [p for p in paths if not p.exists()]
    if missing:
        print(f"error: no such file or directory: {', '.join(map(str, missing))}")
        return 1
    files = swift_files(paths)
    if not files:
        print("error: no Swift files found")
        return 1
    failures = 0
    for path in files:
        for error in check_source(path.read_bytes()):
            print(error.describe(_display(path)))
            failures += 1
    print(f"checked {len(files)} Swift files: {failures} syntax errors")
    return 1 if failures else 0


# A real syntax error, plus the two allowed constructs in the shapes uniffi emits them.
_SELF_TEST_CASES = {
    "a real syntax error fails": (b"func broken( {\n    let x = 1\n}\n", False),
    "a bad expression fails": (b"let total = (1 +\n", False),
    "uniffi's documentation attribute passes": (
        b"#if swift(>=5.8)\n@_documentation(visibility: private)\n#endif\n"
        b"public func FfiConverterTypeX_lift(_ buf: Int) -> Int {\n    return buf\n}\n\n"
        b"#if swift(>=5.8)\n@_documentation(visibility: private)\n#endif\n"
        b"public func FfiConverterTypeX_lower(_ value: Int) -> Int {\n    return value\n}\n",
        True,
    ),
    "uniffi's empty closure passes": (b"func f() {\n    let writeReturn = { () }\n    g(writeReturn)\n}\n", True),
    "another visibility is not allowed": (
        b"#if swift(>=5.8)\n@_documentation(visibility: internal)\n#endif\n"
        b"public func a() {}\n\n"
        b"#if swift(>=5.8)\n@_documentation(visibility: internal)\n#endif\n"
        b"public func b() {}\n",
        False,
    ),
    "an error next to an allowed attribute still fails": (
        b"#if swift(>=5.8)\n@_documentation(visibility: private)\n#endif\n"
        b"public func a() {}\n\n"
        b"#if swift(>=5.8)\n@_documentation(visibility: private)\n#endif\n"
        b"public func b( {}\n",
        False,
    ),
    "a broken closure fails": (b"let c = { ( }\n", False),
}


def self_test() -> int:
    passed = failed = 0
    for name, (source, should_pass) in _SELF_TEST_CASES.items():
        errors = check_source(source)
        ok = (not errors) == should_pass
        if should_pass and raw_error_count(source) == 0:
            # The allowance must actually be exercised, or the case proves nothing.
            ok = False
            name += " (but the grammar reported nothing to allow)"
        if not should_pass and ok and any(e.line < 1 or e.column < 1 for e in errors):
            ok = False
        print(f"{'ok  ' if ok else 'FAIL'} {name}")
        for error in errors:
            print(f"       {error.describe('case.swift')}")
        passed, failed = passed + ok, failed + (not ok)

    # End to end: the command line exits 1 on a broken file and 0 on a clean one.
    with tempfile.TemporaryDirectory() as tmp:
        broken, clean = Path(tmp, "broken"), Path(tmp, "clean")
        broken.mkdir(), clean.mkdir()
        (broken / "Broken.swift").write_bytes(b"struct S {\n    var x: = 1\n}\n")
        (clean / "Clean.swift").write_bytes(b"struct S {\n    var x = 1\n}\n")
        for directory, expected in ((broken, 1), (clean, 0)):
            status = check([directory])
            ok = status == expected
            print(f"{'ok  ' if ok else 'FAIL'} command line exits {expected} on {directory.name} files")
            passed, failed = passed + ok, failed + (not ok)

    print(f"swift-checker: {passed} passed, {failed} failed")
    return 1 if failed else 0


def main(argv: list[str]) -> int:
    if argv == ["--self-test"]:
        return self_test()
    if any(a.startswith("-") for a in argv):
        print(__doc__)
        return 2
    return check([Path(a) for a in argv] or [REPO / "ios"])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
