#!/usr/bin/env python3
"""Puts the classes of every AndroidX AAR where the Kotlin compiler and the tests see them.

Maven does not read AARs, so this copies each AAR's classes.jar (and any libs/*.jar in it)
into one class directory. Two AARs shipping the same class or Kotlin module file would make
the merge ambiguous, so that stops the build instead.

Usage: unpack_aars.py AAR_DIR CLASS_DIR
"""
import sys
import zipfile
from io import BytesIO
from pathlib import Path

# Files every AAR has its own copy of; which one wins does not matter.
SHARED = ("META-INF/MANIFEST.MF",)


def inner_jars(aar: zipfile.ZipFile):
    for name in sorted(aar.namelist()):
        if name == "classes.jar" or (name.startswith("libs/") and name.endswith(".jar")):
            yield name, zipfile.ZipFile(BytesIO(aar.read(name)))


def main(aar_dir: Path, out: Path) -> int:
    aars = sorted(aar_dir.glob("*.aar"))
    if not aars:
        print(f"unpack_aars: no AAR in {aar_dir}", file=sys.stderr)
        return 1
    owner = {}
    for path in aars:
        with zipfile.ZipFile(path) as aar:
            for _, jar in inner_jars(aar):
                for entry in jar.infolist():
                    name = entry.filename
                    if entry.is_dir() or name in SHARED:
                        continue
                    if name in owner and owner[name] != path.name:
                        print(f"unpack_aars: {name} is in both {owner[name]} and {path.name}",
                              file=sys.stderr)
                        return 1
                    owner[name] = path.name
                    target = out / name
                    target.parent.mkdir(parents=True, exist_ok=True)
                    data = jar.read(entry)
                    # Rewriting an unchanged file would make every build look new to the compiler.
                    if not target.exists() or target.read_bytes() != data:
                        target.write_bytes(data)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
