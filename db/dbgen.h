/* SPDX-License-Identifier: GPL-2.0-or-later */
/* dbgen's modes besides the distro database (db/dbgen.c). */
#pragma once

/* --cpu-table: argv as given to main; returns the exit status. */
int lf_dbgen_cpu_table(int argc, char **argv);
