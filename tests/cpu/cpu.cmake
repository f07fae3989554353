# SPDX-License-Identifier: GPL-2.0-or-later
# CPU probe: pure identification, the data/cpu table, libcpuid dumps, and the
# live ISA level against glibc's own answer.
lf_add_unit_test(test-cpu-ident cpu/test-cpu-ident.c)
lf_add_unit_test(test-cpu-table cpu/test-cpu-table.c)
lf_add_unit_test(test-cpu-dump cpu/test-cpu-dump.c)
lf_add_unit_test(test-cpu-dumps cpu/test-cpu-dumps.c)

add_executable(cpu-isa-level cpu/isa-level.c)
target_link_libraries(cpu-isa-level PRIVATE lapfit-core)
# lapfit's live level must equal the highest level ld.so reports as supported.
add_test(NAME isa-level-vs-glibc COMMAND sh -c
  "want=$(\"$1\") || exit $?; got=$(\"$0\") || exit 1; echo \"lapfit=$got glibc=$want\"; [ \"$got\" = \"$want\" ]"
  $<TARGET_FILE:cpu-isa-level> ${CMAKE_CURRENT_SOURCE_DIR}/cpu/glibc-isa-level.sh)
set_tests_properties(isa-level-vs-glibc PROPERTIES LABELS oracle SKIP_RETURN_CODE 77)

lf_add_script_test(cli-cpu ${CMAKE_CURRENT_SOURCE_DIR}/cpu/cli-cpu.sh)
lf_add_script_test(cpu-table-bad sh ${CMAKE_CURRENT_SOURCE_DIR}/cpu/table-bad.sh
                   $<TARGET_FILE:lapfit-dbgen>)
