/* SPDX-License-Identifier: GPL-2.0-or-later */
/* dbgen's modes besides the distro database (db/dbgen.c). */
#pragma once

/* --cpu-table: argv as given to main; returns the exit status. */
int lf_dbgen_cpu_table(int argc, char **argv);
/* --firmware-table: the same for data/firmware. */
int lf_dbgen_firmware_table(int argc, char **argv);
/* FILE relative to ROOT, as messages name it ("data/cpu/amd.tsv"). */
char *lf_dbgen_rel_name(const char *root, const char *file);
