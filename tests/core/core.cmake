# SPDX-License-Identifier: GPL-2.0-or-later
lf_add_unit_test(test-report core/test-report.c)
lf_add_unit_test(test-sysroot core/test-sysroot.c)
lf_add_script_test(cli-basics ${CMAKE_CURRENT_SOURCE_DIR}/core/cli-basics.sh)
lf_add_unit_test(test-machine-id core/test-machine-id.c LABELS unit export)
