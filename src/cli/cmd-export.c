/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <glib/gi18n.h>
#include <stdio.h>

#include "cli/cli.h"
#include "core/error.h"
#include "core/output.h"
#include "core/report-json.h"
#include "export/export.h"
#include "core/machine-id.h"

int lf_cmd_export(int argc, char **argv, GError **error)
{
  g_auto(LfReportSource) src = { 0 };
  g_autofree char *format = NULL, *output = NULL, *submit = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("Output format: json, csv, glpi or ocs"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE instead of stdout"),
      N_("FILE") },
    { "submit", 0, 0, G_OPTION_ARG_STRING, &submit,
      N_("Send the OCS inventory to an OCS Inventory server, e.g. http://host/ocsinventory"),
      N_("URL") },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr(GOptionContext) ctx = lf_cli_context_new(
      NULL, _("Export this machine's report (or a saved one) as lapfit JSON, CSV, GLPI inventory "
              "JSON or OCS Inventory XML. Exports include serial numbers, MAC addresses and the "
              "host name; --anonymize replaces them with stable salted hashes "
              "(salt: $LAPFIT_ANONYMIZE_SALT)."), entries);
  lf_cli_add_source_options(ctx, &src, TRUE);
  if (!lf_cli_parse_operands(ctx, &argc, &argv, 0, error))
    return LF_EXIT_USAGE;
  if (format == NULL) {
    g_set_error(error, LF_ERROR, LF_ERROR_USAGE, _("--format is required (json, csv, glpi, ocs)"));
    return LF_EXIT_USAGE;
  }
  static const char *const formats[] = { "json", "csv", "glpi", "ocs", NULL };
  if (!g_strv_contains(formats, format)) {
    g_set_error(error, LF_ERROR, LF_ERROR_USAGE,
                _("unknown format '%s' (choose json, csv, glpi or ocs)"), format);
    return LF_EXIT_USAGE;
  }
  if (submit && !g_str_equal(format, "ocs")) {
    g_set_error(error, LF_ERROR, LF_ERROR_USAGE, _("--submit needs --format ocs"));
    return LF_EXIT_USAGE;
  }

  g_autoptr(LfReport) report = lf_report_source_load(&src, error);
  if (report == NULL)
    return LF_EXIT_FAILURE;
  if (src.anonymize)
    lf_report_anonymize(report, lf_anonymize_salt());
  else
    lf_report_set_machine_id(report, NULL);

  g_autofree char *text = NULL;
  if (g_str_equal(format, "json")) {
    g_autofree char *json = lf_report_to_json(report, LF_JSON_PRIVATE | LF_JSON_PRETTY);
    text = g_strconcat(json, "\n", NULL);
  } else if (g_str_equal(format, "csv")) {
    GString *out = g_string_new(NULL);
    g_autoptr(GPtrArray) row = lf_report_summary(report);
    lf_csv_append_header(out);
    lf_csv_append_row(out, row);
    text = g_string_free(out, FALSE);
  } else if (g_str_equal(format, "glpi")) {
    g_autofree char *json = lf_export_glpi(report);
    text = g_strconcat(json, "\n", NULL);
  } else {
    g_autofree char *device_id = lf_ocs_device_id(report);
    text = lf_export_ocs(report, device_id);
    if (submit) {
      if (!lf_ocs_submit(submit, device_id, text, error))
        return LF_EXIT_FAILURE;
      if (output == NULL)
        return LF_EXIT_OK;  /* sent; print nothing unless asked for a copy */
    }
  }
  return lf_output_write_all(output, text, error) ? LF_EXIT_OK : LF_EXIT_FAILURE;
}
