/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Text for people: the words the CLI and the TUI print for report values, so
 * both say the same thing. Translated; numbers in the user's locale (decimal
 * comma, digit grouping). Never for machine output (JSON, CSV, exports).
 *
 * Units, one rule everywhere: memory in binary units (MiB, GiB: 1 GiB = 1024
 * MiB), because memory comes in powers of two and the distributions' RAM
 * figures are binary too; disks in decimal units (GB = 10^9 bytes), because
 * disks are sold, labelled and required by installers that way. */
#pragma once
#include <glib.h>

#include "core/report.h"

/* v with `decimals` digits, locale-formatted ("1,9", "24.576"). transfer full. */
char *lf_human_number(double v, int decimals);
/* Memory: "512 MiB", "3,8 GiB"; NULL when unknown. transfer full. */
char *lf_human_mb(gint64 mb);
/* Disk size: "320 GB", "7,8 GB"; NULL when unknown. transfer full. */
char *lf_human_gb(double gb);
/* "42 minutes", "3 h 05 min", rounded to the nearest minute; NULL when unknown. */
char *lf_human_duration(gint64 seconds);
/* "2 cores, 4 threads" with plural forms; says which count is unknown. */
char *lf_human_cores(gint64 cores, gint64 threads);

/* A CPU generation name from the CPU table in the user's language ("8th gen
 * Core" -> "Core der 8. Generation"); NULL for NULL. transfer full. */
char *lf_human_generation(const char *gen);
/* The machine's maker and model, or a sentence saying they are unknown and why. */
char *lf_human_model(const LfMachine *m);
/* "laptop", "virtual machine", ... for a chassis code; a sentence when unknown. transfer none. */
const char *lf_human_chassis(const char *code);
/* What the CPU's ISA level means for editions: "32-bit only CPU: 64-bit
 * editions will not run". transfer none. */
const char *lf_human_isa(const LfCpu *c);
/* What PAE/NX/SSE2 mean for a 32-bit CPU, or NULL when nothing matters. transfer none. */
const char *lf_human_cpu_features(const LfCpu *c);
/* "hard disk", "NVMe SSD", ... for a storage kind; "disk of unknown kind". transfer none. */
const char *lf_human_storage_kind(const char *kind);
/* A disk in one line: kind, size, model, and whether lapfit runs from it. transfer full. */
char *lf_human_storage(const LfStorage *s);
/* "charging", "discharging", ...; "state unknown". transfer none. */
const char *lf_human_battery_state(const char *state);

/* Sanitised text (core/text.h) padded with spaces to at least `width`
 * terminal columns (wide characters count two, combining marks none); never
 * cut. transfer full. */
char *lf_human_pad(const char *text, int width);

/* Figures inside sentences that also go to JSON: lf_figure_mb() and
 * lf_figure_gb() mark a number and its unit; lf_figures_plain() gives the
 * C-locale English form ("1.9 GiB"), lf_figures_local() the user's
 * ("1,9 GiB"). transfer full. */
char *lf_figure_mb(gint64 mb);
char *lf_figure_gb(double gb);
char *lf_figures_plain(const char *text);
char *lf_figures_local(const char *text);
/* A phrase inside such a sentence: msgid (marked N_(), only %s directives)
 * with string arguments, rendered in English by lf_figures_plain() and
 * translated by lf_figures_local(). transfer full. */
char *lf_phrase(const char *msgid, ...);
