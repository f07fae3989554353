/* SPDX-License-Identifier: GPL-2.0-or-later */
/* CPUID decoding: feature bits, Linux flag names, family/model arithmetic and
 * the x86-64 ISA level; see cpu-isa.h. */
#include "probe/cpu-isa.h"

#include <string.h>

#define BIT(r, n) ((((r) >> (n)) & 1u) != 0)

/* --- feature bits --------------------------------------------------------- */

typedef enum { W_1D, W_81D, W_1C, W_81C, W_7B, W_7C, W_7D } LfCpuidWord;

typedef struct {
  LfCpuidWord word;
  guint8 bit;
  const char *linux_name;   /* NULL: the kernel does not print it */
} LfCpuidBit;

/* Linux arch/x86/include/asm/cpufeatures.h, in the kernel's word order (the
 * order /proc/cpuinfo prints); only CPUID-backed bits, no synthetic flags. */
static const LfCpuidBit lf_cpuid_bits[] = {
  { W_1D, 0, "fpu" }, { W_1D, 1, "vme" }, { W_1D, 2, "de" }, { W_1D, 3, "pse" },
  { W_1D, 4, "tsc" }, { W_1D, 5, "msr" }, { W_1D, 6, "pae" }, { W_1D, 7, "mce" },
  { W_1D, 8, "cx8" }, { W_1D, 9, "apic" }, { W_1D, 11, "sep" }, { W_1D, 12, "mtrr" },
  { W_1D, 13, "pge" }, { W_1D, 14, "mca" }, { W_1D, 15, "cmov" }, { W_1D, 16, "pat" },
  { W_1D, 17, "pse36" }, { W_1D, 18, "pn" }, { W_1D, 19, "clflush" }, { W_1D, 21, "dts" },
  { W_1D, 22, "acpi" }, { W_1D, 23, "mmx" }, { W_1D, 24, "fxsr" }, { W_1D, 25, "sse" },
  { W_1D, 26, "sse2" }, { W_1D, 27, "ss" }, { W_1D, 28, "ht" }, { W_1D, 29, "tm" },
  { W_1D, 30, "ia64" }, { W_1D, 31, "pbe" },
  { W_81D, 11, "syscall" }, { W_81D, 19, "mp" }, { W_81D, 20, "nx" }, { W_81D, 22, "mmxext" },
  { W_81D, 25, "fxsr_opt" }, { W_81D, 26, "pdpe1gb" }, { W_81D, 27, "rdtscp" },
  { W_81D, 29, "lm" }, { W_81D, 30, "3dnowext" }, { W_81D, 31, "3dnow" },
  { W_1C, 0, "pni" }, { W_1C, 1, "pclmulqdq" }, { W_1C, 2, "dtes64" }, { W_1C, 3, "monitor" },
  { W_1C, 4, "ds_cpl" }, { W_1C, 5, "vmx" }, { W_1C, 6, "smx" }, { W_1C, 7, "est" },
  { W_1C, 8, "tm2" }, { W_1C, 9, "ssse3" }, { W_1C, 10, "cid" }, { W_1C, 11, "sdbg" },
  { W_1C, 12, "fma" }, { W_1C, 13, "cx16" }, { W_1C, 14, "xtpr" }, { W_1C, 15, "pdcm" },
  { W_1C, 17, "pcid" }, { W_1C, 18, "dca" }, { W_1C, 19, "sse4_1" }, { W_1C, 20, "sse4_2" },
  { W_1C, 21, "x2apic" }, { W_1C, 22, "movbe" }, { W_1C, 23, "popcnt" },
  { W_1C, 24, "tsc_deadline_timer" }, { W_1C, 25, "aes" }, { W_1C, 26, "xsave" },
  { W_1C, 27, NULL /* osxsave */ }, { W_1C, 28, "avx" }, { W_1C, 29, "f16c" },
  { W_1C, 30, "rdrand" }, { W_1C, 31, "hypervisor" },
  { W_81C, 0, "lahf_lm" }, { W_81C, 1, "cmp_legacy" }, { W_81C, 2, "svm" },
  { W_81C, 3, "extapic" }, { W_81C, 4, "cr8_legacy" }, { W_81C, 5, "abm" },
  { W_81C, 6, "sse4a" }, { W_81C, 7, "misalignsse" }, { W_81C, 8, "3dnowprefetch" },
  { W_81C, 9, "osvw" }, { W_81C, 10, "ibs" }, { W_81C, 11, "xop" }, { W_81C, 12, "skinit" },
  { W_81C, 13, "wdt" }, { W_81C, 15, "lwp" }, { W_81C, 16, "fma4" }, { W_81C, 17, "tce" },
  { W_81C, 19, "nodeid_msr" }, { W_81C, 21, "tbm" }, { W_81C, 22, "topoext" },
  { W_81C, 23, "perfctr_core" }, { W_81C, 24, "perfctr_nb" }, { W_81C, 26, "bpext" },
  { W_81C, 27, "ptsc" }, { W_81C, 28, "perfctr_llc" }, { W_81C, 29, "mwaitx" },
  { W_7B, 0, "fsgsbase" }, { W_7B, 1, "tsc_adjust" }, { W_7B, 2, "sgx" }, { W_7B, 3, "bmi1" },
  { W_7B, 4, "hle" }, { W_7B, 5, "avx2" }, { W_7B, 7, "smep" }, { W_7B, 8, "bmi2" },
  { W_7B, 9, "erms" }, { W_7B, 10, "invpcid" }, { W_7B, 11, "rtm" }, { W_7B, 12, "cqm" },
  { W_7B, 14, "mpx" }, { W_7B, 15, "rdt_a" }, { W_7B, 16, "avx512f" }, { W_7B, 17, "avx512dq" },
  { W_7B, 18, "rdseed" }, { W_7B, 19, "adx" }, { W_7B, 20, "smap" }, { W_7B, 21, "avx512ifma" },
  { W_7B, 23, "clflushopt" }, { W_7B, 24, "clwb" }, { W_7B, 25, "intel_pt" },
  { W_7B, 26, "avx512pf" }, { W_7B, 27, "avx512er" }, { W_7B, 28, "avx512cd" },
  { W_7B, 29, "sha_ni" }, { W_7B, 30, "avx512bw" }, { W_7B, 31, "avx512vl" },
  { W_7C, 1, "avx512vbmi" }, { W_7C, 2, "umip" }, { W_7C, 3, "pku" }, { W_7C, 4, "ospke" },
  { W_7C, 5, "waitpkg" }, { W_7C, 6, "avx512_vbmi2" }, { W_7C, 8, "gfni" }, { W_7C, 9, "vaes" },
  { W_7C, 10, "vpclmulqdq" }, { W_7C, 11, "avx512_vnni" }, { W_7C, 12, "avx512_bitalg" },
  { W_7C, 13, "tme" }, { W_7C, 14, "avx512_vpopcntdq" }, { W_7C, 16, "la57" },
  { W_7C, 22, "rdpid" }, { W_7C, 25, "cldemote" }, { W_7C, 27, "movdiri" },
  { W_7C, 28, "movdir64b" }, { W_7C, 29, "enqcmd" }, { W_7C, 30, "sgx_lc" },
  { W_7D, 2, "avx512_4vnniw" }, { W_7D, 3, "avx512_4fmaps" }, { W_7D, 4, "fsrm" },
  { W_7D, 8, "avx512_vp2intersect" }, { W_7D, 10, "md_clear" }, { W_7D, 14, "serialize" }, { W_7D, 15, "hybrid_cpu" },
  { W_7D, 16, "tsxldtrk" }, { W_7D, 18, "pconfig" }, { W_7D, 19, "arch_lbr" },
  { W_7D, 22, "amx_bf16" }, { W_7D, 23, "avx512_fp16" }, { W_7D, 24, "amx_tile" },
  { W_7D, 25, "amx_int8" }, { W_7D, 28, "flush_l1d" }, { W_7D, 29, "arch_capabilities" },
};

