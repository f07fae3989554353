/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "core/report-json.h"

#include "core/json-load.h"
#include "core/output.h"

#include <glib/gi18n.h>

#include "core/error.h"
#include "core/text.h"

#define FIELD_PTR(p, f) ((char *)(p) + (f)->offset)
#define FIELD_CPTR(p, f) ((const char *)(p) + (f)->offset)

/* Reports are read from files a fleet owner collected: bound what we accept. */
#define MAX_REPORT_BYTES (16 * 1024 * 1024)

JsonNode *lf_struct_to_json(const LfStructDesc *desc, gconstpointer p, LfJsonFlags flags)
{
  JsonObject *obj = json_object_new();
  for (const LfField *f = desc->fields; f->key; f++) {
    if ((f->flags & LF_FIELD_PRIVATE) && !(flags & LF_JSON_PRIVATE))
      continue;
    gconstpointer fp = FIELD_CPTR(p, f);
    JsonNode *v = NULL;
    switch (f->type) {
    case LF_FIELD_STRING: {
      const char *s = *(char *const *)fp;
      v = s ? json_node_init_string(json_node_alloc(), s) : json_node_new(JSON_NODE_NULL);
      break;
    }
    case LF_FIELD_INT: {
      gint64 i = *(const gint64 *)fp;
      v = lf_known_int(i) ? json_node_init_int(json_node_alloc(), i)
                          : json_node_new(JSON_NODE_NULL);
      break;
    }
    case LF_FIELD_NUMBER: {
      double d = *(const double *)fp;
      v = isfinite(d) ? json_node_init_double(json_node_alloc(), d)
                      : json_node_new(JSON_NODE_NULL);
      break;
    }
    case LF_FIELD_TRI: {
      LfTri t = *(const LfTri *)fp;
      v = t == LF_TRI_UNKNOWN ? json_node_new(JSON_NODE_NULL)
                              : json_node_init_boolean(json_node_alloc(), t == LF_TRI_TRUE);
      break;
    }
    case LF_FIELD_STRUCT:
      v = lf_struct_to_json(f->sub, fp, flags);
      break;
    case LF_FIELD_ARRAY:
    case LF_FIELD_STRV: {
      const GPtrArray *arr = *(GPtrArray *const *)fp;
      JsonArray *ja = json_array_new();
      for (guint i = 0; arr && i < arr->len; i++) {
        if (f->type == LF_FIELD_ARRAY)
          json_array_add_element(ja, lf_struct_to_json(f->sub, arr->pdata[i], flags));
        else
          json_array_add_string_element(ja, arr->pdata[i]);
      }
      v = json_node_init_array(json_node_alloc(), ja);
      json_array_unref(ja);
      break;
    }
    }
    json_object_set_member(obj, f->key, v);
  }
  JsonNode *node = json_node_init_object(json_node_alloc(), obj);
  json_object_unref(obj);
  return node;
}

/* Shortest text that reads back as the same double ("87.72", not json-glib's
 * "87.719999999999999"), always in the C locale. */
static void append_double(GString *out, double d)
{
  static const char *const fmts[] = { "%.15g", "%.16g", "%.17g" };
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  for (guint i = 0; i < G_N_ELEMENTS(fmts); i++) {
    g_ascii_formatd(buf, sizeof buf, fmts[i], d);
    if (g_ascii_strtod(buf, NULL) == d)
      break;
  }
  g_string_append(out, buf);
  if (strpbrk(buf, ".eEn") == NULL)  /* keep it a JSON number with a fraction: "50.0" */
    g_string_append(out, ".0");
}

/* RFC 8259 string escaping. A json-glib generator per value cost more than
 * the rest of `recommend --json` together. Invalid UTF-8 (a firmware string)
 * becomes U+FFFD so the output is always valid JSON. Besides what JSON must
 * escape, the characters the sanitiser replaces (C1 controls such as U+009B
 * CSI, bidi overrides, U+2028/9, U+FFFE/F) are written as \uXXXX: the same
 * string, but none of them reaches a terminal raw from `--json`. */
