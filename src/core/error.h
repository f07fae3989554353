/* SPDX-License-Identifier: GPL-2.0-or-later */
/* lapfit error domain: every fallible function reports a GError in LF_ERROR,
 * G_IO_ERROR (syscalls) or a library's own domain (GKeyFile, json-glib). */
#pragma once
#include <glib.h>

#define LF_ERROR (lf_error_quark())

typedef enum {
  LF_ERROR_FAILED,       /* anything not listed below */
  LF_ERROR_PARSE,        /* malformed input: sysfs value, dump, report, profile */
  LF_ERROR_UNSUPPORTED,  /* valid input lapfit cannot handle (unknown schema, CPU) */
  LF_ERROR_PERMISSION,   /* needs root or a writable path */
  LF_ERROR_CONFLICT,     /* another tuner or another lapfit holds the resource */
  LF_ERROR_DB,           /* SQLite failure */
  LF_ERROR_USAGE,        /* bad command line: exit code 2 */
  LF_ERROR_NOT_FOUND,    /* unknown id (distro, knob, machine) */
} LfError;

GQuark lf_error_quark(void);

/* Process exit statuses of every command (the CLI and the TUI). */
enum { LF_EXIT_OK = 0, LF_EXIT_FAILURE = 1, LF_EXIT_USAGE = 2 };

/* Sets *error in G_IO_ERROR from errno: the formatted context, ": ", strerror.
 * Use a whole translatable sentence for the context, e.g. _("cannot read '%s'").
 * Always returns FALSE so callers can `return lf_error_errno(...)`. */
gboolean lf_error_errno(GError **error, int errsv, const char *format, ...) G_GNUC_PRINTF(3, 4);