static guint32 *word_ptr(LfCpuidRegs *r, LfCpuidWord w)
{
  switch (w) {
  case W_1D: return &r->edx1;
  case W_81D: return &r->edx81;
  case W_1C: return &r->ecx1;
  case W_81C: return &r->ecx81;
  case W_7B: return &r->ebx7;
  case W_7C: return &r->ecx7;
  case W_7D: return &r->edx7;
  }
  g_assert_not_reached();
}

static guint32 word_get(const LfCpuidRegs *r, LfCpuidWord w)
{
  return *word_ptr((LfCpuidRegs *)r, w);
}

gint lf_cpuid_family(guint32 eax1)
{
  gint fam = (eax1 >> 8) & 0xf;
  if (fam == 0xf)
    fam += (eax1 >> 20) & 0xff;
  return fam;
}

gint lf_cpuid_model(guint32 eax1)
{
  gint model = (eax1 >> 4) & 0xf;
  if (lf_cpuid_family(eax1) >= 0x6)
    model += ((eax1 >> 16) & 0xf) << 4;
  return model;
}

gint lf_cpuid_stepping(guint32 eax1)
{
  return eax1 & 0xf;
}

GPtrArray *lf_cpuid_flags(const LfCpuidRegs *regs)
{
  GPtrArray *flags = g_ptr_array_new_with_free_func(g_free);
  for (guint i = 0; i < G_N_ELEMENTS(lf_cpuid_bits); i++) {
    const LfCpuidBit *b = &lf_cpuid_bits[i];
    if (b->linux_name != NULL && BIT(word_get(regs, b->word), b->bit))
      g_ptr_array_add(flags, g_strdup(b->linux_name));
  }
  return flags;
}

