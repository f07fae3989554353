/* Adapter from src/recommend/ to the TUI's verdict rows (see verdicts.h). */
#include "verdicts.h"

#include <glib/gi18n.h>

#include "core/error.h"

static void verdict_free(gpointer p)
{
  LfTuiVerdict *v = p;
  g_free(v->id);
  g_free(v->name);
  g_free(v->verdict);
  g_free(v->summary);
  g_clear_pointer(&v->reasons, g_ptr_array_unref);
  g_clear_pointer(&v->advice, g_ptr_array_unref);
  g_clear_pointer(&v->info, g_ptr_array_unref);
  g_free(v);
}

void lf_tui_verdicts_free(LfTuiVerdicts *v)
{
  if (v == NULL)
    return;
  g_clear_pointer(&v->verdicts, g_ptr_array_unref);
  g_free(v->order_note);
  g_free(v);
}

LfTuiVerdicts *lf_tui_verdicts_compute(const LfReport *report, const char *use, GError **error)
{
  (void)verdict_free;
  g_set_error_literal(error, LF_ERROR, LF_ERROR_UNSUPPORTED,
                      _("Distribution recommendations are not available in this build."));
  return NULL;
}

#include "tui.h"

gpointer lf_tui_verdicts(LfTui *tui, const GError **error_out)
{
  if (!tui->rec.done && tui->report) {
    tui->rec.verdicts = lf_tui_verdicts_compute(tui->report, tui->rec.use, &tui->rec.error);
    tui->rec.done = TRUE;
  }
  if (error_out)
    *error_out = tui->rec.error;
  return tui->rec.verdicts;
}

void lf_tui_set_use(LfTui *tui, const char *use)
{
  g_free(tui->rec.use);
  tui->rec.use = g_strdup(use);
  g_clear_pointer(&tui->rec.verdicts, lf_tui_verdicts_free);
  g_clear_error(&tui->rec.error);
  tui->rec.done = FALSE;
  lf_tui_invalidate(tui);
}
