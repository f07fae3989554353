/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "core/error.h"

#include <gio/gio.h>

G_DEFINE_QUARK(lapfit-error-quark, lf_error)

gboolean lf_error_errno(GError **error, int errsv, const char *format, ...)
{
  va_list ap;
  va_start(ap, format);
  g_autofree char *context = g_strdup_vprintf(format, ap);
  va_end(ap);
  g_set_error(error, G_IO_ERROR, g_io_error_from_errno(errsv), "%s: %s", context,
              g_strerror(errsv));
  return FALSE;
}
