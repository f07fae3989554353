/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Applying a plan and undoing it: permission, other tuners, lock, whitelist,
 * journal (durable, before any write), write, roll back on the first failure. */
#include "tune/tune.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "core/error.h"

#define SYSFS_MAGIC_NUMBER 0x62656572   /* linux/magic.h SYSFS_MAGIC */
#define MAX_KNOB_FILE (64 * 1024)

static gboolean check_privileges(const LfSysroot *root, GError **error)
{
  if (lf_sysroot_is_live(root) && geteuid() != 0) {
    g_set_error(error, LF_ERROR, LF_ERROR_PERMISSION,
                _("changing this machine's power settings needs root: run it with sudo "
                  "(--root DIR works on a copy without root)"));
    return FALSE;
  }
  return TRUE;
}

/* The whitelist, checked before anything is journaled or written: the path
 * matches its knob's pattern and resolves below <root>/sys or <root>/proc/sys
 * (a symlink that leaves sysfs is refused). lf_sysroot_write checks the
 * resolution again at write time. */
static gboolean check_path(const LfSysroot *root, const LfKnob *knob, const char *path,
                           GError **error)
{
  if (knob == NULL || !knob->writable || !lf_knob_path_matches(knob, path)) {
    g_set_error(error, LF_ERROR, LF_ERROR_PERMISSION,
                _("refusing to write '%s': not a path of knob %s"), path,
                knob ? knob->id : "?");
    return FALSE;
  }
  g_autofree char *full = lf_sysroot_path(root, path);
  g_autofree char *inside = lf_sysroot_resolve(root, path);
  struct stat st;
  if (inside == NULL) {
    if (lstat(full, &st) < 0)
      return lf_error_errno(error, ENOENT, _("cannot write '%s'"), full);
    g_set_error(error, LF_ERROR, LF_ERROR_PERMISSION,
                _("refusing to write '%s': it resolves outside the root"), full);
    return FALSE;
  }
  if (!g_str_has_prefix(inside, "sys/") && !g_str_has_prefix(inside, "proc/sys/")) {
    g_set_error(error, LF_ERROR, LF_ERROR_PERMISSION,
                _("refusing to write '%s': it leads to '/%s', outside /sys and /proc/sys"), full,
                inside);
    return FALSE;
  }
  return TRUE;
}

/* The default state dir belongs to the root: a var/lib link out of it would
 * put the journal and lock on the host. --state-dir is the user's choice. */
static gboolean state_inside(const LfSysroot *root, const LfApplyOptions *opts, GError **error)
{
  if (opts->state_dir || lf_sysroot_contains(root, "var/lib/lapfit"))
    return TRUE;
  g_autofree char *dir = lf_tune_state_dir(root, opts);
  g_set_error(error, LF_ERROR, LF_ERROR_PERMISSION,
              _("refusing to write '%s': it resolves outside the root"), dir);
  return FALSE;
}

static gboolean on_sysfs(const LfSysroot *root, const char *path)
{
  g_autofree char *full = lf_sysroot_path(root, path);
  struct statfs st;
  return statfs(full, &st) == 0 && (unsigned long)st.f_type == SYSFS_MAGIC_NUMBER;
}

/* Writes saved bytes back. QUIRK: a bracketed sysfs file ("[default] powersave")
 * cannot take back what it printed: the kernel wants the selected word. A
 * fixture (a plain file) takes the bytes, which keeps undo byte-exact there. */
static gboolean restore(const LfSysroot *root, LfWriteFunc write, const LfKnob *knob,
                        const char *path, GBytes *old, GError **error)
{
  gsize n = 0;
  const char *data = g_bytes_get_data(old, &n);
  if (n > 0 && memchr(data, '\0', n) != NULL) {
    g_set_error(error, LF_ERROR, LF_ERROR_PARSE,
                _("cannot restore '%s': the saved value contains a NUL byte"), path);
    return FALSE;
  }
  g_autofree char *text = g_strndup(data ? data : "", n);
  if (knob && knob->type == LF_KNOB_DAEMON)
    return lf_power_daemon_set(root, path, text, error);
  if (knob && knob->type == LF_KNOB_NETLINK)
    return lf_wifi_write(root, path, text, error);
  if (knob && knob->type == LF_KNOB_BRACKETED && on_sysfs(root, path)) {
    const char *open_b = strchr(text, '['), *close_b = open_b ? strchr(open_b, ']') : NULL;
    if (open_b && close_b) {
      g_autofree char *word = g_strndup(open_b + 1, (gsize)(close_b - open_b - 1));
      return write(root, path, word, error);
    }
  }
  return write(root, path, text, error);
}

