/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <glib/gi18n.h>
#include <stdio.h>

#include "cli/cli.h"
#include "core/error.h"
#include "core/report-json.h"

int lf_cmd_probe(int argc, char **argv, GError **error)
{
  g_auto(LfReportSource) src = { 0 };
  gboolean json = FALSE, verbose = FALSE;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "json", 'j', 0, G_OPTION_ARG_NONE, &json, N_("Print the lapfit-report/1 JSON"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Also save the JSON report to FILE"),
      N_("FILE") },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, N_("Log what is read (debug)"), NULL },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr(GOptionContext) ctx =
      lf_cli_context_new(NULL, _("Describe this machine: CPU, memory, batteries, storage, "
                                 "graphics, network, firmware and power settings."), entries);
  lf_cli_add_source_options(ctx, &src, TRUE);
  if (!lf_cli_parse_operands(ctx, &argc, &argv, 0, error))
    return LF_EXIT_USAGE;
  if (verbose)
    g_log_set_debug_enabled(TRUE);

  g_autoptr(LfReport) report = lf_report_source_load(&src, error);
  if (report == NULL)
    return g_error_matches(*error, LF_ERROR, LF_ERROR_USAGE) ? LF_EXIT_USAGE : LF_EXIT_FAILURE;
  if (output && !lf_report_save(report, output, LF_JSON_PRETTY, error))
    return LF_EXIT_FAILURE;
  if (json) {
    g_autofree char *text = lf_report_to_json(report, LF_JSON_PRETTY);
    printf("%s\n", text);
  } else {
    lf_print_report(report);
  }
  return LF_EXIT_OK;
}
