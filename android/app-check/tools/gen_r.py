#!/usr/bin/env python3
"""Writes the R classes that aapt and the Android Gradle plugin would, for builds without the SDK.

The app's R comes from its res/ folder and covers what app code names: values resources
(string, plurals, style, color, dimen, bool, integer, array, string-array, integer-array,
attr, id) and file resources (drawable, mipmap, xml, layout, menu, raw, font, anim,
animator, color, navigation), plus ids declared with @+id/; as with non-transitive R
classes, it holds the app's own resources only, as constants. Each AAR's R comes from its
R.txt (AndroidX code reads it at run time, for view tags and styleables), as fields.

Every resource name of a type gets one id across the app and all libraries, as in a merged
app, so two libraries never share a view-tag key. Ids are stable for given inputs (types
and names sorted), not the ones aapt would pick. The app's styleable arrays are not generated.

Usage: gen_r.py RES_DIR AAR_DIR OUT_DIR PACKAGE
"""
import re
import zipfile
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

VALUE_TAGS = {
    "string": "string", "plurals": "plurals", "style": "style", "color": "color",
    "dimen": "dimen", "bool": "bool", "integer": "integer", "array": "array",
    "string-array": "array", "integer-array": "array", "attr": "attr", "id": "id",
    "fraction": "fraction",
}
FILE_TYPES = {
    "drawable", "mipmap", "xml", "layout", "menu", "raw", "font", "anim", "animator",
    "color", "navigation", "interpolator", "transition",
}
NEW_ID = re.compile(r"@\+id/([A-Za-z0-9_.]+)")
KOTLIN_KEYWORDS = {"as", "break", "class", "continue", "do", "else", "false", "for", "fun",
                   "if", "in", "interface", "is", "null", "object", "package", "return",
                   "super", "this", "throw", "true", "try", "typealias", "typeof", "val",
                   "var", "when", "while"}


def field(name: str) -> str:
    return name.replace(".", "_")


def collect(res: Path) -> dict:
    found = {}

    def add(kind, name):
        found.setdefault(kind, set()).add(field(name))

    for folder in sorted(p for p in res.iterdir() if p.is_dir()):
        base = folder.name.split("-")[0]
        for file in sorted(p for p in folder.iterdir() if p.is_file()):
            if base == "values":
                for item in ET.parse(file).getroot():
                    kind = VALUE_TAGS.get(item.tag)
                    if kind is None and item.tag == "item":
                        kind = item.get("type")
                    if kind and item.get("name"):
                        add(kind, item.get("name"))
                continue
            if base not in FILE_TYPES:
                raise SystemExit(f"gen_r: unknown resource folder {folder.name}")
            name = file.name.split(".")[0]
            add(base, name)
            if file.suffix == ".xml":
                for new_id in NEW_ID.findall(file.read_text(encoding="utf-8")):
                    add("id", new_id)
    return found


class Library:
    """One AAR's package and R.txt: its int resources, and its styleable arrays and indexes."""

    def __init__(self, package: str, r_txt: str):
        self.package = package
        self.ints = {}        # kind -> {name: value in R.txt}
        self.arrays = {}      # styleable name -> [values in R.txt]
        self.indexes = {}     # styleable attribute name -> index
        for line in r_txt.splitlines():
            parts = line.split(maxsplit=3)
            if len(parts) < 4:
                continue
            java_type, kind, name, value = parts
            if java_type == "int[]":
                self.arrays[name] = [int(v, 16) for v in re.findall(r"0x[0-9a-fA-F]+", value)]
            elif kind == "styleable":
                self.indexes[name] = int(value, 0)
            else:
                self.ints.setdefault(kind, {})[name] = int(value, 16)


def libraries(aar_dir: Path) -> list:
    found = {}
    for aar_path in sorted(aar_dir.glob("*.aar")):
        with zipfile.ZipFile(aar_path) as aar:
            if "R.txt" not in aar.namelist():
                continue
            r_txt = aar.read("R.txt").decode("utf-8")
            if not r_txt.strip():
                continue
            manifest = ET.fromstring(aar.read("AndroidManifest.xml"))
            lib = Library(manifest.get("package"), r_txt)
        if lib.package in found:
            raise SystemExit(f"gen_r: two AARs share the package {lib.package}")
        found[lib.package] = lib
    return [found[p] for p in sorted(found)]


def assign_ids(app: dict, libs: list) -> dict:
    names = {kind: set(entries) for kind, entries in app.items()}
    for lib in libs:
        for kind, entries in lib.ints.items():
            names.setdefault(kind, set()).update(entries)
    ids = {}
    for type_index, kind in enumerate(sorted(names), start=1):
        for entry_index, name in enumerate(sorted(names[kind])):
            ids[(kind, name)] = 0x7F000000 | (type_index << 16) | entry_index
    return ids


def ident(name: str) -> str:
    return f"`{name}`" if name in KOTLIN_KEYWORDS else name


def header(package: str) -> list:
    return [
        "// Generated by android/app-check/tools/gen_r.py; never edit, never commit.",
        f"package {package}",
        "",
        "@Suppress(\"ClassName\", \"ObjectPropertyName\", \"unused\")",
        "object R {",
    ]


def render_app(package: str, found: dict, ids: dict) -> str:
    lines = header(package)
    for kind in sorted(found):
        lines.append(f"    object {kind} {{")
        for name in sorted(found[kind]):
            lines.append(f"        const val {ident(name)}: Int = 0x{ids[(kind, name)]:08x}")
        lines.append("    }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def render_library(lib: Library, ids: dict) -> str:
    """Fields, not constants, as in a library's R: its code reads them at run time."""
    own = {}  # the library's R.txt value -> the merged id, to rewrite styleable arrays
    lines = header(lib.package)
    for kind in sorted(lib.ints):
        lines.append(f"    object {kind} {{")
        for name in sorted(lib.ints[kind]):
            merged = ids[(kind, name)]
            own[lib.ints[kind][name]] = merged
            lines.append(f"        @JvmField val {ident(name)}: Int = 0x{merged:08x}")
        lines.append("    }")
    if lib.arrays or lib.indexes:
        lines.append("    object styleable {")
        for name in sorted(lib.arrays):
            values = ", ".join(f"0x{own.get(v, v):08x}" for v in lib.arrays[name])
            lines.append(f"        @JvmField val {ident(name)}: IntArray = intArrayOf({values})")
        for name in sorted(lib.indexes):
            lines.append(f"        @JvmField val {ident(name)}: Int = {lib.indexes[name]}")
        lines.append("    }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def write(out: Path, package: str, text: str) -> None:
    target = out.joinpath(*package.split("."), "R.kt")
    target.parent.mkdir(parents=True, exist_ok=True)
    # Rewriting an unchanged file would make every build look new to the compiler.
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")


def main(res: Path, aar_dir: Path, out: Path, package: str) -> int:
    app = collect(res)
    libs = libraries(aar_dir)
    ids = assign_ids(app, libs)
    write(out, package, render_app(package, app, ids))
    for lib in libs:
        write(out, lib.package, render_library(lib, ids))
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 5:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]))
