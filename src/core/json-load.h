/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The one way lapfit parses JSON it did not just write: reports (--report, fleet
 * import, fleet storage, TUI), the tuner journal. json-glib recurses once per
 * nesting level without a limit, so ~200 KB of "[[[[..." overflows the stack:
 * the text is scanned for size and depth before json-glib sees it. */
#pragma once
#include <json-glib/json-glib.h>

#include "core/sysroot.h"

/* A lapfit report nests 4 levels; the journal 3. */
#define LF_JSON_MAX_DEPTH 64
#define LF_JSON_MAX_BYTES (16 * 1024 * 1024)

/* Parses data (len bytes, or NUL-terminated when len < 0) into a tree.
 * LF_ERROR_PARSE "not valid JSON (line L, column C)", "nested deeper than 64
 * levels" or "larger than N bytes"; the message never quotes the input (a
 * file may be a link to a secret). transfer full. */
JsonNode *lf_json_parse(const char *data, gssize len, GError **error);

/* Reads path with lf_file_read (flags, LF_JSON_MAX_BYTES) and parses it. Errors
 * are not prefixed with the path: the caller says what the file was. */
JsonNode *lf_json_load(const char *path, LfReadFlags flags, GError **error);
