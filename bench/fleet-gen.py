#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Generates N varied lapfit reports from the fixture reports for the fleet
benchmark: N/2 machines with two reports each (months apart: battery worn,
sometimes RAM added or the disk swapped), with their own UUIDs, serials, host
names, MACs, RAM and battery figures. Deterministic (seeded).
Usage: fleet-gen.py FIXTURE_DIR OUT_DIR N"""
import copy, glob, json, os, random, sys

src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
bases = [json.load(open(p)) for p in sorted(glob.glob(os.path.join(src, "*.json")))
         if "-later" not in p]
rng = random.Random(42)
os.makedirs(out, exist_ok=True)
per_dir = 1000
for i in range(n):
    machine, second = divmod(i, 2)
    r = copy.deepcopy(bases[machine % len(bases)])
    mrng = random.Random(machine)  # the same machine twice
    m = r["machine"]
    m["uuid"] = "%08x-%04x-4%03x-8%03x-%012x" % (machine, mrng.getrandbits(16), mrng.getrandbits(12),
                                                 mrng.getrandbits(12), mrng.getrandbits(48))
    m["serial"] = "SN%08d" % machine
    m["board_serial"] = "BSN%010d" % machine
    m["hostname"] = "lab-%06d" % machine
    r["machine_id"] = None
    for k, net in enumerate(r["network"]):
        net["mac"] = "02:%02x:%02x:%02x:%02x:%02x" % (k, machine >> 24 & 255, machine >> 16 & 255,
                                                      machine >> 8 & 255, machine & 255)
    mem = r["memory"]
    if not mem["soldered"] and mrng.random() < 0.3 and mem["modules"]:
        mem["modules"] = mem["modules"][:1]  # a DIMM missing
        mem["installed_mb"] = mem["modules"][0]["size_mb"]
        mem["slots_used"] = 1
        mem["usable_mb"] = int(mem["installed_mb"] * 0.95)
    month = 1 + mrng.randrange(6)
    r["generated"] = "2025-%02d-%02dT%02d:%02d:00Z" % (month + 6 * second, 1 + mrng.randrange(28),
                                                      mrng.randrange(24), mrng.randrange(60))
    for b in r["batteries"]:
        b["serial"] = "B%08d" % machine
        wear = mrng.uniform(0.3, 1.0) * (1.5 if second else 1.0)
        b["full_wh"] = round(b["design_wh"] * mrng.uniform(0.35, 1.0) / wear ** 0.05 -
                             (2.0 * wear if second else 0), 2)
        b["health_pct"] = round(b["full_wh"] / b["design_wh"] * 100, 2)
        b["cycles"] = mrng.randrange(20, 900) + (150 if second else 0)
    for d in r["storage"]:
        d["serial"] = "D%010d" % machine
        if second and d["kind"] == "hdd" and rng.random() < 0.4:
            d["kind"], d["model"], d["rotational"] = "ssd", "Samsung SSD 870 EVO 500GB", False
    sub = os.path.join(out, "%03d" % (i // per_dir))
    if i % per_dir == 0:
        os.makedirs(sub, exist_ok=True)
    with open(os.path.join(sub, "r%06d.json" % i), "w") as f:
        json.dump(r, f)
