/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Pure CPU identification: raw CPUID registers or /proc/cpuinfo text plus the
 * data/cpu table -> LfCpu (micro-architecture, generation, year, ISA level).
 *
 * No I/O and no libcpuid here (cpu-cpuid.c is the only libcpuid user): every
 * function works on values copied out of a dump, the live CPU or a sysroot,
 * so all of it is unit-tested with register sets and text. The topics live
 * in their own files: cpu-isa.h (CPUID decoding), cpu-cpuinfo.h (the
 * /proc/cpuinfo parser), db/cpu-table.h (the table) and db/cpu-brand.h. */
#pragma once
#include <glib.h>

#include "core/report.h"
#include "db/cpu-brand.h"
#include "db/cpu-table.h"
#include "probe/cpu-cpuinfo.h"
#include "probe/cpu-isa.h"

/* --- filling the report -------------------------------------------------- */

/* Fills cpu (vendor, brand, family/model/stepping, table fields, isa_level,
 * bits, pae/pae_note, nx, sse2, flags, missing_for_next_level, max_mhz from the
 * brand) from registers. Does not touch cores/threads/source. */
void lf_cpu_fill_from_regs(LfCpu *cpu, const LfCpuidRegs *regs, const LfCpuTable *table);

/* The same from parsed /proc/cpuinfo (x86 or not). */
void lf_cpu_fill_from_cpuinfo(LfCpu *cpu, const LfCpuinfo *info, const LfCpuTable *table);

