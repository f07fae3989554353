/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Bounded decompression of untrusted data (an OCS server's reply, a gzipped
 * dmidecode dump): 4 MB of zeros inflate to 4 GB, so the output is counted as
 * it is produced and the inflation stops once it passes max. */
#pragma once
#include <gio/gio.h>

/* Inflates in (zlib or gzip per format) into at most max bytes, NUL-terminated
 * (*out_len excludes the NUL). LF_ERROR_PARSE "larger than N bytes once
 * decompressed" or "not compressed data: ..." / "truncated data". */
gboolean lf_inflate(GZlibCompressorFormat format, const guint8 *in, gsize in_len, gsize max,
                    char **out, gsize *out_len, GError **error);
