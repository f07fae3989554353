/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "core/inflate.h"

#include <glib/gi18n.h>

#include "core/error.h"

gboolean lf_inflate(GZlibCompressorFormat format, const guint8 *in, gsize in_len, gsize max,
                    char **out, gsize *out_len, GError **error)
{
  g_autoptr(GZlibDecompressor) z = g_zlib_decompressor_new(format);
  g_autoptr(GByteArray) buf = g_byte_array_new();
  guint8 chunk[65536];
  gsize pos = 0;
  for (;;) {
    gsize n_read = 0, n_written = 0;
    g_autoptr(GError) local = NULL;
    GConverterResult r = g_converter_convert(G_CONVERTER(z), in + pos, in_len - pos, chunk,
                                             sizeof chunk, G_CONVERTER_INPUT_AT_END, &n_read,
                                             &n_written, &local);
    if (r == G_CONVERTER_ERROR || (r != G_CONVERTER_FINISHED && n_read == 0 && n_written == 0)) {
      g_set_error(error, LF_ERROR, LF_ERROR_PARSE, _("not compressed data: %s"),
                  local ? local->message : _("truncated data"));
      return FALSE;
    }
    pos += n_read;
    if (buf->len + n_written > max) {
      g_set_error(error, LF_ERROR, LF_ERROR_PARSE, _("larger than %zu bytes once decompressed"),
                  max);
      return FALSE;
    }
    g_byte_array_append(buf, chunk, (guint)n_written);
    if (r == G_CONVERTER_FINISHED)
      break;
  }
  *out_len = buf->len;
  g_byte_array_append(buf, (const guint8 *)"", 1);
  *out = (char *)g_byte_array_free(g_steal_pointer(&buf), FALSE);
  return TRUE;
}
