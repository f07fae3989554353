# SPDX-License-Identifier: GPL-2.0-or-later
# Packaging: the man page against --help, shell completions, the install layout,
# debian/control against the build package list.
lf_add_script_test(package-man sh ${CMAKE_CURRENT_SOURCE_DIR}/package/man-help.sh)
lf_add_script_test(package-completion bash ${CMAKE_CURRENT_SOURCE_DIR}/package/completion.sh)
lf_add_script_test(package-deb-deps sh ${CMAKE_CURRENT_SOURCE_DIR}/package/deb-deps.sh)
lf_add_script_test(package-spdx sh ${CMAKE_CURRENT_SOURCE_DIR}/package/spdx.sh)
lf_add_script_test(package-install sh ${CMAKE_CURRENT_SOURCE_DIR}/package/install-layout.sh
                   ${PROJECT_BINARY_DIR} ${CMAKE_INSTALL_PREFIX})

# The portable artifacts and the Debian package, each built by its documented
# command and then run in an empty root, under qemu and in a clean Debian root
# (label package: minutes of building, so they run when LF_PACKAGE_TESTS=1,
# which test.sh sets, and not in its ASan stage). Chroots are cached outside the
# repository (scripts/debian-chroot.sh), made once per machine.
foreach(arch x86_64 i686)
  lf_add_script_test(portable-build-${arch} sh ${CMAKE_CURRENT_SOURCE_DIR}/package/portable-build.sh
                     ${arch} ${PROJECT_BINARY_DIR}/portable LABELS package)
  set_tests_properties(portable-build-${arch} PROPERTIES FIXTURES_SETUP portable-${arch} TIMEOUT 3600)
  lf_add_script_test(portable-run-${arch} sh ${CMAKE_CURRENT_SOURCE_DIR}/package/portable-run.sh
                     ${PROJECT_BINARY_DIR}/portable/dist/lapfit-${PROJECT_VERSION}-${arch}.tar.gz ${arch}
                     LABELS package)
  set_tests_properties(portable-run-${arch} PROPERTIES FIXTURES_REQUIRED portable-${arch} TIMEOUT 600)
  lf_add_script_test(portable-upower-${arch} sh ${CMAKE_CURRENT_SOURCE_DIR}/package/portable-upower.sh
                     ${PROJECT_BINARY_DIR}/portable/dist/lapfit-${PROJECT_VERSION}-${arch}.tar.gz
                     LABELS package)
  set_tests_properties(portable-upower-${arch} PROPERTIES FIXTURES_REQUIRED portable-${arch} TIMEOUT 300)
endforeach()
lf_add_script_test(package-deb sh ${CMAKE_CURRENT_SOURCE_DIR}/package/deb.sh ${PROJECT_BINARY_DIR}/deb
                   LABELS package)
set_tests_properties(package-deb PROPERTIES TIMEOUT 3600)