static void append_string(GString *out, const char *s)
{
  g_autofree char *valid = g_utf8_validate(s, -1, NULL) ? NULL : g_utf8_make_valid(s, -1);
  if (valid)
    s = valid;
  g_string_append_c(out, '"');
  const guchar *run = (const guchar *)s;  /* bytes that need no escape, appended at once */
  for (const guchar *p = run; *p; p++) {
    /* only these lead bytes start an unsafe character at or above U+0080 */
    gboolean lead = *p == 0xc2 || *p == 0xe2 || *p == 0xef;
    if (*p >= 0x20 && *p != '"' && *p != '\\' && *p != 0x7f &&
        !(lead && lf_text_unsafe_char(g_utf8_get_char((const char *)p))))
      continue;
    g_string_append_len(out, (const char *)run, (gssize)(p - run));
    run = p + 1;
    switch (*p) {
    case '"': g_string_append(out, "\\\""); break;
    case '\\': g_string_append(out, "\\\\"); break;
    case '\n': g_string_append(out, "\\n"); break;
    case '\t': g_string_append(out, "\\t"); break;
    case '\r': g_string_append(out, "\\r"); break;
    default:
      if (lead) {
        g_string_append_printf(out, "\\u%04x", (guint)g_utf8_get_char((const char *)p));
        p = (const guchar *)g_utf8_next_char(p) - 1;
        run = p + 1;
      } else {
        g_string_append_printf(out, "\\u%04x", *p);
      }
    }
  }
  g_string_append(out, (const char *)run);
  g_string_append_c(out, '"');
}

/* Decimal without printf (a report has a hundred integers). */
static void append_int(GString *out, gint64 v)
{
  char buf[24];
  char *p = buf + sizeof buf;
  guint64 u = v < 0 ? (guint64)0 - (guint64)v : (guint64)v;
  do {
    *--p = (char)('0' + u % 10);
    u /= 10;
  } while (u);
  if (v < 0)
    *--p = '-';
  g_string_append_len(out, p, buf + sizeof buf - p);
}

static void indent(GString *out, LfJsonFlags flags, int depth)
{
  if (flags & LF_JSON_PRETTY) {
    g_string_append_c(out, '\n');
    for (int i = 0; i < depth; i++)
      g_string_append(out, "  ");
  }
}

/* A small writer over json-glib nodes: json-glib builds and escapes, this only
 * controls number formatting and layout. */
static void write_node(GString *out, JsonNode *node, LfJsonFlags flags, int depth)
{
  switch (JSON_NODE_TYPE(node)) {
  case JSON_NODE_OBJECT: {
    JsonObject *obj = json_node_get_object(node);
    g_autoptr(GList) members = json_object_get_members(obj);
    g_string_append_c(out, '{');
    for (GList *l = members; l; l = l->next) {
      indent(out, flags, depth + 1);
      append_string(out, l->data);
      g_string_append(out, (flags & LF_JSON_PRETTY) ? ": " : ":");
      write_node(out, json_object_get_member(obj, l->data), flags, depth + 1);
      if (l->next)
        g_string_append_c(out, ',');
    }
    if (members)
      indent(out, flags, depth);
    g_string_append_c(out, '}');
    break;
  }
  case JSON_NODE_ARRAY: {
    JsonArray *arr = json_node_get_array(node);
    guint n = json_array_get_length(arr);
    g_string_append_c(out, '[');
    for (guint i = 0; i < n; i++) {
      indent(out, flags, depth + 1);
      write_node(out, json_array_get_element(arr, i), flags, depth + 1);
      if (i + 1 < n)
        g_string_append_c(out, ',');
    }
    if (n)
      indent(out, flags, depth);
    g_string_append_c(out, ']');
    break;
  }
  case JSON_NODE_VALUE:
    /* ints and booleans written here: a JsonGenerator per value was a third
     * of a fleet import */
    if (json_node_get_value_type(node) == G_TYPE_DOUBLE) {
      append_double(out, json_node_get_double(node));
    } else if (json_node_get_value_type(node) == G_TYPE_STRING) {
      append_string(out, json_node_get_string(node));
    } else if (json_node_get_value_type(node) == G_TYPE_INT64) {
      append_int(out, json_node_get_int(node));
    } else if (json_node_get_value_type(node) == G_TYPE_BOOLEAN) {
      g_string_append(out, json_node_get_boolean(node) ? "true" : "false");
    } else {
      g_autofree char *text = json_to_string(node, FALSE);
      g_string_append(out, text);
    }
    break;
  case JSON_NODE_NULL:
    g_string_append(out, "null");
    break;
  }
}

