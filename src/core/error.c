/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "core/error.h"

#include <gio/gio.h>
#include <locale.h>
#include <string.h>

G_DEFINE_QUARK(lapfit-error-quark, lf_error)

/* The system's message for errsv in this thread's locale: the probe switches its
 * thread to C so errors[] stays English, and g_strerror() would hand back the
 * process-wide cached text in the user's language. */
static const char *errno_text(int errsv)
{
  locale_t loc = uselocale((locale_t)0);
  if (loc == LC_GLOBAL_LOCALE)
    return g_strerror(errsv);
  const char *msg = strerror_l(errsv, loc);
  return msg != NULL && g_utf8_validate(msg, -1, NULL) ? msg : g_strerror(errsv);
}

gboolean lf_error_errno(GError **error, int errsv, const char *format, ...)
{
  va_list ap;
  va_start(ap, format);
  g_autofree char *context = g_strdup_vprintf(format, ap);
  va_end(ap);
  g_set_error(error, G_IO_ERROR, g_io_error_from_errno(errsv), "%s: %s", context,
              errno_text(errsv));
  return FALSE;
}
