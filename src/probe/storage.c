/* Placeholder until the storage probe lands. */
#include "probe/probe.h"

void lf_probe_storage(LfProbeContext *ctx, LfReport *report)
{
  lf_report_add_error(report, "storage", "storage probe not built yet");
}
