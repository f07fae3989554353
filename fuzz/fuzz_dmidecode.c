/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Saved dmidecode text (not NUL-terminated), then the consumers. */
#include "fuzz.h"
#include "probe/memory.h"
#include "probe/smbios.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  g_autoptr(LfSmbios) s = lf_smbios_parse_dmidecode((const char *)data, size, NULL);
  if (s == NULL)
    return 0;
  g_autoptr(LfReport) r = lf_report_new();
  lf_smbios_fill_machine(s, &r->machine);
  lf_memory_fill_from_smbios(s, &r->memory);
  return 0;
}
