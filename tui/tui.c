/* Placeholder until the TUI lands: bare `lapfit` on a terminal prints the probe. */
#include "cli/cli.h"

int lf_cmd_tui(int argc, char **argv, GError **error)
{
  return lf_cmd_probe(argc, argv, error);
}
