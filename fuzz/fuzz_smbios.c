/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Binary SMBIOS tables. Two input modes:
 * - starting with an anchor ("_SM3_", "_SM_", "_DMI_"): an entry point, then
 *   the structure table right after it (split at the entry point's size);
 * - else: byte 0 picks the SMBIOS version (2.0-3.7), the rest is the table.
 * The records then go through the consumers (LfMachine, LfMemory). */
#include <string.h>

#include "fuzz.h"
#include "probe/memory.h"
#include "probe/smbios.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  g_autoptr(LfSmbios) s = NULL;
  if (size >= 5 && (memcmp(data, "_SM3_", 5) == 0 || memcmp(data, "_DMI_", 5) == 0 ||
                    memcmp(data, "_SM_", 4) == 0)) {
    size_t ep_len = data[1] == 'S' && data[3] == '3' ? 0x18 : data[1] == 'S' ? 0x1f : 0x0f;
    if (ep_len > size)
      ep_len = size;
    s = lf_smbios_parse_tables(data, ep_len, data + ep_len, size - ep_len, NULL);
  } else if (size >= 1) {
    static const guint versions[] = { 0x0200, 0x0203, 0x0205, 0x0206, 0x0207, 0x0208,
                                      0x0300, 0x0302, 0x0303, 0x0307 };
    s = lf_smbios_parse_table(data + 1, size - 1, versions[data[0] % G_N_ELEMENTS(versions)], 0);
  }
  if (s == NULL)
    return 0;
  g_autoptr(LfReport) r = lf_report_new();
  lf_smbios_fill_machine(s, &r->machine);
  lf_memory_fill_from_smbios(s, &r->memory);
  for (guint i = 0; i < lf_smbios_battery_count(s); i++)
    (void)lf_smbios_battery_get(s, i)->technology;
  return 0;
}
