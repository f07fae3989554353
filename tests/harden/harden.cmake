# SPDX-License-Identifier: GPL-2.0-or-later
# #13 hardening: every reproducer of the attack pass, and the bounded reader.
lf_add_script_test(harden-reproducers ${CMAKE_CURRENT_SOURCE_DIR}/harden/reproducers.sh LABELS script)
lf_add_unit_test(test-text harden/test-text.c)
