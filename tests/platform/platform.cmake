# SPDX-License-Identifier: GPL-2.0-or-later
# Storage, GPU/network, firmware, virtualisation and OS probes; the golden
# fixture machines; the live probe on the machine running the tests.
lf_add_unit_test(test-platform platform/test-platform.c)
lf_add_script_test(golden ${CMAKE_CURRENT_SOURCE_DIR}/platform/golden.sh)
lf_add_script_test(live-probe ${CMAKE_CURRENT_SOURCE_DIR}/platform/live-probe.sh LABELS oracle)
lf_add_script_test(probe-syscalls ${CMAKE_CURRENT_SOURCE_DIR}/platform/probe-syscalls.sh LABELS oracle)
lf_add_script_test(firmware-table-bad sh ${CMAKE_CURRENT_SOURCE_DIR}/platform/firmware-table-bad.sh
                   $<TARGET_FILE:lapfit-dbgen>)
