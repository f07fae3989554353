/* SPDX-License-Identifier: GPL-2.0-or-later */
/* LfSysroot: the one way lapfit reads files, and touches the machine it describes.
 *
 * Every path is relative to a root directory ("/" live, a fixture tree in tests,
 * `--root DIR` on the command line). Reads are bounded and tolerate hostile
 * content; writes are allowed only below <root>/sys and <root>/proc/sys and only
 * when the resolved path stays there (symlinks may not lead out).
 *
 * The reader (lf_sysroot_read, lf_file_read; everything else reads through them):
 * - Bounded: at most `max` bytes. A regular file whose st_size exceeds max fails
 *   before anything is allocated; streams (pipes such as `--dmidecode <(cmd)`,
 *   sysfs and procfs, whose st_size lies) are read in chunks and fail as soon as
 *   they pass max. Never a silent truncation.
 * - Contained: a path below a root resolves as if the root were "/" (openat2
 *   RESOLVE_IN_ROOT where the kernel has it, else a component-wise O_NOFOLLOW
 *   walk): "..", absolute and relative symlinks never lead out of `--root`.
 * - Never blocks on open: O_NONBLOCK, cleared once open. A FIFO with no writer is
 *   an error; character and block devices and sockets are refused.
 * - Errors are one line: "cannot read 'PATH': <why>", G_IO_ERROR for syscalls,
 *   LF_ERROR_PARSE for "larger than N bytes", LF_ERROR_PERMISSION for a device
 *   or an escape. Contents are never quoted in an error. */
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

typedef enum {
  LF_READ_DEFAULT = 0,
  LF_READ_NOFOLLOW = 1 << 0,  /* the last component may not be a symlink (own state files) */
} LfReadFlags;

/* A file the user named, not below a root (--report, --cpuid-dump, --dmidecode,
 * fleet import, the tuner journal, profile files): the same bounds as
 * lf_sysroot_read; "-" is not special. max must be > 0. Output as lf_sysroot_read. */
gboolean lf_file_read(const char *path, gsize max, LfReadFlags flags, char **contents, gsize *len,
                      GError **error);

/* Opens rel below the root, contained as described above, with open(2) flags
 * (O_CLOEXEC|O_NOCTTY are added; O_CREAT is not supported). Returns an fd the
 * caller closes, or -1 with *error set ("cannot open 'PATH': ..."). */
int lf_sysroot_open(const LfSysroot *root, const char *rel, int flags, GError **error);

/* Tests only: FALSE forces the component-wise walk even where openat2 exists. */
void lf_sysroot_set_openat2(gboolean enabled);

/* Optional attribute readers: NULL/FALSE when missing, unreadable or malformed,
 * never an error (a missing attribute is a fact, not a failure).
 * read_string: first line, stripped, sanitised (lf_text_sanitize: controls, C1,
 * bidi overrides and invalid UTF-8 become '?'),
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

/* Does rel stay below the root once resolved? The nearest existing ancestor
 * decides (what does not exist yet is created below it). For files lapfit
 * creates itself (tune install, the state dir); check again after creating. */
gboolean lf_sysroot_contains(const LfSysroot *root, const char *rel);

/* Writes value to a sysfs/procfs attribute below the root. Refuses paths that
 * do not resolve below <root>/sys or <root>/proc/sys (LF_ERROR_PERMISSION).
 * Logs value and path at debug level. */
gboolean lf_sysroot_write(const LfSysroot *root, const char *rel, const char *value,
                          GError **error);

/* Parses simple numbers the way sysfs prints them ("1234\n"). Strict: the
 * whole (stripped) text must be a number in range. */
gboolean lf_parse_int(const char *text, gint64 *out);
gboolean lf_parse_double(const char *text, double *out);
