#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# The arrows between the parts point only downward (doc/ARCHITECTURE.md):
#   core <- db <- probe <- tune, recommend, export <- fleet <- cli <- tui <- main
# Checked on the compiled objects, so a call through a header of another part
# counts as well as an #include: every undefined symbol of an object must be
# defined in its own part or in a part it may use.
# Usage: layers.py SOURCE_DIR BUILD_DIR NM      exit 0 ok, 1 an upward arrow, 77 skipped.
import os
import subprocess
import sys

# Each part and the parts it may use (besides itself).
ALLOWED = {
    "core": set(),
    "db": {"core"},
    "probe": {"core", "db"},
    "tune": {"core", "db", "probe"},
    "recommend": {"core", "db"},
    "export": {"core", "db"},
    "fleet": {"core", "db", "probe", "recommend", "export"},
    "cli": {"core", "db", "probe", "tune", "recommend", "export", "fleet"},
    "tui": {"core", "db", "probe", "tune", "recommend", "export", "fleet", "cli"},
    "main": {"core", "db", "probe", "tune", "recommend", "export", "fleet", "cli", "tui"},
}

# Object directories of the targets: (directory below BUILD_DIR, source directory
# below SOURCE_DIR that object paths are relative to, part of top-level objects).
TARGETS = [
    ("src/CMakeFiles/lapfit-core.dir", "src", None),
    ("src/CMakeFiles/lapfit.dir", "src", "main"),
    ("tui/CMakeFiles/lapfit-tui.dir", "tui", "tui"),
    ("db/CMakeFiles/lapfit-db-embed.dir", "db", "db"),
]


def part_of(rel, top):
    """'probe/battery.c.o' -> probe; '__/db/x.c.o', '__/data/..', '__/profiles/..' -> db."""
    bits = rel.split("/")
    if bits[0] == "__":
        return "db" if bits[1] in ("db", "data", "profiles") else None
    return bits[0] if len(bits) > 1 else top


def symbols(nm, obj):
    out = subprocess.run([nm, "-P", obj], capture_output=True, text=True, check=True).stdout
    defined, undefined = set(), set()
    for line in out.splitlines():
        f = line.split()
        if len(f) < 2:
            continue
        name, kind = f[0], f[1]
        if kind == "U":
            undefined.add(name)
        elif kind.isupper() and kind not in "N":
            defined.add(name)
    return defined, undefined


def main():
    if len(sys.argv) != 4:
        print("usage: layers.py SOURCE_DIR BUILD_DIR NM")
        return 2
    src, build, nm = sys.argv[1:]
    objects = []   # (part, label, path)
    for tdir, sdir, top in TARGETS:
        base = os.path.join(build, tdir)
        for dirpath, _, files in os.walk(base):
            for f in files:
                if not f.endswith(".o"):
                    continue
                rel = os.path.relpath(os.path.join(dirpath, f), base)
                source = rel[:-2].replace("__/", "../")   # CMake's name for ".."
                # Stale objects of moved or deleted files stay in the build tree.
                if not any(os.path.exists(os.path.join(root, sdir, source))
                           for root in (src, build)):
                    continue
                part = part_of(rel, top)
                if part is None or part not in ALLOWED:
                    print(f"{rel}: no part for this object (add it to tests/core/layers.py)")
                    return 1
                objects.append((part, os.path.normpath(os.path.join(sdir, source)),
                                os.path.join(dirpath, f)))
    if not objects:
        print(f"no objects below {build}: build first")
        return 77
    owner = {}     # symbol -> (part, source)
    needs = []
    for part, label, path in objects:
        defined, undefined = symbols(nm, path)
        for s in defined:
            owner.setdefault(s, (part, label))
        needs.append((part, label, undefined))
    bad = 0
    for part, label, undefined in sorted(needs):
        for s in sorted(undefined):
            if s not in owner:
                continue   # a library's symbol (GLib, libc, ...)
            opart, olabel = owner[s]
            if opart != part and opart not in ALLOWED[part]:
                print(f"{label} ({part}) uses {s} from {olabel} ({opart}): an upward arrow")
                bad += 1
    print(f"{len(objects)} objects checked, {bad} upward arrows")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
