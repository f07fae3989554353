/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The undo journal: <state-dir>/journal.json holds the exact bytes every
 * knob file had before lapfit first wrote it, so `undo` restores them even
 * after a reboot. Written atomically and durably (temp file, fsync, rename,
 * fsync of the directory) BEFORE any knob is written. Later applies merge:
 * the first original of each path is kept, so undo goes back to the state
 * before lapfit, not to the previous profile.
 *
 * {"schema":"lapfit-tune-journal/1","profile":"balanced","source":"battery",
 *  "updated":1764200000,"entries":[{"knob":"cpu_governor","path":"sys/...",
 *  "old":"<base64 of the bytes>"}]} */
#include "tune/tune.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/error.h"
#include "core/json-load.h"
#include "core/report-json.h"

#define JOURNAL_SCHEMA "lapfit-tune-journal/1"
#define JOURNAL_FILE "journal.json"
#define JOURNAL_MAX (4 * 1024 * 1024)

typedef int LfFd;
G_DEFINE_AUTO_CLEANUP_FREE_FUNC(LfFd, close, -1)

char *lf_tune_state_dir(const LfSysroot *root, const LfApplyOptions *opts)
{
  if (opts && opts->state_dir)
    return g_strdup(opts->state_dir);
  /* The state belongs to the machine being tuned: below --root. */
  return lf_sysroot_path(root, "var/lib/lapfit");
}

static void entry_free(gpointer p)
{
  LfJournalEntry *e = p;
  g_free(e->knob);
  g_free(e->path);
  g_clear_pointer(&e->old, g_bytes_unref);
  g_free(e);
}

void lf_journal_free(LfJournal *journal)
{
  if (journal == NULL)
    return;
  g_free(journal->profile);
  g_free(journal->source);
  g_clear_pointer(&journal->entries, g_ptr_array_unref);
  g_free(journal);
}

LfJournal *lf_journal_new(void)
{
  LfJournal *j = g_new0(LfJournal, 1);
  j->entries = g_ptr_array_new_with_free_func(entry_free);
  return j;
}

static gboolean damaged(GError **error, const char *path, const char *why)
{
  g_set_error(error, LF_ERROR, LF_ERROR_PARSE, _("damaged undo journal '%s': %s"), path, why);
  return FALSE;
}

gboolean lf_journal_load(const char *state_dir, LfJournal **journal, GError **error)
{
  return lf_journal_load_file(state_dir, JOURNAL_FILE, journal, error);
}

gboolean lf_journal_load_file(const char *state_dir, const char *name, LfJournal **journal,
                              GError **error)
{
  g_autofree char *path = g_build_filename(state_dir, name, NULL);
  g_autofree char *data = NULL;
  gsize len = 0;
  g_autoptr(GError) local = NULL;
  /* Never through a symlink: undo runs as root, and the error must not quote
   * another file's contents. */
  if (!lf_file_read(path, JOURNAL_MAX, LF_READ_NOFOLLOW, &data, &len, &local)) {
    if (g_error_matches(local, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)) {
      *journal = NULL;
      return TRUE;
    }
    g_propagate_error(error, g_steal_pointer(&local));
    return FALSE;
  }
  return lf_journal_parse(path, data, len, journal, error);
}

gboolean lf_journal_parse(const char *path, const char *data, gsize len, LfJournal **journal,
                          GError **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(JsonNode) rootn = lf_json_parse(data, (gssize)len, &local);
  if (rootn == NULL)
    return damaged(error, path, local->message);
  if (!JSON_NODE_HOLDS_OBJECT(rootn))
    return damaged(error, path, _("not a JSON object"));
  JsonObject *o = json_node_get_object(rootn);
  if (g_strcmp0(json_object_get_string_member_with_default(o, "schema", ""), JOURNAL_SCHEMA))
    return damaged(error, path, _("unknown schema"));
  g_autoptr(LfJournal) j = lf_journal_new();
  j->profile = g_strdup(json_object_get_string_member_with_default(o, "profile", NULL));
  j->source = g_strdup(json_object_get_string_member_with_default(o, "source", NULL));
  j->updated = json_object_get_int_member_with_default(o, "updated", 0);
  JsonArray *a = json_object_has_member(o, "entries") &&
                         JSON_NODE_HOLDS_ARRAY(json_object_get_member(o, "entries"))
                     ? json_object_get_array_member(o, "entries")
                     : NULL;
  if (a == NULL)
    return damaged(error, path, _("no entries"));
  for (guint i = 0; i < json_array_get_length(a); i++) {
    JsonNode *n = json_array_get_element(a, i);
    if (!JSON_NODE_HOLDS_OBJECT(n))
      return damaged(error, path, _("an entry is not an object"));
    JsonObject *e = json_node_get_object(n);
    const char *knob = json_object_get_string_member_with_default(e, "knob", NULL);
    const char *p = json_object_get_string_member_with_default(e, "path", NULL);
    const char *old = json_object_get_string_member_with_default(e, "old", NULL);
    if (knob == NULL || p == NULL || old == NULL)
      return damaged(error, path, _("an entry lacks knob, path or old"));
    LfJournalEntry *entry = g_new0(LfJournalEntry, 1);
    entry->knob = g_strdup(knob);
    entry->path = g_strdup(p);
    gsize n_old = 0;
    guchar *bytes = g_base64_decode(old, &n_old);
    entry->old = g_bytes_new_take(bytes, n_old);
    g_ptr_array_add(j->entries, entry);
  }
  *journal = g_steal_pointer(&j);
  return TRUE;
}

