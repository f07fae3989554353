#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Schema 5 -> 6 loses no verdict: LETTERS has "id letters[|idx:fix,...]" per report (the
schema 5 column), ROWS "report_id edition status fix fix_ram_mb" per row of the schema 6
`verdicts` table ("-" for null). Every judged edition is one row with its status, every
purchase is on its row, and nothing else is."""
import sys

STATUS = {"P": 0, "W": 1, "F": 2}


def expected(path):
    out = {}
    for line in open(path):
        if not line.strip():
            continue
        rid, text = line.split(None, 1)
        letters, _, fixes = text.strip().partition("|")
        fix = dict(f.split(":", 1) for f in fixes.split(",") if f)
        for idx, c in enumerate(letters):
            if c == "-":
                continue
            f = fix.get(str(idx))
            kind, ram = None, None
            if f == "ssd":
                kind = "ssd"
            elif f and f.startswith("ram"):
                num, plus, rest = f[3:].partition("+")
                kind, ram = ("ram+ssd" if plus and rest == "ssd" else "ram"), int(num)
            out[(int(rid), idx)] = (STATUS.get(c, 3), kind, ram)
    return out


def actual(path):
    out = {}
    for line in open(path):
        if not line.strip():
            continue
        rid, idx, status, fix, ram = line.split()
        key = (int(rid), int(idx))
        assert key not in out, f"two rows for {key}"
        out[key] = (int(status), None if fix == "-" else fix, None if ram == "-" else int(ram))
    return out


want, got = expected(sys.argv[1]), actual(sys.argv[2])
missing = sorted(set(want) - set(got))
extra = sorted(set(got) - set(want))
wrong = sorted(k for k in set(want) & set(got) if want[k] != got[k])
assert not missing and not extra and not wrong, (missing[:5], extra[:5], [(k, want[k], got[k]) for k in wrong[:5]])
fixes = sum(1 for v in want.values() if v[1])
assert len(want) > 100 and fixes > 10 and any(v[1] == "ram+ssd" for v in want.values()), (len(want), fixes)
print(f"{len(want)} verdicts, {fixes} purchases: none lost")
