/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Text from the data files in the user's language (see data-text.h). */
#include "core/data-text.h"

#include <glib/gi18n.h>

const char *lf_data_text(const char *context, const char *text)
{
  if (text == NULL || *text == '\0')
    return text;
  /* The untranslated text comes back as it was: English, or a brand name
   * that db/dbgen did not extract because it has no words to translate. */
  return g_dpgettext2(NULL, context, text);
}
