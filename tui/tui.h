/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The TUI's state and its views. A view (after htop's Object/Panel classes)
 * turns the model into panel rows and handles its own keys; screen.c owns the
 * event loop, the tabs, the global key table, search and confirmations.
 * Views show what the probe, the recommender and the tuner computed; they
 * never judge or change anything themselves. */
#pragma once
#include <glib.h>

#include "core/error.h"
#include "core/report.h"
#include "probe/probe.h"
#include "recommend/recommend.h"
#include "panel.h"

typedef struct LfTui LfTui;
typedef struct LfView LfView;

typedef struct {
  const char *key;          /* as printed: "F1", "Tab", "/" */
  const char *label;        /* N_() */
} LfKeyHint;

typedef struct {
  const char *id;           /* "overview": tests and logs */
  const char *name;         /* N_(): the tab */
  /* Fills view->list (and view->detail) from tui's model for a width. */
  void (*build)(LfTui *tui, LfView *view, int width);
  /* Draws the content area; NULL draws view->list over all of it. */
  void (*draw)(LfTui *tui, LfView *view, int y, int h);
  /* Keys the global table did not take; NULL: only list navigation. */
  LfHandlerResult (*key)(LfTui *tui, LfView *view, int key);
  /* N_(): what Enter does on the selected row (the key bar), or NULL. */
  const char *enter_hint;
  /* Extra keys for the bottom bar that work now, terminated by { NULL, NULL }; or NULL. */
  const LfKeyHint *(*hints)(LfTui *tui, LfView *view);
} LfViewClass;

struct LfView {
  const LfViewClass *klass;
  LfPanel list;             /* the cursor list */
  LfPanel detail;           /* a read-only pane (details, diff, reasons) */
  gboolean detail_open;     /* Enter: details over the whole content area */
  const void *detail_for;   /* the row data the details were built for */
  gboolean dirty;           /* rebuild before the next draw */
  gpointer priv;            /* the view's own state, freed by free_priv */
  GDestroyNotify free_priv;
};

enum { LF_VIEW_OVERVIEW, LF_VIEW_RECOMMEND, LF_VIEW_BATTERY, LF_VIEW_TUNE, LF_VIEW_HELP,
       LF_VIEW_COUNT };

typedef void (*LfConfirmFunc)(LfTui *tui, gpointer data);

struct LfTui {
  /* Where the report comes from, as the CLI options said. */
  LfReportSource source;
  char *state_dir;          /* tuner journal (--state-dir) */
  char *db;                 /* distro database (--db), NULL = built in */
  char *profile;            /* --profile: the Tune screen's first choice */
  int measure_seconds;      /* --seconds: each window of the Tune screen's measurement */
  LfReport *report;         /* NULL while probing or after a failed probe */
  GError *probe_error;
  gboolean probing;
  gint64 started_us, probe_started_us;
  GAsyncQueue *inbox;       /* LfTuiMessage from worker threads */

  LfView views[LF_VIEW_COUNT];
  int current;

  /* Search: '/' opens a prompt on the message line; n repeats. */
  gboolean searching;
  GString *search;
  int search_origin;
  char *last_search;

  char *status;             /* one-line message */
  gboolean status_error;

  /* A yes/no question over the screen. */
  char *confirm_text;
  LfConfirmFunc confirm_func;
  gpointer confirm_data;

  /* Live battery values: a sysfs poll every two seconds (live probes only). */
  gint64 battery_next_us, battery_updated_us;
  gboolean battery_busy;
  guint battery_polls;

  /* Recommender results for `use`, computed on first need. */
  struct LfTuiVerdictsCache {
    gboolean done;
    char *use;              /* NULL (desktop), "desktop", "server", "kiosk" */
    gboolean include_eol;   /* also editions whose support ended */
    gpointer verdicts;      /* LfTuiVerdicts */
    GError *error;
  } rec;

  char *rec_focus;          /* edition id the Recommend screen selects next, or NULL */

  guint frame;              /* spinner */
  gboolean quit;
  int exit_status;
};

extern const LfViewClass lf_view_overview_class, lf_view_recommend_class, lf_view_battery_class,
    lf_view_tune_class, lf_view_help_class;

/* screen.c */
void lf_tui_set_status(LfTui *tui, gboolean error, const char *format, ...) G_GNUC_PRINTF(3, 4);
void lf_tui_confirm(LfTui *tui, const char *question, LfConfirmFunc func, gpointer data);
void lf_tui_show_view(LfTui *tui, int index);
void lf_tui_invalidate(LfTui *tui);            /* every view rebuilds */
/* Draws the key bar's pairs at (y, x); returns the width used. */
int lf_tui_draw_hints(int y, int x, int w, const LfKeyHint *hints);
/* The global key table, for the Help screen. */
const LfKeyHint *lf_tui_global_keys(void);
/* A one-line "Probing this machine…" state for views without a report. */
gboolean lf_tui_draw_waiting(LfTui *tui, LfView *view, int y, int h);

/* The recommender's verdicts for tui->rec.use (LfTuiVerdicts *), or NULL
 * with *error_out pointing at the reason. transfer none. */
gpointer lf_tui_verdicts(LfTui *tui, const GError **error_out);
void lf_tui_set_use(LfTui *tui, const char *use, gboolean include_eol);

/* format.c: human text, translated; transfer full. */
char *lf_fmt_mb(gint64 mb);
char *lf_fmt_num(double v, const char *unit_format);     /* e.g. _("%.1f Wh") */
char *lf_fmt_int(gint64 v);
char *lf_fmt_duration(gint64 seconds);
const char *lf_fmt_or_unknown(const char *s);
char *lf_fmt_join(const GPtrArray *strv, const char *sep);
/* A badge: a glyph and a word padded to the widest verdict word's display
 * width, so translated words line up. transfer full. */
char *lf_fmt_badge(const char *glyph, const char *word);
/* "✓ PASS" etc.: the badge and role for a status; INFO shows "?" (could not be checked). */
const char *lf_fmt_verdict_badge(LfStatus status, LfRole *role);
