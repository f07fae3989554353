#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A portable artifact (scripts/portable.sh) in an otherwise empty root: only the
# unpacked directory and /proc, /sys, /dev bound in a private mount namespace
# (nothing stays mounted if this is killed), a timeout on each chroot. It must
# probe (schema-valid JSON that the normal build loads back), recommend, check,
# speak every language it carries without any locale installed, and draw the TUI
# under tmux, all as user nobody. For i686 the program also probes, recommends, checks and draws
# the TUI under qemu-i386 -cpu pentium2 (no SSE/SSE2), and the launcher refuses
# a CPU without CMOV in one line, in English and in German, itself running on a 486.
# Usage: portable-run.sh TARBALL ARCH
set -u
tarball=$1 arch=$2
: "${LAPFIT:?LAPFIT must name the normal build}"
skip() { echo "SKIP: $*"; exit 77; }
fail() { echo "FAIL: $*"; exit 1; }
[ "${LF_PACKAGE_TESTS:-0}" = 1 ] || skip "runs after portable-build: LF_PACKAGE_TESTS=1 (test.sh sets it)"
[ "$(id -u)" -eq 0 ] || skip "needs root (chroot, bind mounts)"
for t in unshare chroot timeout tmux python3; do
    command -v $t >/dev/null 2>&1 || skip "$t is not installed"
done
/usr/bin/python3 -c 'import jsonschema' 2>/dev/null || skip "python3-jsonschema is not installed"
[ "$arch" = x86_64 ] || command -v qemu-i386 >/dev/null 2>&1 || skip "qemu-i386 (qemu-user) is not installed"
[ -f "$tarball" ] || fail "$tarball was not built"

name=$(basename "$tarball" .tar.gz)
w=$(mktemp -d -t lapfit-portable.XXXXXX) || exit 99
sock=lapfit-portable-$$
trap 'tmux -L "$sock" kill-server 2>/dev/null; rm -rf "$w"' EXIT
(cd "$(dirname "$tarball")" && sha256sum -c --quiet "$name.tar.gz.sha256") || fail "SHA-256 sum does not match"
size=$(wc -c <"$tarball")
[ "$size" -le 12000000 ] || fail "$name.tar.gz is $size bytes (over 12 MB)"
r=$w/root
mkdir -p "$r/proc" "$r/sys" "$r/dev" "$r/tmp"
tar -xzf "$tarball" -C "$r" || fail "cannot unpack"
[ "$(ls "$r")" = "$(printf 'dev\n%s\nproc\nsys\ntmp' "$name")" ] || fail "unpacks to $(ls "$r" | tr '\n' ' ')"
[ -x "$r/$name/lapfit" ] || fail "$name/lapfit is not an executable file"

# in_root [VAR=VALUE...] -- COMMAND...: COMMAND in the empty root, environment as given.
in_root() {
    unshare -m sh -c '
        r=$1; shift
        mount --bind /proc "$r/proc" && mount --rbind /sys "$r/sys" && mount --rbind /dev "$r/dev" || exit 99
        exec env -i "$@"' sh "$r" HOME=/tmp PATH=/ "$@"
}
cmd=/$name/lapfit
# As nobody: probe, recommend, check and the TUI need no root.
env="$(command -v timeout) 60 $(command -v chroot) --userspec=65534:65534 $r"

# shellcheck disable=SC2086
in_root $env "$cmd" probe --json >"$w/probe.json" 2>"$w/err" || fail "probe --json: $(cat "$w/err")"
/usr/bin/python3 "$LF_SOURCE_DIR/tests/export/validate-json.py" \
    "$LF_SOURCE_DIR/tests/package/lapfit-report-1.schema.json" "$w/probe.json" || fail "probe --json is not lapfit-report/1"
"$LAPFIT" probe --report "$w/probe.json" --json >/dev/null || fail "the normal build cannot load the artifact's report"
grep -q "\"arch\": \"$(uname -m)\"" "$w/probe.json" || fail "os.arch is not $(uname -m)"
echo "probe --json: schema-valid, $(wc -c <"$w/probe.json") bytes"

