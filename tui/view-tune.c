/* Tune: the tuner's plan for a profile (every knob, current and target value),
 * a diff preview, apply with confirmation and undo. */
#include <glib/gi18n.h>

#include "tui.h"

static void tune_build(LfTui *tui, LfView *view, int width)
{
  view->list.w = width;
  lf_panel_add_wrapped(&view->list, _("Power tuning is not available in this build."),
                       LF_ROLE_DIM, width, 0);
}

const LfViewClass lf_view_tune_class = {
  .id = "tune",
  /* TRANSLATORS: screen (tab) name; keep it short */
  .name = N_("Tune"),
  .build = tune_build,
};
