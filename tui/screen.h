/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The TUI's event loop (screen.c). */
#pragma once
#include "tui.h"

/* Opens the terminal, draws the first frame at once, probes in a worker
 * thread and runs until q, a signal or an error; the terminal is restored in
 * every case. Returns the exit status (128 + signal after SIGINT/SIGTERM). */
int lf_tui_run(LfTui *tui, GError **error);
/* Frees what tui holds (not tui itself). */
void lf_tui_clear(LfTui *tui);
