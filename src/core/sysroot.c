/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "core/sysroot.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/error.h"

struct LfSysroot {
  char *dir;      /* as given, without trailing slash except for "/" */
  char *real;     /* realpath of dir, for containment checks */
  gboolean live;
};

typedef int LfFd;
G_DEFINE_AUTO_CLEANUP_FREE_FUNC(LfFd, close, -1)

LfSysroot *lf_sysroot_new(const char *dir, GError **error)
{
  if (dir == NULL || *dir == '\0')
    dir = "/";
  struct stat st;
  if (stat(dir, &st) < 0)
    return lf_error_errno(error, errno, _("cannot open root directory '%s'"), dir), NULL;
  if (!S_ISDIR(st.st_mode)) {
    g_set_error(error, LF_ERROR, LF_ERROR_USAGE, _("root '%s' is not a directory"), dir);
    return NULL;
  }
  g_autofree char *real = realpath(dir, NULL);
  if (real == NULL)
    return lf_error_errno(error, errno, _("cannot open root directory '%s'"), dir), NULL;

  LfSysroot *root = g_new0(LfSysroot, 1);
  root->dir = g_strdup(dir);
  gsize n = strlen(root->dir);
  while (n > 1 && root->dir[n - 1] == '/')
    root->dir[--n] = '\0';
  root->live = g_str_equal(real, "/");
  root->real = g_steal_pointer(&real);
  return root;
}

void lf_sysroot_free(LfSysroot *root)
{
  if (root == NULL)
    return;
  g_free(root->dir);
  g_free(root->real);
  g_free(root);
}

const char *lf_sysroot_dir(const LfSysroot *root)
{
  return root->dir;
}

gboolean lf_sysroot_is_live(const LfSysroot *root)
{
  return root->live;
}

char *lf_sysroot_path(const LfSysroot *root, const char *rel)
{
  while (*rel == '/')
    rel++;
  if (root->live)
    return g_strconcat("/", rel, NULL);
  return g_strconcat(root->dir, "/", rel, NULL);
}

gboolean lf_sysroot_read(const LfSysroot *root, const char *rel, gsize max, char **contents,
                         gsize *len, GError **error)
{
  g_return_val_if_fail(contents != NULL, FALSE);
  if (max == 0)
    max = LF_SYSROOT_MAX_READ;
  g_autofree char *path = lf_sysroot_path(root, rel);
  g_auto(LfFd) fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0)
    return lf_error_errno(error, errno, _("cannot read '%s'"), path);

  /* sysfs reports st_size 4096 for every attribute: read until EOF instead. */
  g_autoptr(GByteArray) buf = g_byte_array_new();
  guint8 chunk[4096];
  for (;;) {
    ssize_t n = read(fd, chunk, sizeof chunk);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      return lf_error_errno(error, errno, _("cannot read '%s'"), path);
    }
    if (n == 0)
      break;
    if (buf->len + (gsize)n > max) {
      g_set_error(error, LF_ERROR, LF_ERROR_PARSE,
                  _("cannot read '%s': larger than %zu bytes"), path, max);
      return FALSE;
    }
    g_byte_array_append(buf, chunk, (guint)n);
  }
  if (len)
    *len = buf->len;
  g_byte_array_append(buf, (const guint8 *)"", 1);
  *contents = (char *)g_byte_array_free(g_steal_pointer(&buf), FALSE);
  return TRUE;
}

char *lf_sysroot_read_string(const LfSysroot *root, const char *rel)
{
  g_autofree char *text = NULL;
  gsize len = 0;
  if (!lf_sysroot_read(root, rel, 64 * 1024, &text, &len, NULL))
    return NULL;
  /* Stop at the first newline or NUL; keep at most 255 bytes. */
  gsize end = 0;
  while (end < len && end < 255 && text[end] != '\n' && text[end] != '\0')
    end++;
  text[end] = '\0';
  /* Replace control bytes and invalid UTF-8 so no caller ever prints garbage. */
  for (gsize i = 0; i < end; i++)
    if ((guchar)text[i] < 0x20 || text[i] == 0x7f)
      text[i] = '?';
  if (!g_utf8_validate(text, -1, NULL)) {
    for (gsize i = 0; i < end; i++)
      if ((guchar)text[i] >= 0x80)
        text[i] = '?';
  }
  g_strstrip(text);
  if (*text == '\0')
    return NULL;
  return g_steal_pointer(&text);
}

gboolean lf_parse_int(const char *text, gint64 *out)
{
  if (text == NULL)
    return FALSE;
  g_autofree char *copy = g_strstrip(g_strdup(text));
  gint64 v;
  if (!g_ascii_string_to_signed(copy, 10, G_MININT64 + 1, G_MAXINT64, &v, NULL))
    return FALSE;
  *out = v;
  return TRUE;
}

