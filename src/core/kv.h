/* SPDX-License-Identifier: GPL-2.0-or-later */
/* KEY=VALUE text as in uevent, os-release and /proc/meminfo-like files.
 * Shell-style quotes ('..', "..") and backslash escapes in values are undone,
 * as os-release(5) describes; lines without '=' and comments are skipped. */
#pragma once
#include <glib.h>

/* The next line of data[0..len) from *pos on, without its '\n' (the last line
 * need not end in one); advances *pos. FALSE at the end. The one line splitter:
 *   gsize pos = 0; const char *line; gsize n;
 *   while (lf_text_next_line(data, len, &pos, &line, &n)) ... */
gboolean lf_text_next_line(const char *data, gsize len, gsize *pos, const char **line,
                           gsize *line_len);

typedef void (*LfKvFunc)(const char *key, const char *value, gpointer user_data);

/* data need not be NUL-terminated. Never fails: bad lines are skipped. */
void lf_kv_parse(const char *data, gsize len, LfKvFunc func, gpointer user_data);

/* Convenience: a hash table key -> value (both owned). transfer full. */
GHashTable *lf_kv_parse_table(const char *data, gsize len);
