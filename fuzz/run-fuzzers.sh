#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# run-fuzzers.sh BUILD_DIR SECONDS: runs each libFuzzer target for SECONDS
# over a scratch corpus seeded from fuzz/corpus/<name> and the fixture
# directories fuzz/seed-dirs.txt names for it. A crash fails the run
# and leaves the input in $TMPDIR/fuzz-crash/.
set -eu
build=$1; seconds=$2
here=$(cd "$(dirname "$0")" && pwd)
crash="${TMPDIR:-/tmp}/fuzz-crash"
mkdir -p "$crash"
# Inputs longer than 64 KB only where a target needs them: the JSON loader's
# deep-nesting seeds (40 KB of brackets and more) must reach it uncut.
max_len_for() { case $1 in json) echo 262144 ;; *) echo 65536 ;; esac; }
for bin in "$build"/fuzz/fuzz_*; do
    [ -x "$bin" ] || continue
    name=$(basename "$bin"); short=${name#fuzz_}
    scratch=$(mktemp -d)
    seeds=$(awk -v t="$short" -v root="$here/.." '$1 == t { printf "%s/%s ", root, $2 }' "$here/seed-dirs.txt")
    echo "fuzzing $short for ${seconds}s"
    "$bin" -max_total_time="$seconds" -max_len="$(max_len_for "$short")" -artifact_prefix="$crash/" \
        "$scratch" "$here/corpus/$short" $seeds 2>"$scratch.log" || {
        tail -40 "$scratch.log"; echo "fuzz target $short failed"; exit 1; }
    tail -1 "$scratch.log"
    rm -rf "$scratch" "$scratch.log"
done
