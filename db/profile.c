/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The profile parser (db/profile.h): one key file's text -> LfProfile, its
 * values checked against the knob catalogue (db/knobs.c). dbgen runs it over
 * profiles/ at build time; the tuner (src/tune/profile.c) over the embedded
 * copies, /etc/lapfit/profiles.d and a user's file.
 *
 * GKeyFile parses; it reports no line numbers, so a small line scan first
 * checks the syntax and remembers where each key is, and every error names
 * "file:line". Each value remembers the layer ("file:line") that set it. */
#include "db/profile.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/error.h"
#include "db/knobs.h"

#define GROUP_PROFILE "profile"
#define GROUP_KNOBS "knobs"

typedef struct {
  char *ac, *bat;                  /* "" = explicitly left alone; NULL = not set here */
  char *origin_ac, *origin_bat;
} Setting;

struct LfProfile {
  char *name;
  char *description;
  char *base;
  GHashTable *settings;            /* knob id -> Setting */
};

static void setting_free(gpointer p)
{
  Setting *s = p;
  g_free(s->ac);
  g_free(s->bat);
  g_free(s->origin_ac);
  g_free(s->origin_bat);
  g_free(s);
}

static LfProfile *profile_new(const char *name)
{
  LfProfile *p = g_new0(LfProfile, 1);
  p->name = g_strdup(name);
  p->settings = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, setting_free);
  return p;
}

void lf_profile_free(LfProfile *profile)
{
  if (profile == NULL)
    return;
  g_free(profile->name);
  g_free(profile->description);
  g_free(profile->base);
  g_hash_table_unref(profile->settings);
  g_free(profile);
}

const char *lf_profile_name(const LfProfile *profile)
{
  return profile->name;
}

const char *lf_profile_description(const LfProfile *profile)
{
  return profile->description;
}

const char *lf_profile_base(const LfProfile *profile)
{
  return profile->base;
}

void lf_profile_rename(LfProfile *profile, const char *name)
{
  g_free(profile->name);
  profile->name = g_strdup(name);
}

static Setting *setting_get(LfProfile *p, const char *id)
{
  Setting *s = g_hash_table_lookup(p->settings, id);
  if (s == NULL) {
    s = g_new0(Setting, 1);
    g_hash_table_insert(p->settings, g_strdup(id), s);
  }
  return s;
}

static void set_value(char **value, char **origin, const char *v, const char *o)
{
  g_free(*value);
  g_free(*origin);
  *value = g_strdup(v);
  *origin = g_strdup(o);
}

/* "cpu_governor_ON_BAT" -> knob, which (0 both, 1 AC, 2 battery). */
static const LfKnob *split_key(const char *key, int *which)
{
  g_autofree char *id = g_strdup(key);
  *which = 0;
  if (g_str_has_suffix(id, "_ON_AC")) {
    id[strlen(id) - 6] = '\0';
    *which = 1;
  } else if (g_str_has_suffix(id, "_ON_BAT")) {
    id[strlen(id) - 7] = '\0';
    *which = 2;
  }
  return lf_knob_find(id);
}

/* Every word of a value must be acceptable ("a b" = the first one this
 * machine offers). Empty = leave the knob alone. */
static gboolean check_value(const LfKnob *knob, const char *value, GError **error)
{
  g_auto(GStrv) words = g_strsplit_set(value, " \t", -1);
  guint n = 0;
  for (guint i = 0; words[i]; i++) {
    if (*words[i] == '\0')
      continue;
    if (!lf_knob_check_value(knob, words[i], error))
      return FALSE;
    n++;
  }
  if (n > 1 && (knob->type == LF_KNOB_INT || knob->type == LF_KNOB_CAP_PERCENT)) {
    g_set_error(error, LF_ERROR, LF_ERROR_PARSE, _("%s takes one number"), knob->id);
    return FALSE;
  }
  return TRUE;
}

/* One KEY=VALUE of the [knobs] group, origin "file:line". */
gboolean lf_profile_set(LfProfile *p, const char *key, const char *raw_value, const char *origin,
                        GError **error)
{
  int which = 0;
  const LfKnob *knob = split_key(key, &which);
  if (knob == NULL) {
    g_set_error(error, LF_ERROR, LF_ERROR_PARSE, _("%s: unknown knob '%s'"), origin, key);
    return FALSE;
  }
  g_autofree char *value = g_strstrip(g_strdup(raw_value));
  g_autoptr(GError) local = NULL;
  if (!check_value(knob, value, &local)) {
    g_set_error(error, LF_ERROR, LF_ERROR_PARSE, "%s: %s", origin, local->message);
    return FALSE;
  }
  Setting *s = setting_get(p, knob->id);
  if (which != 2)
    set_value(&s->ac, &s->origin_ac, value, origin);
  if (which != 1)
    set_value(&s->bat, &s->origin_bat, value, origin);
  return TRUE;
}

typedef struct {
  char *group, *key;
  guint line;
} KeyLine;

static void key_line_free(gpointer p)
{
  KeyLine *k = p;
  g_free(k->group);
  g_free(k->key);
  g_free(k);
}

