/* Placeholder until the SMBIOS parser lands: records the absence. */
#include "probe/probe.h"

gboolean lf_probe_smbios(LfProbeContext *ctx, LfReport *report, GError **error)
{
  lf_report_add_error(report, "smbios", "SMBIOS parser not built yet");
  return TRUE;
}

void lf_probe_smbios_release(LfProbeContext *ctx)
{
  ctx->smbios = NULL;
}
