/* SPDX-License-Identifier: GPL-2.0-or-later */
/* LfReport <-> "lapfit-report/1" JSON, driven by the field tables in report.c.
 * Output is locale-independent; input is validated (types, schema) and unknown
 * keys are ignored so newer reports of the same schema still load. */
#pragma once
#include <json-glib/json-glib.h>

#include "core/report.h"

typedef enum {
  LF_JSON_DEFAULT = 0,
  LF_JSON_PRIVATE = 1 << 0,   /* include serials, UUID, MACs, host name */
  LF_JSON_PRETTY = 1 << 1,
} LfJsonFlags;

/* transfer full */
JsonNode *lf_struct_to_json(const LfStructDesc *desc, gconstpointer p, LfJsonFlags flags);
char *lf_report_to_json(const LfReport *report, LfJsonFlags flags);
/* Appends a described struct's JSON to @out, as lf_report_to_json() writes
 * it, without building a json-glib tree. */
void lf_struct_append_json(GString *out, const LfStructDesc *desc, gconstpointer p,
                           LfJsonFlags flags);
/* Any json-glib tree as text: shortest round-trip doubles, C locale. */
char *lf_json_to_text(JsonNode *node, LfJsonFlags flags);

/* Fills *p (already initialised) from a JSON object. Errors name the key path. */
gboolean lf_struct_from_json(const LfStructDesc *desc, gpointer p, JsonNode *node,
                             const char *path, GError **error);

/* Parses a report; LF_ERROR_PARSE for malformed JSON or wrong types,
 * LF_ERROR_UNSUPPORTED for another schema. transfer full. */
LfReport *lf_report_from_json(const char *data, gssize len, GError **error);
LfReport *lf_report_load(const char *path, GError **error);
/* lf_report_load in two steps, for callers that look at the bytes first (the
 * fleet skips files it has seen by their hash): the file's bytes, bounded
 * in size; then the report they hold (errors name @path). transfer full. */
GBytes *lf_report_read(const char *path, GError **error);
LfReport *lf_report_parse(const char *path, GBytes *bytes, GError **error);
/* Atomic write (temp file + rename). */
gboolean lf_report_save(const LfReport *report, const char *path, LfJsonFlags flags,
                        GError **error);
