#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Writes tests/fixtures/reports/*.json: lapfit-report/1 documents for some of the
fixture machines (tests/fixtures/machines/README.md facts), with private fields
(serials, UUID, MACs, host name) as `lapfit export --format json` writes them.
Serials and UUIDs are invented. Re-run after changing a machine below."""
import json, os, sys

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "reports")

def cpu(vendor, brand, fam, model, step, uarch, gen, year, isa, bits, cores, threads, mhz, pae=True):
    return {"vendor": vendor, "brand": brand, "family": fam, "model": model, "stepping": step,
            "uarch": uarch, "codename": uarch, "generation": gen, "launch_year": year,
            "isa_level": isa, "bits": bits, "pae": pae, "pae_note": None, "nx": True,
            "sse2": True, "cores": cores, "threads": threads, "max_mhz": mhz,
            "missing_for_next_level": [], "flags": ["fpu", "pae", "nx", "sse2"],
            "source": "cpuid-dump", "table_source": None}

def mem(usable, installed, total, used, maxmb, typ, speed, modules, soldered=False, swap=2047):
    return {"usable_mb": usable, "installed_mb": installed, "installed_source": "smbios",
            "slots_total": total, "slots_used": used, "max_mb": maxmb, "type": typ,
            "speed_mts": speed, "soldered": soldered, "swap_mb": swap,
            "modules": [{"locator": loc, "size_mb": size, "type": typ, "speed_mts": speed,
                         "form_factor": "SODIMM" if not soldered else "Row of chips",
                         "soldered": soldered} for loc, size in modules]}

def bat(name, vendor, model, tech, design, full, cycles, serial, volt=11.1):
    return {"name": name, "vendor": vendor, "model": model, "technology": tech,
            "design_wh": design, "full_wh": full, "now_wh": full * 0.8,
            "health_pct": round(full / design * 100, 2), "percent": 80.0, "cycles": cycles,
            "state": "discharging", "power_w": 7.5, "voltage_v": volt, "time_to_empty_s": 3600,
            "time_to_full_s": None, "charge_start_threshold": None,
            "charge_stop_threshold": None, "source": "sysfs", "flags": [], "serial": serial}

def disk(name, model, kind, gb, serial, removable=False, boot=False):
    return {"name": name, "model": model, "kind": kind, "size_gb": gb, "removable": removable,
            "rotational": kind == "hdd", "boot_medium": boot, "serial": serial}

def report(key, generated, vendor, product, chassis, fw, cpu_, mem_, bats, disks, gpus, nets,
           os_, uuid, serial, board, host, bios):
    return {"schema": "lapfit-report/1", "lapfit_version": "0.1.0", "generated": generated,
            "machine_id": None,
            "machine": {"vendor": vendor, "product": product, "version": None, "family": None,
                        "chassis": chassis, "virtual": None,
                        "firmware": {"mode": fw[0], "uefi_bits": fw[1], "secure_boot": fw[2]},
                        "bios": {"vendor": bios[0], "version": bios[1], "date": bios[2]},
                        "smbios_source": "dmidecode", "serial": serial, "uuid": uuid,
                        "board_serial": board, "hostname": host},
            "cpu": cpu_, "memory": mem_, "batteries": bats,
            "power": {"on_ac": False, "platform_profile": None,
                      "cpufreq": {"driver": None, "governor": None, "epp": None,
                                  "available_governors": [], "available_epp": []},
                      "tuners_running": []},
            "storage": disks,
            "gpus": [{"vendor": v, "device": d, "pci_id": p, "driver": dr, "kms": True}
                     for v, d, p, dr in gpus],
            "network": [{"kind": k, "name": n, "vendor": v, "device": d, "pci_id": p,
                         "usb_id": None, "driver": dr, "firmware_missing": [],
                         "needs_nonfree_firmware": k == "wifi", "mac": mac}
                        for k, n, v, d, p, dr, mac in nets],
            "os": {"pretty_name": os_[0], "id": os_[1], "version_id": os_[2],
                   "kernel": os_[3], "arch": os_[4], "live_session": os_[5]},
            "errors": []}

DEB = ("Debian GNU/Linux 12 (bookworm)", "debian", "12", "6.1.0-21-amd64", "x86_64", False)
R = {}
R["pentium-m-2005"] = report("pentium-m-2005", "2026-01-10T09:00:00Z", "IBM", "1871W8M", "notebook",
    ("bios", None, None),
    cpu("GenuineIntel", "Intel(R) Pentium(R) M processor 1.86GHz", 6, 13, 8, "P6 (Pentium M)", "Dothan", 2005, "i686", 32, 1, 1, 1867.0),
    mem(503, 512, 2, 1, 2048, "DDR2", 533, [("DIMM 1", 512)], swap=1023),
    [bat("BAT0", "SANYO", "92P1089", "Li-ion", 52.0, 31.0, 610, "1187")],
    [disk("sda", "HTS541040G9AT00", "hdd", 40.0, "MPA2A0X0J5ABCD")],
    [("ATI", "Radeon X300 (RV370) 64MB", "1002:5460", "radeon")],
    [("wifi", "eth1", "Intel", "PRO/Wireless 2915ABG", "8086:4223", "ipw2200", "00:13:ce:00:00:01"),
     ("ethernet", "eth0", "Broadcom", "NetXtreme BCM5751M", "14e4:167d", "tg3", "00:11:25:00:00:01")],
    ("Debian GNU/Linux 12 (bookworm)", "debian", "12", "6.1.0-21-686-pae", "i686", False),
    "8e5c8a01-4a2b-11cb-8f1a-0011250000aa", "L3ABC12", "J1XYZ98765", "t43-lab-01", ("IBM", "1YET65WW (1.29 )", "2006-03-08"))
R["core2duo-2008"] = report("core2duo-2008", "2026-01-10T09:05:00Z", "Dell Inc.", "Latitude D630", "notebook",
    ("bios", None, None),
    cpu("GenuineIntel", "Intel(R) Core(TM)2 Duo CPU T7500 @ 2.20GHz", 6, 15, 11, "Core", "Merom", 2007, "x86-64-v1", 64, 2, 2, 2200.0),
    mem(2003, 2048, 2, 2, 4096, "DDR2", 667, [("DIMM_A", 1024), ("DIMM_B", 1024)]),
    [bat("BAT0", "SMP", "DELL RN8738", "Li-ion", 56.0, 42.5, 240, "4821")],
    [disk("sda", "ST980811AS", "hdd", 80.0, "5LY2ABCD")],
    [("Intel", "GM965/GL960 Integrated Graphics (X3100)", "8086:2a02", "i915")],
    [("wifi", "wlan0", "Intel", "PRO/Wireless 4965 AG", "8086:4229", "iwl4965", "00:1f:3b:00:00:02"),
     ("ethernet", "eth0", "Broadcom", "NetXtreme BCM5755M", "14e4:1673", "tg3", "00:1c:23:00:00:02")],
    DEB, "44454c4c-3100-1050-8044-b2c04f333132", "2DP3H1S", ".2DP3H1S.CN1296177G0123.", "d630-lab-02", ("Dell Inc.", "A17", "2010-11-24"))
R["sandybridge-2011"] = report("sandybridge-2011", "2026-01-10T09:10:00Z", "LENOVO", "4180W1B", "notebook",
    ("bios", None, None),
    cpu("GenuineIntel", "Intel(R) Core(TM) i5-2520M CPU @ 2.50GHz", 6, 42, 7, "Sandy Bridge", "2nd gen Core", 2011, "x86-64-v2", 64, 2, 4, 3200.0),
    mem(3842, 4096, 2, 1, 16384, "DDR3", 1333, [("ChannelA-DIMM0", 4096)]),
    [bat("BAT0", "SANYO", "45N1001", "Li-ion", 57.72, 40.1, 402, "2311")],
    [disk("sda", "HITACHI HTS725032A9A364", "hdd", 320.07, "100323PBN3B17CABCD")],
    [("Intel", "2nd Generation Core Processor Family Integrated Graphics Controller", "8086:0126", "i915")],
    [("wifi", "wlp3s0", "Intel", "Centrino Advanced-N 6205", "8086:0085", "iwlwifi", "8c:70:5a:00:00:03"),
     ("ethernet", "enp0s25", "Intel", "82579LM Gigabit Network Connection", "8086:1502", "e1000e", "00:21:cc:00:00:03")],
    DEB, "a1b2c3d4-0000-0000-0000-4180w1b00003", "R9ABCDE", "1ZABC1234567", "t420-lab-03", ("LENOVO", "83ET76WW (1.46 )", "2012-07-10"))
R["skylake-u-2016"] = report("skylake-u-2016", "2026-01-10T09:15:00Z", "Dell Inc.", "Latitude E7470", "notebook",
    ("uefi", 64, False),
    cpu("GenuineIntel", "Intel(R) Core(TM) i5-6300U CPU @ 2.40GHz", 6, 78, 3, "Skylake", "6th gen Core", 2015, "x86-64-v3", 64, 2, 4, 3000.0),
    mem(7854, 8192, 2, 1, 32768, "DDR4", 2133, [("DIMM A", 8192)]),
    [bat("BAT0", "SMP", "DELL 6MT4T", "Li-poly", 55.0, 49.5, 150, "6231", 7.6)],
    [disk("sda", "LITEON L8H-256V2G-11", "ssd", 256.06, "TW0XFJWX550853AB1234")],
    [("Intel", "HD Graphics 520", "8086:1916", "i915")],
    [("wifi", "wlp1s0", "Intel", "Wireless 8260", "8086:24f3", "iwlwifi", "a0:c5:89:00:00:04"),
     ("ethernet", "enp0s31f6", "Intel", "Ethernet Connection I219-LM", "8086:156f", "e1000e", "84:7b:eb:00:00:04")],
    DEB, "4c4c4544-0036-4410-8035-b7c04f4d3732", "7D5MJ72", "/7D5MJ72/CNCMK0062O00AB/", "e7470-lab-04", ("Dell Inc.", "1.36.3", "2023-06-12"))
R["ryzen-4000-2020"] = report("ryzen-4000-2020", "2026-01-10T09:20:00Z", "LENOVO", "81YM", "notebook",
    ("uefi", 64, True),
    cpu("AuthenticAMD", "AMD Ryzen 5 4500U with Radeon Graphics", 23, 96, 1, "Zen 2", "Renoir", 2020, "x86-64-v3", 64, 6, 6, 4000.0),
    mem(7311, 8192, 0, 0, 8192, "DDR4", 3200, [("DIMM 0", 4096), ("DIMM 1", 4096)], soldered=True),
    [bat("BAT0", "Celxpert", "L19C4PF4", "Li-poly", 57.0, 55.6, 45, "501", 15.36)],
    [disk("nvme0n1", "SAMSUNG MZALQ512HALU-000L2", "nvme", 512.11, "S4UKNX0N123456")],
    [("AMD", "Renoir [Radeon Vega Series]", "1002:1636", "amdgpu")],
    [("wifi", "wlp1s0", "Intel", "Wi-Fi 6 AX200", "8086:2723", "iwlwifi", "50:e0:85:00:00:05")],
    DEB, "5e3a4b20-1dd2-11b2-a85c-81ym00000005", "PF2ABCDE", "PM01234567890", "ideapad-lab-05", ("LENOVO", "DTCN40WW(V1.26)", "2022-05-07"))
R["thinkpad-two-batteries"] = report("thinkpad-two-batteries", "2026-01-10T09:25:00Z", "LENOVO", "20L50000US", "notebook",
    ("uefi", 64, True),
    cpu("GenuineIntel", "Intel(R) Core(TM) i5-8350U CPU @ 1.70GHz", 6, 142, 10, "Kaby Lake", "8th gen Core", 2017, "x86-64-v3", 64, 4, 8, 3600.0),
    mem(15842, 16384, 2, 2, 32768, "DDR4", 2400, [("ChannelA-DIMM0", 8192), ("ChannelB-DIMM0", 8192)]),
    [bat("BAT0", "SMP", "01AV421", "Li-poly", 24.05, 19.2, 310, "1111", 11.46),
     bat("BAT1", "SANYO", "01AV424", "Li-ion", 72.0, 50.4, 290, "2222", 11.1)],
    [disk("nvme0n1", "SAMSUNG MZVLB512HAJQ-000L7", "nvme", 512.11, "S3TNNX0K123456")],
    [("Intel", "UHD Graphics 620", "8086:5917", "i915")],
    [("wifi", "wlp3s0", "Intel", "Wireless 8265 / 8275", "8086:24fd", "iwlwifi", "e4:70:b8:00:00:06"),
     ("ethernet", "enp0s31f6", "Intel", "Ethernet Connection (4) I219-LM", "8086:15d7", "e1000e", "54:e1:ad:00:00:06")],
    DEB, "0b6a2f80-3f2c-11b2-a85c-20l500000006", "PF1ABCDE", "L1HF8AB01CD", "t480-lab-06", ("LENOVO", "N24ET73W (1.48 )", "2023-02-28"))
R["desktop-no-battery"] = report("desktop-no-battery", "2026-01-10T09:30:00Z", "Dell Inc.", "OptiPlex 7010", "desktop",
    ("bios", None, None),
    cpu("GenuineIntel", "Intel(R) Core(TM) i5-3470 CPU @ 3.20GHz", 6, 58, 9, "Ivy Bridge", "3rd gen Core", 2012, "x86-64-v2", 64, 4, 4, 3600.0),
    mem(7869, 8192, 4, 2, 32768, "DDR3", 1600, [("DIMM1", 4096), ("DIMM3", 4096)]),
    [],
    [disk("sda", "ST500DM002-1BD142", "hdd", 500.11, "W2A12345"),
     disk("sdb", "SanDisk Cruzer Blade", "usb", 16.01, "4C530001230707111234", removable=True, boot=True)],
    [("Intel", "Xeon E3-1200 v2/3rd Gen Core processor Graphics Controller", "8086:0152", "i915")],
    [("ethernet", "enp0s25", "Intel", "82579LM Gigabit Network Connection", "8086:1502", "e1000e", "b8:ca:3a:00:00:07")],
    ("Debian GNU/Linux 12 (bookworm)", "debian", "12", "6.1.0-21-amd64", "x86_64", True),
    "4c4c4544-0047-3910-8033-b9c04f395931", "9G39Y1S", "/9G39Y1S/CN7016324B0123/", "debian", ("Dell Inc.", "A29", "2018-06-13"))
R["baytrail-tablet"] = report("baytrail-tablet", "2026-01-10T09:35:00Z", "ASUSTeK COMPUTER INC.", "T100TA", "convertible",
    ("uefi", 32, False),
    cpu("GenuineIntel", "Intel(R) Atom(TM) CPU  Z3740  @ 1.33GHz", 6, 55, 3, "Silvermont", "Bay Trail", 2013, "x86-64-v2", 64, 4, 4, 1866.0),
    mem(1918, 2048, 0, 0, 2048, "LPDDR3", 1067, [("A1_DIMM0", 1024), ("A1_DIMM1", 1024)], soldered=True, swap=0),
    [bat("BAT0", "ASUSTek", "C12N1320", "Li-poly", 31.0, 24.2, 510, "0001", 3.8)],
    [disk("mmcblk0", "HAG2e", "emmc", 31.27, "0x1a2b3c4d")],
    [("Intel", "Atom Processor Z36xxx/Z37xxx Series Graphics & Display", "8086:0f31", "i915")],
    [("wifi", "wlan0", "Broadcom", "BCM43241 SDIO", None, "brcmfmac", "08:60:6e:00:00:08")],
    DEB, "30d0ae40-d5c5-11e3-8f1a-08606e000008", "E8N0CX123456789", "BSN12345678901234", "t100-lab-08", ("American Megatrends Inc.", "T100TA.310", "2014-07-15"))

# A later report of the T420: a RAM module removed... no, added; the HDD swapped for an SSD;
# the battery 5 months older. Used by `fleet diff`.
import copy
later = copy.deepcopy(R["sandybridge-2011"])
later["generated"] = "2026-06-10T09:10:00Z"
later["memory"]["installed_mb"] = 8192; later["memory"]["usable_mb"] = 7862; later["memory"]["slots_used"] = 2
later["memory"]["modules"].append(dict(later["memory"]["modules"][0], locator="ChannelB-DIMM0"))
later["storage"] = [disk("sda", "Samsung SSD 870 EVO 500GB", "ssd", 500.11, "S6PXNF0R123456")]
b = later["batteries"][0]; b["full_wh"] = 37.6; b["health_pct"] = round(37.6 / 57.72 * 100, 2); b["cycles"] = 455
R["sandybridge-2011-later"] = later

# And the Core 2 Duo later with one DIMM removed (RAM removed).
c2 = copy.deepcopy(R["core2duo-2008"])
c2["generated"] = "2026-03-10T09:05:00Z"
c2["memory"]["modules"] = c2["memory"]["modules"][:1]
c2["memory"]["installed_mb"] = 1024; c2["memory"]["usable_mb"] = 987; c2["memory"]["slots_used"] = 1
c2["batteries"][0]["full_wh"] = 40.3; c2["batteries"][0]["health_pct"] = round(40.3 / 56 * 100, 2)
R["core2duo-2008-later"] = c2

os.makedirs(OUT, exist_ok=True)
for name, r in R.items():
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump(r, f, indent=2)
        f.write("\n")
print(f"wrote {len(R)} reports to {OUT}")
