/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "core/output.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/error.h"

struct LfOutput {
  char *path;
  char *tmp;      /* temporary file to rename, or NULL (stdout, write-through) */
  FILE *stream;
  gboolean committed;
};

/* An existing node that is not a regular file: write through or refuse. */
static FILE *open_through(const char *path, GError **error)
{
  int fd = open(path, O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0 && errno == ENXIO) {
    g_set_error(error, LF_ERROR, LF_ERROR_FAILED, _("cannot write '%s': a FIFO with no reader"),
                path);
    return NULL;
  }
  if (fd < 0)
    return lf_error_errno(error, errno, _("cannot write '%s'"), path), NULL;
  struct stat st;
  int fl = fcntl(fd, F_GETFL);
  if (fstat(fd, &st) < 0 || fl < 0 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) < 0 ||
      (S_ISREG(st.st_mode) && ftruncate(fd, 0) < 0)) {
    int errsv = errno;
    close(fd);
    return lf_error_errno(error, errsv, _("cannot write '%s'"), path), NULL;
  }
  if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode) && !S_ISCHR(st.st_mode)) {
    close(fd);
    g_set_error(error, LF_ERROR, LF_ERROR_PERMISSION,
                _("refusing to write '%s': not a file, FIFO or character device"), path);
    return NULL;
  }
  FILE *f = fdopen(fd, "w");
  if (f == NULL)
    close(fd);
  return f;
}

LfOutput *lf_output_open(const char *path, GError **error)
{
  g_autoptr(LfOutput) out = g_new0(LfOutput, 1);
  if (path == NULL || g_str_equal(path, "-")) {
    out->stream = stdout;
    return g_steal_pointer(&out);
  }
  out->path = g_strdup(path);
  struct stat st;
  if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
    if (S_ISDIR(st.st_mode))
      return lf_error_errno(error, EISDIR, _("cannot write '%s'"), path), NULL;
    out->stream = open_through(path, error);
    return out->stream ? g_steal_pointer(&out) : NULL;
  }
  out->tmp = g_strconcat(path, ".XXXXXX", NULL);
  int fd = g_mkstemp_full(out->tmp, O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0) {
    g_clear_pointer(&out->tmp, g_free);
    return lf_error_errno(error, errno, _("cannot write '%s'"), path), NULL;
  }
  out->stream = fdopen(fd, "w");
  if (out->stream == NULL) {
    close(fd);
    return lf_error_errno(error, errno, _("cannot write '%s'"), path), NULL;
  }
  return g_steal_pointer(&out);
}

FILE *lf_output_stream(LfOutput *out)
{
  return out->stream;
}

gboolean lf_output_commit(LfOutput *out, GError **error)
{
  const char *name = out->path ? out->path : _("standard output");
  if (fflush(out->stream) != 0)
    return lf_error_errno(error, errno, _("cannot write '%s'"), name);
  if (out->stream != stdout) {
    int rc = fclose(out->stream);
    out->stream = NULL;
    if (rc != 0)
      return lf_error_errno(error, errno, _("cannot write '%s'"), name);
  }
  if (out->tmp && rename(out->tmp, out->path) != 0)
    return lf_error_errno(error, errno, _("cannot write '%s'"), name);
  out->committed = TRUE;
  return TRUE;
}

void lf_output_free(LfOutput *out)
{
  if (out == NULL)
    return;
  if (out->stream && out->stream != stdout)
    fclose(out->stream);
  if (out->tmp && !out->committed)
    g_unlink(out->tmp);
  g_free(out->tmp);
  g_free(out->path);
  g_free(out);
}

gboolean lf_output_write_all(const char *path, const char *text, GError **error)
{
  g_autoptr(LfOutput) out = lf_output_open(path, error);
  if (out == NULL)
    return FALSE;
  if (fputs(text, out->stream) < 0) {
    const char *name = path ? path : _("standard output");
    return lf_error_errno(error, errno, _("cannot write '%s'"), name);
  }
  return lf_output_commit(out, error);
}
