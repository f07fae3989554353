/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tune install/uninstall: make `lapfit tune auto` start at boot (systemd
 * service + multi-user.target.wants link) and restart it on a power_supply
 * change if it is not running (udev rule), all written below the root. Files
 * carry a marker; uninstall removes only files that have it, and install never
 * overwrites a file without it. */
#include "tune/tune.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "core/error.h"
#include "tune-units.h"  /* system/lapfit-tune.service.in and 90-lapfit-tune.rules */

#define MARKER "# lapfit-tune: written by 'lapfit tune install'; 'lapfit tune uninstall' removes it."
#define SERVICE "etc/systemd/system/lapfit-tune.service"
#define WANTS "etc/systemd/system/multi-user.target.wants/lapfit-tune.service"
#define RULE "etc/udev/rules.d/90-lapfit-tune.rules"

static gboolean ours(const LfSysroot *root, const char *rel)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  return lf_sysroot_read(root, rel, 64 * 1024, &data, &len, NULL) && strstr(data, MARKER) != NULL;
}

/* DIR/etc/systemd -> /etc/systemd must not put the unit on the host (#13). */
static gboolean inside(const LfSysroot *root, const char *rel, GError **error)
{
  if (lf_sysroot_contains(root, rel))
    return TRUE;
  g_autofree char *path = lf_sysroot_path(root, rel);
  g_set_error(error, LF_ERROR, LF_ERROR_PERMISSION,
              _("refusing to write '%s': it resolves outside the root"), path);
  return FALSE;
}

/* The same for a removal: DIR/etc/systemd -> /etc/systemd must not lose the
 * host's link or unit either. */
static gboolean inside_to_remove(const LfSysroot *root, const char *rel, GError **error)
{
  if (lf_sysroot_contains(root, rel))
    return TRUE;
  g_autofree char *path = lf_sysroot_path(root, rel);
  g_set_error(error, LF_ERROR, LF_ERROR_PERMISSION,
              _("refusing to remove '%s': it resolves outside the root"), path);
  return FALSE;
}

static gboolean write_file(const LfSysroot *root, const char *rel, const char *text,
                           GPtrArray *written, GError **error)
{
  g_autofree char *path = lf_sysroot_path(root, rel);
  g_autofree char *dir = g_path_get_dirname(path);
  if (!inside(root, rel, error))
    return FALSE;
  if (g_file_test(path, G_FILE_TEST_EXISTS) && !ours(root, rel)) {
    g_set_error(error, LF_ERROR, LF_ERROR_CONFLICT,
                _("'%s' exists and was not written by lapfit: not overwriting it"), path);
    return FALSE;
  }
  if (g_mkdir_with_parents(dir, 0755) < 0)
    return lf_error_errno(error, errno, _("cannot create '%s'"), dir);
  if (!inside(root, rel, error))
    return FALSE;
  g_autoptr(GError) local = NULL;
  if (!g_file_set_contents_full(path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local)) {
    g_set_error(error, LF_ERROR, LF_ERROR_PERMISSION, "%s", local->message);
    return FALSE;
  }
  g_ptr_array_add(written, g_steal_pointer(&path));
  return TRUE;
}

static gboolean valid_token(const char *s)
{
  for (const char *c = s; *c; c++)
    if (!g_ascii_isalnum(*c) && !strchr("/._-", *c))
      return FALSE;
  return *s != '\0';
}

gboolean lf_tune_install(const LfSysroot *root, const char *binary, const char *profile,
                         GPtrArray **written, GError **error)
{
  g_return_val_if_fail(binary != NULL && profile != NULL, FALSE);
  /* The service line is not shell-quoted: allow only plain names. */
  if (!valid_token(binary) || !valid_token(profile) || strchr(profile, '/') != NULL) {
    g_set_error(error, LF_ERROR, LF_ERROR_USAGE,
                _("install needs a profile name (not a file path): '%s'"), profile);
    return FALSE;
  }
  g_autoptr(LfProfile) check = lf_profile_load(root, profile, NULL, error);
  if (check == NULL)
    return FALSE;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func(g_free);
  /* The same text the package installs, with this profile and binary. */
  g_autoptr(GString) service = g_string_new(MARKER "\n");
  g_string_append(service, lf_tune_service_template);
  g_string_replace(service, "@LF_PROFILE@", profile, 0);
  g_string_replace(service, "@LF_BINARY@", binary, 0);
  g_autofree char *rule = g_strconcat(MARKER "\n", lf_tune_udev_rule, NULL);
  if (!write_file(root, SERVICE, service->str, out, error) || !write_file(root, RULE, rule, out, error))
    return FALSE;
  g_autofree char *link = lf_sysroot_path(root, WANTS);
  g_autofree char *dir = g_path_get_dirname(link);
  g_autofree char *old = g_file_read_link(link, NULL);
  if (old == NULL || !g_str_equal(old, "/" SERVICE)) {
    if (!inside(root, WANTS, error))
      return FALSE;
    if (g_mkdir_with_parents(dir, 0755) < 0)
      return lf_error_errno(error, errno, _("cannot create '%s'"), dir);
    if (!inside(root, WANTS, error))
      return FALSE;
    if (old)
      g_unlink(link);
    if (symlink("/" SERVICE, link) < 0)
      return lf_error_errno(error, errno, _("cannot create '%s'"), link);
  }
  g_ptr_array_add(out, g_steal_pointer(&link));
  if (written)
    *written = g_steal_pointer(&out);
  return TRUE;
}

gboolean lf_tune_uninstall(const LfSysroot *root, GPtrArray **removed, GError **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func(g_free);
  /* The link's directory decides, not the link: its target is the host path
   * /etc/systemd/system/lapfit-tune.service by design. */
  g_autofree char *wants_dir = g_path_get_dirname(WANTS);
  if (!inside_to_remove(root, wants_dir, error) || !inside_to_remove(root, SERVICE, error) ||
      !inside_to_remove(root, RULE, error))
    return FALSE;
  g_autofree char *link = lf_sysroot_path(root, WANTS);
  g_autofree char *target = g_file_read_link(link, NULL);
  if (target && g_str_equal(target, "/" SERVICE)) {
    if (g_unlink(link) < 0)
      return lf_error_errno(error, errno, _("cannot remove '%s'"), link);
    g_ptr_array_add(out, g_steal_pointer(&link));
  }
  const char *files[] = { SERVICE, RULE };
  for (guint i = 0; i < G_N_ELEMENTS(files); i++) {
    g_autofree char *path = lf_sysroot_path(root, files[i]);
    if (!g_file_test(path, G_FILE_TEST_EXISTS))
      continue;
    if (!ours(root, files[i])) {
      g_set_error(error, LF_ERROR, LF_ERROR_CONFLICT,
                  _("'%s' was not written by lapfit: not removing it"), path);
      return FALSE;
    }
    if (g_unlink(path) < 0)
      return lf_error_errno(error, errno, _("cannot remove '%s'"), path);
    g_ptr_array_add(out, g_steal_pointer(&path));
  }
  if (removed)
    *removed = g_steal_pointer(&out);
  return TRUE;
}
