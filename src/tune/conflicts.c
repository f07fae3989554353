/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Other power tuners: lapfit refuses to fight them (auto-cpufreq#463, TLP#561).
 * Which run or are enabled, and what each writes, is the probe's catalogue
 * (src/probe/tuners.c); here only the check before `tune install`. */
#include "tune/tune.h"

#include <glib/gi18n.h>

#include "core/error.h"

/* The knob of this machine that both the tuner and the profile set. */
static const char *shared_knob(const LfTuner *t, const GPtrArray *states,
                               const LfProfile *profile)
{
  for (guint i = 0; i < states->len; i++) {
    const LfKnobState *st = states->pdata[i];
    if (!lf_tuner_writes(t, st->knob->id))
      continue;
    for (int s = LF_POWER_AC; s <= LF_POWER_BATTERY; s++) {
      const char *v = lf_profile_get(profile, st->knob->id, (LfPowerSource)s, NULL);
      if (v && *v)
        return st->knob->id;
    }
  }
  return NULL;
}

gboolean lf_tuners_check(const LfSysroot *root, const LfProfile *profile, GError **error)
{
  g_autoptr(GPtrArray) found = lf_tuners_detect(root);
  g_autoptr(GPtrArray) states = lf_knobs_read_sysfs(root);
  for (guint i = 0; i < found->len; i++) {
    const LfTuner *t = found->pdata[i];
    const char *knob = shared_knob(t, states, profile);
    if (knob == NULL)
      continue;
    if (t->running)
      /* TRANSLATORS: tuner name, where it was seen, knob id, why it matters */
      g_set_error(error, LF_ERROR, LF_ERROR_CONFLICT,
                  _("%s is running (%s) and also sets %s: %s; stop it, leave %s out of the "
                    "profile or use --force"), t->name, t->evidence, knob, _(t->why), knob);
    else
      g_set_error(error, LF_ERROR, LF_ERROR_CONFLICT,
                  _("%s is enabled (%s) and also sets %s: %s; disable it, leave %s out of the "
                    "profile or use --force"), t->name, t->evidence, knob, _(t->why), knob);
    return FALSE;
  }
  return TRUE;
}