/* Syntax check with line numbers: blank, "#"/";" comment, "[group]", "key=value". */
static gboolean scan_lines(const char *file, const char *data, gsize len, GPtrArray *keys,
                           GError **error)
{
  if (memchr(data, '\0', len) != NULL || !g_utf8_validate(data, (gssize)len, NULL)) {
    g_set_error(error, LF_ERROR, LF_ERROR_PARSE, _("%s: not a UTF-8 text file"), file);
    return FALSE;
  }
  g_autofree char *text = g_strndup(data, len);
  g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
  g_autofree char *group = NULL;
  for (guint i = 0; lines[i]; i++) {
    guint lineno = i + 1;
    char *l = g_strstrip(lines[i]);
    if (*l == '\0' || *l == '#')
      continue;
    if (*l == '[') {
      gsize n = strlen(l);
      if (n < 3 || l[n - 1] != ']' || strpbrk(l + 1, "[]") != l + n - 1) {
        g_set_error(error, LF_ERROR, LF_ERROR_PARSE, _("%s:%u: malformed group header '%s'"),
                    file, lineno, l);
        return FALSE;
      }
      g_free(group);
      group = g_strndup(l + 1, n - 2);
      if (!g_str_equal(group, GROUP_PROFILE) && !g_str_equal(group, GROUP_KNOBS)) {
        g_set_error(error, LF_ERROR, LF_ERROR_PARSE,
                    _("%s:%u: unknown group '[%s]' (want [profile] or [knobs])"), file, lineno,
                    group);
        return FALSE;
      }
      continue;
    }
    char *eq = strchr(l, '=');
    if (eq == NULL || eq == l) {
      g_set_error(error, LF_ERROR, LF_ERROR_PARSE, _("%s:%u: expected KEY=VALUE, got '%s'"),
                  file, lineno, l);
      return FALSE;
    }
    if (group == NULL) {
      g_set_error(error, LF_ERROR, LF_ERROR_PARSE, _("%s:%u: '%s' comes before any [group]"),
                  file, lineno, l);
      return FALSE;
    }
    *eq = '\0';
    KeyLine *k = g_new0(KeyLine, 1);
    k->group = g_strdup(group);
    k->key = g_strdup(g_strstrip(l));
    k->line = lineno;
    for (guint j = 0; j < keys->len; j++) {
      KeyLine *o = keys->pdata[j];
      if (g_str_equal(o->group, k->group) && g_str_equal(o->key, k->key)) {
        g_set_error(error, LF_ERROR, LF_ERROR_PARSE, _("%s:%u: '%s' is already set on line %u"),
                    file, lineno, k->key, o->line);
        key_line_free(k);
        return FALSE;
      }
    }
    g_ptr_array_add(keys, k);
  }
  return TRUE;
}

gboolean lf_profile_name_valid(const char *name)
{
  if (name == NULL || *name == '\0' || strlen(name) > 64)
    return FALSE;
  for (const char *c = name; *c; c++)
    if (!g_ascii_isalnum(*c) && *c != '-' && *c != '_')
      return FALSE;
  return TRUE;
}

LfProfile *lf_profile_parse(const char *name, const char *file, const char *data, gsize len,
                            GError **error)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func(key_line_free);
  if (!scan_lines(file, data, len, keys, error))
    return NULL;
  g_autoptr(GKeyFile) kf = g_key_file_new();
  g_autoptr(GError) local = NULL;
  if (!g_key_file_load_from_data(kf, data, len, G_KEY_FILE_NONE, &local)) {
    g_set_error(error, LF_ERROR, LF_ERROR_PARSE, "%s: %s", file, local->message);
    return NULL;
  }
  g_autoptr(LfProfile) p = profile_new(name);
  for (guint i = 0; i < keys->len; i++) {
    KeyLine *k = keys->pdata[i];
    g_autofree char *origin = g_strdup_printf("%s:%u", file, k->line);
    g_clear_error(&local);
    /* GKeyFile decodes escapes (\s, \t); it may also reject the key. */
    g_autofree char *value = g_key_file_get_string(kf, k->group, k->key, &local);
    if (value == NULL) {
      g_set_error(error, LF_ERROR, LF_ERROR_PARSE, "%s: %s", origin, local->message);
      return NULL;
    }
    if (g_str_equal(k->group, GROUP_PROFILE)) {
      if (g_str_equal(k->key, "description")) {
        g_free(p->description);
        p->description = g_steal_pointer(&value);
      } else if (g_str_equal(k->key, "base")) {
        g_strstrip(value);
        if (!lf_profile_name_valid(value)) {
          g_set_error(error, LF_ERROR, LF_ERROR_PARSE, _("%s: invalid base profile name '%s'"),
                      origin, value);
          return NULL;
        }
        g_free(p->base);
        p->base = g_steal_pointer(&value);
      } else {
        g_set_error(error, LF_ERROR, LF_ERROR_PARSE,
                    _("%s: unknown key '%s' in [profile] (want description or base)"), origin,
                    k->key);
        return NULL;
      }
      continue;
    }
    if (!lf_profile_set(p, k->key, value, origin, error))
      return NULL;
  }
  return g_steal_pointer(&p);
}

void lf_profile_merge(LfProfile *base, const LfProfile *over)
{
  if (over->description) {
    g_free(base->description);
    base->description = g_strdup(over->description);
  }
  GHashTableIter it;
  gpointer key, value;
  g_hash_table_iter_init(&it, over->settings);
  while (g_hash_table_iter_next(&it, &key, &value)) {
    const Setting *o = value;
    Setting *s = setting_get(base, key);
    if (o->ac)
      set_value(&s->ac, &s->origin_ac, o->ac, o->origin_ac);
    if (o->bat)
      set_value(&s->bat, &s->origin_bat, o->bat, o->origin_bat);
  }
}

const char *lf_profile_get(const LfProfile *profile, const char *knob_id, LfPowerSource source,
                           const char **origin)
{
  const Setting *s = g_hash_table_lookup(profile->settings, knob_id);
  if (s == NULL)
    return NULL;
  const char *v = source == LF_POWER_AC ? s->ac : s->bat;
  if (v == NULL || *v == '\0')
    return NULL;
  if (origin)
    *origin = source == LF_POWER_AC ? s->origin_ac : s->origin_bat;
  return v;
}
