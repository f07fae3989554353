# SPDX-License-Identifier: GPL-2.0-or-later
# Embeds data/cpu/*.tsv into lapfit-core as byte arrays (cpu-table-data.c),
# read by src/probe/cpu-ident.c:lf_cpu_table_builtin(). Rows are validated by
# the test-cpu-table unit test (file:line on a malformed row).
file(GLOB LF_CPU_TSV CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/data/cpu/*.tsv)
list(SORT LF_CPU_TSV)
string(REPLACE ";" "," LF_CPU_TSV_ARG "${LF_CPU_TSV}")   # ';' would split the command
set(LF_CPU_TABLE_C ${PROJECT_BINARY_DIR}/data/cpu/cpu-table-data.c)
add_custom_command(
  OUTPUT ${LF_CPU_TABLE_C}
  COMMAND ${CMAKE_COMMAND} -DOUT=${LF_CPU_TABLE_C} -DROOT=${PROJECT_SOURCE_DIR}
          -DFILES=${LF_CPU_TSV_ARG} -P ${PROJECT_SOURCE_DIR}/data/cpu/tsv2c.cmake
  DEPENDS ${LF_CPU_TSV} ${PROJECT_SOURCE_DIR}/data/cpu/tsv2c.cmake
  COMMENT "Embedding the CPU table (data/cpu/*.tsv)"
  VERBATIM)
target_sources(lapfit-core PRIVATE ${LF_CPU_TABLE_C})
