/* SPDX-License-Identifier: GPL-2.0-or-later */
/* CPUID dump readers (every format in probe/cpu-dump.h) and what the probe
 * does with a parsed dump: registers, identification, topology, core types.
 * Input is not NUL-terminated. */
#include "fuzz.h"

#include "probe/cpu-dump.h"
#include "probe/cpu-ident.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  LfCpuidDump *dump = lf_cpuid_dump_parse((const char *)data, size, NULL);
  if (dump == NULL)
    return 0;
  LfCpuidRegs regs;
  lf_cpuid_regs_from_cpu(&regs, g_ptr_array_index(dump->cpus, 0));
  LfReport *report = lf_report_new();
  lf_cpu_fill_from_regs(&report->cpu, &regs, lf_cpu_table_builtin());
  gint64 cores, threads;
  lf_cpuid_dump_topology(dump, &cores, &threads);
  report->cpu.core_types = lf_struct_array_new(&lf_cpu_core_type_desc);
  lf_cpuid_dump_core_types(dump, report->cpu.uarch, report->cpu.core_types);
  lf_report_free(report);
  lf_cpuid_dump_free(dump);
  return 0;
}
