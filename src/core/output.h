/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Where `-o FILE` output goes (export, fleet export, probe -o). A new or
 * regular file is written to a temporary file beside it and renamed at the
 * end, so a failure leaves nothing half-written. Anything else is never
 * renamed over: an existing FIFO or character device (or a symlink to one, or
 * to a regular file) is written through, a FIFO without a reader is an error
 * at once (no hang), directories, block devices and sockets are refused.
 * NULL or "-" is stdout. */
#pragma once
#include <glib.h>
#include <stdio.h>

typedef struct LfOutput LfOutput;

/* transfer full; NULL with *error set ("cannot write 'PATH': why"). */
LfOutput *lf_output_open(const char *path, GError **error);
/* The stream to write to. transfer none. */
FILE *lf_output_stream(LfOutput *out);
/* Flushes, closes and (for a temporary file) renames into place. */
gboolean lf_output_commit(LfOutput *out, GError **error);
/* Without a commit: removes the temporary file. NULL-safe. */
void lf_output_free(LfOutput *out);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(LfOutput, lf_output_free)

/* The whole of text to path through an LfOutput. */
gboolean lf_output_write_all(const char *path, const char *text, GError **error);
