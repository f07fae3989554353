/* SPDX-License-Identifier: GPL-2.0-or-later */
/* lapfit: laptop hardware profiler, distro recommender and power tuner. */
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "cli/cli.h"
#include "core/error.h"
#include "core/text.h"
#include "tui/command.h"

int main(int argc, char **argv)
{
  setlocale(LC_ALL, "");
  const char *localedir = g_getenv("LAPFIT_LOCALEDIR");  /* tests run from the build tree */
  bindtextdomain(GETTEXT_PACKAGE, localedir ? localedir : LF_LOCALEDIR);
  bind_textdomain_codeset(GETTEXT_PACKAGE, "UTF-8");
  textdomain(GETTEXT_PACKAGE);
  /* Logs never mix into stdout, which carries JSON and exports. */
  g_log_writer_default_set_use_stderr(TRUE);
  g_set_prgname("lapfit");  /* else GOptionContext names the log after the subcommand */
  if (g_getenv("LAPFIT_DEBUG"))
    g_log_set_debug_enabled(TRUE);

  g_autoptr(GError) error = NULL;
  int status = lf_cli_main(argc, argv, lf_cmd_tui, &error);
  if (error != NULL) {
    g_autofree char *msg = lf_text_sanitize(error->message);   /* may quote a file */
    fprintf(stderr, "lapfit: %s\n", msg);
    if (status == 0)
      status = g_error_matches(error, LF_ERROR, LF_ERROR_USAGE) ? 2 : 1;
  }
  return status;
}