static LfJournalEntry *journal_find(LfJournal *j, const char *path)
{
  for (guint i = 0; i < j->entries->len; i++) {
    LfJournalEntry *e = j->entries->pdata[i];
    if (g_str_equal(e->path, path))
      return e;
  }
  return NULL;
}

static LfJournal *journal_copy(const LfJournal *j)
{
  LfJournal *c = lf_journal_new();
  c->profile = g_strdup(j->profile);
  c->source = g_strdup(j->source);
  c->updated = j->updated;
  for (guint i = 0; i < j->entries->len; i++) {
    const LfJournalEntry *e = j->entries->pdata[i];
    LfJournalEntry *n = g_new0(LfJournalEntry, 1);
    n->knob = g_strdup(e->knob);
    n->path = g_strdup(e->path);
    n->old = g_bytes_ref(e->old);
    g_ptr_array_add(c->entries, n);
  }
  return c;
}

/* One row's new value: a file, the daemon's profile or nl80211. */
static gboolean write_row(const LfSysroot *root, LfWriteFunc write, const LfPlanRow *row,
                          const char *line, GError **error)
{
  switch (row->knob->type) {
  case LF_KNOB_DAEMON:
    return lf_power_daemon_set(root, row->path, row->to, error);
  case LF_KNOB_NETLINK:
    return lf_wifi_write(root, row->path, row->to, error);
  case LF_KNOB_CHOICE:
  case LF_KNOB_BRACKETED:
  case LF_KNOB_INT:
  case LF_KNOB_CAP_PERCENT:
    return write(root, row->path, line, error);
  }
  g_assert_not_reached();
}

typedef struct {
  const LfPlanRow *row;
  GBytes *before;   /* this run's original bytes */
} Pending;

static void pending_clear(gpointer p)
{
  Pending *w = p;
  g_clear_pointer(&w->before, g_bytes_unref);
}

/* The changes of the plan with each file's bytes before, checked against the
 * knobs' paths. FALSE on the first bad row or unreadable file. */
static gboolean collect_pending(const LfSysroot *root, const LfPlan *plan, GArray *todo,
                                GError **error)
{
  for (guint i = 0; i < plan->rows->len; i++) {
    const LfPlanRow *row = plan->rows->pdata[i];
    if (row->action != LF_PLAN_CHANGE)
      continue;
    if (row->to == NULL || strchr(row->to, '\n')) {
      g_set_error(error, LF_ERROR, LF_ERROR_PARSE, _("invalid value for '%s'"), row->path);
      return FALSE;
    }
    g_autofree char *data = NULL;
    gsize len = 0;
    if (row->knob->type == LF_KNOB_DAEMON || row->knob->type == LF_KNOB_NETLINK) {
      /* Not a file: the value as the daemon or nl80211 reported it for the plan. */
      if (row->knob->type == LF_KNOB_NETLINK && !check_path(root, row->knob, row->path, error))
        return FALSE;
      if (row->from == NULL) {
        g_set_error(error, LF_ERROR, LF_ERROR_PARSE, _("invalid value for '%s'"), row->path);
        return FALSE;
      }
      data = g_strdup(row->from);
      len = strlen(data);
    } else if (!check_path(root, row->knob, row->path, error) ||
               !lf_sysroot_read(root, row->path, MAX_KNOB_FILE, &data, &len, error)) {
      return FALSE;
    }
    Pending p = { row, g_bytes_new_take(g_steal_pointer(&data), len) };
    g_array_append_val(todo, p);
  }
  return TRUE;
}

/* The journal with this run's originals added (previous ones kept: the value
 * from before lapfit's first write is the one undo restores). transfer full. */
static LfJournal *journal_with(const LfJournal *previous, const LfPlan *plan, GArray *todo)
{
  LfJournal *journal = previous ? journal_copy(previous) : lf_journal_new();
  g_free(journal->profile);
  journal->profile = g_strdup(plan->profile);
  g_free(journal->source);
  journal->source = g_strdup(lf_power_source_to_string(plan->source));
  journal->updated = g_get_real_time() / G_USEC_PER_SEC;
  for (guint i = 0; i < todo->len; i++) {
    Pending *p = &g_array_index(todo, Pending, i);
    if (journal_find(journal, p->row->path))
      continue;   /* keep the value from before lapfit's first write */
    LfJournalEntry *e = g_new0(LfJournalEntry, 1);
    e->knob = g_strdup(p->row->knob->id);
    e->path = g_strdup(p->row->path);
    e->old = g_bytes_ref(p->before);
    g_ptr_array_add(journal->entries, e);
  }
  return journal;
}

