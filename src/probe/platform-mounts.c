/* SPDX-License-Identifier: GPL-2.0-or-later */
/* /proc/mounts: mount points, the live medium, the device behind a mount.
 * Pure: see platform-parse.h. */
#include "probe/platform-parse.h"

#include <string.h>

#include "core/kv.h"

void lf_mount_free(LfMount *mount)
{
  if (mount == NULL)
    return;
  g_free(mount->source);
  g_free(mount->target);
  g_free(mount->fstype);
  g_free(mount->options);
  g_free(mount);
}

static gboolean is_octal(char c)
{
  return c >= '0' && c <= '7';
}

char *lf_mounts_unescape(const char *field)
{
  GString *out = g_string_sized_new(strlen(field));
  for (const char *p = field; *p; p++) {
    /* The kernel (seq_escape in fs/proc_namespace.c) writes space, tab,
     * newline and backslash as \ooo; anything else is kept byte for byte. */
    if (p[0] == '\\' && is_octal(p[1]) && is_octal(p[2]) && is_octal(p[3])) {
      int v = (p[1] - '0') * 64 + (p[2] - '0') * 8 + (p[3] - '0');
      if (v > 0 && v < 256) {
        g_string_append_c(out, (char)v);
        p += 3;
        continue;
      }
    }
    g_string_append_c(out, *p);
  }
  return g_string_free(out, FALSE);
}

GPtrArray *lf_mounts_parse(const char *data, gsize len)
{
  GPtrArray *mounts = g_ptr_array_new_with_free_func((GDestroyNotify)lf_mount_free);
  gsize pos = 0, n;
  const char *line;
  while (lf_text_next_line(data, len, &pos, &line, &n)) {
    if (n == 0 || memchr(line, '\0', n) != NULL)
      continue;
    g_autofree char *copy = g_strndup(line, n);
    g_auto(GStrv) fields = g_strsplit_set(copy, " \t", 0);
    /* Collapse empty fields from repeated separators. */
    const char *f[4] = { NULL, NULL, NULL, NULL };
    guint k = 0;
    for (guint i = 0; fields[i] && k < 4; i++)
      if (fields[i][0] != '\0')
        f[k++] = fields[i];
    if (k < 3)
      continue;
    LfMount *m = g_new0(LfMount, 1);
    m->source = lf_mounts_unescape(f[0]);
    m->target = lf_mounts_unescape(f[1]);
    m->fstype = lf_mounts_unescape(f[2]);
    m->options = lf_mounts_unescape(f[3] ? f[3] : "");
    g_ptr_array_add(mounts, m);
  }
  return mounts;
}

/* Where live systems mount their boot medium. */
static const char *const live_medium_dirs[] = {
  "/run/live/medium",        /* Debian live-boot >= 5 */
  "/lib/live/mount/medium",  /* Debian live-boot < 5 */
  "/cdrom",                  /* Ubuntu casper */
  "/run/initramfs/live",     /* Fedora dracut dmsquash-live */
  "/run/archiso/bootmnt",    /* Arch archiso */
  "/run/initramfs/isoscan",  /* dracut iso-scan */
  "/isodevice",              /* casper iso-scan/filename= */
  "/run/live/findiso",       /* live-boot findiso= */
  NULL,
};

const LfMount *lf_mounts_find_live_medium(const GPtrArray *mounts)
{
  for (const char *const *d = live_medium_dirs; *d; d++)
    for (guint i = 0; i < mounts->len; i++) {
      const LfMount *m = mounts->pdata[i];
      if (g_strcmp0(m->target, *d) == 0)
        return m;
    }
  return NULL;
}

gboolean lf_mount_is_live_medium(const LfMount *mount)
{
  for (const char *const *d = live_medium_dirs; *d; d++)
    if (g_strcmp0(mount->target, *d) == 0)
      return TRUE;
  return FALSE;
}

const LfMount *lf_mounts_find_containing(const GPtrArray *mounts, const char *path)
{
  const LfMount *best = NULL;
  gsize best_len = 0;
  for (guint i = 0; i < mounts->len; i++) {
    const LfMount *m = mounts->pdata[i];
    gsize n = strlen(m->target);
    gboolean below = g_str_equal(m->target, "/") ||
                     (strncmp(path, m->target, n) == 0 && (path[n] == '/' || path[n] == '\0'));
    if (below && n >= best_len) {
      best = m;
      best_len = n;
    }
  }
  return best;
}

const LfMount *lf_mounts_find_root(const GPtrArray *mounts)
{
  const LfMount *root = NULL;
  for (guint i = 0; i < mounts->len; i++) {
    const LfMount *m = mounts->pdata[i];
    if (g_strcmp0(m->target, "/") == 0)
      root = m;
  }
  return root;
}

char *lf_mount_source_devname(const char *source)
{
  if (source == NULL || !g_str_has_prefix(source, "/dev/"))
    return NULL;
  const char *name = source + strlen("/dev/");
  /* Only plain kernel names: no "..", no further slashes except the
   * by-label style links the caller resolves itself. */
  if (*name == '\0' || strstr(name, "..") != NULL || strchr(name, '/') != NULL)
    return NULL;
  return g_strdup(name);
}
