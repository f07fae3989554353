/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Prints the ISA level lapfit computes for the machine it runs on (the live
 * CPUID path of lf_probe_cpu), for the glibc oracle test. */
#include <stdio.h>

#include "probe/probe.h"

int main(void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LfSysroot) root = lf_sysroot_new("/", &error);
  if (root == NULL) {
    fprintf(stderr, "%s\n", error->message);
    return 1;
  }
  LfProbeOptions opts = { 0 };
  LfProbeContext ctx = { .opts = &opts, .root = root, .smbios = NULL };
  g_autoptr(LfReport) report = lf_report_new();
  if (!lf_probe_cpu(&ctx, report, &error)) {
    fprintf(stderr, "%s\n", error->message);
    return 1;
  }
  if (report->cpu.isa_level == NULL)
    return 1;
  printf("%s\n", report->cpu.isa_level);
  return 0;
}
