# SPDX-License-Identifier: GPL-2.0-or-later
# The power tuner (src/tune): pure plan/profile tests, fixture-tree apply/undo
# tests, the CLI contract, and `tune auto` in a umockdev testbed.
set(TUNE_FIXTURES ${CMAKE_CURRENT_SOURCE_DIR}/fixtures/tune)
lf_add_unit_test(test-tune-plan tune/test-tune-plan.c)
lf_add_unit_test(test-tune-apply tune/test-tune-apply.c)
lf_add_script_test(tune-cli ${CMAKE_CURRENT_SOURCE_DIR}/tune/tune-cli.sh ${TUNE_FIXTURES})

# tune auto in a umockdev testbed (gcc ASan needs the
# link-order check off under the preload, section 9).
pkg_check_modules(LF_TUNE_UMOCKDEV IMPORTED_TARGET umockdev-1.0)
find_program(LF_TUNE_UMOCKDEV_WRAPPER umockdev-wrapper)
if(LF_TUNE_UMOCKDEV_FOUND AND LF_TUNE_UMOCKDEV_WRAPPER)
  add_executable(test-tune-auto tune/test-tune-auto.c)
  target_link_libraries(test-tune-auto PRIVATE lapfit-core PkgConfig::LF_TUNE_UMOCKDEV)
  target_compile_definitions(test-tune-auto PRIVATE G_LOG_DOMAIN="lapfit-test")
  add_test(NAME test-tune-auto COMMAND ${LF_TUNE_UMOCKDEV_WRAPPER} $<TARGET_FILE:test-tune-auto>)
else()
  add_test(NAME test-tune-auto COMMAND sh -c "echo umockdev not installed; exit 77")
endif()
set(LF_TUNE_AUTO_ENV "")
if(CMAKE_BUILD_TYPE STREQUAL "Asan")
  set(LF_TUNE_AUTO_ENV "ASAN_OPTIONS=verify_asan_link_order=0")
endif()
set_tests_properties(test-tune-auto PROPERTIES LABELS umockdev SKIP_RETURN_CODE 77 TIMEOUT 60
                     ENVIRONMENT "${LF_TUNE_AUTO_ENV}")

# Next to the desktop's power-profile daemon on a private system bus (TESTING.md
# 11): the real power-profiles-daemon 0.12 (net.hadess.PowerProfiles) in a
# umockdev testbed, and a dbusmock stand-in for org.freedesktop.UPower.PowerProfiles.
foreach(mode ppd dbusmock)
  lf_add_script_test(tune-power-profiles-${mode}
    ${CMAKE_CURRENT_SOURCE_DIR}/tune/power-profiles.sh ${mode} ${TUNE_FIXTURES} LABELS daemon)
  set_tests_properties(tune-power-profiles-${mode} PROPERTIES TIMEOUT 60)
endforeach()

# Charge limits per vendor driver, and `tune fullcharge`, on kernel-shaped sysroots.
lf_add_script_test(tune-charge ${CMAKE_CURRENT_SOURCE_DIR}/tune/charge.sh ${TUNE_FIXTURES})

# Wi-Fi power save over nl80211 against a netlink test double (no mac80211_hwsim here);
# test-wifi-hwsim does the same on the kernel's nl80211 where a mac80211_hwsim radio
# exists and the suite runs as root (77 elsewhere); wifi.sh also runs it on a
# hwsim-shaped copy against the double, so it cannot rot where it skips.
add_executable(nl80211-double tune/nl80211-double.c)
lf_add_unit_test(test-wifi-hwsim tune/test-wifi-hwsim.c)
set_tests_properties(test-wifi-hwsim PROPERTIES TIMEOUT 30)
lf_add_script_test(tune-wifi-nl80211 ${CMAKE_CURRENT_SOURCE_DIR}/tune/wifi.sh
  $<TARGET_FILE:nl80211-double> ${TUNE_FIXTURES} $<TARGET_FILE:test-wifi-hwsim>)
set_tests_properties(tune-wifi-nl80211 PROPERTIES TIMEOUT 60)

# tune measure over a umockdev battery whose energy rate changes, read through a
# real upowerd on a private bus (tests/upower/with-upowerd.sh).
lf_add_script_test(tune-measure-upower
  ${CMAKE_CURRENT_SOURCE_DIR}/upower/with-upowerd.sh ${FIXTURES}/umockdev/laptop-energy.umockdev
  ${CMAKE_CURRENT_SOURCE_DIR}/tune/measure-upower.sh LABELS daemon)
set_tests_properties(tune-measure-upower PROPERTIES TIMEOUT 60)

# profiles/ is validated at build time by dbgen with the tuner's own parser.
lf_add_script_test(tune-profiles-bad sh ${CMAKE_CURRENT_SOURCE_DIR}/tune/profiles-bad.sh
                   $<TARGET_FILE:lapfit-dbgen> ${PROJECT_SOURCE_DIR})
