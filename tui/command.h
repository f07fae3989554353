/* SPDX-License-Identifier: GPL-2.0-or-later */
/* `lapfit tui`, the top of the arrows: it uses the CLI's option helpers and
 * the TUI library; main() hands it to lf_cli_main() as the interactive command. */
#pragma once
#include <glib.h>

int lf_cmd_tui(int argc, char **argv, GError **error);
