/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Profiles: key files in layers (TLP's defaults.conf -> drop-ins -> user file).
 *
 *   1. built-in   profiles/NAME.conf, validated by dbgen and compiled in (db/profile.h)
 *   2. admin      <root>/etc/lapfit/profiles.d/NAME.conf: its keys override
 *   3. command    --set KEY=VALUE
 *
 * The admin layer is read below --root on purpose: --root names the machine
 * being described and tuned (a chroot, an image, a fixture), and its /etc is
 * the one whose settings belong to it. The parser, shared
 * with the build-time check, is db/profile.c. */
#include "tune/tune.h"

#include <glib/gi18n.h>

#include "core/error.h"

#define MAX_BASE_DEPTH 4

#define PROFILES_D "etc/lapfit/profiles.d"

/* One name through layers 1 and 2 (and the base chain). */
static LfProfile *load_named(const LfSysroot *root, const char *name, guint depth, GError **error)
{
  if (!lf_profile_name_valid(name)) {
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
  const LfBuiltinProfile *b = lf_profile_builtin(name);
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
    if (result == NULL && lf_profile_base(admin)) {
      result = load_named(root, lf_profile_base(admin), depth + 1, error);
      if (result == NULL)
        return NULL;
      lf_profile_rename(result, name);
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
    if (lf_profile_base(file)) {
      p = load_named(root, lf_profile_base(file), 1, error);
      if (p == NULL)
        return NULL;
      lf_profile_rename(p, lf_profile_name(file));
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
    if (!lf_profile_set(p, g_strstrip(key), eq + 1, origin, &local)) {
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
    if (lf_profile_name_valid(n) && !g_ptr_array_find_with_equal_func(names, n, g_str_equal, NULL))
      g_ptr_array_add(names, g_steal_pointer(&n));
  }
  g_ptr_array_sort(names, cmp_str);
  return names;
}