void lf_cpuid_regs_from_flags(LfCpuidRegs *regs, const GPtrArray *flags)
{
  if (flags == NULL)
    return;
  g_autoptr(GHashTable) set = g_hash_table_new(g_str_hash, g_str_equal);
  for (guint i = 0; i < flags->len; i++)
    g_hash_table_add(set, g_ptr_array_index(flags, i));
  for (guint i = 0; i < G_N_ELEMENTS(lf_cpuid_bits); i++) {
    const LfCpuidBit *b = &lf_cpuid_bits[i];
    if (b->linux_name != NULL && g_hash_table_contains(set, b->linux_name))
      *word_ptr(regs, b->word) |= 1u << b->bit;
  }
  /* The kernel never prints OSXSAVE; it lists avx only once it enabled XSAVE. */
  if (g_hash_table_contains(set, "avx") || g_hash_table_contains(set, "xsave"))
    regs->ecx1 |= 1u << 27;
  regs->xcr0 = G_MAXUINT64;
  regs->max_leaf = MAX(regs->max_leaf, 7);
  regs->max_ext_leaf = MAX(regs->max_ext_leaf, 0x80000001u);
}

/* --- ISA level ------------------------------------------------------------ */

typedef struct {
  const char *name;         /* psABI name */
  LfCpuidWord word;
  guint8 bit;
  guint8 state;             /* 0 none, 1 AVX (XCR0 0x06), 2 AVX-512 (XCR0 0xE6) */
} LfIsaFeature;

/* x86-64 psABI "Micro-Architecture Levels". v1 leaves out OSFXSR and SCE (OS
 * state every 64-bit kernel sets), as glibc does; "LM" is long mode itself. */