char *lf_json_to_text(JsonNode *node, LfJsonFlags flags)
{
  GString *out = g_string_new(NULL);
  write_node(out, node, flags, 0);
  return g_string_free(out, FALSE);
}

static void write_struct(GString *out, const LfStructDesc *desc, gconstpointer p,
                         LfJsonFlags flags, int depth);

/* One field's value, as write_node() would write lf_struct_to_json()'s node. */
static void write_field(GString *out, const LfField *f, gconstpointer fp, LfJsonFlags flags,
                        int depth)
{
  switch (f->type) {
  case LF_FIELD_STRING: {
    const char *s = *(char *const *)fp;
    if (s)
      append_string(out, s);
    else
      g_string_append(out, "null");
    break;
  }
  case LF_FIELD_INT: {
    gint64 i = *(const gint64 *)fp;
    if (lf_known_int(i))
      append_int(out, i);
    else
      g_string_append(out, "null");
    break;
  }
  case LF_FIELD_NUMBER: {
    double d = *(const double *)fp;
    if (isfinite(d))
      append_double(out, d);
    else
      g_string_append(out, "null");
    break;
  }
  case LF_FIELD_TRI: {
    LfTri t = *(const LfTri *)fp;
    g_string_append(out, t == LF_TRI_UNKNOWN ? "null" : t == LF_TRI_TRUE ? "true" : "false");
    break;
  }
  case LF_FIELD_STRUCT:
    write_struct(out, f->sub, fp, flags, depth);
    break;
  case LF_FIELD_ARRAY:
  case LF_FIELD_STRV: {
    const GPtrArray *arr = *(GPtrArray *const *)fp;
    guint n = arr ? arr->len : 0;
    g_string_append_c(out, '[');
    for (guint i = 0; i < n; i++) {
      indent(out, flags, depth + 1);
      if (f->type == LF_FIELD_ARRAY)
        write_struct(out, f->sub, arr->pdata[i], flags, depth + 1);
      else if (arr->pdata[i])
        append_string(out, arr->pdata[i]);
      else
        g_string_append(out, "null");
      if (i + 1 < n)
        g_string_append_c(out, ',');
    }
    if (n)
      indent(out, flags, depth);
    g_string_append_c(out, ']');
    break;
  }
  }
}

/* A struct straight from its field table: the same text as
 * lf_json_to_text(lf_struct_to_json()), without building the tree, which
 * was a fifth of a fleet import. */
static void write_struct(GString *out, const LfStructDesc *desc, gconstpointer p,
                         LfJsonFlags flags, int depth)
{
  gboolean any = FALSE;
  g_string_append_c(out, '{');
  for (const LfField *f = desc->fields; f->key; f++) {
    if ((f->flags & LF_FIELD_PRIVATE) && !(flags & LF_JSON_PRIVATE))
      continue;
    if (any)
      g_string_append_c(out, ',');
    any = TRUE;
    indent(out, flags, depth + 1);
    append_string(out, f->key);
    g_string_append(out, (flags & LF_JSON_PRETTY) ? ": " : ":");
    write_field(out, f, FIELD_CPTR(p, f), flags, depth + 1);
  }
  if (any)
    indent(out, flags, depth);
  g_string_append_c(out, '}');
}

void lf_struct_append_json(GString *out, const LfStructDesc *desc, gconstpointer p,
                           LfJsonFlags flags)
{
  write_struct(out, desc, p, flags, 0);
}

char *lf_report_to_json(const LfReport *report, LfJsonFlags flags)
{
  GString *out = g_string_sized_new(8192);
  write_struct(out, &lf_report_desc, report, flags, 0);
  gsize len = out->len;
  /* to its size: an import holds two batches of these */
  return g_realloc(g_string_free(out, FALSE), len + 1);
}

static gboolean type_error(GError **error, const char *path, const char *key, const char *want)
{
  g_set_error(error, LF_ERROR, LF_ERROR_PARSE,
              /* TRANSLATORS: "%s%s%s" is a key path such as "cpu.family"; %s after is a type */
              _("%s%s%s: expected %s"), path, *path ? "." : "", key, want);
  return FALSE;
}

