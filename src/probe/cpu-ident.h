/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Pure CPU identification: raw CPUID registers or /proc/cpuinfo text plus the
 * data/cpu table -> LfCpu (micro-architecture, generation, year, ISA level).
 *
 * No I/O and no libcpuid here (cpu-cpuid.c is the only libcpuid user): every
 * function works on values copied out of a dump, the live CPU or a sysroot,
 * so all of it is unit-tested with register sets and text.
 *
 * Sources: x86-64 psABI "Micro-Architecture Levels"; glibc
 * sysdeps/x86/get-isa-level.h; Linux arch/x86/include/asm/cpufeatures.h (bit
 * positions and /proc/cpuinfo names); the sources of each row are in its data/cpu line. */
#pragma once
#include <glib.h>

#include "core/report.h"

/* The CPUID values lapfit reads. Leaves above the CPU's maximum are zero. */
typedef struct {
  char vendor[13];          /* leaf 0 EBX EDX ECX, e.g. "GenuineIntel" */
  guint32 max_leaf;         /* leaf 0 EAX */
  guint32 eax1, ebx1, ecx1, edx1;   /* leaf 1 */
  guint32 ebx7, ecx7, edx7; /* leaf 7 sub-leaf 0 (zero when max_leaf < 7) */
  guint32 max_ext_leaf;     /* 0x80000000 EAX */
  guint32 ecx81, edx81;     /* 0x80000001 */
  guint64 xcr0;             /* OS-enabled state (xgetbv 0); G_MAXUINT64 = assume all */
  char brand[49];           /* 0x80000002..4, NUL-terminated, may be empty */
} LfCpuidRegs;

/* Display values as Linux prints them (x86_family/x86_model in the kernel:
 * the extended model counts from base family 6 up). */
gint lf_cpuid_family(guint32 eax1);
gint lf_cpuid_model(guint32 eax1);
gint lf_cpuid_stepping(guint32 eax1);

/* Fills vendor/max leaves/leaf bits from a /proc/cpuinfo-style flag list (the
 * reverse of lf_cpuid_flags()). OSXSAVE (never printed) is set when the kernel
 * lists "avx" or "xsave"; xcr0 is all-ones, the kernel already hides features
 * the OS has not enabled. */
void lf_cpuid_regs_from_flags(LfCpuidRegs *regs, const GPtrArray *flags);

/* Linux /proc/cpuinfo names of the set bits, in the kernel's word order.
 * transfer full: GPtrArray of char*. */
GPtrArray *lf_cpuid_flags(const LfCpuidRegs *regs);

/* The ISA level: "x86-64-v1".."x86-64-v4" for CPUs with long mode, "i686"
 * (CMOV) or "i586" for 32-bit ones. AVX and AVX-512 count only when OSXSAVE is
 * set and XCR0 enables their state, as glibc decides.
 * missing (optional, transfer full): psABI names of what the next level needs
 * ("SSE4_2", "POPCNT", "LM" for long mode); empty at x86-64-v4.
 * Returns a static string. */
const char *lf_cpuid_isa_level(const LfCpuidRegs *regs, GPtrArray **missing);

/* --- the data/cpu table ------------------------------------------------- */

typedef struct {
  char *vendor;             /* intel | amd | centaur | zhaoxin | hygon */
  gint family;
  gint model_lo, model_hi;
  gint step_lo, step_hi;    /* 0..G_MAXINT = any */
  char *brand;              /* NULL = any; else '|'-separated globs on the brand */
  char *uarch, *codename, *generation;
  gint year;
  char *process, *source;
  char *file;               /* where the row came from, for messages */
  guint line;
} LfCpuRow;

typedef struct LfCpuTable LfCpuTable;

LfCpuTable *lf_cpu_table_new(void);
void lf_cpu_table_free(LfCpuTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(LfCpuTable, lf_cpu_table_free)

/* Parses one TSV file's text (need not be NUL-terminated) into the table.
 * name: used in messages. Fails with LF_ERROR_PARSE "NAME:LINE: why" on the
 * first malformed row (wrong column count, bad number, year out of
 * 1990..2030, empty source, bad vendor, reversed range). */
gboolean lf_cpu_table_add_tsv(LfCpuTable *table, const char *name, const char *text, gsize len,
                              GError **error);

/* Cross-row checks: duplicate keys and rows that an earlier row always
 * shadows (lookup takes the first match in file order). */
gboolean lf_cpu_table_check(const LfCpuTable *table, GError **error);

guint lf_cpu_table_size(const LfCpuTable *table);
/* transfer none */
const LfCpuRow *lf_cpu_table_row(const LfCpuTable *table, guint i);

/* The table compiled into the binary (the TSV files in data/cpu), parsed once.
 * transfer none; NULL (with a g_debug) only if the embedded data is broken,
 * which the unit test rules out. */
const LfCpuTable *lf_cpu_table_builtin(void);

/* Short vendor id used in the table for a CPUID vendor string
 * ("GenuineIntel" -> "intel"), NULL if unknown. Static string. */
const char *lf_cpu_vendor_short(const char *vendor_str);

/* First row matching vendor (CPUID string or short id), display family,
 * model, stepping (-1 = unknown) and brand (may be NULL). transfer none. */
const LfCpuRow *lf_cpu_table_lookup(const LfCpuTable *table, const char *vendor, gint family,
                                    gint model, gint stepping, const char *brand);

/* --- /proc/cpuinfo ------------------------------------------------------- */

typedef struct {
  char *vendor_id, *model_name;
  gint64 family, model, stepping;   /* LF_UNKNOWN when absent */
  GPtrArray *flags;                 /* x86 "flags" or arm "Features"; NULL if absent */
  gint64 threads;                   /* processor blocks */
  gint64 cores;                     /* distinct (physical id, core id), else LF_UNKNOWN */
  char *arch;                       /* non-x86: "arm64", "arm", "riscv64", ...; NULL on x86 */
  char *implementer;                /* arm: "CPU implementer" as a vendor name */
} LfCpuinfo;

void lf_cpuinfo_init(LfCpuinfo *info);
void lf_cpuinfo_clear(LfCpuinfo *info);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(LfCpuinfo, lf_cpuinfo_clear)

/* Parses /proc/cpuinfo text (need not be NUL-terminated). Never fails: what is
 * absent or malformed stays unknown. Returns FALSE if nothing CPU-like was found. */
gboolean lf_cpuinfo_parse(const char *text, gsize len, LfCpuinfo *info);

/* --- filling the report -------------------------------------------------- */

/* Fills cpu (vendor, brand, family/model/stepping, table fields, isa_level,
 * bits, pae/pae_note, nx, sse2, flags, missing_for_next_level, max_mhz from the
 * brand) from registers. Does not touch cores/threads/source. */
void lf_cpu_fill_from_regs(LfCpu *cpu, const LfCpuidRegs *regs, const LfCpuTable *table);

/* The same from parsed /proc/cpuinfo (x86 or not). */
void lf_cpu_fill_from_cpuinfo(LfCpu *cpu, const LfCpuinfo *info, const LfCpuTable *table);

/* MHz from a brand string's "@ 2.40GHz" / "@ 800MHz", NAN if none. */
double lf_cpu_brand_mhz(const char *brand);

/* Brand string as Linux prints "model name": runs of spaces collapsed,
 * trimmed. transfer full; NULL if empty. */
char *lf_cpu_brand_clean(const char *brand);
