/* Placeholder until the power probe lands. */
#include "probe/probe.h"

void lf_probe_power(LfProbeContext *ctx, LfReport *report)
{
  lf_report_add_error(report, "power", "power probe not built yet");
}
