#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Every tracked source file (C, headers, shell, Python, CMake, templates, SQL
# schema, completions) names its licence in an SPDX line within its first five
# lines, as LICENSE and debian/copyright promise. Fixture data (tests/fixtures
# other than its generator scripts) is not source and is left out.
set -u
src=$LF_SOURCE_DIR
git -C "$src" rev-parse --is-inside-work-tree >/dev/null 2>&1 ||
    { echo "SKIP: not a git checkout: the list of source files comes from git ls-files"; exit 77; }
missing=0 n=0
for f in $(git -C "$src" ls-files --cached --others --exclude-standard -- '*.c' '*.h' '*.sh' '*.py' '*.cmake' '*.in' '*.bash' '*.sql' \
               '*CMakeLists.txt' 'system/completion/_lapfit' 'test.sh' 'run.sh' '.ci/run' 'debian/rules' |
           grep -v '^tests/fixtures/.*\.sql$'); do
    [ -f "$src/$f" ] || continue         # deleted in the work tree, not yet committed
    n=$((n + 1))
    head -5 "$src/$f" | grep -q 'SPDX-License-Identifier: GPL-2.0-or-later' ||
        { echo "no SPDX line: $f"; missing=1; }
done
[ $n -gt 100 ] || { echo "FAIL: only $n source files found"; exit 1; }
[ $missing -eq 0 ] || { echo "FAIL: add '# SPDX-License-Identifier: GPL-2.0-or-later' (or /* ... */) near the top"; exit 1; }
echo "$n source files carry an SPDX line"
