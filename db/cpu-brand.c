/* SPDX-License-Identifier: GPL-2.0-or-later */
/* CPU brand strings; see cpu-brand.h. */
#include "db/cpu-brand.h"

#include <math.h>

char *lf_cpu_brand_clean(const char *brand)
{
  if (brand == NULL)
    return NULL;
  GString *s = g_string_new(NULL);
  gboolean space = FALSE;
  for (const char *p = brand; *p; p++) {
    if (g_ascii_isspace(*p)) {
      space = s->len > 0;
      continue;
    }
    if (space)
      g_string_append_c(s, ' ');
    space = FALSE;
    g_string_append_c(s, g_ascii_isprint(*p) ? *p : '?');
  }
  if (s->len == 0) {
    g_string_free(s, TRUE);
    return NULL;
  }
  return g_string_free(s, FALSE);
}

/* "1.60" followed by GHz/MHz at p, or NAN. */
static double parse_freq(const char *p)
{
  char *end = NULL;
  double v = g_ascii_strtod(p, &end);
  if (end == p || !(v > 0) || v > 100000)
    return NAN;
  while (*end == ' ')
    end++;
  if (g_ascii_strncasecmp(end, "GHz", 3) == 0)
    return v < 100 ? v * 1000.0 : NAN;
  if (g_ascii_strncasecmp(end, "MHz", 3) == 0)
    return v;
  return NAN;
}

double lf_cpu_brand_mhz(const char *brand)
{
  if (brand == NULL)
    return NAN;
  const char *at = strrchr(brand, '@');
  if (at != NULL)
    return parse_freq(at + 1);
  /* Older brands end in the clock without "@" ("Pentium(R) M processor 1.86GHz"). */
  const char *space = strrchr(brand, ' ');
  const char *last = space != NULL ? space + 1 : brand;
  return g_ascii_isdigit(*last) ? parse_freq(last) : NAN;
}
