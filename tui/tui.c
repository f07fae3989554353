/* SPDX-License-Identifier: GPL-2.0-or-later */
/* `lapfit tui` (and bare `lapfit` on a terminal): options, then the event loop. */
#include "command.h"

#include <glib/gi18n.h>

#include "cli/cli.h"
#include "core/error.h"
#include "crt.h"
#include "screen.h"

int lf_cmd_tui(int argc, char **argv, GError **error)
{
  LfTui tui = { 0 };
  tui.started_us = g_get_monotonic_time();
  /* Before anything can log: messages must not land on the screen. */
  lf_crt_log_init();

  g_autoptr(GOptionContext) ctx =
      lf_cli_context_new(NULL, _("Open the interactive screen: hardware overview, distribution "
                                 "recommendations, battery and power tuning."), NULL);
  lf_cli_add_source_options(ctx, &tui.source, TRUE);
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &tui.db,
      N_("Read distro requirements from this database instead of the built-in one"),
      N_("FILE") },
    { "state-dir", 0, 0, G_OPTION_ARG_FILENAME, &tui.state_dir,
      N_("Keep the tuning journal in DIR"), N_("DIR") },
    { "profile", 0, 0, G_OPTION_ARG_STRING, &tui.profile,
      N_("Show this power profile first on the Tune screen"), N_("PROFILE") },
    { "seconds", 0, 0, G_OPTION_ARG_INT, &tui.measure_seconds,
      N_("Measure the battery draw for N seconds per setting on the Tune screen (default 30)"),
      N_("N") },
    G_OPTION_ENTRY_NULL,
  };
  g_option_context_add_main_entries(ctx, entries, GETTEXT_PACKAGE);
  int status;
  if (!lf_cli_parse_operands(ctx, &argc, &argv, 0, error)) {
    status = LF_EXIT_USAGE;
  } else {
    status = lf_tui_run(&tui, error);
  }
  lf_crt_log_flush();
  lf_tui_clear(&tui);
  return status;
}
