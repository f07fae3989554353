# SPDX-License-Identifier: GPL-2.0-or-later
lf_add_unit_test(test-report unit/test-report.c)
lf_add_unit_test(test-sysroot unit/test-sysroot.c)
lf_add_script_test(cli-basics ${CMAKE_CURRENT_SOURCE_DIR}/cli-basics.sh)
