/* Placeholder until the platform probe lands. */
#include "probe/probe.h"

void lf_probe_platform(LfProbeContext *ctx, LfReport *report)
{
  lf_report_add_error(report, "platform", "platform probe not built yet");
}
