/* SPDX-License-Identifier: GPL-2.0-or-later */
/* lapfit: laptop hardware profiler, distro recommender and power tuner. */
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "cli/cli.h"
#include "core/error.h"
#include "core/text.h"
#include "tui/command.h"

/* A binary run from its CMake build tree (build/src/lapfit, next to
 * build/CMakeCache.txt) uses the catalogues compiled there, so a developer
 * sees the translations without installing; an installed one uses
 * LF_LOCALEDIR. LAPFIT_LOCALEDIR overrides both. transfer full. */
static char *locale_dir(void)
{
  const char *env = g_getenv("LAPFIT_LOCALEDIR");
  if (env && *env)
    return g_strdup(env);
  g_autofree char *exe = g_file_read_link("/proc/self/exe", NULL);
  if (exe) {
    g_autofree char *dir = g_path_get_dirname(exe);
    g_autofree char *top = g_path_get_dirname(dir);
    g_autofree char *cache = g_build_filename(top, "CMakeCache.txt", NULL);
    g_autofree char *po = g_build_filename(top, "po", "locale", NULL);
    if (g_file_test(cache, G_FILE_TEST_IS_REGULAR) && g_file_test(po, G_FILE_TEST_IS_DIR))
      return g_steal_pointer(&po);
  }
  return g_strdup(LF_LOCALEDIR);
}

int main(int argc, char **argv)
{
  setlocale(LC_ALL, "");
  g_autofree char *localedir = locale_dir();
  bindtextdomain(GETTEXT_PACKAGE, localedir);
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
