# SPDX-License-Identifier: GPL-2.0-or-later
# Fleet database (src/fleet): round trip, bad input, migrations, concurrency.
lf_add_script_test(fleet ${CMAKE_CURRENT_SOURCE_DIR}/fleet/fleet.sh LABELS script)
lf_add_script_test(fleet-roundtrip ${CMAKE_CURRENT_SOURCE_DIR}/fleet/roundtrip.sh LABELS script)
# The same fleet on a real PostgreSQL server (a throw-away cluster per test,
# tests/fleet/pg-server.sh); skipped when the server package is missing.
foreach(part store migrations concurrent dropped bad-uri)
  lf_add_script_test(fleet-postgres-${part} ${CMAKE_CURRENT_SOURCE_DIR}/fleet/postgres.sh ${part}
                     LABELS script postgres)
endforeach()
lf_add_script_test(fleet-progress-pty ${CMAKE_CURRENT_SOURCE_DIR}/fleet/progress.sh LABELS script)
lf_add_script_test(fleet-disk-full ${CMAKE_CURRENT_SOURCE_DIR}/fleet/disk-full.sh LABELS script)
lf_add_script_test(fleet-no-libpq ${CMAKE_CURRENT_SOURCE_DIR}/fleet/no-libpq.sh LABELS script)
