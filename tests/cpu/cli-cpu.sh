#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The CPU probe through the command line: a bad --cpuid-dump is one error line
# naming the file (exit 1), never a crash; a fixture dump and a non-x86 or
# hostile proc/cpuinfo give facts or "unknown".
set -u
fail() { echo "FAIL: $*"; exit 1; }
machines="$LF_SOURCE_DIR/tests/fixtures/machines"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/root/proc"

for case in garbage empty truncated missing; do
    f="$tmp/$case.raw"
    case $case in
        garbage) printf 'garbage\n' >"$f" ;;
        empty) : >"$f" ;;
        truncated) printf 'version=0.6.2\nbasic_cpuid[0]=0000000d 756e65' >"$f" ;;
        missing) ;;
    esac
    err=$("$LAPFIT" probe --json --root "$tmp/root" --cpuid-dump "$f" 2>&1 >/dev/null); rc=$?
    [ $rc -eq 1 ] || fail "$case dump: exit $rc, want 1 ($err)"
    [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] || fail "$case dump: want one line, got: $err"
    case $err in "lapfit: "*"$f"*) ;; *) fail "$case dump: message does not name the file: $err" ;; esac
    case $case in garbage|empty|truncated)
        case $err in *"AIDA64"*"cpuid -r"*) ;; *) fail "$case dump: known formats not named: $err" ;; esac ;;
    esac
done

# A hybrid CPU in AIDA64's format: core types from leaf 0x1A of each logical CPU.
json=$("$LAPFIT" probe --json --root "$tmp/root" \
       --cpuid-dump "$LF_SOURCE_DIR/tests/fixtures/cpuid/aida64-i7-1355u.txt") || fail "aida64 probe"
echo "$json" | grep -q '"kind": "efficiency"' || fail "aida64: no efficiency cores"
echo "$json" | grep -q '"threads": 12' || fail "aida64: thread count"

# The AMD CPU in every format through libcpuid's topology: leaf 0x8000001E says two
# threads per core, so 8 cores and 16 threads (not 16 cores).
for f in r7-7840u.libcpuid aida64-r7-7840u.txt aida64-registers-r7-7840u.txt r7-7840u.instlatx64 \
         r7-7840u.aida64-report r7-7840u.cpuid-r; do
    json=$("$LAPFIT" probe --json --root "$tmp/root" \
           --cpuid-dump "$LF_SOURCE_DIR/tests/fixtures/cpuid/$f") || fail "$f probe"
    echo "$json" | grep -q '"cores": 8,' || fail "$f: cores, want 8"
    echo "$json" | grep -q '"threads": 16,' || fail "$f: threads, want 16"
    echo "$json" | grep -q '"codename": "Phoenix"' || fail "$f: codename"
done

# A vendor libcpuid does not know (Transmeta): named from the table, topology unknown, no error.
printf 'CPU 0:\n   0x00000000 0x00: eax=0x00000001 ebx=0x756e6547 ecx=0x3638784d edx=0x54656e69\n   0x00000001 0x00: eax=0x00000543 ebx=0x00000000 ecx=0x00000000 edx=0x0080893f\n' \
    >"$tmp/crusoe"
json=$("$LAPFIT" probe --json --offline --cpuid-dump "$tmp/crusoe") || fail "crusoe probe"
echo "$json" | grep -q '"generation": "Transmeta Crusoe TM3200/TM5x00"' || fail "crusoe generation"
echo "$json" | grep -q '"isa_level": "i686"' || fail "crusoe level"

# A fixture dump: the table's generation and the computed level.
json=$("$LAPFIT" probe --json --root "$machines/core2duo-2008/sysroot" \
       --cpuid-dump "$machines/core2duo-2008/cpuid.raw") || fail "core2duo probe"
echo "$json" | grep -q '"isa_level": "x86-64-v1"' || fail "core2duo level"
echo "$json" | grep -q '"generation": "Core 2"' || fail "core2duo generation"
echo "$json" | grep -q '"source": "cpuid-dump"' || fail "core2duo source"
"$LAPFIT" probe --root "$machines/core2duo-2008/sysroot" --cpuid-dump "$machines/core2duo-2008/cpuid.raw" \
    | grep -q 'Features.*64-bit; PAE yes, NX yes, SSE2 yes' || fail "core2duo text: x86 features"

