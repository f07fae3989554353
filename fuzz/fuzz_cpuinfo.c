/* SPDX-License-Identifier: GPL-2.0-or-later */
/* /proc/cpuinfo parser and the LfCpu filling behind it (table lookup, brand
 * cleaning, flags -> ISA level): input is not NUL-terminated. */
#include "fuzz.h"

#include "probe/cpu-ident.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  g_auto(LfCpuinfo) info = { 0 };
  lf_cpuinfo_init(&info);
  lf_cpuinfo_parse((const char *)data, size, &info);
  LfReport *report = lf_report_new();
  lf_cpu_fill_from_cpuinfo(&report->cpu, &info, lf_cpu_table_builtin());
  lf_report_free(report);
  return 0;
}
