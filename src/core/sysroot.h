/* SPDX-License-Identifier: GPL-2.0-or-later */
/* LfSysroot: the one way lapfit touches files of the machine it describes.
 *
 * Every path is relative to a root directory ("/" live, a fixture tree in tests,
 * `--root DIR` on the command line). Reads are bounded and tolerate hostile
 * content; writes are allowed only below <root>/sys and <root>/proc/sys and only
 * when the resolved path stays there (symlinks may not lead out). */
#pragma once
#include <glib.h>

typedef struct LfSysroot LfSysroot;

/* Largest file lapfit reads from sysfs/procfs (meminfo, cpuinfo, uevent...). */
#define LF_SYSROOT_MAX_READ (1024 * 1024)

/* dir: NULL or "/" for the live system. Fails if dir is not a directory. */
LfSysroot *lf_sysroot_new(const char *dir, GError **error);
void lf_sysroot_free(LfSysroot *root);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(LfSysroot, lf_sysroot_free)

/* The root directory as given ("/" when live). transfer none. */
const char *lf_sysroot_dir(const LfSysroot *root);
gboolean lf_sysroot_is_live(const LfSysroot *root);

/* Absolute host path for rel ("sys/class/..." or "/sys/class/..."). transfer full. */
char *lf_sysroot_path(const LfSysroot *root, const char *rel);

/* Whole file, at most max bytes (0 = LF_SYSROOT_MAX_READ); longer files fail
 * with LF_ERROR_PARSE. The buffer is NUL-terminated; *len excludes the NUL. */
gboolean lf_sysroot_read(const LfSysroot *root, const char *rel, gsize max, char **contents,
                         gsize *len, GError **error);

/* Optional attribute readers: NULL/FALSE when missing, unreadable or malformed,
 * never an error (a missing attribute is a fact, not a failure).
 * read_string: first line, stripped, non-printable bytes replaced by '?',
 * at most 255 bytes, NULL if empty. */
char *lf_sysroot_read_string(const LfSysroot *root, const char *rel);
gboolean lf_sysroot_read_int(const LfSysroot *root, const char *rel, gint64 *out);
gboolean lf_sysroot_read_double(const LfSysroot *root, const char *rel, double *out);
gboolean lf_sysroot_exists(const LfSysroot *root, const char *rel);
gboolean lf_sysroot_is_dir(const LfSysroot *root, const char *rel);

/* Entries of a directory (no "." or ".."), sorted; NULL if it cannot be read.
 * transfer full: GPtrArray of char*. */
GPtrArray *lf_sysroot_list(const LfSysroot *root, const char *rel);

/* Last path component of a symlink's target (e.g. ".../drivers/i915" -> "i915").
 * NULL if rel is not a symlink. transfer full. */
char *lf_sysroot_link_name(const LfSysroot *root, const char *rel);

/* The resolved path of rel relative to the root ("sys/devices/..."), or NULL
 * if it does not exist or resolves outside the root. transfer full. */
char *lf_sysroot_resolve(const LfSysroot *root, const char *rel);

/* Writes value to a sysfs/procfs attribute below the root. Refuses paths that
 * do not resolve below <root>/sys or <root>/proc/sys (LF_ERROR_PERMISSION).
 * Logs value and path at debug level. */
gboolean lf_sysroot_write(const LfSysroot *root, const char *rel, const char *value,
                          GError **error);

/* Parses simple numbers the way sysfs prints them ("1234\n"). Strict: the
 * whole (stripped) text must be a number in range. */
gboolean lf_parse_int(const char *text, gint64 *out);
gboolean lf_parse_double(const char *text, double *out);
