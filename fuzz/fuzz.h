/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The libFuzzer entry point every fuzz_<name>.c defines. */
#pragma once
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