/* Write i of todo failed with failure: puts back rows 0..i and, when all of
 * them are back, the previous journal. Sets error. */
static void roll_back(const LfSysroot *root, LfWriteFunc write, GArray *todo, guint i,
                      const LfJournal *previous, const char *state_dir, const GError *failure,
                      GError **error)
{
  guint failed_back = 0;
  /* The failed file too: O_TRUNC may have emptied it before the write failed. */
  for (guint k = i + 1; k-- > 0;) {
    Pending *q = &g_array_index(todo, Pending, k);
    g_autoptr(GError) rerr = NULL;
    if (!restore(root, write, q->row->knob, q->row->path, q->before, &rerr) && k < i) {
      g_debug("rollback of %s failed: %s", q->row->path, rerr->message);
      failed_back++;
    }
  }
  if (failed_back == 0) {
    /* Nothing of this run remains: the journal goes back to what it was. */
    g_autoptr(GError) jerr = NULL;
    gboolean ok = previous ? lf_journal_save(state_dir, previous, &jerr)
                           : lf_journal_remove(state_dir, &jerr);
    if (!ok)
      g_debug("cannot restore the journal: %s", jerr->message);
    g_set_error(error, failure->domain, failure->code,
                ngettext("%s; rolled back the %u earlier change",
                         "%s; rolled back the %u earlier changes", i),
                failure->message, i);
  } else {
    g_set_error(error, failure->domain, failure->code,
                _("%s; %u of %u earlier changes could not be rolled back: run 'lapfit tune "
                  "undo'"),
                failure->message, failed_back, i);
  }
}

/* Everything after the lock: validate, read, journal, write, roll back. */
static gboolean apply_locked(const LfSysroot *root, const LfPlan *plan, const char *state_dir,
                             LfWriteFunc write, guint *n_written, GError **error)
{
  g_autoptr(GArray) todo = g_array_new(FALSE, TRUE, sizeof(Pending));
  g_array_set_clear_func(todo, pending_clear);
  if (!collect_pending(root, plan, todo, error))
    return FALSE;
  if (todo->len == 0) {
    if (n_written)
      *n_written = 0;
    return TRUE;
  }

  /* 1. Journal first: the originals must be on disk before the first write. */
  g_autoptr(LfJournal) previous = NULL;
  if (!lf_journal_load(state_dir, &previous, error))
    return FALSE;
  g_autoptr(LfJournal) journal = journal_with(previous, plan, todo);
  if (!lf_journal_save(state_dir, journal, error))
    return FALSE;

  /* 2. Write; on the first failure put back what this run changed. */
  for (guint i = 0; i < todo->len; i++) {
    Pending *p = &g_array_index(todo, Pending, i);
    g_autofree char *value = g_strconcat(p->row->to, "\n", NULL);   /* as echo writes */
    g_autoptr(GError) failure = NULL;
    if (!write_row(root, write, p->row, value, &failure)) {
      roll_back(root, write, todo, i, previous, state_dir, failure, error);
      return FALSE;
    }
  }
  if (n_written)
    *n_written = todo->len;
  return TRUE;
}

/* Two tuners must not write the same file: the first change another active
 * tuner would overwrite is refused, naming both. */
static gboolean check_conflicts(const LfPlan *plan, GError **error)
{
  for (guint i = 0; i < plan->rows->len; i++) {
    const LfPlanRow *r = plan->rows->pdata[i];
    if (r->action != LF_PLAN_CHANGE || r->tuner_id == NULL)
      continue;
    if (r->tuner_running)
      /* TRANSLATORS: tuner name, knob id, knob id again; --set and --force are options */
      g_set_error(error, LF_ERROR, LF_ERROR_CONFLICT,
                  _("%s is running and also sets %s; stop it, leave the knob out "
                    "(--set %s=) or use --force"), r->tuner_name, r->knob->id, r->knob->id);
    else
      /* TRANSLATORS: tuner name, knob id, knob id again; --set and --force are options */
      g_set_error(error, LF_ERROR, LF_ERROR_CONFLICT,
                  _("%s is enabled and sets %s too, at boot and on every AC/battery change; "
                    "disable it, leave the knob out (--set %s=) or use --force"),
                  r->tuner_name, r->knob->id, r->knob->id);
    return FALSE;
  }
  return TRUE;
}

