# Exports (src/export): formats, golden files, GLPI schema, locale.
lf_add_script_test(export ${CMAKE_CURRENT_SOURCE_DIR}/export/export.sh LABELS export)
lf_add_script_test(export-locale ${CMAKE_CURRENT_SOURCE_DIR}/export/locale.sh LABELS export)
# GLPI inventory JSON against the official schema (TESTING.md 8); skips when
# ../shared is absent.
lf_add_script_test(export-glpi-schema ${CMAKE_CURRENT_SOURCE_DIR}/export/glpi-schema.sh
                   LABELS export)
