/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Command-line front end. Each subcommand is an LfCommandFunc in its own
 * cmd-<name>.c; it parses its options with GOptionContext, does its work
 * through the library, prints results and returns the process exit status.
 * On failure it sets *error; main() prints it once as "lapfit: <message>". */
#pragma once
#include <glib.h>

#include "core/error.h"
#include "core/report.h"
#include "probe/probe.h"

typedef int (*LfCommandFunc)(int argc, char **argv, GError **error);

typedef struct {
  const char *name;
  LfCommandFunc func;
  const char *summary;        /* N_() */
} LfCommand;

/* Runs the command argv[1]. @interactive is the front end above the CLI (the
 * TUI) that `lapfit tui` and bare `lapfit` on a terminal open: main() passes
 * it in, so the CLI never links up to it. */
int lf_cli_main(int argc, char **argv, LfCommandFunc interactive, GError **error);

/* Adds --report (if with_report), --root, --cpuid-dump, --dmidecode, --no-upower
 * to a command's options; LfReportSource (probe.h) holds what they name. */
void lf_cli_add_source_options(GOptionContext *ctx, LfReportSource *src, gboolean with_report);

/* The preamble of every command: a context showing PARAM (NULL: none) and the
 * translated SUMMARY in --help, with the command's ENTRIES (NULL: none yet). */
GOptionContext *lf_cli_context_new(const char *param, const char *summary,
                                   const GOptionEntry *entries);
/* g_option_context_parse() with errors mapped to LF_ERROR_USAGE. */
gboolean lf_cli_parse(GOptionContext *ctx, int *argc, char ***argv, GError **error);
/* lf_cli_parse(), then "unexpected argument" for more than max_args operands. */
gboolean lf_cli_parse_operands(GOptionContext *ctx, int *argc, char ***argv, int max_args,
                               GError **error);

/* Human text output of a report (translated). */
void lf_print_report(const LfReport *report);

/* Subcommands. */
int lf_cmd_probe(int argc, char **argv, GError **error);
int lf_cmd_recommend(int argc, char **argv, GError **error);
int lf_cmd_check(int argc, char **argv, GError **error);
int lf_cmd_db(int argc, char **argv, GError **error);
int lf_cmd_tune(int argc, char **argv, GError **error);
int lf_cmd_export(int argc, char **argv, GError **error);
int lf_cmd_fleet(int argc, char **argv, GError **error);

/* True when stdin and stdout are terminals (bare `lapfit` opens the TUI). */
gboolean lf_cli_interactive(void);
