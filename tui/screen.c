/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The event loop: first frame at once, the probe in a worker thread, the tabs,
 * the global key table (after htop's Action_setBindings), search, yes/no
 * questions, live battery polling and a clean exit on q, signals and errors. */
#include "screen.h"

#include <glib/gi18n.h>
#include <signal.h>
#include <wchar.h>

#include "crt.h"
#include "probe/probe.h"
#include "tui.h"
#include "verdicts.h"

/* --- worker threads ----------------------------------------------------- */

typedef enum { LF_MSG_PROBED, LF_MSG_BATTERIES } LfTuiMessageKind;

typedef struct {
  LfTuiMessageKind kind;
  LfReport *report;           /* PROBED */
  GPtrArray *batteries;       /* BATTERIES: LfBattery (the array owns them) */
  GError *error;
} LfTuiMessage;

static void message_free(LfTuiMessage *msg)
{
  if (msg->report)
    lf_report_free(msg->report);
  g_clear_pointer(&msg->batteries, g_ptr_array_unref);
  g_clear_error(&msg->error);
  g_free(msg);
}

typedef struct {
  LfReportSource source;      /* copies: the thread must not share the UI's strings */
  GAsyncQueue *inbox;
} LfProbeJob;

static gpointer probe_thread(gpointer data)
{
  LfProbeJob *job = data;
  LfTuiMessage *msg = g_new0(LfTuiMessage, 1);
  msg->kind = LF_MSG_PROBED;
  /* Tests make the probe slow on purpose to see the progress screen. */
  const char *delay = g_getenv("LAPFIT_TUI_TEST_PROBE_DELAY_MS");
  if (delay)
    g_usleep(1000 * (gulong)g_ascii_strtoull(delay, NULL, 10));
  msg->report = lf_report_source_load(&job->source, &msg->error);
  g_async_queue_push(job->inbox, msg);
  g_async_queue_unref(job->inbox);
  lf_report_source_clear(&job->source);
  g_free(job);
  return NULL;
}

static void start_probe(LfTui *tui)
{
  LfProbeJob *job = g_new0(LfProbeJob, 1);
  job->source.report = g_strdup(tui->source.report);
  job->source.root = g_strdup(tui->source.root);
  job->source.cpuid_dump = g_strdup(tui->source.cpuid_dump);
  job->source.dmidecode = g_strdup(tui->source.dmidecode);
  job->source.no_upower = tui->source.no_upower;
  job->source.anonymize = tui->source.anonymize;
  job->source.offline = tui->source.offline;
  job->inbox = g_async_queue_ref(tui->inbox);
  tui->probing = TRUE;
  tui->probe_started_us = g_get_monotonic_time();
  g_thread_unref(g_thread_new("lapfit-probe", probe_thread, job));
}

typedef struct {
  char *root;
  GAsyncQueue *inbox;
} LfBatteryJob;

/* The battery part of the probe again, from sysfs (fast, no D-Bus). */
static gpointer battery_thread(gpointer data)
{
  LfBatteryJob *job = data;
  LfTuiMessage *msg = g_new0(LfTuiMessage, 1);
  msg->kind = LF_MSG_BATTERIES;
  LfProbeOptions opts = { .root = job->root, .no_upower = TRUE };
  msg->batteries = lf_probe_batteries_refresh(&opts, &msg->error);
  g_async_queue_push(job->inbox, msg);
  g_async_queue_unref(job->inbox);
  g_free(job->root);
  g_free(job);
  return NULL;
}

#define LF_BATTERY_PERIOD_US (2 * G_USEC_PER_SEC)

static gboolean live_source(const LfTui *tui)
{
  /* A saved report or an --offline machine does not change under us. */
  return tui->source.report == NULL && !tui->source.offline;
}

static void maybe_poll_batteries(LfTui *tui, gint64 now)
{
  if (!live_source(tui) || tui->report == NULL || tui->battery_busy || now < tui->battery_next_us)
    return;
  LfBatteryJob *job = g_new0(LfBatteryJob, 1);
  job->root = g_strdup(tui->source.root);
  job->inbox = g_async_queue_ref(tui->inbox);
  tui->battery_busy = TRUE;
  g_thread_unref(g_thread_new("lapfit-battery", battery_thread, job));
}

static void handle_message(LfTui *tui, LfTuiMessage *msg)
{
  switch (msg->kind) {
  case LF_MSG_PROBED:
    tui->probing = FALSE;
    if (msg->report) {
      tui->report = g_steal_pointer(&msg->report);
      g_debug("probe finished after %.1f ms",
              (g_get_monotonic_time() - tui->probe_started_us) / 1000.0);
      tui->battery_next_us = g_get_monotonic_time() + LF_BATTERY_PERIOD_US;
      tui->battery_updated_us = g_get_monotonic_time();
    } else {
      tui->probe_error = g_steal_pointer(&msg->error);
    }
    lf_tui_invalidate(tui);
    break;
  case LF_MSG_BATTERIES:
    tui->battery_busy = FALSE;
    tui->battery_next_us = g_get_monotonic_time() + LF_BATTERY_PERIOD_US;
    if (tui->report && msg->error == NULL) {
      g_clear_pointer(&tui->report->batteries, g_ptr_array_unref);
      tui->report->batteries = g_steal_pointer(&msg->batteries);
      tui->battery_updated_us = g_get_monotonic_time();
      tui->battery_polls++;
      tui->views[LF_VIEW_BATTERY].dirty = TRUE;
      tui->views[LF_VIEW_OVERVIEW].dirty = TRUE;
    } else if (msg->error) {
      g_debug("battery refresh failed: %s", msg->error->message);
    }
    break;
  }
  message_free(msg);
}

/* --- status, questions, views ------------------------------------------- */

void lf_tui_set_status(LfTui *tui, gboolean error, const char *format, ...)
{
  g_free(tui->status);
  va_list args;
  va_start(args, format);
  tui->status = g_strdup_vprintf(format, args);
  va_end(args);
  tui->status_error = error;
}

void lf_tui_confirm(LfTui *tui, const char *question, LfConfirmFunc func, gpointer data)
{
  g_free(tui->confirm_text);
  tui->confirm_text = g_strdup(question);
  tui->confirm_func = func;
  tui->confirm_data = data;
}

void lf_tui_invalidate(LfTui *tui)
{
  for (int i = 0; i < LF_VIEW_COUNT; i++)
    tui->views[i].dirty = TRUE;
}

void lf_tui_show_view(LfTui *tui, int index)
{
  tui->current = (index + LF_VIEW_COUNT) % LF_VIEW_COUNT;
  tui->views[tui->current].dirty = TRUE;
  g_clear_pointer(&tui->status, g_free);
}

/* --- drawing ------------------------------------------------------------ */

/* What a mouse click on the tab line or the key bar means: the key it stands
 * for. Filled while drawing, so it always matches the frame on screen. */
typedef struct {
  int y, x0, x1, key;
} LfHit;
static LfHit hits[48];
static guint n_hits;

static void add_hit(int y, int x0, int x1, int key)
{
  if (n_hits < G_N_ELEMENTS(hits))
    hits[n_hits++] = (LfHit){ y, x0, x1, key };
}

/* The key code a key bar label stands for: "F1", "Tab", "Enter", "Esc", "q". */
static int hint_key(const char *key)
{
  if (g_str_equal(key, "F1"))
    return KEY_F(1);
  if (g_str_equal(key, "Tab"))
    return '\t';
  if (g_str_equal(key, "Enter"))
    return '\n';
  if (g_str_equal(key, "Esc"))
    return 27;
  return key[0] && !key[1] ? key[0] : 0;
}

static const char *spinner(LfTui *tui)
{
  static const char *const fancy[] = { "⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏" };
  static const char *const plain[] = { "|", "/", "-", "\\" };
  if (lf_crt_utf8() && g_strcmp0(g_getenv("TERM"), "linux") != 0)
    return fancy[tui->frame % G_N_ELEMENTS(fancy)];
  return plain[tui->frame % G_N_ELEMENTS(plain)];
}

gboolean lf_tui_draw_waiting(LfTui *tui, LfView *view, int y, int h)
{
  if (tui->report)
    return FALSE;
  for (int i = 0; i < h; i++)
    lf_crt_fill(y + i, 0, COLS, LF_ROLE_NORMAL);
  if (tui->probing) {
    double secs = (g_get_monotonic_time() - tui->probe_started_us) / (double)G_USEC_PER_SEC;
    g_autofree char *line = g_strdup_printf(
        /* TRANSLATORS: progress while the hardware is read; %.1f is seconds */
        _("%s Probing this machine: CPU, memory, batteries, storage, devices… %.1f s"),
        spinner(tui), secs);
    lf_crt_put(y + 1, 2, COLS - 4, line, LF_ROLE_STATUS, TRUE);
    lf_crt_put(y + 3, 2, COLS - 4, _("The screen stays usable meanwhile: F1 shows help, q quits."),
               LF_ROLE_DIM, TRUE);
  } else {
    const char *why = tui->probe_error ? tui->probe_error->message : _("no report");
    g_autofree char *line = g_strdup_printf(_("Could not read the machine: %s"), why);
    g_autoptr(GPtrArray) lines = lf_crt_wrap(line, COLS - 4);
    for (guint i = 0; i < lines->len && (int)i + 1 < h; i++)
      lf_crt_put(y + 1 + (int)i, 2, COLS - 4, lines->pdata[i], LF_ROLE_FAIL, TRUE);
  }
  return TRUE;
}

int lf_tui_draw_hints(int y, int x, int w, const LfKeyHint *hints)
{
  int used = 0;
  for (const LfKeyHint *h = hints; h && h->key; h++) {
    const char *label = _(h->label);
    int need = lf_crt_width(h->key) + lf_crt_width(label) + 2;
    if (used + need > w)
      continue;         /* a later, shorter one may still fit */
    add_hit(y, x + used, x + used + need - 1, hint_key(h->key));
    used += lf_crt_put(y, x + used, w - used, h->key, LF_ROLE_KEY, FALSE);
    used += lf_crt_put(y, x + used, w - used, " ", LF_ROLE_KEYTEXT, FALSE);
    used += lf_crt_put(y, x + used, w - used, label, LF_ROLE_KEYTEXT, FALSE);
    used += lf_crt_put(y, x + used, w - used, " ", LF_ROLE_KEYTEXT, FALSE);
  }
  return used;
}

static void draw_title(LfTui *tui)
{
  lf_crt_fill(0, 0, COLS, LF_ROLE_TITLE);
  g_autofree char *machine = NULL;
  if (tui->report && (tui->report->machine.vendor || tui->report->machine.product))
    machine = g_strjoin(" ", tui->report->machine.vendor ? tui->report->machine.vendor : "",
                        tui->report->machine.product ? tui->report->machine.product : "", NULL);
  g_autofree char *left = g_strdup_printf(" lapfit %s%s%s", LF_VERSION, machine ? " - " : "",
                                          machine ? g_strstrip(machine) : "");
  g_autofree char *right = NULL;
  if (tui->source.report) {
    g_autofree char *base = g_path_get_basename(tui->source.report);
    /* TRANSLATORS: title bar: the TUI shows a saved report file */
    right = g_strdup_printf(_("saved report %s "), base);
  } else if (tui->probing) {
    right = g_strdup_printf("%s %s ", spinner(tui), _("probing"));
  } else if (tui->source.root) {
    /* TRANSLATORS: title bar: the TUI shows a fixture or chroot directory */
    right = g_strdup_printf(_("root %s "), tui->source.root);
  } else {
    /* TRANSLATORS: title bar: the values were read from this machine just now
     * (not a saved report); nothing to do with a live USB session */
    right = g_strdup(_("live probe "));
  }
  int rw = MIN(lf_crt_width(right), COLS / 2);
  lf_crt_put(0, 0, COLS - rw - 1, left, LF_ROLE_TITLE, TRUE);
  lf_crt_put(0, COLS - rw, rw, right, LF_ROLE_TITLE, TRUE);
}

static void draw_tabs(LfTui *tui)
{
  lf_crt_fill(1, 0, COLS, LF_ROLE_TAB);
  char *tabs[LF_VIEW_COUNT];
  int total = 0, sep = lf_crt_width(lf_crt_glyph(LF_GLYPH_SEP));
  for (int i = 0; i < LF_VIEW_COUNT; i++) {
    tabs[i] = g_strdup_printf(" %d %s ", i + 1, _(tui->views[i].klass->name));
    total += lf_crt_width(tabs[i]) + sep;
  }
  /* Too narrow for every name: the other tabs show their digit only. */
  gboolean compact = total - sep > COLS;
  int x = 0;
  for (int i = 0; i < LF_VIEW_COUNT && x < COLS; i++) {
    g_autofree char *digit = g_strdup_printf(" %d ", i + 1);
    const char *text = compact && i != tui->current ? digit : tabs[i];
    int used = lf_crt_put(1, x, COLS - x, text, i == tui->current ? LF_ROLE_TAB_ACTIVE : LF_ROLE_TAB,
                          FALSE);
    add_hit(1, x, x + used - 1, '1' + i);
    x += used;
    if (i + 1 < LF_VIEW_COUNT)
      x += lf_crt_put(1, x, COLS - x, lf_crt_glyph(LF_GLYPH_SEP), LF_ROLE_DIM, FALSE);
  }
  for (int i = 0; i < LF_VIEW_COUNT; i++)
    g_free(tabs[i]);
}

/* The global keys that work now: Enter only when the selection has an
 * action, Esc only over details. */
static const LfKeyHint *global_hints(LfTui *tui, LfView *view)
{
  static LfKeyHint hints[8];
  int n = 0;
  hints[n++] = (LfKeyHint){ "F1", N_("Help") };
  hints[n++] = (LfKeyHint){ "Tab", N_("Screen") };
  if (view->detail_open)
    hints[n++] = (LfKeyHint){ "Esc", N_("Back") };
  else if (view->klass->enter_hint && tui->report && lf_panel_selected(&view->list))
    hints[n++] = (LfKeyHint){ "Enter", view->klass->enter_hint };
  hints[n++] = (LfKeyHint){ "q", N_("Quit") };
  hints[n++] = (LfKeyHint){ "/", N_("Search") };
  hints[n] = (LfKeyHint){ NULL, NULL };
  return hints;
}

static void draw_bottom(LfTui *tui)
{
  int y = LINES - 1, sy = LINES - 2;
  LfView *view = &tui->views[tui->current];
  lf_crt_fill(sy, 0, COLS, LF_ROLE_NORMAL);
  if (tui->searching) {
    g_autofree char *prompt = g_strdup_printf(_("Search: %s"), tui->search->str);
    int used = lf_crt_put(sy, 1, COLS - 2, prompt, LF_ROLE_STATUS, FALSE);
    if (used + 1 < COLS)
      used += lf_crt_put(sy, 1 + used, 1, "_", LF_ROLE_STATUS, FALSE);
    if (tui->status && used + 4 < COLS)
      lf_crt_put(sy, used + 4, COLS - used - 5, tui->status,
                 tui->status_error ? LF_ROLE_FAIL : LF_ROLE_STATUS, TRUE);
  } else if (tui->status) {
    /* A message too long for one line (narrow terminals, long languages)
     * takes the global key line too, until the next key clears it. */
    LfRole role = tui->status_error ? LF_ROLE_FAIL : LF_ROLE_STATUS;
    g_autoptr(GPtrArray) lines = lf_crt_wrap(tui->status, COLS - 2);
    if (lines->len <= 1 || LINES < 6) {
      lf_crt_put(sy, 1, COLS - 2, tui->status, role, TRUE);
    } else {
      lf_crt_put(sy, 1, COLS - 2, lines->pdata[0], role, TRUE);
      g_ptr_array_add(lines, NULL);
      g_autofree char *rest = g_strjoinv(" ", (char **)lines->pdata + 1);
      lf_crt_fill(y, 0, COLS, LF_ROLE_NORMAL);
      lf_crt_put(y, 1, COLS - 2, rest, role, TRUE);
      return;
    }
  } else if (view->klass->hints && tui->report && !view->detail_open) {
    /* The screen's own keys get the line above the global ones: both fit
     * at 80 columns in every language. Only keys that work in this mode. */
    lf_tui_draw_hints(sy, 0, COLS, view->klass->hints(tui, view));
  } else if (lf_crt_log_warnings() > 0) {
    guint n = lf_crt_log_warnings();
    g_autofree char *msg = g_strdup_printf(
        ngettext("%u warning was logged; it is printed when lapfit exits.",
                 "%u warnings were logged; they are printed when lapfit exits.", n), n);
    lf_crt_put(sy, 1, COLS - 2, msg, LF_ROLE_DIM, TRUE);
  }
  lf_crt_fill(y, 0, COLS, LF_ROLE_KEYTEXT);
  lf_tui_draw_hints(y, 0, COLS, global_hints(tui, view));
}

static void draw_confirm(LfTui *tui)
{
  int w = MIN(COLS - 4, 64);
  g_autoptr(GPtrArray) lines = lf_crt_wrap(tui->confirm_text, w - 4);
  const char *keys = _("y = yes, any other key = no");
  int h = (int)lines->len + 4;
  int y0 = MAX(2, (LINES - h) / 2), x0 = (COLS - w) / 2;
  for (int i = 0; i < h && y0 + i < LINES - 1; i++)
    lf_crt_fill(y0 + i, x0, w, LF_ROLE_TITLE);
  for (guint i = 0; i < lines->len; i++)
    lf_crt_put(y0 + 1 + (int)i, x0 + 2, w - 4, lines->pdata[i], LF_ROLE_TITLE, TRUE);
  lf_crt_put(y0 + h - 2, x0 + 2, w - 4, keys, LF_ROLE_TITLE, TRUE);
}

static void draw(LfTui *tui)
{
  if (LINES < 5 || COLS < 20) {
    erase();
    lf_crt_put(0, 0, COLS, _("Terminal too small"), LF_ROLE_FAIL, TRUE);
    refresh();
    return;
  }
  LfView *view = &tui->views[tui->current];
  int y = 2, h = LINES - 4;
  n_hits = 0;
  view->list.h = view->detail.h = 0;    /* panels not drawn this frame take no clicks */
  if (view->dirty) {
    lf_panel_reset(&view->list);
    lf_panel_reset(&view->detail);
    if (tui->report || view->klass == &lf_view_help_class)
      view->klass->build(tui, view, COLS);
    view->dirty = FALSE;
  }
  draw_title(tui);
  draw_tabs(tui);
  if (view->klass == &lf_view_help_class || !lf_tui_draw_waiting(tui, view, y, h)) {
    if (view->detail_open)
      lf_panel_draw(&view->detail, y, 0, h, COLS);
    else if (view->klass->draw)
      view->klass->draw(tui, view, y, h);
    else
      lf_panel_draw(&view->list, y, 0, h, COLS);
  }
  draw_bottom(tui);
  if (tui->confirm_text)
    draw_confirm(tui);
  refresh();
}

/* --- keys --------------------------------------------------------------- */

typedef LfHandlerResult (*LfAction)(LfTui *tui);

static LfHandlerResult act_quit(LfTui *tui)
{
  tui->quit = TRUE;
  return LF_HANDLED;
}

static LfHandlerResult act_next(LfTui *tui)
{
  lf_tui_show_view(tui, tui->current + 1);
  return LF_HANDLED;
}

static LfHandlerResult act_prev(LfTui *tui)
{
  lf_tui_show_view(tui, tui->current - 1);
  return LF_HANDLED;
}

static LfHandlerResult act_help(LfTui *tui)
{
  lf_tui_show_view(tui, LF_VIEW_HELP);
  return LF_HANDLED;
}

static LfHandlerResult act_search(LfTui *tui)
{
  tui->searching = TRUE;
  g_string_truncate(tui->search, 0);
  LfPanel *list = &tui->views[tui->current].list;
  tui->search_origin = list->selected >= 0 ? list->selected : list->mark;
  return LF_HANDLED;
}

static LfHandlerResult act_search_next(LfTui *tui)
{
  LfPanel *list = &tui->views[tui->current].list;
  if (tui->last_search == NULL)
    return LF_HANDLED;
  int from = list->selected >= 0 ? list->selected : list->mark;
  int r = lf_panel_find(list, tui->last_search, from + 1);
  if (r < 0)
    lf_tui_set_status(tui, TRUE, _("No match for '%s'"), tui->last_search);
  else
    lf_panel_show(list, r);
  return LF_HANDLED;
}

static LfHandlerResult act_redraw(LfTui *tui)
{
  clearok(curscr, TRUE);
  lf_tui_invalidate(tui);
  return LF_HANDLED;
}

static LfHandlerResult act_back(LfTui *tui)
{
  LfView *view = &tui->views[tui->current];
  if (view->detail_open) {
    view->detail_open = FALSE;
    return LF_HANDLED;
  }
  g_clear_pointer(&tui->status, g_free);
  return LF_IGNORED;
}

/* One table for dispatch and for the Help screen. Digits 1-5 pick a screen. */
static const struct {
  int key;
  LfAction action;
  gboolean in_help;
  LfKeyHint hint;
} bindings[] = {
  { '\t', act_next, TRUE, { "Tab", N_("next screen") } },
  { KEY_RIGHT, act_next, FALSE, { NULL, NULL } },
  { KEY_BTAB, act_prev, TRUE, { "Shift-Tab", N_("previous screen") } },
  { KEY_LEFT, act_prev, FALSE, { NULL, NULL } },
  { KEY_F(1), act_help, TRUE, { "F1 ?", N_("this help") } },
  { '?', act_help, FALSE, { NULL, NULL } },
  { '/', act_search, TRUE, { "/", N_("search the rows of this screen") } },
  { 'n', act_search_next, TRUE, { "n", N_("next match") } },
  { 27, act_back, TRUE, { "Esc", N_("close details or the message") } },
  { 12, act_redraw, TRUE, { "Ctrl-L", N_("redraw the screen") } },
  { KEY_RESIZE, act_redraw, FALSE, { NULL, NULL } },
  { 'q', act_quit, TRUE, { "q F10", N_("quit") } },
  { 'Q', act_quit, FALSE, { NULL, NULL } },
  { KEY_F(10), act_quit, FALSE, { NULL, NULL } },
};

const LfKeyHint *lf_tui_global_keys(void)
{
  static LfKeyHint keys[G_N_ELEMENTS(bindings) + 4];
  static gsize once;
  if (g_once_init_enter(&once)) {
    gsize n = 0;
    keys[n++] = (LfKeyHint){ "1-5", N_("go to a screen") };
    keys[n++] = (LfKeyHint){ "Left Right", N_("previous or next screen") };
    for (gsize i = 0; i < G_N_ELEMENTS(bindings); i++)
      if (bindings[i].in_help)
        keys[n++] = bindings[i].hint;
    keys[n++] = (LfKeyHint){ "Up Down j k", N_("move; PgUp PgDn Home End jump") };
    keys[n] = (LfKeyHint){ NULL, NULL };
    g_once_init_leave(&once, 1);
  }
  return keys;
}

static void search_key(LfTui *tui, int key, gboolean is_char)
{
  LfPanel *list = &tui->views[tui->current].list;
  if (!is_char && (key == KEY_BACKSPACE || key == KEY_DC)) {
    key = 127;
    is_char = TRUE;
  }
  if (is_char && (key == '\n' || key == '\r')) {
    tui->searching = FALSE;
    g_free(tui->last_search);
    tui->last_search = tui->search->len ? g_strdup(tui->search->str) : NULL;
    return;
  }
  if (is_char && key == 27) {
    tui->searching = FALSE;
    lf_panel_show(list, tui->search_origin);
    return;
  }
  if (is_char && (key == 127 || key == 8)) {
    if (tui->search->len > 0) {
      const char *end = tui->search->str + tui->search->len;
      const char *prev = g_utf8_find_prev_char(tui->search->str, end);
      g_string_truncate(tui->search, prev ? (gsize)(prev - tui->search->str) : 0);
    }
  } else if (is_char && key >= 0x20) {
    g_string_append_unichar(tui->search, (gunichar)key);
  } else {
    return;
  }
  g_clear_pointer(&tui->status, g_free);
  if (tui->search->len == 0) {
    lf_panel_show(list, tui->search_origin);
    return;
  }
  int r = lf_panel_find(list, tui->search->str, tui->search_origin);
  if (r >= 0)
    lf_panel_show(list, r);
  else
    lf_tui_set_status(tui, TRUE, _("No match for '%s'"), tui->search->str);
}

static void handle_key(LfTui *tui, int key, gboolean is_char)
{
  if (tui->confirm_text && !is_char && key == KEY_RESIZE) {
    act_redraw(tui);            /* a resize is not an answer */
    return;
  }
  if (tui->confirm_text) {
    LfConfirmFunc func = tui->confirm_func;
    gpointer data = tui->confirm_data;
    g_clear_pointer(&tui->confirm_text, g_free);
    tui->confirm_func = NULL;
    if (is_char && (key == 'y' || key == 'Y') && func)
      func(tui, data);
    else
      lf_tui_set_status(tui, FALSE, "%s", _("Cancelled."));
    return;
  }
  if (tui->searching) {
    if (!is_char && key == KEY_RESIZE)
      act_redraw(tui);
    search_key(tui, key, is_char);
    return;
  }
  if (is_char && key >= '1' && key < '1' + LF_VIEW_COUNT) {
    lf_tui_show_view(tui, key - '1');
    return;
  }
  /* Views and the key table see ASCII and curses key codes (>= KEY_MIN);
   * other characters only matter to the search prompt. */
  if (is_char && key >= 0x80)
    return;
  LfView *view = &tui->views[tui->current];
  if (view->klass->key) {                  /* the view first: Enter, filters */
    LfHandlerResult r = view->klass->key(tui, view, key);
    if (r & LF_REDRAW)
      view->dirty = TRUE;
    if (r & LF_HANDLED)
      return;
  }
  for (gsize i = 0; i < G_N_ELEMENTS(bindings); i++) {
    if (bindings[i].key == key) {
      if (bindings[i].action(tui) & LF_HANDLED)
        return;
      break;
    }
  }
  lf_panel_key(view->detail_open ? &view->detail : &view->list, key);
}

/* --- mouse -------------------------------------------------------------- */

/* The panel under the pointer: details when they are shown there, else the list. */
static LfPanel *panel_at(LfView *view, int y, int x)
{
  if (lf_panel_contains(&view->detail, y, x))
    return &view->detail;
  if (lf_panel_contains(&view->list, y, x))
    return &view->list;
  return NULL;
}

/* Click: a tab or a key in the bar acts as its key; a row is selected, and a
 * click on the selected row acts as Enter. The wheel scrolls what is under
 * the pointer. */
static void handle_mouse(LfTui *tui)
{
  MEVENT ev;
  if (getmouse(&ev) != OK || tui->confirm_text || tui->searching)
    return;
  LfView *view = &tui->views[tui->current];
  LfPanel *panel = panel_at(view, ev.y, ev.x);
  if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
    if (panel == NULL)
      panel = view->detail_open ? &view->detail : &view->list;
    lf_panel_scroll_by(panel, ev.bstate & BUTTON4_PRESSED ? -3 : 3);
    return;
  }
  if (!(ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)))
    return;
  for (guint i = 0; i < n_hits; i++) {
    if (hits[i].y == ev.y && ev.x >= hits[i].x0 && ev.x <= hits[i].x1 && hits[i].key) {
      handle_key(tui, hits[i].key, hits[i].key < KEY_MIN);
      return;
    }
  }
  if (panel != &view->list)
    return;
  int r = lf_panel_row_at(panel, ev.y, ev.x);
  if (r < 0 || !lf_panel_row_selectable(panel, r))
    return;
  if (r == panel->selected)
    handle_key(tui, '\n', TRUE);
  else
    lf_panel_select(panel, r);
}