static gboolean node_to_int(JsonNode *n, gint64 *out)
{
  if (JSON_NODE_TYPE(n) != JSON_NODE_VALUE)
    return FALSE;
  GType t = json_node_get_value_type(n);
  if (t == G_TYPE_INT64) {
    gint64 v = json_node_get_int(n);
    if (v == LF_UNKNOWN)
      return FALSE;
    *out = v;
    return TRUE;
  }
  if (t == G_TYPE_DOUBLE) {
    double d = json_node_get_double(n);
    if (!isfinite(d) || d != floor(d) || d < -9.0e18 || d > 9.0e18)
      return FALSE;
    *out = (gint64)d;
    return TRUE;
  }
  return FALSE;
}

static gboolean node_to_double(JsonNode *n, double *out)
{
  if (JSON_NODE_TYPE(n) != JSON_NODE_VALUE)
    return FALSE;
  GType t = json_node_get_value_type(n);
  if (t != G_TYPE_INT64 && t != G_TYPE_DOUBLE)
    return FALSE;
  double d = json_node_get_double(n);  /* converts integers too */
  if (!isfinite(d))
    return FALSE;
  *out = d;
  return TRUE;
}

gboolean lf_struct_from_json(const LfStructDesc *desc, gpointer p, JsonNode *node,
                             const char *path, GError **error)
{
  if (!JSON_NODE_HOLDS_OBJECT(node))
    return type_error(error, "", path, _("an object"));
  JsonObject *obj = json_node_get_object(node);
  for (const LfField *f = desc->fields; f->key; f++) {
    JsonNode *m = json_object_get_member(obj, f->key);
    if (m == NULL || JSON_NODE_HOLDS_NULL(m))
      continue;  /* unknown stays unknown */
    gpointer fp = FIELD_PTR(p, f);
    switch (f->type) {
    case LF_FIELD_STRING:
      if (JSON_NODE_TYPE(m) != JSON_NODE_VALUE || json_node_get_value_type(m) != G_TYPE_STRING)
        return type_error(error, path, f->key, _("a string"));
      g_free(*(char **)fp);
      *(char **)fp = json_node_dup_string(m);
      break;
    case LF_FIELD_INT:
      if (!node_to_int(m, fp))
        return type_error(error, path, f->key, _("an integer"));
      break;
    case LF_FIELD_NUMBER:
      if (!node_to_double(m, fp))
        return type_error(error, path, f->key, _("a number"));
      break;
    case LF_FIELD_TRI:
      if (JSON_NODE_TYPE(m) != JSON_NODE_VALUE || json_node_get_value_type(m) != G_TYPE_BOOLEAN)
        return type_error(error, path, f->key, _("true, false or null"));
      *(LfTri *)fp = json_node_get_boolean(m) ? LF_TRI_TRUE : LF_TRI_FALSE;
      break;
    case LF_FIELD_STRUCT: {
      g_autofree char *sub = *path ? g_strconcat(path, ".", f->key, NULL) : g_strdup(f->key);
      if (!lf_struct_from_json(f->sub, fp, m, sub, error))
        return FALSE;
      break;
    }
    case LF_FIELD_ARRAY:
    case LF_FIELD_STRV: {
      if (!JSON_NODE_HOLDS_ARRAY(m))
        return type_error(error, path, f->key, _("an array"));
      JsonArray *ja = json_node_get_array(m);
      GPtrArray **arr = fp;
      for (guint i = 0; i < json_array_get_length(ja); i++) {
        JsonNode *e = json_array_get_element(ja, i);
        g_autofree char *sub = g_strdup_printf("%s%s%s[%u]", path, *path ? "." : "", f->key, i);
        if (f->type == LF_FIELD_STRV) {
          if (JSON_NODE_TYPE(e) != JSON_NODE_VALUE || json_node_get_value_type(e) != G_TYPE_STRING)
            return type_error(error, "", sub, _("a string"));
          lf_strv_add(arr, json_node_get_string(e));
        } else {
          gpointer elem = lf_struct_new(f->sub);
          if (!lf_struct_from_json(f->sub, elem, e, sub, error)) {
            lf_struct_free(f->sub, elem);
            return FALSE;
          }
          if (*arr == NULL)
            *arr = lf_struct_array_new(f->sub);
          g_ptr_array_add(*arr, elem);
        }
      }
      break;
    }
    }
  }
  return TRUE;
}

