# SPDX-License-Identifier: GPL-2.0-or-later
# Packaging: the man page against --help, shell completions, the install layout.
lf_add_script_test(package-man sh ${CMAKE_CURRENT_SOURCE_DIR}/package/man-help.sh)
lf_add_script_test(package-completion bash ${CMAKE_CURRENT_SOURCE_DIR}/package/completion.sh)
lf_add_script_test(package-install sh ${CMAKE_CURRENT_SOURCE_DIR}/package/install-layout.sh
                   ${PROJECT_BINARY_DIR} ${CMAKE_INSTALL_PREFIX})
