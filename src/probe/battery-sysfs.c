/* Placeholder until the batteries probe lands. */
#include "probe/probe.h"

void lf_probe_batteries(LfProbeContext *ctx, LfReport *report)
{
  lf_report_add_error(report, "batteries", "batteries probe not built yet");
}