/* A laptop's report has about a hundred list entries (CPU flags, firmware files,
 * disks). The recommender's work grows with their product (editions x Wi-Fi
 * cards x firmware files): a 400 KB report naming 20000 missing files kept
 * `recommend` busy for minutes, 90000 Wi-Fi cards took 3 GB (#13). */
#define MAX_LIST_ENTRIES 512
#define MAX_ALL_ENTRIES 2048

/* Adds the entries of every list in node to *total; FALSE once a list or the
 * total is over the limit. Recursion is bounded by the loader's depth limit. */
static gboolean lists_bounded(JsonNode *node, guint *total)
{
  if (JSON_NODE_HOLDS_ARRAY(node)) {
    JsonArray *a = json_node_get_array(node);
    guint n = json_array_get_length(a);
    *total += n;
    if (n > MAX_LIST_ENTRIES || *total > MAX_ALL_ENTRIES)
      return FALSE;
    for (guint i = 0; i < n; i++)
      if (!lists_bounded(json_array_get_element(a, i), total))
        return FALSE;
  } else if (JSON_NODE_HOLDS_OBJECT(node)) {
    JsonObjectIter it;
    JsonNode *member;
    json_object_iter_init(&it, json_node_get_object(node));
    while (json_object_iter_next(&it, NULL, &member))
      if (!lists_bounded(member, total))
        return FALSE;
  }
  return TRUE;
}

LfReport *lf_report_from_json(const char *data, gssize len, GError **error)
{
  g_autoptr(JsonNode) root = lf_json_parse(data, len, error);
  if (root == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT(root)) {
    g_set_error(error, LF_ERROR, LF_ERROR_PARSE, _("not a lapfit report: not a JSON object"));
    return NULL;
  }
  const char *schema = json_object_get_string_member_with_default(
      json_node_get_object(root), "schema", NULL);
  if (schema == NULL) {
    g_set_error(error, LF_ERROR, LF_ERROR_PARSE, _("not a lapfit report: no \"schema\" key"));
    return NULL;
  }
  if (!g_str_equal(schema, LF_REPORT_SCHEMA)) {
    g_set_error(error, LF_ERROR, LF_ERROR_UNSUPPORTED,
                _("unsupported report schema '%s' (this lapfit reads '%s')"), schema,
                LF_REPORT_SCHEMA);
    return NULL;
  }
  guint total = 0;
  if (!lists_bounded(root, &total)) {
    g_set_error(error, LF_ERROR, LF_ERROR_PARSE,
                _("not a lapfit report: more list entries than a machine has (at most %u in one "
                  "list, %u in all)"), (guint)MAX_LIST_ENTRIES, (guint)MAX_ALL_ENTRIES);
    return NULL;
  }
  g_autoptr(LfReport) report = lf_struct_new(&lf_report_desc);
  if (!lf_struct_from_json(&lf_report_desc, report, root, "", error))
    return NULL;
  return g_steal_pointer(&report);
}

GBytes *lf_report_read(const char *path, GError **error)
{
  char *data = NULL;
  gsize len = 0;
  if (!lf_file_read(path, MAX_REPORT_BYTES, LF_READ_DEFAULT, &data, &len, error))
    return NULL;
  return g_bytes_new_take(data, len);
}

LfReport *lf_report_parse(const char *path, GBytes *bytes, GError **error)
{
  gsize len = 0;
  const char *data = g_bytes_get_data(bytes, &len);
  LfReport *report = lf_report_from_json(data ? data : "", (gssize)len, error);
  if (report == NULL)
    g_prefix_error(error, _("cannot load report '%s': "), path);
  return report;
}

LfReport *lf_report_load(const char *path, GError **error)
{
  g_autoptr(GBytes) bytes = lf_report_read(path, error);
  return bytes ? lf_report_parse(path, bytes, error) : NULL;
}

gboolean lf_report_save(const LfReport *report, const char *path, LfJsonFlags flags,
                        GError **error)
{
  g_autofree char *json = lf_report_to_json(report, flags);
  g_autofree char *text = g_strconcat(json, "\n", NULL);
  return lf_output_write_all(path, text, error);
}
