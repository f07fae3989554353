# SPDX-License-Identifier: GPL-2.0-or-later
# Recommender: verdicts over fixture reports, the requirements data, the CLI contract.
lf_add_unit_test(test-recommend recommend/test-recommend.c)
# Issue #10: ranking per audience, best three, one severity per fact, over every fixture.
lf_add_unit_test(test-verdicts recommend/test-verdicts.c)
lf_add_script_test(recommend-cli ${CMAKE_CURRENT_SOURCE_DIR}/recommend/recommend-cli.sh)
# The data files validate (every row, file:line on error), and a bad file is rejected.
add_test(NAME distro-data-valid
         COMMAND lapfit-dbgen --check ${LF_DISTRO_DATA})
set_tests_properties(distro-data-valid PROPERTIES LABELS unit)
lf_add_script_test(distro-data-bad ${CMAKE_CURRENT_SOURCE_DIR}/recommend/distro-data-bad.sh
                   $<TARGET_FILE:lapfit-dbgen> ${FIXTURES}/distros-bad)
set_property(TEST recommend-cli APPEND PROPERTY ENVIRONMENT "LF_BUILD_DB=${LF_DISTRO_DB}")
