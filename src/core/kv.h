/* SPDX-License-Identifier: GPL-2.0-or-later */
/* KEY=VALUE text as in uevent, os-release and /proc/meminfo-like files.
 * Shell-style quotes ('..', "..") and backslash escapes in values are undone,
 * as os-release(5) describes; lines without '=' and comments are skipped. */
#pragma once
#include <glib.h>

typedef void (*LfKvFunc)(const char *key, const char *value, gpointer user_data);

/* data need not be NUL-terminated. Never fails: bad lines are skipped. */
void lf_kv_parse(const char *data, gsize len, LfKvFunc func, gpointer user_data);

/* Convenience: a hash table key -> value (both owned). transfer full. */
GHashTable *lf_kv_parse_table(const char *data, gsize len);