gboolean lf_plan_apply(const LfSysroot *root, const LfPlan *plan, const LfApplyOptions *opts,
                       guint *n_written, GError **error)
{
  g_return_val_if_fail(root != NULL && plan != NULL, FALSE);
  LfApplyOptions defaults = { NULL, FALSE, LF_TUNE_LOCK_TIMEOUT_MS, NULL };
  if (opts == NULL)
    opts = &defaults;
  if (!check_privileges(root, error))
    return FALSE;
  if (!opts->force && !check_conflicts(plan, error))
    return FALSE;
  if (!state_inside(root, opts, error))
    return FALSE;
  g_autofree char *state_dir = lf_tune_state_dir(root, opts);
  int lock = lf_tune_lock(state_dir, opts->lock_timeout_ms, error);
  if (lock < 0)
    return FALSE;
  gboolean ok = apply_locked(root, plan, state_dir, opts->write ? opts->write : lf_sysroot_write,
                             n_written, error);
  lf_tune_unlock(lock);
  return ok;
}

gboolean lf_journal_undo(const LfSysroot *root, const LfApplyOptions *opts, guint *n_restored,
                         GError **error)
{
  g_return_val_if_fail(root != NULL, FALSE);
  LfApplyOptions defaults = { NULL, FALSE, LF_TUNE_LOCK_TIMEOUT_MS, NULL };
  if (opts == NULL)
    opts = &defaults;
  if (!check_privileges(root, error) || !state_inside(root, opts, error))
    return FALSE;
  g_autofree char *state_dir = lf_tune_state_dir(root, opts);
  int lock = lf_tune_lock(state_dir, opts->lock_timeout_ms, error);
  if (lock < 0)
    return FALSE;
  g_autoptr(LfJournal) journal = NULL;
  gboolean ok = lf_journal_load(state_dir, &journal, error);
  if (ok && journal == NULL) {
    g_set_error(error, LF_ERROR, LF_ERROR_NOT_FOUND,
                _("nothing to undo: no journal in '%s'"), state_dir);
    ok = FALSE;
  }
  if (!ok) {
    lf_tune_unlock(lock);
    return FALSE;
  }
  /* Newest first; entries that fail stay in the journal for another try. */
  g_autoptr(GPtrArray) kept = g_ptr_array_new();
  g_autoptr(GError) first = NULL;
  guint restored = 0;
  for (guint i = journal->entries->len; i-- > 0;) {
    LfJournalEntry *e = journal->entries->pdata[i];
    const LfKnob *knob = lf_knob_find(e->knob);
    g_autoptr(GError) err = NULL;
    gboolean daemon = knob && knob->type == LF_KNOB_DAEMON;
    if ((daemon || check_path(root, knob, e->path, &err)) &&
        restore(root, opts->write ? opts->write : lf_sysroot_write, knob, e->path, e->old, &err)) {
      restored++;
      continue;
    }
    if (g_error_matches(err, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
        g_error_matches(err, G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN) ||
        g_error_matches(err, G_DBUS_ERROR, G_DBUS_ERROR_NAME_HAS_NO_OWNER)) {
      g_debug("undo: %s is gone (device removed, daemon stopped?), dropped", e->path);
      continue;
    }
    g_ptr_array_add(kept, e);
    if (first == NULL)
      first = g_steal_pointer(&err);
  }
  if (first == NULL) {
    ok = lf_journal_remove(state_dir, error);
  } else {
    /* Keep only the failed entries, in their original order. */
    g_autoptr(LfJournal) rest = lf_journal_new();
    rest->profile = g_strdup(journal->profile);
    rest->source = g_strdup(journal->source);
    rest->updated = journal->updated;
    for (guint i = kept->len; i-- > 0;) {
      LfJournalEntry *e = kept->pdata[i];
      LfJournalEntry *c = g_new0(LfJournalEntry, 1);
      c->knob = g_strdup(e->knob);
      c->path = g_strdup(e->path);
      c->old = g_bytes_ref(e->old);
      g_ptr_array_add(rest->entries, c);
    }
    if (!lf_journal_save(state_dir, rest, NULL))
      g_debug("cannot rewrite the journal");
    g_set_error(error, first->domain, first->code,
                ngettext("%s (%u file not restored; the journal keeps it)",
                         "%s (%u files not restored; the journal keeps them)", kept->len),
                first->message, kept->len);
    ok = FALSE;
  }
  lf_tune_unlock(lock);
  if (ok && n_restored)
    *n_restored = restored;
  return ok;
}
