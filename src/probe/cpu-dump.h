/* SPDX-License-Identifier: GPL-2.0-or-later */
/* CPUID dump text -> registers per logical CPU, whatever tool wrote it. The
 * format is detected from the content:
 *   libcpuid raw ("basic_cpuid[1]=..."; multi-CPU with "Logical CPU #N" rules),
 *   AIDA64 ("------[ Logical CPU #0 ]------" or "------[ CPUID Registers /
 *   Logical CPU #0 ]------", then "CPUID 00000001: EAX-EBX-ECX-EDX [SL 00]"),
 *   InstLatx64 ("CPU#000 AffMask: ..." then the same CPUID lines),
 *   AIDA64 reports ("CPUID Registers (CPU #1):" then "CPUID 00000001   EAX-..."),
 *   `cpuid -r` ("CPU 0:" then "0x00000001 0x00: eax=0x... ebx=... ecx=... edx=...").
 * Sub-leaves are kept as each format writes them: explicit ([SL nn], the
 * second number of cpuid -r, libcpuid's intel_fn4/intel_fn11/intel_fn12h/
 * intel_fn14h/amd_fn8000001dh indices) or, in AIDA64 dumps without [SL], by
 * the order repeated leaves appear in. Pure: no I/O, bounded by LF_CPUID_DUMP_*. */
#pragma once
#include <glib.h>

#include "core/report.h"
#include "probe/cpu-isa.h"

#define LF_CPUID_DUMP_MAX_CPUS 1024
#define LF_CPUID_DUMP_MAX_LEAVES 4096   /* per logical CPU */

typedef struct {
  guint32 leaf, sub;
  guint32 r[4];             /* eax ebx ecx edx */
} LfCpuidLeaf;

typedef struct {
  GArray *leaves;           /* LfCpuidLeaf, in file order */
} LfCpuidCpu;

typedef struct {
  const char *format;       /* static: "libcpuid", "aida64", "instlatx64", ... */
  GPtrArray *cpus;          /* LfCpuidCpu*, at least one, each with leaf 0 and 1 */
} LfCpuidDump;

/* The formats lapfit reads, for messages. Static string. */
const char *lf_cpuid_dump_formats(void);

/* Parses text (need not be NUL-terminated). Fails with LF_ERROR_PARSE when no
 * logical CPU with a vendor string and leaf 1 was found. transfer full. */
LfCpuidDump *lf_cpuid_dump_parse(const char *text, gsize len, GError **error);
void lf_cpuid_dump_free(LfCpuidDump *dump);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(LfCpuidDump, lf_cpuid_dump_free)

/* Registers of (leaf, sub) on one CPU; FALSE (out zeroed) if the dump lacks it. */
gboolean lf_cpuid_cpu_get(const LfCpuidCpu *cpu, guint32 leaf, guint32 sub, guint32 out[4]);

/* The registers lapfit identifies a CPU from (leaf 0, 1, 7.0, 0x80000000..4),
 * honouring the maximum leaves the CPU reports. xcr0: all-ones (dumps lack it). */
void lf_cpuid_regs_from_cpu(LfCpuidRegs *regs, const LfCpuidCpu *cpu);

/* Hybrid core types from leaf 0x1A of every logical CPU: appends one
 * LfCpuCoreType per kind ("performance" for 0x40 Core, "efficiency" for 0x20
 * Atom) with its threads and cores (distinct x2APIC IDs above the SMT bits of
 * leaf 0xB/0x1F). uarch: "P + E" names from the table row ("Raptor Cove +
 * Gracemont"), may be NULL. Nothing is added unless two kinds are present. */
void lf_cpuid_dump_core_types(const LfCpuidDump *dump, const char *uarch, GPtrArray *out);

/* Logical CPUs in the dump and distinct cores among them (x2APIC IDs above
 * the SMT bits); cores is LF_UNKNOWN if a CPU lacks leaf 0xB/0x1F. */
void lf_cpuid_dump_topology(const LfCpuidDump *dump, gint64 *cores, gint64 *threads);