static gboolean write_all(int fd, const char *data, gsize len)
{
  while (len > 0) {
    ssize_t n = write(fd, data, len);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return FALSE;
    data += n;
    len -= (gsize)n;
  }
  return TRUE;
}

gboolean lf_journal_save(const char *state_dir, const LfJournal *journal, GError **error)
{
  return lf_journal_save_file(state_dir, JOURNAL_FILE, journal, error);
}

gboolean lf_journal_save_file(const char *state_dir, const char *name, const LfJournal *journal,
                              GError **error)
{
  if (g_mkdir_with_parents(state_dir, 0755) < 0)
    return lf_error_errno(error, errno, _("cannot create state directory '%s'"), state_dir);
  g_autoptr(JsonBuilder) b = json_builder_new();
  json_builder_begin_object(b);
  json_builder_set_member_name(b, "schema");
  json_builder_add_string_value(b, JOURNAL_SCHEMA);
  json_builder_set_member_name(b, "profile");
  json_builder_add_string_value(b, journal->profile);
  json_builder_set_member_name(b, "source");
  json_builder_add_string_value(b, journal->source);
  json_builder_set_member_name(b, "updated");
  json_builder_add_int_value(b, journal->updated);
  json_builder_set_member_name(b, "entries");
  json_builder_begin_array(b);
  for (guint i = 0; i < journal->entries->len; i++) {
    const LfJournalEntry *e = journal->entries->pdata[i];
    gsize n = 0;
    const guchar *d = g_bytes_get_data(e->old, &n);
    g_autofree char *b64 = g_base64_encode(d, n);
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "knob");
    json_builder_add_string_value(b, e->knob);
    json_builder_set_member_name(b, "path");
    json_builder_add_string_value(b, e->path);
    json_builder_set_member_name(b, "old");
    json_builder_add_string_value(b, b64);
    json_builder_end_object(b);
  }
  json_builder_end_array(b);
  json_builder_end_object(b);
  g_autoptr(JsonNode) node = json_builder_get_root(b);
  g_autofree char *text = lf_json_to_text(node, LF_JSON_PRETTY);

  g_autofree char *path = g_build_filename(state_dir, name, NULL);
  g_autofree char *tmp = g_strconcat(path, ".tmp", NULL);
  {
    /* A fresh file, never an existing node: a FIFO left as journal.json.tmp
     * would block the open for good (#13). A stale one is a killed run's. */
    if (g_unlink(tmp) < 0 && errno != ENOENT)
      return lf_error_errno(error, errno, _("cannot write undo journal '%s'"), tmp);
    g_auto(LfFd) fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
      return lf_error_errno(error, errno, _("cannot write undo journal '%s'"), tmp);
    if (!write_all(fd, text, strlen(text)) || !write_all(fd, "\n", 1) || fsync(fd) < 0) {
      int e = errno;
      g_unlink(tmp);
      return lf_error_errno(error, e, _("cannot write undo journal '%s'"), tmp);
    }
  }
  if (rename(tmp, path) < 0) {
    int e = errno;
    g_unlink(tmp);
    return lf_error_errno(error, e, _("cannot write undo journal '%s'"), path);
  }
  /* The rename is durable only once the directory is synced. */
  g_auto(LfFd) dfd = open(state_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0 || fsync(dfd) < 0)
    return lf_error_errno(error, errno, _("cannot sync state directory '%s'"), state_dir);
  return TRUE;
}

gboolean lf_journal_remove(const char *state_dir, GError **error)
{
  return lf_journal_remove_file(state_dir, JOURNAL_FILE, error);
}

gboolean lf_journal_remove_file(const char *state_dir, const char *name, GError **error)
{
  g_autofree char *path = g_build_filename(state_dir, name, NULL);
  if (g_unlink(path) < 0 && errno != ENOENT)
    return lf_error_errno(error, errno, _("cannot remove undo journal '%s'"), path);
  g_auto(LfFd) dfd = open(state_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0)
    fsync(dfd);
  return TRUE;
}

int lf_tune_lock(const char *state_dir, guint timeout_ms, GError **error)
{
  if (g_mkdir_with_parents(state_dir, 0755) < 0)
    return lf_error_errno(error, errno, _("cannot create state directory '%s'"), state_dir), -1;
  g_autofree char *path = g_build_filename(state_dir, "lock", NULL);
  /* O_NONBLOCK: a FIFO or device planted as the lock must not block or be
   * used; flock() ignores the flag on a regular file. */
  int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0600);
  if (fd < 0)
    return lf_error_errno(error, errno, _("cannot open lock file '%s'"), path), -1;
  struct stat st;
  if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    g_set_error(error, LF_ERROR, LF_ERROR_PERMISSION, _("%s: not a regular file"), path);
    return -1;
  }
  gint64 deadline = g_get_monotonic_time() + (gint64)timeout_ms * 1000;
  for (;;) {
    if (flock(fd, LOCK_EX | LOCK_NB) == 0)
      return fd;
    if (errno != EWOULDBLOCK && errno != EINTR) {
      int e = errno;
      close(fd);
      return lf_error_errno(error, e, _("cannot lock '%s'"), path), -1;
    }
    if (g_get_monotonic_time() >= deadline)
      break;
    g_usleep(20 * 1000);
  }
  close(fd);
  g_set_error(error, LF_ERROR, LF_ERROR_CONFLICT,
              _("another lapfit tune run holds '%s' (waited %u ms); try again when it is done"),
              path, timeout_ms);
  return -1;
}

void lf_tune_unlock(int fd)
{
  if (fd >= 0) {
    flock(fd, LOCK_UN);
    close(fd);
  }
}
