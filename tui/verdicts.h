/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The recommender's result as the TUI shows it: the typed LfRecommendation
 * itself, which the views read directly (statuses, reasons, advice, the best
 * three, the order), and per verdict only what is presentation. The TUI ranks
 * and judges nothing itself. */
#pragma once
#include <glib.h>

#include "core/report.h"
#include "recommend/recommend.h"

typedef struct {
  const LfVerdict *verdict; /* transfer none: owned by LfTuiVerdicts.rec */
  char *name;               /* "Lubuntu 24.04 LTS (LXQt 1.4)" */
  const char *summary;      /* the first WARN/FAIL reason with the verdict's status, "support
                               has ended", or NULL; transfer none */
  GPtrArray *info;          /* char *: why (best three), desktop, dates, source, notes */
} LfTuiEdition;

typedef struct {
  LfRecommendation *rec;    /* the recommender's result */
  GPtrArray *editions;      /* LfTuiEdition, one per rec->verdicts, in rank order */
} LfTuiVerdicts;

void lf_tui_verdicts_free(LfTuiVerdicts *v);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(LfTuiVerdicts, lf_tui_verdicts_free)

/* The row of a verdict of v->rec (by its rank). transfer none. */
const LfTuiEdition *lf_tui_edition_of(const LfTuiVerdicts *v, const LfVerdict *verdict);

/* Runs the recommender on the distro database `db` (NULL = built in) for `use`
 * (NULL = desktop, "server", "kiosk"), with ended editions when include_eol.
 * LF_ERROR_DB when the database cannot be read. transfer full. */
LfTuiVerdicts *lf_tui_verdicts_compute(const LfReport *report, const char *db, const char *use,
                                       gboolean include_eol, GError **error);
