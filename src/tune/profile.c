/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Profiles: key files in layers (TLP's defaults.conf -> drop-ins -> user file).
 *
 *   1. built-in   profiles/NAME.conf, compiled in (builtin-profiles.c)
 *   2. admin      <root>/etc/lapfit/profiles.d/NAME.conf: its keys override
 *   3. command    --set KEY=VALUE
 *
 * The admin layer is read below --root on purpose: --root names the machine
 * being described and tuned (a chroot, an image, a fixture), and its /etc is
 * the one whose settings belong to it.
 *
 * GKeyFile parses; it reports no line numbers, so a small line scan first
 * checks the syntax and remembers where each key is, and every error names
 * "file:line". Each value remembers the layer ("file:line") that set it. */
#include "tune/tune.h"

#include <glib/gi18n.h>

#include "core/error.h"
#include "tune/builtin.h"

#define GROUP_PROFILE "profile"
#define GROUP_KNOBS "knobs"
#define MAX_BASE_DEPTH 4

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
static gboolean add_key(LfProfile *p, const char *key, const char *raw_value, const char *origin,
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

static gboolean valid_name(const char *name)
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
        if (!valid_name(value)) {
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
    if (!add_key(p, k->key, value, origin, error))
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

static const LfBuiltinProfile *builtin_find(const char *name)
{
  for (const LfBuiltinProfile *b = lf_builtin_profiles; b->name; b++)
    if (g_str_equal(b->name, name))
      return b;
  return NULL;
}

#define PROFILES_D "etc/lapfit/profiles.d"

/* One name through layers 1 and 2 (and the base chain). */
static LfProfile *load_named(const LfSysroot *root, const char *name, guint depth, GError **error)
{
  if (!valid_name(name)) {
    g_set_error(error, LF_ERROR, LF_ERROR_USAGE,
                _("invalid profile name '%s': use letters, digits, '-' and '_'"), name);
    return NULL;
  }
  if (depth > MAX_BASE_DEPTH) {
    g_set_error(error, LF_ERROR, LF_ERROR_PARSE,
                _("profile '%s': too many base= levels (a loop?)"), name);
    return NULL;
  }
  g_autoptr(LfProfile) result = NULL;
  const LfBuiltinProfile *b = builtin_find(name);
  if (b) {
    g_autofree char *file = g_strdup_printf("profiles/%s.conf (built-in)", name);
    result = lf_profile_parse(name, file, b->data, b->len, error);
    if (result == NULL)
      return NULL;
  }
  g_autofree char *rel = g_strdup_printf(PROFILES_D "/%s.conf", name);
  if (lf_sysroot_exists(root, rel)) {
    g_autofree char *path = lf_sysroot_path(root, rel);
    g_autofree char *data = NULL;
    gsize len = 0;
    if (!lf_sysroot_read(root, rel, 256 * 1024, &data, &len, error))
      return NULL;
    g_autoptr(LfProfile) admin = lf_profile_parse(name, path, data, len, error);
    if (admin == NULL)
      return NULL;
    if (result == NULL && admin->base) {
      result = load_named(root, admin->base, depth + 1, error);
      if (result == NULL)
        return NULL;
      g_free(result->name);
      result->name = g_strdup(name);
    }
    if (result == NULL)
      result = g_steal_pointer(&admin);
    else
      lf_profile_merge(result, admin);
  }
  if (result == NULL) {
    g_autoptr(GPtrArray) names = lf_profile_list(root);
    g_ptr_array_add(names, NULL);
    g_autofree char *list = g_strjoinv(", ", (char **)names->pdata);
    g_set_error(error, LF_ERROR, LF_ERROR_NOT_FOUND, _("no profile named '%s' (have: %s)"), name,
                list);
    return NULL;
  }
  return g_steal_pointer(&result);
}

LfProfile *lf_profile_load(const LfSysroot *root, const char *name, const char *const *sets,
                           GError **error)
{
  g_return_val_if_fail(name != NULL, NULL);
  g_autoptr(LfProfile) p = NULL;
  if (strchr(name, '/')) {
    /* A user's own file named on the command line: not part of the machine. */
    g_autofree char *data = NULL;
    gsize len = 0;
    g_autoptr(GError) local = NULL;
    if (!lf_file_read(name, 256 * 1024, LF_READ_DEFAULT, &data, &len, &local)) {
      g_set_error(error, LF_ERROR, LF_ERROR_NOT_FOUND, _("cannot read profile '%s': %s"), name,
                  local->message);
      return NULL;
    }
    g_autofree char *base = g_path_get_basename(name);
    if (g_str_has_suffix(base, ".conf"))
      base[strlen(base) - 5] = '\0';
    g_autoptr(LfProfile) file = lf_profile_parse(base, name, data, len, error);
    if (file == NULL)
      return NULL;
    if (file->base) {
      p = load_named(root, file->base, 1, error);
      if (p == NULL)
        return NULL;
      g_free(p->name);
      p->name = g_strdup(file->name);
      lf_profile_merge(p, file);
    } else {
      p = g_steal_pointer(&file);
    }
  } else {
    p = load_named(root, name, 0, error);
    if (p == NULL)
      return NULL;
  }
  for (guint i = 0; sets && sets[i]; i++) {
    const char *eq = strchr(sets[i], '=');
    if (eq == NULL || eq == sets[i]) {
      g_set_error(error, LF_ERROR, LF_ERROR_USAGE, _("--set '%s': want KEY=VALUE"), sets[i]);
      return NULL;
    }
    g_autofree char *key = g_strndup(sets[i], (gsize)(eq - sets[i]));
    g_autofree char *origin = g_strdup_printf("--set %s", sets[i]);
    g_autoptr(GError) local = NULL;
    if (!add_key(p, g_strstrip(key), eq + 1, origin, &local)) {
      g_set_error_literal(error, LF_ERROR, LF_ERROR_USAGE, local->message);
      return NULL;
    }
  }
  return g_steal_pointer(&p);
}

static gint cmp_str(gconstpointer a, gconstpointer b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

GPtrArray *lf_profile_list(const LfSysroot *root)
{
  GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
  for (const LfBuiltinProfile *b = lf_builtin_profiles; b->name; b++)
    g_ptr_array_add(names, g_strdup(b->name));
  g_autoptr(GPtrArray) files = lf_sysroot_list(root, PROFILES_D);
  for (guint i = 0; files && i < files->len; i++) {
    const char *f = files->pdata[i];
    if (!g_str_has_suffix(f, ".conf"))
      continue;
    g_autofree char *n = g_strndup(f, strlen(f) - 5);
    if (valid_name(n) && !g_ptr_array_find_with_equal_func(names, n, g_str_equal, NULL))
      g_ptr_array_add(names, g_steal_pointer(&n));
  }
  g_ptr_array_sort(names, cmp_str);
  return names;
}