/* --- run ---------------------------------------------------------------- */

int lf_tui_run(LfTui *tui, GError **error)
{
  static const LfViewClass *const classes[LF_VIEW_COUNT] = {
    &lf_view_overview_class, &lf_view_recommend_class, &lf_view_battery_class,
    &lf_view_tune_class, &lf_view_help_class,
  };
  for (int i = 0; i < LF_VIEW_COUNT; i++) {
    tui->views[i].klass = classes[i];
    lf_panel_init(&tui->views[i].list);
    lf_panel_init(&tui->views[i].detail);
    tui->views[i].detail.show_cursor = FALSE;
    tui->views[i].dirty = TRUE;
  }
  tui->inbox = g_async_queue_new_full((GDestroyNotify)message_free);
  tui->search = g_string_new(NULL);

  if (!lf_crt_init(error))
    return LF_EXIT_FAILURE;
  /* The first frame before any probing: the probe runs in a thread. */
  tui->probing = TRUE;
  tui->probe_started_us = g_get_monotonic_time();
  draw(tui);
  g_debug("first frame after %.1f ms", (g_get_monotonic_time() - tui->started_us) / 1000.0);
  start_probe(tui);

  timeout(100);
  while (!tui->quit) {
    wint_t wch = 0;
    int rc = get_wch(&wch);
    int sig = lf_crt_pending_signal();
    if (sig) {
      tui->exit_status = 128 + sig;
      break;
    }
    LfTuiMessage *msg;
    while ((msg = g_async_queue_try_pop(tui->inbox)) != NULL)
      handle_message(tui, msg);
    if (rc == OK)
      handle_key(tui, (int)wch, TRUE);
    else if (rc == KEY_CODE_YES && wch == KEY_MOUSE)
      handle_mouse(tui);
    else if (rc == KEY_CODE_YES)
      handle_key(tui, (int)wch, FALSE);
    gint64 now = g_get_monotonic_time();
    maybe_poll_batteries(tui, now);
    tui->frame++;
    if (!tui->quit)
      draw(tui);
  }
  lf_crt_done();
  /* A session that never got a report failed: say why once more, on the
   * restored terminal, and exit 1 like the other commands. */
  if (tui->exit_status == 0 && tui->report == NULL && tui->probe_error) {
    g_propagate_error(error, g_steal_pointer(&tui->probe_error));
    tui->exit_status = LF_EXIT_FAILURE;
  }
  return tui->exit_status;
}