static const LfIsaFeature isa_v1[] = {
  { "CMOV", W_1D, 15, 0 }, { "CX8", W_1D, 8, 0 }, { "FPU", W_1D, 0, 0 },
  { "FXSR", W_1D, 24, 0 }, { "MMX", W_1D, 23, 0 }, { "SSE", W_1D, 25, 0 },
  { "SSE2", W_1D, 26, 0 }, { "LM", W_81D, 29, 0 }, { NULL, 0, 0, 0 },
};
static const LfIsaFeature isa_v2[] = {
  { "CMPXCHG16B", W_1C, 13, 0 }, { "LAHF-SAHF", W_81C, 0, 0 }, { "POPCNT", W_1C, 23, 0 },
  { "SSE3", W_1C, 0, 0 }, { "SSE4_1", W_1C, 19, 0 }, { "SSE4_2", W_1C, 20, 0 },
  { "SSSE3", W_1C, 9, 0 }, { NULL, 0, 0, 0 },
};
static const LfIsaFeature isa_v3[] = {
  { "AVX", W_1C, 28, 1 }, { "AVX2", W_7B, 5, 1 }, { "BMI1", W_7B, 3, 0 },
  { "BMI2", W_7B, 8, 0 }, { "F16C", W_1C, 29, 1 }, { "FMA", W_1C, 12, 1 },
  { "LZCNT", W_81C, 5, 0 }, { "MOVBE", W_1C, 22, 0 }, { "OSXSAVE", W_1C, 27, 0 },
  { NULL, 0, 0, 0 },
};
static const LfIsaFeature isa_v4[] = {
  { "AVX512F", W_7B, 16, 2 }, { "AVX512BW", W_7B, 30, 2 }, { "AVX512CD", W_7B, 28, 2 },
  { "AVX512DQ", W_7B, 17, 2 }, { "AVX512VL", W_7B, 31, 2 }, { NULL, 0, 0, 0 },
};

static gboolean isa_usable(const LfCpuidRegs *r, const LfIsaFeature *f)
{
  if (f->word == W_7B && r->max_leaf < 7)
    return FALSE;
  if ((f->word == W_81C || f->word == W_81D) && r->max_ext_leaf < 0x80000001u)
    return FALSE;
  if (!BIT(word_get(r, f->word), f->bit))
    return FALSE;
  gboolean osxsave = BIT(r->ecx1, 27);
  switch (f->state) {
  case 1: return osxsave && (r->xcr0 & 0x06) == 0x06;
  case 2: return osxsave && (r->xcr0 & 0xe6) == 0xe6;
  default: return TRUE;
  }
}

/* Appends the missing features of one level; TRUE if none is missing. */
static gboolean isa_check(const LfCpuidRegs *r, const LfIsaFeature *level, GPtrArray *missing)
{
  gboolean all = TRUE;
  for (const LfIsaFeature *f = level; f->name != NULL; f++)
    if (!isa_usable(r, f)) {
      all = FALSE;
      if (missing != NULL)
        g_ptr_array_add(missing, g_strdup(f->name));
    }
  return all;
}

const char *lf_cpuid_isa_level(const LfCpuidRegs *regs, GPtrArray **missing)
{
  static const LfIsaFeature *const levels[] = { isa_v1, isa_v2, isa_v3, isa_v4 };
  static const char *const names[] = { "x86-64-v1", "x86-64-v2", "x86-64-v3", "x86-64-v4" };
  g_autoptr(GPtrArray) miss = g_ptr_array_new_with_free_func(g_free);
  const char *level = NULL;
  if (!isa_check(regs, isa_v1, NULL)) {
    /* 32-bit: i686 needs CMOV (and the P6 basics); the next step is x86-64. */
    gboolean i686 = BIT(regs->edx1, 15) && BIT(regs->edx1, 8) && BIT(regs->edx1, 0);
    if (i686) {
      level = "i686";
      isa_check(regs, isa_v1, miss);
    } else {
      level = "i586";
      g_ptr_array_add(miss, g_strdup("CMOV"));
    }
  } else {
    for (guint i = 1; i < G_N_ELEMENTS(levels); i++)
      if (!isa_check(regs, levels[i], miss)) {
        level = names[i - 1];
        break;
      }
    if (level == NULL)
      level = names[3];
  }
  if (missing != NULL)
    *missing = g_steal_pointer(&miss);
  return level;
}
