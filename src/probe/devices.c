/* Placeholder until the devices probe lands. */
#include "probe/probe.h"

void lf_probe_devices(LfProbeContext *ctx, LfReport *report)
{
  lf_report_add_error(report, "devices", "devices probe not built yet");
}
