#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Prints the highest x86-64 level glibc's dynamic loader accepts on this
# machine (CPU and kernel). Exit 77 if not x86_64.
ld=/lib64/ld-linux-x86-64.so.2
if [ "$(uname -m)" != x86_64 ] || [ ! -x "$ld" ]; then
    echo "not x86_64 or no $ld: skipped" >&2; exit 77
fi
# GLIBC_TUNABLES=glibc.cpu.hwcaps=-AVX2 would lower the answer: ignore the caller's.
lvl=$(env -u GLIBC_TUNABLES "$ld" --help |
      sed -n 's/^ *\(x86-64-v[234]\) (supported, searched)$/\1/p' | head -n 1)
if [ -z "$lvl" ]; then
    "$ld" --help | grep -q "^Subdirectories of glibc-hwcaps" || {
        echo "glibc too old to list hwcaps: skipped" >&2; exit 77; }
    lvl=x86-64-v1
fi
echo "$lvl"
