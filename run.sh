#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Installs dependencies (Debian 12), builds lapfit and runs it with the given
# arguments: `./run.sh`, `./run.sh probe --json`, `./run.sh recommend`.
set -eu
cd "$(dirname "$0")"
./scripts/install-deps.sh >&2
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
exec ./build/src/lapfit "$@"
