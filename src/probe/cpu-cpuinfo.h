/* SPDX-License-Identifier: GPL-2.0-or-later */
/* /proc/cpuinfo text -> identity, flags and topology (x86, arm, riscv, ppc). */
#pragma once
#include <glib.h>

#include "core/report.h"

typedef struct {
  char *vendor_id, *model_name;
  gint64 family, model, stepping;   /* LF_UNKNOWN when absent */
  GPtrArray *flags;                 /* x86 "flags" or arm "Features"; NULL if absent */
  gint64 threads;                   /* processor blocks */
  gint64 cores;                     /* distinct (physical id, core id), else LF_UNKNOWN */
  char *arch;                       /* non-x86: "arm64", "arm", "riscv64", ...; NULL on x86 */
  char *implementer;                /* arm: "CPU implementer" as a vendor name */
  char *core;                       /* arm: core name from implementer + "CPU part" */
} LfCpuinfo;

void lf_cpuinfo_init(LfCpuinfo *info);
void lf_cpuinfo_clear(LfCpuinfo *info);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(LfCpuinfo, lf_cpuinfo_clear)

/* Parses /proc/cpuinfo text (need not be NUL-terminated). Never fails: what is
 * absent or malformed stays unknown. Returns FALSE if nothing CPU-like was found. */
gboolean lf_cpuinfo_parse(const char *text, gsize len, LfCpuinfo *info);
