/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The recommender's results as the TUI shows them: a plain copy of what
 * lf_recommend() computed (the TUI ranks and judges nothing itself). */
#pragma once
#include <glib.h>

#include "core/report.h"

typedef struct {
  char *verdict;            /* "pass" | "warn" | "fail" | "info" */
  char *text;               /* translated sentence with its figures */
} LfTuiLine;

typedef struct {
  char *id;                 /* edition id, e.g. "lubuntu-24.04" */
  char *name;               /* "Lubuntu 24.04 LTS (LXQt 1.4)" */
  char *verdict;            /* "pass" | "warn" | "fail" */
  char *summary;            /* the first WARN/FAIL reason, or NULL */
  gboolean supported;
  GPtrArray *reasons;       /* LfTuiLine, in rule order */
  GPtrArray *advice;        /* char *: cheapest first */
  GPtrArray *info;          /* char *: desktop, dates, source, notes */
} LfTuiVerdict;

typedef struct {
  guint index;              /* into LfTuiVerdicts.verdicts */
  char *why;                /* one translated sentence */
  char *who;                /* translated "made for people new to Linux": fits one line */
} LfTuiBest;

typedef struct {
  GPtrArray *verdicts;      /* LfTuiVerdict, ranked as the recommender ranked them */
  GPtrArray *best;          /* LfTuiBest: the recommender's best three, for the Overview */
  char *order_note;         /* why this order (translated), or NULL */
} LfTuiVerdicts;

void lf_tui_verdicts_free(LfTuiVerdicts *v);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(LfTuiVerdicts, lf_tui_verdicts_free)

/* Runs the recommender on the distro database `db` (NULL = built in) for `use`
 * (NULL = desktop, "server", "kiosk"), with ended editions when include_eol.
 * LF_ERROR_DB when the database cannot be read. transfer full. */
LfTuiVerdicts *lf_tui_verdicts_compute(const LfReport *report, const char *db, const char *use,
                                       gboolean include_eol, GError **error);
