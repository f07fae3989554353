/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "core/json-build.h"

void lf_json_set_string(JsonBuilder *b, const char *key, const char *value)
{
  json_builder_set_member_name(b, key);
  if (value)
    json_builder_add_string_value(b, value);
  else
    json_builder_add_null_value(b);
}

void lf_json_set_int(JsonBuilder *b, const char *key, gint64 value)
{
  json_builder_set_member_name(b, key);
  if (lf_known_int(value))
    json_builder_add_int_value(b, value);
  else
    json_builder_add_null_value(b);
}

void lf_json_set_double(JsonBuilder *b, const char *key, double value)
{
  json_builder_set_member_name(b, key);
  if (lf_known_num(value))
    json_builder_add_double_value(b, value);
  else
    json_builder_add_null_value(b);
}

void lf_json_set_bool(JsonBuilder *b, const char *key, gboolean value)
{
  json_builder_set_member_name(b, key);
  json_builder_add_boolean_value(b, value);
}

void lf_json_set_tri(JsonBuilder *b, const char *key, LfTri value)
{
  json_builder_set_member_name(b, key);
  if (value == LF_TRI_UNKNOWN)
    json_builder_add_null_value(b);
  else
    json_builder_add_boolean_value(b, value == LF_TRI_TRUE);
}

void lf_json_set_string_or_omit(JsonBuilder *b, const char *key, const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  json_builder_set_member_name(b, key);
  json_builder_add_string_value(b, value);
}

void lf_json_set_int_or_omit(JsonBuilder *b, const char *key, gint64 value)
{
  if (!lf_known_int(value))
    return;
  json_builder_set_member_name(b, key);
  json_builder_add_int_value(b, value);
}
