# SPDX-License-Identifier: GPL-2.0-or-later
# The TUI under tmux (tests/tui/*.sh) and the
# translations (tests/i18n/*.sh). All skip with 77 when tmux or a locale is
# missing.
foreach(t screens resize search restore terminals german recommend tune tune-actions battery navigation mouse columns)
  lf_add_script_test(tui-${t} sh ${CMAKE_CURRENT_SOURCE_DIR}/tui/${t}.sh LABELS tui)
endforeach()
lf_add_script_test(i18n-completeness sh ${CMAKE_CURRENT_SOURCE_DIR}/i18n/completeness.sh)
set_property(TEST i18n-completeness APPEND PROPERTY ENVIRONMENT "LF_DATA_POT_DIR=${LF_DATA_POT_DIR}")
lf_add_script_test(i18n-locale sh ${CMAKE_CURRENT_SOURCE_DIR}/i18n/locale.sh)
# The data files' text: extracted by dbgen, required by the strict test, German on screen.
lf_add_script_test(i18n-data-strings sh ${CMAKE_CURRENT_SOURCE_DIR}/i18n/data-strings.sh)
set_property(TEST i18n-data-strings APPEND PROPERTY ENVIRONMENT
             "LF_DATA_POT_DIR=${LF_DATA_POT_DIR}" "LF_DBGEN=$<TARGET_FILE:lapfit-dbgen>")
lf_add_script_test(i18n-probe-errors sh ${CMAKE_CURRENT_SOURCE_DIR}/i18n/probe-errors.sh)
set_property(TEST tui-recommend APPEND PROPERTY ENVIRONMENT "LF_BUILD_DB=${LF_DISTRO_DB}")
