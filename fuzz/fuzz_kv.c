/* SPDX-License-Identifier: GPL-2.0-or-later */
/* KEY=VALUE parser (uevent, os-release): input is not NUL-terminated. */
#include "fuzz.h"

#include "core/kv.h"

static void sink(const char *key, const char *value, gpointer user_data)
{
  gsize *total = user_data;
  *total += strlen(key) + strlen(value);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  gsize total = 0;
  lf_kv_parse((const char *)data, size, sink, &total);
  return 0;
}