# A saved ARM /proc/cpuinfo given as the dump: architecture and core, never an x86 guess.
json=$("$LAPFIT" probe --json --offline \
       --cpuid-dump "$LF_SOURCE_DIR/tests/fixtures/cpuid/rpi5-cortex-a76.cpuinfo") || fail "arm dump"
echo "$json" | grep -q '"uarch": "Cortex-A76"' || fail "arm dump: core name"
echo "$json" | grep -q '"isa_level": "arm64"' || fail "arm dump: architecture"
echo "$json" | grep -q '"threads": 4' || fail "arm dump: threads"
echo "$json" | grep -q '"generation": null' || fail "arm dump: an x86 generation was guessed"
text=$("$LAPFIT" probe --offline --cpuid-dump "$LF_SOURCE_DIR/tests/fixtures/cpuid/rpi5-cortex-a76.cpuinfo") \
    || fail "arm dump text"
echo "$text" | grep -q 'Features *64-bit$' || fail "arm dump text: width missing: $text"
echo "$text" | grep -q 'SSE2\|PAE' && fail "arm dump text: x86 features named for an ARM CPU"

# arm64 described by proc/cpuinfo.
printf 'processor\t: 0\nBogoMIPS\t: 48.00\nFeatures\t: fp asimd evtstrm aes pmull sha1 sha2 crc32 cpuid\nCPU implementer\t: 0x41\nCPU architecture: 8\nCPU variant\t: 0x0\nCPU part\t: 0xd03\nCPU revision\t: 4\n' \
    >"$tmp/root/proc/cpuinfo"
json=$("$LAPFIT" probe --json --root "$tmp/root") || fail "arm64 probe"
echo "$json" | grep -q '"isa_level": "arm64"' || fail "arm64 level"
echo "$json" | grep -q '"uarch": "Cortex-A53"' || fail "arm64 core name"
echo "$json" | grep -q '"source": "cpuinfo"' || fail "arm64 source"

# big.LITTLE (RK3399, as in the Pinebook Pro: four Cortex-A53 then two Cortex-A72):
# every kind of core is named, not only the first block's; an unknown part keeps its number.
block() { printf 'processor\t: %d\nBogoMIPS\t: 48.00\nFeatures\t: fp asimd evtstrm aes pmull sha1 sha2 crc32 cpuid\nCPU implementer\t: %s\nCPU architecture: 8\nCPU variant\t: 0x0\nCPU part\t: %s\nCPU revision\t: 4\n\n' "$@"; }
{ for i in 0 1 2 3; do block $i 0x41 0xd03; done; block 4 0x41 0xd08; block 5 0x41 0xd08; } >"$tmp/rk3399"
json=$("$LAPFIT" probe --json --offline --cpuid-dump "$tmp/rk3399") || fail "big.LITTLE probe"
echo "$json" | grep -q '"uarch": "Cortex-A53 + Cortex-A72"' || fail "big.LITTLE: both cores not named"
echo "$json" | grep -q '"threads": 6' || fail "big.LITTLE: threads"
{ for i in 0 1; do block $i 0x51 0x001; done; block 2 0x41 0xfff; } >"$tmp/oryon"
json=$("$LAPFIT" probe --json --offline --cpuid-dump "$tmp/oryon") || fail "oryon probe"
echo "$json" | grep -q '"uarch": "Oryon + part 0xfff"' || fail "oryon: $(echo "$json" | grep uarch)"

# Hostile proc/cpuinfo: control characters, huge numbers, no newline at the end.
printf 'processor : 0\nvendor_id : GenuineIntel\ncpu family : 99999999999999999999\nmodel name : \033[2J\001x @ 1e999GHz\nflags : fpu cmov lm sse sse2 %s' \
    "$(head -c 3000 /dev/zero | tr '\0' 'a')" >"$tmp/root/proc/cpuinfo"
"$LAPFIT" probe --json --root "$tmp/root" >"$tmp/out.json" || fail "hostile cpuinfo: exit $?"
grep -q "$(printf '\033')" "$tmp/out.json" && fail "escape sequence passed through"
"$LAPFIT" probe --root "$tmp/root" >/dev/null || fail "hostile cpuinfo text output"
echo "cli cpu ok"
