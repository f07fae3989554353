# SPDX-License-Identifier: GPL-2.0-or-later
# Fleet database (src/fleet): round trip, bad input, migrations, concurrency.
lf_add_script_test(fleet ${CMAKE_CURRENT_SOURCE_DIR}/fleet/fleet.sh LABELS script)
lf_add_script_test(fleet-roundtrip ${CMAKE_CURRENT_SOURCE_DIR}/fleet/roundtrip.sh LABELS script)
