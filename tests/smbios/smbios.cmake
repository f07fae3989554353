# SPDX-License-Identifier: GPL-2.0-or-later
# SMBIOS and memory: binary tables, dmidecode text, sysfs, memory estimate,
# and the fixture machines read through every source.
lf_add_unit_test(test-smbios smbios/test-smbios.c)
lf_add_unit_test(test-memory smbios/test-memory.c)
lf_add_unit_test(test-smbios-limits smbios/test-smbios-limits.c)
lf_add_script_test(smbios-fixtures ${CMAKE_CURRENT_SOURCE_DIR}/smbios/check-fixtures.sh)
lf_add_script_test(smbios-cli ${CMAKE_CURRENT_SOURCE_DIR}/smbios/cli.sh)
lf_add_script_test(smbios-offline ${CMAKE_CURRENT_SOURCE_DIR}/smbios/offline.sh)
