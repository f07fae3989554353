# SPDX-License-Identifier: GPL-2.0-or-later
lf_add_unit_test(test-report core/test-report.c)
lf_add_unit_test(test-sysroot core/test-sysroot.c)
lf_add_unit_test(test-sha256 core/test-sha256.c)
lf_add_script_test(cli-basics ${CMAKE_CURRENT_SOURCE_DIR}/core/cli-basics.sh)
lf_add_unit_test(test-machine-id core/test-machine-id.c LABELS unit export)
# The parts call only downward (doc/ARCHITECTURE.md), checked on the objects.
add_test(NAME layers COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/core/layers.py
         ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR} ${CMAKE_NM})
set_tests_properties(layers PROPERTIES LABELS unit SKIP_RETURN_CODE 77)
