/* SPDX-License-Identifier: GPL-2.0-or-later */
/* CPUID decoding: the registers lapfit reads, their feature bits under the
 * Linux /proc/cpuinfo names, family/model arithmetic and the x86-64 ISA level.
 * Pure: no I/O and no libcpuid.
 *
 * Sources: x86-64 psABI "Micro-Architecture Levels"; glibc
 * sysdeps/x86/get-isa-level.h; Linux arch/x86/include/asm/cpufeatures.h (bit
 * positions and /proc/cpuinfo names). */
#pragma once
#include <glib.h>

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
