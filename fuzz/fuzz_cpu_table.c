/* SPDX-License-Identifier: GPL-2.0-or-later */
/* CPU table: the TSV row parser and cross-row checks on arbitrary text, and
 * brand-pattern lookup in the built-in table. The first 4 bytes pick vendor,
 * family, model and stepping; the rest is the brand string. */
#include "fuzz.h"

#include <string.h>

#include "probe/cpu-ident.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  LfCpuTable *table = lf_cpu_table_new();
  if (lf_cpu_table_add_tsv(table, "fuzz.tsv", (const char *)data, size, NULL)) {
    lf_cpu_table_check(table, NULL);
    for (guint i = 0; i < lf_cpu_table_size(table) && i < 64; i++) {
      const LfCpuRow *r = lf_cpu_table_row(table, i);
      lf_cpu_table_lookup(table, r->vendor, r->family, r->model_lo, r->step_lo, r->uarch);
    }
  }
  lf_cpu_table_free(table);

  if (size < 4)
    return 0;
  static const char *const vendors[] = { "GenuineIntel", "AuthenticAMD", "CentaurHauls",
                                         "  Shanghai  ", "HygonGenuine", "GenuineTMx86" };
  char *brand = g_strndup((const char *)data + 4, size - 4);
  lf_cpu_table_lookup(lf_cpu_table_builtin(), vendors[data[0] % G_N_ELEMENTS(vendors)],
                      data[1] % 0x20, data[2], (gint)(data[3] % 17) - 1, brand);
  g_free(lf_cpu_brand_clean(brand));
  (void)lf_cpu_brand_mhz(brand);
  g_free(brand);
  return 0;
}