# shellcheck disable=SC2086
in_root $env "$cmd" recommend >"$w/rec" 2>"$w/err" || fail "recommend: $(cat "$w/err")"
grep -Eq '^ +1\. (PASS|WARN|FAIL) ' "$w/rec" || fail "recommend ranked nothing: $(head -5 "$w/rec")"
# shellcheck disable=SC2086
in_root $env "$cmd" check lubuntu-24.04 >"$w/check" 2>"$w/err"; rc=$?
[ $rc -le 2 ] || fail "check lubuntu-24.04 exited $rc: $(cat "$w/err")"
grep -q 'lubuntu-24.04' "$w/check" || fail "check: $(cat "$w/check")"
echo "recommend and check lubuntu-24.04 (exit $rc): ok"

# Every language the artifact translates, with no locale on the "host": the
# artifact brings its own (LANG as a live session sets it, e.g. fr_FR.UTF-8).
# shellcheck disable=SC2086
in_root LANG=de_DE.UTF-8 $env "$cmd" --version >"$w/ver" 2>&1 || fail "--version: $(cat "$w/ver")"
grep -q '^Distributionsdatenbank vom [0-9-]*$' "$w/ver" || fail "not translated: $(cat "$w/ver")"
langs=""
for mo in "$r/$name"/share/locale/*/LC_MESSAGES/lapfit.mo; do
    l=$(basename "$(dirname "$(dirname "$mo")")")
    case $l in
        *_*) loc=$l.UTF-8 ;;
        *) loc=$(readlink "$r/$name/locale/$l.UTF-8") || fail "no locale for '$l' in the artifact" ;;
    esac
    # shellcheck disable=SC2086
    in_root LANG="$loc" $env "$cmd" --version >"$w/ver.$l" 2>&1 || fail "--version under $loc: $(cat "$w/ver.$l")"
    grep -q '^Distribution database of' "$w/ver.$l" && fail "--version under $loc is English: $(cat "$w/ver.$l")"
    # shellcheck disable=SC2086
    in_root LANG="$loc" $env "$cmd" check lubuntu-24.04 >"$w/check.$l" 2>&1
    cmp -s "$w/check" "$w/check.$l" && fail "check under $loc is the English text"
    langs="$langs $loc"
done
[ "$(echo $langs | wc -w)" -ge 6 ] || fail "translations for only:$langs"
echo "translated without installed locales:$langs"

# The TUI under tmux, drawn with the bundled terminfo (the root has none).
tm() { tmux -L "$sock" -f /dev/null "$@"; }
screen() { tm capture-pane -p -t lf; }
wait_for() {
    n=0
    until screen | grep -Eq -- "$1"; do
        n=$((n + 1)); [ $n -ge 100 ] && { echo "timeout waiting for /$1/, screen was:"; screen; fail "TUI"; }
        sleep 0.1
    done
}
# tui_check WHAT COMMAND: COMMAND (a shell line) draws the screen and quits on q.
tui_check() {
    rm -f "$w/status"
    printf '%s\necho $? >%s/status\n' "$2" "$w" >"$w/tui.sh"
    tm kill-server 2>/dev/null
    tm start-server \; set-option -g remain-on-exit on \; new-session -d -s lf -x 80 -y 24 "sh $w/tui.sh" ||
        fail "tmux"
    wait_for "lapfit $(echo "$name" | cut -d- -f2)"
    wait_for 'Overview'
    tm send-keys -t lf q
    n=0
    until [ -s "$w/status" ]; do
        n=$((n + 1)); [ $n -ge 300 ] && { screen; fail "$1: the TUI did not exit on q"; }
        sleep 0.1
    done
    [ "$(cat "$w/status")" = 0 ] || { screen; fail "$1: the TUI exited $(cat "$w/status")"; }
    echo "$1: drew and quit"
}
tui_check "TUI under tmux" "unshare -m sh -c 'mount --bind /proc $r/proc && mount --rbind /sys $r/sys &&
    mount --rbind /dev $r/dev && exec env -i HOME=/tmp TERM=tmux-256color LANG=C.UTF-8 ESCDELAY=25 \
    $(command -v timeout) --foreground 60 $(command -v chroot) --userspec=65534:65534 $r $cmd tui'"

[ "$arch" = i686 ] || { echo "$name: all empty-root runs passed"; exit 0; }

# The whole program under a Pentium II model (qemu traps SSE/SSE2 there).
d=$r/$name
timeout 300 qemu-i386 -cpu pentium2 "$d/lib/ld-linux.so.2" --library-path "$d/lib" "$d/lib/lapfit" \
    probe --json >"$w/qemu.json" 2>"$w/err" || fail "probe under qemu-i386 -cpu pentium2: $(tail -5 "$w/err")"
/usr/bin/python3 "$LF_SOURCE_DIR/tests/export/validate-json.py" \
    "$LF_SOURCE_DIR/tests/package/lapfit-report-1.schema.json" "$w/qemu.json" || fail "qemu probe is not lapfit-report/1"
/usr/bin/python3 -c '
import json, sys
cpu = json.load(open(sys.argv[1]))["cpu"]
assert cpu["sse2"] is False and cpu["family"] == 6, cpu' "$w/qemu.json" ||
    fail "the qemu run did not see a Pentium II CPU"
echo "probe --json under qemu-i386 -cpu pentium2: ok (CPU without SSE2 seen)"
# recommend (SQLite), check and the TUI (ncursesw) on the same model.
qemu="timeout 300 qemu-i386 -cpu pentium2 $d/lib/ld-linux.so.2 --library-path $d/lib $d/lib/lapfit"
$qemu recommend --report "$w/qemu.json" >"$w/qrec" 2>"$w/err" || fail "recommend under qemu: $(tail -3 "$w/err")"
grep -Eq '^ +1\. (PASS|WARN|FAIL) ' "$w/qrec" || fail "recommend under qemu ranked nothing"
$qemu check lubuntu-24.04 --report "$w/qemu.json" >/dev/null 2>"$w/err"; rc=$?
[ $rc -eq 2 ] || fail "a Pentium II must FAIL Lubuntu 24.04 (64-bit), check exited $rc: $(cat "$w/err")"
echo "recommend and check under qemu-i386 -cpu pentium2: ok (Lubuntu 24.04 FAILs on a Pentium II)"
tui_check "TUI under qemu-i386 -cpu pentium2" "env TERM=tmux-256color LANG=C.UTF-8 ESCDELAY=25 \
    LOCPATH=$d/locale TERMINFO=$d/terminfo GIO_MODULE_DIR=$d/lib/gio-modules \
    $(command -v timeout) --foreground 300 ${qemu#timeout 300 } tui --report $w/qemu.json"

# A CPU without CMOV: the launcher, itself running on a 486 model, says so.
grep -v '^flags' /proc/cpuinfo | sed 's/^model name.*/model name\t: AMD-K6(tm) 3D processor/' >"$w/cpuinfo"
printf 'flags\t\t: fpu vme de pse tsc msr mce cx8 pge mmx syscall 3dnow k6_mtrr\n' >>"$w/cpuinfo"
# no_cmov NAME VAR=VALUE...: the launcher's stderr, as $w/NAME, under that environment.
no_cmov() {
    out=$1; shift
    unshare -m sh -c 'mount --bind "$1" /proc/cpuinfo && shift 2 && exec env -u LANGUAGE -u LC_ALL -u LC_MESSAGES "$@"' \
        sh "$w/cpuinfo" "$d/lapfit" "$@" timeout 60 qemu-i386 -cpu 486 "$d/lapfit" probe >"$w/out" 2>"$w/$out"
    rc=$?
    [ $rc -eq 1 ] || fail "without CMOV the launcher exited $rc: $(cat "$w/$out")"
    [ "$(wc -l <"$w/$out")" -eq 1 ] && grep -q '^lapfit: .*CMOV' "$w/$out" ||
        fail "no one-line CMOV message: $(cat "$w/$out")"
}
no_cmov err LC_ALL=C
echo "no CMOV: $(cat "$w/err")"
# In the user's language, from the artifact's own catalogue (the launcher has no libc).
no_cmov err.de LANG=de_DE.UTF-8
cmp -s "$w/err" "$w/err.de" && fail "the CMOV line under de_DE.UTF-8 is English"
echo "no CMOV, German: $(cat "$w/err.de")"
echo "$name: all empty-root and qemu runs passed"
