/* Placeholder until the tuner's conflict detection lands. */
#include "probe/probe.h"

void lf_probe_tuners(LfProbeContext *ctx, LfReport *report)
{
}
