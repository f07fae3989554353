# SPDX-License-Identifier: GPL-2.0-or-later
# Batteries and power: battery-calc maths, sysfs readers on the fixture
# machines, the probe inside umockdev, and UPower vs sysfs with a real upowerd.
set(LF_BAT_DIR ${CMAKE_CURRENT_SOURCE_DIR}/battery)
set(LF_UPOWER_DIR ${CMAKE_CURRENT_SOURCE_DIR}/upower)
lf_add_unit_test(test-battery-calc battery/test-battery-calc.c)
lf_add_unit_test(test-battery-sysfs battery/test-battery-sysfs.c)
lf_add_script_test(battery-text ${LF_BAT_DIR}/text.sh)

find_program(LF_UMOCKDEV_RUN umockdev-run)
if(CMAKE_BUILD_TYPE STREQUAL "Asan")
  set(LF_BAT_ASAN_ENV "ASAN_OPTIONS=verify_asan_link_order=0")
endif()

foreach(fixture laptop-energy laptop-charge two-batteries quirks)
  set(umockdev_file ${FIXTURES}/umockdev/${fixture}.umockdev)
  set(expected ${LF_UPOWER_DIR}/expected/${fixture}.json)
  # The live probe (root "/") in a testbed, with a system bus address that
  # does not exist: it must fall back to sysfs at once.
  if(LF_UMOCKDEV_RUN)
    lf_add_script_test(battery-umockdev-${fixture}
      ${LF_UMOCKDEV_RUN} -d ${umockdev_file} --
      ${LF_UPOWER_DIR}/check-probe.sh ${expected} sysfs $<TARGET_FILE:lapfit> probe --json
      LABELS umockdev)
  else()
    lf_add_script_test(battery-umockdev-${fixture}
      sh -c "echo umockdev-run not installed, skipping; exit 77" LABELS umockdev)
  endif()
  set_property(TEST battery-umockdev-${fixture} APPEND PROPERTY ENVIRONMENT
               "DBUS_SYSTEM_BUS_ADDRESS=unix:path=/nonexistent/lapfit-no-bus"
               ${LF_BAT_ASAN_ENV})
  # A real upowerd serving the same testbed: UPower figures (client inside the
  # testbed so the thresholds come from the same sysfs) must equal the sysfs
  # figures of --no-upower on the testbed directory, and the golden file.
  lf_add_script_test(battery-upowerd-${fixture}
    ${LF_UPOWER_DIR}/with-upowerd.sh ${umockdev_file}
    ${LF_UPOWER_DIR}/compare-sources.sh ${expected} $<TARGET_FILE:lapfit>
    LABELS daemon)
endforeach()

# Every fixture machine with a battery, served by a real upowerd: UPower and
# sysfs figures must be equal (no golden file: sysfs is the reference).
lf_add_script_test(battery-upowerd-machines
  ${LF_UPOWER_DIR}/machines.sh $<TARGET_FILE:lapfit> LABELS daemon)

# The battery changes under a running upowerd (Device.Refresh): still agreeing.
lf_add_script_test(battery-upowerd-refresh
  ${LF_UPOWER_DIR}/with-upowerd.sh ${FIXTURES}/umockdev/laptop-energy.umockdev
  ${LF_UPOWER_DIR}/refresh.sh $<TARGET_FILE:lapfit> LABELS daemon)

# voltage_min_design through upowerd is the design voltage, and OCS's DESIGNVOLTAGE.
lf_add_script_test(battery-upowerd-design-voltage
  ${LF_UPOWER_DIR}/with-upowerd.sh ${FIXTURES}/umockdev/laptop-energy.umockdev
  ${LF_UPOWER_DIR}/design-voltage.sh $<TARGET_FILE:lapfit> LABELS daemon)

# A system bus without upowerd: immediate sysfs fallback.
lf_add_script_test(battery-bus-without-upowerd
  ${LF_UPOWER_DIR}/no-upowerd.sh $<TARGET_FILE:lapfit> ${FIXTURES}/umockdev/two-batteries.umockdev
  ${LF_UPOWER_DIR}/expected/two-batteries.json LABELS daemon)
# A hung upowerd (owns the name, never answers): fallback after the ping timeout.
lf_add_script_test(battery-stuck-upowerd
  ${LF_UPOWER_DIR}/no-upowerd.sh --stuck $<TARGET_FILE:lapfit>
  ${FIXTURES}/umockdev/two-batteries.umockdev
  ${LF_UPOWER_DIR}/expected/two-batteries.json LABELS daemon)
# libupower-glib against python3-dbusmock: which devices are system batteries
# (mice, UPSs, peripheral and absent batteries are not), missing properties.
lf_add_script_test(battery-dbusmock
  ${LF_UPOWER_DIR}/dbusmock.sh ${LF_UPOWER_DIR}/expected/dbusmock.json $<TARGET_FILE:lapfit>
  LABELS daemon)

# Under the Asan build type, gcc's ASan runtime must tolerate the umockdev
# preload that these tests put before it.
if(LF_BAT_ASAN_ENV)
  foreach(t battery-upowerd-laptop-energy battery-upowerd-laptop-charge
            battery-upowerd-two-batteries battery-upowerd-quirks battery-upowerd-machines
            battery-upowerd-refresh battery-upowerd-design-voltage
            battery-bus-without-upowerd battery-stuck-upowerd battery-dbusmock)
    set_property(TEST ${t} APPEND PROPERTY ENVIRONMENT ${LF_BAT_ASAN_ENV})
  endforeach()
endif()
