/* The recommender's results as the TUI shows them: a thin copy of what
 * src/recommend/ computed (the TUI ranks and judges nothing itself). */
#pragma once
#include <glib.h>

#include "core/report.h"

typedef struct {
  char *id;                 /* edition id, e.g. "lubuntu-24.04" */
  char *name;               /* human name */
  char *verdict;            /* "pass" | "warn" | "fail" | "unknown" */
  char *summary;            /* one line, may be NULL */
  GPtrArray *reasons;       /* char *: one sentence per rule, with its figures */
  GPtrArray *advice;        /* char *: upgrade advice */
  GPtrArray *info;          /* char *: desktop, support end, source ... */
} LfTuiVerdict;

typedef struct {
  GPtrArray *verdicts;      /* LfTuiVerdict, ranked as the recommender ranked them */
  char *order_note;         /* why this order, or NULL */
} LfTuiVerdicts;

void lf_tui_verdicts_free(LfTuiVerdicts *v);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(LfTuiVerdicts, lf_tui_verdicts_free)

/* Runs the recommender for `use` (NULL, "desktop", "server", "kiosk").
 * LF_ERROR_UNSUPPORTED when this build has no recommender. transfer full. */
LfTuiVerdicts *lf_tui_verdicts_compute(const LfReport *report, const char *use, GError **error);
