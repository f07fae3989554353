#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# Checks an OCS inventory request: well-formed XML, the sections and fields an
# OCS Inventory NG 2.x server needs (Apache/Ocsinventory/Map.pm), bare integers where the server
# writes them into SQL unquoted, at most one BATTERIES.
# Usage: check-ocs-xml.py FILE [SECTION...]   (SECTIONs that must be present)
import sys
import xml.etree.ElementTree as ET

path, want = sys.argv[1], sys.argv[2:]
try:
    root = ET.parse(path).getroot()
except ET.ParseError as e:
    print(f"{path}: not well-formed: {e}")
    sys.exit(1)
bad = []
if root.tag != "REQUEST":
    bad.append("root is not REQUEST")
if not (root.findtext("DEVICEID") or "").strip():
    bad.append("no DEVICEID")
if root.findtext("QUERY") != "INVENTORY":
    bad.append("QUERY is not INVENTORY")
content = root.find("CONTENT")
if content is None:
    print(f"{path}: no CONTENT"); sys.exit(1)
hw = content.findall("HARDWARE")
if len(hw) != 1:
    bad.append("want exactly one HARDWARE")
else:
    for f in ("NAME", "CHECKSUM"):
        if not (hw[0].findtext(f) or "").strip():
            bad.append(f"HARDWARE/{f} missing")
    for f in ("CHECKSUM", "MEMORY", "SWAP", "PROCESSORS", "PROCESSORN", "TYPE"):
        v = hw[0].findtext(f)
        if v is not None and not v.isdigit():
            bad.append(f"HARDWARE/{f} not a bare integer: {v!r}")
if len(content.findall("BATTERIES")) > 1:
    bad.append("more than one BATTERIES (server 2.8 stores an empty row)")
if len(content.findall("BIOS")) != 1:
    bad.append("want exactly one BIOS")
for s in want:
    if content.find(s) is None:
        bad.append(f"section {s} missing")
for e in bad:
    print(f"{path}: {e}")
sys.exit(1 if bad else 0)
