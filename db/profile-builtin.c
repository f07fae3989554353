/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The built-in profiles compiled into the binary; see db/profile.h. Apart from
 * db/profile.c because dbgen, which generates lf_builtin_profiles[], links that. */
#include "db/profile.h"

const LfBuiltinProfile *lf_profile_builtin(const char *name)
{
  for (const LfBuiltinProfile *b = lf_builtin_profiles; b->name; b++)
    if (g_str_equal(b->name, name))
      return b;
  return NULL;
}
