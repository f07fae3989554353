# SPDX-License-Identifier: GPL-2.0-or-later
# Every fuzz target also runs as a replay over its checked-in corpus.
file(GLOB LF_FUZZ_SOURCES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/fuzz/fuzz_*.c)
foreach(src ${LF_FUZZ_SOURCES})
  get_filename_component(name ${src} NAME_WE)
  string(REPLACE "fuzz_" "" short ${name})
  file(GLOB corpus CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/fuzz/corpus/${short}/*)
  add_executable(${name}_replay ${src} ${PROJECT_SOURCE_DIR}/fuzz/replay.c)
  target_link_libraries(${name}_replay PRIVATE lapfit-core)
  add_test(NAME fuzz-replay-${short} COMMAND ${name}_replay ${corpus})
  set_tests_properties(fuzz-replay-${short} PROPERTIES LABELS fuzz)
endforeach()
