/* Placeholder until the memory probe lands. */
#include "probe/probe.h"

void lf_probe_memory(LfProbeContext *ctx, LfReport *report)
{
  lf_report_add_error(report, "memory", "memory probe not built yet");
}