void lf_tui_clear(LfTui *tui)
{
  for (int i = 0; i < LF_VIEW_COUNT; i++) {
    LfView *view = &tui->views[i];
    if (view->free_priv && view->priv)
      view->free_priv(view->priv);
    if (view->list.rows)
      lf_panel_clear(&view->list);
    if (view->detail.rows)
      lf_panel_clear(&view->detail);
  }
  lf_report_source_clear(&tui->source);
  g_clear_pointer(&tui->state_dir, g_free);
  g_clear_pointer(&tui->db, g_free);
  g_clear_pointer(&tui->profile, g_free);
  g_clear_pointer(&tui->report, lf_report_free);
  g_clear_error(&tui->probe_error);
  g_clear_pointer(&tui->rec.verdicts, lf_tui_verdicts_free);
  g_clear_error(&tui->rec.error);
  g_clear_pointer(&tui->rec.use, g_free);
  g_clear_pointer(&tui->rec_focus, g_free);
  /* Workers still running hold their own reference to the queue. */
  g_clear_pointer(&tui->inbox, g_async_queue_unref);
  if (tui->search)
    g_string_free(tui->search, TRUE);
  tui->search = NULL;
  g_clear_pointer(&tui->last_search, g_free);
  g_clear_pointer(&tui->status, g_free);
  g_clear_pointer(&tui->confirm_text, g_free);
}
