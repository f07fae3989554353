/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Members of a JSON object under construction (json-glib's JsonBuilder), the
 * one set every JSON writer uses. An unknown value (NULL, LF_UNKNOWN, NaN,
 * LF_TRI_UNKNOWN) is written as null, as in lapfit-report/1; the _or_omit forms
 * leave the member out instead, for formats without null (GLPI). */
#pragma once
#include <json-glib/json-glib.h>

#include "core/report.h"

void lf_json_set_string(JsonBuilder *b, const char *key, const char *value);
void lf_json_set_int(JsonBuilder *b, const char *key, gint64 value);
void lf_json_set_double(JsonBuilder *b, const char *key, double value);
void lf_json_set_bool(JsonBuilder *b, const char *key, gboolean value);
void lf_json_set_tri(JsonBuilder *b, const char *key, LfTri value);

/* Left out when NULL or empty. */
void lf_json_set_string_or_omit(JsonBuilder *b, const char *key, const char *value);
/* Left out when LF_UNKNOWN. */
void lf_json_set_int_or_omit(JsonBuilder *b, const char *key, gint64 value);
