# SPDX-License-Identifier: GPL-2.0-or-later
# Exports (src/export): formats, golden files, GLPI schema, locale.
lf_add_script_test(export ${CMAKE_CURRENT_SOURCE_DIR}/export/export.sh LABELS export)
lf_add_script_test(export-locale ${CMAKE_CURRENT_SOURCE_DIR}/export/locale.sh LABELS export)
# GLPI inventory JSON against the official schema; skips when
# ../shared is absent.
lf_add_script_test(export-glpi-schema ${CMAKE_CURRENT_SOURCE_DIR}/export/glpi-schema.sh
                   LABELS export)
# A real OCS Inventory NG server on 127.0.0.1 (tests/ocs/setup.sh installs it
# as root on Debian; skips with 77 elsewhere).
lf_add_script_test(ocs-server ${CMAKE_CURRENT_SOURCE_DIR}/ocs/ocs-server.sh LABELS daemon export)
set_tests_properties(ocs-server PROPERTIES RUN_SERIAL TRUE TIMEOUT 300)