gboolean lf_parse_double(const char *text, double *out)
{
  if (text == NULL)
    return FALSE;
  g_autofree char *copy = g_strstrip(g_strdup(text));
  if (*copy == '\0')
    return FALSE;
  char *end = NULL;
  errno = 0;
  double v = g_ascii_strtod(copy, &end);
  if (errno != 0 || end == copy || *end != '\0' || !isfinite(v))
    return FALSE;
  *out = v;
  return TRUE;
}

gboolean lf_sysroot_read_int(const LfSysroot *root, const char *rel, gint64 *out)
{
  g_autofree char *s = lf_sysroot_read_string(root, rel);
  return lf_parse_int(s, out);
}

gboolean lf_sysroot_read_double(const LfSysroot *root, const char *rel, double *out)
{
  g_autofree char *s = lf_sysroot_read_string(root, rel);
  return lf_parse_double(s, out);
}

gboolean lf_sysroot_exists(const LfSysroot *root, const char *rel)
{
  g_autofree char *path = lf_sysroot_path(root, rel);
  return access(path, F_OK) == 0;
}

gboolean lf_sysroot_is_dir(const LfSysroot *root, const char *rel)
{
  g_autofree char *path = lf_sysroot_path(root, rel);
  struct stat st;
  return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static gint compare_names(gconstpointer a, gconstpointer b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

GPtrArray *lf_sysroot_list(const LfSysroot *root, const char *rel)
{
  g_autofree char *path = lf_sysroot_path(root, rel);
  g_autoptr(GDir) dir = g_dir_open(path, 0, NULL);
  if (dir == NULL)
    return NULL;
  GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
  const char *name;
  while ((name = g_dir_read_name(dir)) != NULL)
    g_ptr_array_add(names, g_strdup(name));
  g_ptr_array_sort(names, compare_names);
  return names;
}

char *lf_sysroot_link_name(const LfSysroot *root, const char *rel)
{
  g_autofree char *path = lf_sysroot_path(root, rel);
  g_autofree char *target = g_file_read_link(path, NULL);
  if (target == NULL)
    return NULL;
  return g_path_get_basename(target);
}

/* Is `path` (absolute, resolved) equal to or below `dir` (absolute, resolved)? */
static gboolean path_is_below(const char *path, const char *dir)
{
  if (g_str_equal(dir, "/"))
    return TRUE;
  gsize n = strlen(dir);
  return strncmp(path, dir, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

char *lf_sysroot_resolve(const LfSysroot *root, const char *rel)
{
  g_autofree char *path = lf_sysroot_path(root, rel);
  g_autofree char *real = realpath(path, NULL);
  if (real == NULL || !path_is_below(real, root->real))
    return NULL;
  const char *inside = real + (root->live ? 0 : strlen(root->real));
  while (*inside == '/')
    inside++;
  return g_strdup(inside);
}

gboolean lf_sysroot_write(const LfSysroot *root, const char *rel, const char *value,
                          GError **error)
{
  g_autofree char *path = lf_sysroot_path(root, rel);
  g_autofree char *inside = lf_sysroot_resolve(root, rel);
  if (inside == NULL) {
    if (!lf_sysroot_exists(root, rel))
      return lf_error_errno(error, ENOENT, _("cannot write '%s'"), path);
    g_set_error(error, LF_ERROR, LF_ERROR_PERMISSION,
                _("refusing to write '%s': it resolves outside the root"), path);
    return FALSE;
  }
  if (!g_str_has_prefix(inside, "sys/") && !g_str_has_prefix(inside, "proc/sys/")) {
    g_set_error(error, LF_ERROR, LF_ERROR_PERMISSION,
                _("refusing to write '%s': it resolves to '/%s', outside /sys and /proc/sys"),
                path, inside);
    return FALSE;
  }
  /* O_TRUNC as a shell redirection does: fixtures are regular files. Open the
   * resolved path without following a final symlink, so a link
   * swapped in after the check cannot redirect the write. */
  g_autofree char *resolved = lf_sysroot_path(root, inside);
  g_debug("write '%s' to %s", value, resolved);
  g_auto(LfFd) fd = open(resolved, O_WRONLY | O_TRUNC | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY);
  if (fd < 0)
    return lf_error_errno(error, errno, _("cannot write '%s'"), path);
  gsize len = strlen(value);
  const char *p = value;
  while (len > 0) {
    ssize_t n = write(fd, p, len);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      return lf_error_errno(error, errno, _("cannot write '%s'"), path);
    }
    p += n;
    len -= (gsize)n;
  }
  int rc = close(fd);
  fd = -1;
  if (rc < 0)
    return lf_error_errno(error, errno, _("cannot write '%s'"), path);
  return TRUE;
}
