/* SPDX-License-Identifier: GPL-2.0-or-later */
#define _GNU_SOURCE  /* O_PATH */
#include "core/sysroot.h"

#include <errno.h>
#include <fcntl.h>
#include <dirent.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <limits.h>
#include <linux/openat2.h>
#include <math.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "core/error.h"
#include "core/text.h"

struct LfSysroot {
  char *dir;      /* as given, without trailing slash except for "/" */
  char *real;     /* realpath of dir, for containment checks */
  gboolean live;
  int fd;         /* O_PATH descriptor of dir: every contained open starts here */
};

static gboolean use_openat2 = TRUE;

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

  int fd = open(real, O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    return lf_error_errno(error, errno, _("cannot open root directory '%s'"), dir), NULL;

  LfSysroot *root = g_new0(LfSysroot, 1);
  root->fd = fd;
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
  close(root->fd);
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

void lf_sysroot_set_openat2(gboolean enabled)
{
  use_openat2 = enabled;
}

/* Splits path into its components, pushed in front of todo in order. */
static void push_components(GQueue *todo, const char *path)
{
  g_auto(GStrv) parts = g_strsplit(path, "/", -1);
  for (guint i = g_strv_length(parts); i-- > 0;)
    if (*parts[i] != '\0')
      g_queue_push_head(todo, g_strdup(parts[i]));
}

/* openat2(RESOLVE_IN_ROOT) by hand for kernels before 5.6 (or seccomp filters
 * that hide it): each component is opened O_PATH|O_NOFOLLOW below the last one;
 * a symlink's target is spliced into the remaining path, an absolute one restarts
 * at the root, and ".." never climbs above it. Returns -1 with errno set. */
static int walk_in_root(int rootfd, const char *rel, int flags)
{
  g_autoptr(GArray) dirs = g_array_new(FALSE, FALSE, sizeof(int));  /* owned, rootfd below */
  GQueue todo = G_QUEUE_INIT;
  push_components(&todo, rel);
  int links = 0, result = -1, err = 0;
  for (;;) {
    int cur = dirs->len ? g_array_index(dirs, int, dirs->len - 1) : rootfd;
    g_autofree char *comp = g_queue_pop_head(&todo);
    if (comp == NULL) {
      result = openat(cur, ".", flags);
      err = errno;
      break;
    }
    if (g_str_equal(comp, "."))
      continue;
    if (g_str_equal(comp, "..")) {
      if (dirs->len > 0) {
        close(cur);
        g_array_set_size(dirs, dirs->len - 1);
      }
      continue;
    }
    int fd = openat(cur, comp, O_PATH | O_NOFOLLOW | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) < 0) {
      err = errno;
      if (fd >= 0)
        close(fd);
      break;
    }
    if (S_ISLNK(st.st_mode)) {
      char target[PATH_MAX];
      ssize_t n = ++links > 40 ? (errno = ELOOP, -1) : readlinkat(fd, "", target, sizeof target - 1);
      err = errno;
      close(fd);
      if (n < 0)
        break;
      target[n] = '\0';
      if (target[0] == '/')
        for (; dirs->len > 0; g_array_set_size(dirs, dirs->len - 1))
          close(g_array_index(dirs, int, dirs->len - 1));
      push_components(&todo, target);
      continue;
    }
    if (g_queue_is_empty(&todo)) {
      /* O_NOFOLLOW: a symlink swapped in since the check fails instead of leading out. */
      close(fd);
      result = openat(cur, comp, flags | O_NOFOLLOW);
      err = errno;
      break;
    }
    if (!S_ISDIR(st.st_mode)) {
      close(fd);
      err = ENOTDIR;
      break;
    }
    g_array_append_val(dirs, fd);
  }
  for (guint i = 0; i < dirs->len; i++)
    close(g_array_index(dirs, int, i));
  g_queue_clear_full(&todo, g_free);
  errno = err;
  return result;
}

/* Opens rel below the root as if the root were "/". Returns -1 with errno set. */
static int open_in_root(const LfSysroot *root, const char *rel, int flags)
{
  while (*rel == '/')
    rel++;
  /* openat2 refuses O_PATH with anything but O_DIRECTORY/O_NOFOLLOW/O_CLOEXEC. */
  flags |= O_CLOEXEC | ((flags & O_PATH) ? 0 : O_NOCTTY);
  if (root->live) {
    g_autofree char *abs = g_strconcat("/", rel, NULL);
    return open(abs, flags);
  }
  if (use_openat2) {
    struct open_how how = { .flags = (guint64)flags,
                            .resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS };
    for (int tries = 0; tries < 3; tries++) {
      int fd = (int)syscall(SYS_openat2, root->fd, *rel ? rel : ".", &how, sizeof how);
      if (fd >= 0 || (errno != EAGAIN && errno != ENOSYS && errno != EPERM))
        return fd;
      if (errno != EAGAIN)
        break;
    }
  }
  return walk_in_root(root->fd, rel, flags);
}

int lf_sysroot_open(const LfSysroot *root, const char *rel, int flags, GError **error)
{
  g_return_val_if_fail((flags & O_CREAT) == 0, -1);
  int fd = open_in_root(root, rel, flags);
  if (fd < 0) {
    g_autofree char *path = lf_sysroot_path(root, rel);
    lf_error_errno(error, errno, _("cannot open '%s'"), path);
  }
  return fd;
}

