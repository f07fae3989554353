/* Placeholder until the libcpuid probe lands. */
#include "probe/probe.h"

gboolean lf_probe_cpu(LfProbeContext *ctx, LfReport *report, GError **error)
{
  lf_report_add_error(report, "cpu", "CPU probe not built yet");
  return TRUE;
}
