/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Profile key files (db/profile.c): line scan + GKeyFile + knob values.
 * Input is not NUL-terminated. Any input gives a profile or one error. */
#include "fuzz.h"

#include "tune/tune.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  GError *error = NULL;
  LfProfile *p = lf_profile_parse("fuzz", "fuzz.conf", (const char *)data, size, &error);
  if (p) {
    gsize n = 0;
    const LfKnob *knobs = lf_knobs(&n);
    for (gsize i = 0; i < n; i++) {
      const char *origin = NULL;
      lf_profile_get(p, knobs[i].id, LF_POWER_AC, &origin);
      lf_profile_get(p, knobs[i].id, LF_POWER_BATTERY, &origin);
    }
    lf_profile_free(p);
  } else {
    g_assert(error != NULL && error->message != NULL);
    g_error_free(error);
  }
  return 0;
}