/* The bounded read behind every reader: fd was opened O_NONBLOCK. */
static gboolean read_fd(int fd, const char *path, gsize max, char **contents, gsize *len,
                        GError **error)
{
  struct stat st;
  if (fstat(fd, &st) < 0)
    return lf_error_errno(error, errno, _("cannot read '%s'"), path);
  if (S_ISDIR(st.st_mode))
    return lf_error_errno(error, EISDIR, _("cannot read '%s'"), path);
  if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode)) {
    g_set_error(error, LF_ERROR, LF_ERROR_PERMISSION,
                _("cannot read '%s': a device or socket, not a file"), path);
    return FALSE;
  }
  /* st_size is exact for ordinary files; sysfs says 4096, procfs 0: those are
   * caught by the loop below. */
  if (S_ISREG(st.st_mode) && (guint64)st.st_size > max) {
    g_set_error(error, LF_ERROR, LF_ERROR_PARSE, _("cannot read '%s': larger than %zu bytes"),
                path, max);
    return FALSE;
  }
  /* O_NONBLOCK kept open() from waiting for a FIFO's writer; a pipe is then read as a
   * stream. Files ignore the flag, so they skip the two calls. */
  if (S_ISFIFO(st.st_mode)) {
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) < 0)
      return lf_error_errno(error, errno, _("cannot read '%s'"), path);
  }

  g_autoptr(GByteArray) buf = g_byte_array_sized_new(S_ISREG(st.st_mode) && st.st_size > 0
                                                         ? (guint)st.st_size + 1 : 4096);
  guint8 chunk[16384];
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
  /* A FIFO nobody opened for writing reads as EOF at once. */
  if (S_ISFIFO(st.st_mode) && buf->len == 0) {
    g_set_error(error, LF_ERROR, LF_ERROR_PARSE,
                _("cannot read '%s': a FIFO with no writer"), path);
    return FALSE;
  }
  if (len)
    *len = buf->len;
  g_byte_array_append(buf, (const guint8 *)"", 1);
  *contents = (char *)g_byte_array_free(g_steal_pointer(&buf), FALSE);
  return TRUE;
}

gboolean lf_sysroot_read(const LfSysroot *root, const char *rel, gsize max, char **contents,
                         gsize *len, GError **error)
{
  g_return_val_if_fail(contents != NULL, FALSE);
  if (max == 0)
    max = LF_SYSROOT_MAX_READ;
  g_autofree char *path = lf_sysroot_path(root, rel);
  g_auto(LfFd) fd = open_in_root(root, rel, O_RDONLY | O_NONBLOCK);
  if (fd < 0)
    return lf_error_errno(error, errno, _("cannot read '%s'"), path);
  return read_fd(fd, path, max, contents, len, error);
}

gboolean lf_file_read(const char *path, gsize max, LfReadFlags flags, char **contents, gsize *len,
                      GError **error)
{
  g_return_val_if_fail(path != NULL && contents != NULL && max > 0, FALSE);
  int oflags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY;
  if (flags & LF_READ_NOFOLLOW)
    oflags |= O_NOFOLLOW;
  g_auto(LfFd) fd = open(path, oflags);
  if (fd < 0 && errno == ELOOP && (flags & LF_READ_NOFOLLOW)) {
    g_set_error(error, LF_ERROR, LF_ERROR_PERMISSION,
                _("cannot read '%s': a symbolic link, not a file"), path);
    return FALSE;
  }
  if (fd < 0)
    return lf_error_errno(error, errno, _("cannot read '%s'"), path);
  return read_fd(fd, path, max, contents, len, error);
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
  /* The one sanitiser: controls, C1 (U+009B CSI), bidi overrides and invalid
   * UTF-8 become '?', so no caller ever prints them. */
  char *clean = g_strstrip(lf_text_sanitize(text));
  if (*clean == '\0')
    return g_free(clean), NULL;
  return clean;
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
  g_auto(LfFd) fd = open_in_root(root, rel, O_PATH);
  return fd >= 0;
}

gboolean lf_sysroot_is_dir(const LfSysroot *root, const char *rel)
{
  g_auto(LfFd) fd = open_in_root(root, rel, O_PATH | O_DIRECTORY);
  return fd >= 0;
}

static gint compare_names(gconstpointer a, gconstpointer b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

GPtrArray *lf_sysroot_list(const LfSysroot *root, const char *rel)
{
  int fd = open_in_root(root, rel, O_RDONLY | O_DIRECTORY);
  DIR *dir = fd >= 0 ? fdopendir(fd) : NULL;
  if (dir == NULL) {
    if (fd >= 0)
      close(fd);
    return NULL;
  }
  GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
  struct dirent *d;
  while ((d = readdir(dir)) != NULL)
    if (!g_str_equal(d->d_name, ".") && !g_str_equal(d->d_name, ".."))
      g_ptr_array_add(names, g_strdup(d->d_name));
  closedir(dir);
  g_ptr_array_sort(names, compare_names);
  return names;
}

char *lf_sysroot_link_name(const LfSysroot *root, const char *rel)
{
  g_autofree char *parent = g_path_get_dirname(rel);
  g_autofree char *base = g_path_get_basename(rel);
  g_auto(LfFd) dfd = open_in_root(root, parent, O_PATH | O_DIRECTORY);
  char target[PATH_MAX];
  ssize_t n = dfd >= 0 ? readlinkat(dfd, base, target, sizeof target - 1) : -1;
  if (n <= 0)
    return NULL;
  target[n] = '\0';
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

gboolean lf_sysroot_contains(const LfSysroot *root, const char *rel)
{
  if (root->live)
    return TRUE;
  g_autofree char *path = lf_sysroot_path(root, rel);
  for (;;) {
    g_autofree char *real = realpath(path, NULL);
    if (real)
      return path_is_below(real, root->real);
    char *slash = strrchr(path, '/');
    if (errno != ENOENT || slash == NULL || slash == path)
      return FALSE;
    *slash = '\0';
  }
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
  struct stat st;
  if (inside == NULL) {
    if (lstat(path, &st) < 0)
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
