/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli/cli.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "core/error.h"
#include "core/report-json.h"

static const LfCommand commands[] = {
  { "probe", lf_cmd_probe, N_("Describe this machine (or a fixture root)") },
  { "recommend", lf_cmd_recommend, N_("Rank distribution editions for this machine") },
  { "check", lf_cmd_check, N_("Check one edition: exit 0 PASS, 1 WARN, 2 FAIL, 3 unknown") },
  { "db", lf_cmd_db, N_("List or show the distribution requirements database") },
  { "tune", lf_cmd_tune, N_("Preview, apply and undo power profiles") },
  { "tui", NULL, N_("Open the interactive screen") },   /* the interactive front end */
  { "export", lf_cmd_export, N_("Export a report as JSON, CSV, GLPI or OCS") },
  { "fleet", lf_cmd_fleet, N_("Collect and compare reports of many machines") },
};

gboolean lf_cli_interactive(void)
{
  return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
}

static void print_usage(FILE *out)
{
  fprintf(out, "%s\n\n", _("Usage: lapfit [COMMAND] [OPTION…]"));
  fprintf(out, "%s\n", _("Commands:"));
  for (gsize i = 0; i < G_N_ELEMENTS(commands); i++)
    fprintf(out, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf(out, "\n%s\n", _("Without a command lapfit opens the interactive screen on a terminal "
                           "and prints the probe otherwise. Every command has --help."));
}

int lf_cli_main(int argc, char **argv, LfCommandFunc interactive, GError **error)
{
  if (argc < 2)
    return lf_cli_interactive() ? interactive(argc, argv, error) : lf_cmd_probe(argc, argv, error);
  const char *name = argv[1];
  if (g_str_equal(name, "--version") || g_str_equal(name, "-V")) {
    printf("lapfit %s\n", LF_VERSION);
    return LF_EXIT_OK;
  }
  if (g_str_equal(name, "--help") || g_str_equal(name, "-h") || g_str_equal(name, "help")) {
    print_usage(stdout);
    return LF_EXIT_OK;
  }
  for (gsize i = 0; i < G_N_ELEMENTS(commands); i++)
    if (g_str_equal(name, commands[i].name))
      return (commands[i].func ? commands[i].func : interactive)(argc - 1, argv + 1, error);
  if (name[0] == '-')  /* `lapfit --json` etc.: options of the default command */
    return lf_cmd_probe(argc, argv, error);
  g_set_error(error, LF_ERROR, LF_ERROR_USAGE, _("unknown command '%s' (try 'lapfit --help')"),
              name);
  return LF_EXIT_USAGE;
}

GOptionContext *lf_cli_context_new(const char *param, const char *summary,
                                   const GOptionEntry *entries)
{
  GOptionContext *ctx = g_option_context_new(param);
  g_option_context_set_summary(ctx, summary);
  if (entries)
    g_option_context_add_main_entries(ctx, entries, GETTEXT_PACKAGE);
  return ctx;
}

gboolean lf_cli_parse_operands(GOptionContext *ctx, int *argc, char ***argv, int max_args,
                               GError **error)
{
  if (!lf_cli_parse(ctx, argc, argv, error))
    return FALSE;
  if (*argc > max_args + 1) {
    g_set_error(error, LF_ERROR, LF_ERROR_USAGE, _("unexpected argument '%s'"),
                (*argv)[max_args + 1]);
    return FALSE;
  }
  return TRUE;
}

gboolean lf_cli_parse(GOptionContext *ctx, int *argc, char ***argv, GError **error)
{
  g_autoptr(GError) local = NULL;
  if (g_option_context_parse(ctx, argc, argv, &local))
    return TRUE;
  g_set_error_literal(error, LF_ERROR, LF_ERROR_USAGE, local->message);
  return FALSE;
}

void lf_cli_add_source_options(GOptionContext *ctx, LfReportSource *src, gboolean with_report)
{
  const GOptionEntry report_entry[] = {
    { "report", 'r', 0, G_OPTION_ARG_FILENAME, &src->report,
      N_("Read a saved report instead of probing"), N_("FILE") },
    G_OPTION_ENTRY_NULL,
  };
  const GOptionEntry probe_entries[] = {
    { "root", 0, 0, G_OPTION_ARG_FILENAME, &src->root,
      N_("Probe files below DIR instead of / (fixtures, chroots)"), N_("DIR") },
    { "cpuid-dump", 0, 0, G_OPTION_ARG_FILENAME, &src->cpuid_dump,
      N_("Read CPUID from a dump (libcpuid, AIDA64, InstLatx64, cpuid -r)"), N_("FILE") },
    { "dmidecode", 0, 0, G_OPTION_ARG_FILENAME, &src->dmidecode,
      N_("Read SMBIOS from saved dmidecode output"), N_("FILE") },
    { "no-upower", 0, 0, G_OPTION_ARG_NONE, &src->no_upower,
      N_("Read batteries from sysfs, not UPower"), NULL },
    { "anonymize", 0, 0, G_OPTION_ARG_NONE, &src->anonymize,
      N_("Replace serial numbers and ids with salted hashes"), NULL },
    G_OPTION_ENTRY_NULL,
  };
  if (with_report)
    g_option_context_add_main_entries(ctx, report_entry, GETTEXT_PACKAGE);
  g_option_context_add_main_entries(ctx, probe_entries, GETTEXT_PACKAGE);
}
