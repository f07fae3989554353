/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "core/json-load.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "core/error.h"

/* Nesting outside strings and comments, the way json-glib 1.6's scanner reads
 * them: "..." with backslash escapes, '...' without, C comments. Stops early
 * once over the limit. */
static gboolean depth_ok(const char *data, gsize len)
{
  guint depth = 0;
  for (gsize i = 0; i < len; i++) {
    char c = data[i];
    if (c == '"') {
      for (i++; i < len && data[i] != '"'; i++)
        if (data[i] == '\\')
          i++;
    } else if (c == '\'') {
      for (i++; i < len && data[i] != '\''; i++)
        ;
    } else if (c == '/' && i + 1 < len && data[i + 1] == '*') {
      for (i += 2; i + 1 < len && !(data[i] == '*' && data[i + 1] == '/'); i++)
        ;
      i++;
    } else if (c == '[' || c == '{') {
      if (++depth > LF_JSON_MAX_DEPTH)
        return FALSE;
    } else if ((c == ']' || c == '}') && depth > 0) {
      depth--;
    }
  }
  return TRUE;
}

JsonNode *lf_json_parse(const char *data, gssize len, GError **error)
{
  g_return_val_if_fail(data != NULL, NULL);
  gsize n = len < 0 ? strlen(data) : (gsize)len;
  if (n > LF_JSON_MAX_BYTES) {
    g_set_error(error, LF_ERROR, LF_ERROR_PARSE, _("larger than %zu bytes"),
                (gsize)LF_JSON_MAX_BYTES);
    return NULL;
  }
  if (!depth_ok(data, n)) {
    g_set_error(error, LF_ERROR, LF_ERROR_PARSE, _("nested deeper than %u levels"),
                (guint)LF_JSON_MAX_DEPTH);
    return NULL;
  }
  g_autoptr(JsonParser) parser = json_parser_new_immutable();
  g_autoptr(GError) local = NULL;
  if (!json_parser_load_from_data(parser, data, (gssize)n, &local)) {
    /* json-glib quotes the offending token: keep only its "<data>:LINE:COL:". */
    unsigned line = 0, col = 0;
    if (local->message && sscanf(local->message, "%*[^:]:%u:%u", &line, &col) == 2)
      g_set_error(error, LF_ERROR, LF_ERROR_PARSE, _("not valid JSON (line %u, column %u)"),
                  line, col);
    else
      g_set_error(error, LF_ERROR, LF_ERROR_PARSE, _("not valid JSON"));
    return NULL;
  }
  JsonNode *root = json_parser_get_root(parser);
  if (root == NULL) {
    g_set_error(error, LF_ERROR, LF_ERROR_PARSE, _("not valid JSON"));
    return NULL;
  }
  return json_node_ref(root);
}

JsonNode *lf_json_load(const char *path, LfReadFlags flags, GError **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  if (!lf_file_read(path, LF_JSON_MAX_BYTES, flags, &data, &len, error))
    return NULL;
  return lf_json_parse(data, (gssize)len, error);
}
