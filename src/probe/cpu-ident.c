/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Pure CPU identification; see cpu-ident.h. */
#include "probe/cpu-ident.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/error.h"
#include "core/sysroot.h"   /* lf_parse_int */

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

/* --- the table ------------------------------------------------------------ */

struct LfCpuTable {
  GPtrArray *rows;          /* LfCpuRow* */
};

enum { COL_VENDOR, COL_FAMILY, COL_MODEL, COL_STEPPING, COL_BRAND, COL_UARCH, COL_CODENAME,
       COL_GENERATION, COL_YEAR, COL_PROCESS, COL_SOURCE, N_COLS };

static void row_free(gpointer p)
{
  LfCpuRow *row = p;
  g_free(row->vendor);
  g_free(row->brand);
  g_free(row->uarch);
  g_free(row->codename);
  g_free(row->generation);
  g_free(row->process);
  g_free(row->source);
  g_free(row->file);
  g_free(row);
}

LfCpuTable *lf_cpu_table_new(void)
{
  LfCpuTable *t = g_new0(LfCpuTable, 1);
  t->rows = g_ptr_array_new_with_free_func(row_free);
  return t;
}

void lf_cpu_table_free(LfCpuTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref(table->rows);
  g_free(table);
}

guint lf_cpu_table_size(const LfCpuTable *table)
{
  return table->rows->len;
}

const LfCpuRow *lf_cpu_table_row(const LfCpuTable *table, guint i)
{
  g_return_val_if_fail(i < table->rows->len, NULL);
  return g_ptr_array_index(table->rows, i);
}

static gboolean parse_num(const char *s, gint *out)
{
  guint64 v;
  const char *digits = s;
  guint base = 10;
  if (g_str_has_prefix(s, "0x") || g_str_has_prefix(s, "0X")) {
    digits = s + 2;
    base = 16;
  }
  if (*digits == '\0' || !g_ascii_string_to_unsigned(digits, base, 0, 0xffff, &v, NULL))
    return FALSE;
  *out = (gint)v;
  return TRUE;
}

/* "0x8E", "0x10-0x1F"; "*" allowed when any_ok. */
static gboolean parse_range(const char *s, gboolean any_ok, gint *lo, gint *hi)
{
  if (any_ok && strcmp(s, "*") == 0) {
    *lo = 0;
    *hi = G_MAXINT;
    return TRUE;
  }
  const char *dash = strchr(s, '-');
  if (dash == NULL) {
    if (!parse_num(s, lo))
      return FALSE;
    *hi = *lo;
    return TRUE;
  }
  g_autofree char *a = g_strndup(s, dash - s);
  return parse_num(a, lo) && parse_num(dash + 1, hi) && *lo <= *hi;
}

static char *opt_text(const char *s)
{
  return strcmp(s, "-") == 0 ? NULL : g_strdup(s);
}

static gboolean is_vendor(const char *v)
{
  static const char *const ok[] = { "intel", "amd", "centaur", "zhaoxin", "hygon" };
  for (guint i = 0; i < G_N_ELEMENTS(ok); i++)
    if (strcmp(v, ok[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean parse_row(LfCpuTable *table, const char *name, guint lineno, const char *line,
                          GError **error)
{
  g_auto(GStrv) col = g_strsplit(line, "\t", -1);
  guint n = g_strv_length(col);
  const char *why = NULL;
  g_autofree char *why_buf = NULL;
  g_autofree LfCpuRow *row = g_new0(LfCpuRow, 1);   /* strings filled only on success */
  if (n != N_COLS) {
    why = why_buf = g_strdup_printf("%u columns, expected %d (tab-separated)", n, N_COLS);
    goto fail;
  }
  for (guint i = 0; i < n; i++)
    if (*col[i] == '\0' || col[i][0] == ' ' || (col[i][0] && col[i][strlen(col[i]) - 1] == ' ')) {
      why = why_buf = g_strdup_printf("column %u is empty or has stray spaces", i + 1);
      goto fail;
    }
  if (!g_utf8_validate(line, -1, NULL)) {
    why = "not valid UTF-8";
    goto fail;
  }
  for (const char *p = col[COL_BRAND]; *p; p++)
    if (!g_ascii_isprint(*p)) {
      why = "brand pattern is not printable ASCII";   /* brands are cleaned to ASCII */
      goto fail;
    }
  if (!is_vendor(col[COL_VENDOR])) {
    why = "unknown vendor (intel, amd, centaur, zhaoxin, hygon)";
    goto fail;
  }
  if (!parse_num(col[COL_FAMILY], &row->family)) {
    why = "bad family";
    goto fail;
  }
  if (!parse_range(col[COL_MODEL], FALSE, &row->model_lo, &row->model_hi)) {
    why = "bad model or model range";
    goto fail;
  }
  if (!parse_range(col[COL_STEPPING], TRUE, &row->step_lo, &row->step_hi)) {
    why = "bad stepping or stepping range";
    goto fail;
  }
  if (!parse_num(col[COL_YEAR], &row->year) || row->year < 1990 || row->year > 2030) {
    why = "launch year missing or outside 1990..2030";
    goto fail;
  }
  if (strcmp(col[COL_SOURCE], "-") == 0) {
    why = "source column is empty";
    goto fail;
  }
  if (strcmp(col[COL_GENERATION], "-") == 0 && strcmp(col[COL_UARCH], "-") == 0) {
    why = "neither uarch nor generation given";
    goto fail;
  }
  row->vendor = g_strdup(col[COL_VENDOR]);
  row->brand = strcmp(col[COL_BRAND], "*") == 0 ? NULL : g_strdup(col[COL_BRAND]);
  row->uarch = opt_text(col[COL_UARCH]);
  row->codename = opt_text(col[COL_CODENAME]);
  row->generation = opt_text(col[COL_GENERATION]);
  row->process = opt_text(col[COL_PROCESS]);
  row->source = g_strdup(col[COL_SOURCE]);
  row->file = g_strdup(name);
  row->line = lineno;
  g_ptr_array_add(table->rows, g_steal_pointer(&row));
  return TRUE;
fail:
  g_set_error(error, LF_ERROR, LF_ERROR_PARSE, "%s:%u: %s", name, lineno, why);
  return FALSE;
}

gboolean lf_cpu_table_add_tsv(LfCpuTable *table, const char *name, const char *text, gsize len,
                              GError **error)
{
  g_autofree char *copy = g_strndup(text, len);
  g_auto(GStrv) lines = g_strsplit(copy, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++) {
    char *line = lines[i];
    gsize l = strlen(line);
    if (l > 0 && line[l - 1] == '\r')
      line[l - 1] = '\0';
    if (*line == '\0' || *line == '#')
      continue;
    if (g_str_has_prefix(line, "vendor\tfamily\t"))   /* the column header */
      continue;
    if (!parse_row(table, name, i + 1, line, error))
      return FALSE;
  }
  return TRUE;
}

/* TRUE if row a matches every CPU row b matches (a shadows b). */
static gboolean row_covers(const LfCpuRow *a, const LfCpuRow *b)
{
  return strcmp(a->vendor, b->vendor) == 0 && a->family == b->family &&
         a->model_lo <= b->model_lo && a->model_hi >= b->model_hi &&
         a->step_lo <= b->step_lo && a->step_hi >= b->step_hi &&
         (a->brand == NULL || g_strcmp0(a->brand, b->brand) == 0);
}

gboolean lf_cpu_table_check(const LfCpuTable *table, GError **error)
{
  for (guint j = 0; j < table->rows->len; j++) {
    const LfCpuRow *b = g_ptr_array_index(table->rows, j);
    for (guint i = 0; i < j; i++) {
      const LfCpuRow *a = g_ptr_array_index(table->rows, i);
      if (!row_covers(a, b))
        continue;
      gboolean dup = row_covers(b, a);
      g_set_error(error, LF_ERROR, LF_ERROR_PARSE, "%s:%u: %s %s:%u", b->file, b->line,
                  dup ? "duplicate key of" : "never matches, shadowed by", a->file, a->line);
      return FALSE;
    }
  }
  return TRUE;
}

const char *lf_cpu_vendor_short(const char *vendor_str)
{
  static const struct { const char *cpuid, *id; } map[] = {
    { "GenuineIntel", "intel" }, { "AuthenticAMD", "amd" }, { "CentaurHauls", "centaur" },
    { "  Shanghai  ", "zhaoxin" }, { "HygonGenuine", "hygon" },
    { "intel", "intel" }, { "amd", "amd" }, { "centaur", "centaur" },
    { "zhaoxin", "zhaoxin" }, { "hygon", "hygon" },
  };
  if (vendor_str == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS(map); i++)
    if (strcmp(vendor_str, map[i].cpuid) == 0)
      return map[i].id;
  return NULL;
}

static gboolean brand_matches(const char *patterns, const char *brand)
{
  if (patterns == NULL)
    return TRUE;
  if (brand == NULL)
    return FALSE;
  g_auto(GStrv) alt = g_strsplit(patterns, "|", -1);
  for (guint i = 0; alt[i] != NULL; i++)
    if (g_pattern_match_simple(alt[i], brand))
      return TRUE;
  return FALSE;
}

const LfCpuRow *lf_cpu_table_lookup(const LfCpuTable *table, const char *vendor, gint family,
                                    gint model, gint stepping, const char *brand)
{
  const char *v = lf_cpu_vendor_short(vendor);
  if (table == NULL || v == NULL)
    return NULL;
  g_autofree char *clean = lf_cpu_brand_clean(brand);
  for (guint i = 0; i < table->rows->len; i++) {
    const LfCpuRow *r = g_ptr_array_index(table->rows, i);
    if (strcmp(r->vendor, v) != 0 || r->family != family || model < r->model_lo ||
        model > r->model_hi)
      continue;
    /* An unknown stepping matches only rows that do not care. */
    if (stepping < 0 ? (r->step_lo != 0 || r->step_hi != G_MAXINT)
                     : (stepping < r->step_lo || stepping > r->step_hi))
      continue;
    if (!brand_matches(r->brand, clean))
      continue;
    return r;
  }
  return NULL;
}

/* Generated at build time from the TSV files (data/cpu/embed.cmake). */
typedef struct {
  const char *name;
  const char *data;
  gsize len;
} LfCpuTsvFile;
extern const LfCpuTsvFile lf_cpu_tsv_files[];
extern const guint lf_cpu_tsv_n_files;

const LfCpuTable *lf_cpu_table_builtin(void)
{
  static gsize once = 0;
  static LfCpuTable *table = NULL;
  if (g_once_init_enter(&once)) {
    g_autoptr(LfCpuTable) t = lf_cpu_table_new();
    g_autoptr(GError) error = NULL;
    gboolean ok = TRUE;
    for (guint i = 0; ok && i < lf_cpu_tsv_n_files; i++)
      ok = lf_cpu_table_add_tsv(t, lf_cpu_tsv_files[i].name, lf_cpu_tsv_files[i].data,
                                lf_cpu_tsv_files[i].len, &error);
    if (ok)
      table = g_steal_pointer(&t);
    else
      g_debug("embedded CPU table is broken: %s", error->message);
    g_once_init_leave(&once, 1);
  }
  return table;
}

/* --- /proc/cpuinfo ------------------------------------------------------- */

void lf_cpuinfo_init(LfCpuinfo *info)
{
  memset(info, 0, sizeof *info);
  info->family = info->model = info->stepping = LF_UNKNOWN;
  info->threads = info->cores = LF_UNKNOWN;
}

void lf_cpuinfo_clear(LfCpuinfo *info)
{
  g_free(info->vendor_id);
  g_free(info->model_name);
  if (info->flags != NULL)
    g_ptr_array_unref(info->flags);
  g_free(info->arch);
  g_free(info->implementer);
  lf_cpuinfo_init(info);
}

/* Upper bound on flags kept: real CPUs print ~150. */
#define LF_CPUINFO_MAX_FLAGS 1024

static GPtrArray *split_flags(const char *value)
{
  GPtrArray *flags = g_ptr_array_new_with_free_func(g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
  g_auto(GStrv) words = g_strsplit_set(value, " \t", -1);
  for (guint i = 0; words[i] != NULL && flags->len < LF_CPUINFO_MAX_FLAGS; i++)
    if (*words[i] != '\0' && g_hash_table_add(seen, words[i]))
      g_ptr_array_add(flags, g_strdup(words[i]));
  return flags;
}

static const char *arm_implementer(gint64 id)
{
  switch (id) {
  case 0x41: return "ARM";
  case 0x42: return "Broadcom";
  case 0x43: return "Cavium";
  case 0x46: return "Fujitsu";
  case 0x48: return "HiSilicon";
  case 0x4e: return "NVIDIA";
  case 0x51: return "Qualcomm";
  case 0x53: return "Samsung";
  case 0x61: return "Apple";
  case 0x6d: return "Microsoft";
  case 0xc0: return "Ampere";
  default: return NULL;
  }
}

static gboolean parse_any_int(const char *s, gint64 *out)
{
  g_autofree char *c = g_strstrip(g_strdup(s));
  guint64 v;
  if (g_str_has_prefix(c, "0x"))
    return g_ascii_string_to_unsigned(c + 2, 16, 0, G_MAXINT32, &v, NULL) &&
           ((*out = (gint64)v), TRUE);
  return lf_parse_int(c, out) && *out >= 0 && *out <= G_MAXINT32;
}

gboolean lf_cpuinfo_parse(const char *text, gsize len, LfCpuinfo *info)
{
  lf_cpuinfo_clear(info);
  g_autofree char *copy = g_strndup(text, len);
  g_auto(GStrv) lines = g_strsplit(copy, "\n", -1);
  g_autoptr(GHashTable) cores = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) packages = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  gint64 threads = 0, cpu_cores = LF_UNKNOWN, arch_ver = LF_UNKNOWN;
  g_autofree char *phys = NULL, *isa = NULL;
  gboolean any = FALSE;
  for (guint i = 0; lines[i] != NULL; i++) {
    char *colon = strchr(lines[i], ':');
    if (colon == NULL)
      continue;
    *colon = '\0';
    char *key = g_strstrip(lines[i]);
    char *value = g_strstrip(colon + 1);
    gint64 n;
    if (g_ascii_strcasecmp(key, "processor") == 0) {
      /* x86 numbers each block; old arm kernels put "Processor : name". */
      if (parse_any_int(value, &n)) {
        threads++;
        g_clear_pointer(&phys, g_free);
      } else if (info->model_name == NULL && *value != '\0') {
        info->model_name = g_strdup(value);
      }
      any = TRUE;
      continue;
    }
    if (threads > 1)
      ;   /* identity comes from the first block; topology from all */
    else if (strcmp(key, "vendor_id") == 0 && info->vendor_id == NULL && *value)
      info->vendor_id = g_strdup(value);
    else if (strcmp(key, "cpu family") == 0 && parse_any_int(value, &n))
      info->family = n;
    else if (strcmp(key, "model") == 0 && parse_any_int(value, &n))
      info->model = n;
    else if (strcmp(key, "stepping") == 0 && parse_any_int(value, &n))
      info->stepping = n;
    else if (strcmp(key, "model name") == 0 && *value && info->model_name == NULL)
      info->model_name = g_strdup(value);
    else if ((strcmp(key, "flags") == 0 || strcmp(key, "Features") == 0) && info->flags == NULL)
      info->flags = split_flags(value);
    else if (strcmp(key, "CPU implementer") == 0 && parse_any_int(value, &n) &&
             info->implementer == NULL)
      info->implementer = g_strdup(arm_implementer(n));
    else if (strcmp(key, "CPU architecture") == 0 && parse_any_int(value, &n))
      arch_ver = n;
    else if (strcmp(key, "isa") == 0 && isa == NULL)
      isa = g_strdup(value);
    else if (strcmp(key, "cpu cores") == 0 && parse_any_int(value, &n))
      cpu_cores = n;
    else if (strcmp(key, "cpu") == 0 && info->model_name == NULL && *value)
      info->model_name = g_strdup(value);   /* ppc: "POWER9 (raw), altivec supported" */
    if (strcmp(key, "physical id") == 0) {
      g_free(phys);
      phys = g_strdup(value);
      if (g_hash_table_size(packages) < 4096)
        g_hash_table_add(packages, g_strdup(value));
    } else if (strcmp(key, "core id") == 0 && g_hash_table_size(cores) < 65536) {
      g_hash_table_add(cores, g_strdup_printf("%s/%s", phys ? phys : "", value));
    }
    any = TRUE;
  }
  info->threads = threads > 0 ? threads : LF_UNKNOWN;
  if (g_hash_table_size(cores) > 0)
    info->cores = g_hash_table_size(cores);
  else if (lf_known_int(cpu_cores) && cpu_cores > 0)
    info->cores = cpu_cores * MAX(1u, g_hash_table_size(packages));
  if (info->vendor_id == NULL) {
    /* Not x86: name the architecture. */
    if (isa != NULL && g_str_has_prefix(isa, "rv64"))
      info->arch = g_strdup("riscv64");
    else if (isa != NULL && g_str_has_prefix(isa, "rv32"))
      info->arch = g_strdup("riscv32");
    else if (info->implementer != NULL || lf_known_int(arch_ver))
      info->arch = g_strdup(info->flags != NULL && (lf_strv_contains(info->flags, "asimd") ||
                                                    lf_strv_contains(info->flags, "fp"))
                                ? "arm64" : "arm");
    else if (info->model_name != NULL && g_str_has_prefix(info->model_name, "POWER"))
      info->arch = g_strdup("ppc64");
  }
  return any && (info->vendor_id != NULL || info->arch != NULL || info->flags != NULL);
}

/* --- filling the report -------------------------------------------------- */

char *lf_cpu_brand_clean(const char *brand)
{
  if (brand == NULL)
    return NULL;
  GString *s = g_string_new(NULL);
  gboolean space = FALSE;
  for (const char *p = brand; *p; p++) {
    if (g_ascii_isspace(*p)) {
      space = s->len > 0;
      continue;
    }
    if (space)
      g_string_append_c(s, ' ');
    space = FALSE;
    g_string_append_c(s, g_ascii_isprint(*p) ? *p : '?');
  }
  if (s->len == 0) {
    g_string_free(s, TRUE);
    return NULL;
  }
  return g_string_free(s, FALSE);
}

/* "1.60" followed by GHz/MHz at p, or NAN. */
static double parse_freq(const char *p)
{
  char *end = NULL;
  double v = g_ascii_strtod(p, &end);
  if (end == p || !(v > 0) || v > 100000)
    return NAN;
  while (*end == ' ')
    end++;
  if (g_ascii_strncasecmp(end, "GHz", 3) == 0)
    return v < 100 ? v * 1000.0 : NAN;
  if (g_ascii_strncasecmp(end, "MHz", 3) == 0)
    return v;
  return NAN;
}

double lf_cpu_brand_mhz(const char *brand)
{
  if (brand == NULL)
    return NAN;
  const char *at = strrchr(brand, '@');
  if (at != NULL)
    return parse_freq(at + 1);
  /* Older brands end in the clock without "@" ("Pentium(R) M processor 1.86GHz"). */
  const char *space = strrchr(brand, ' ');
  const char *last = space != NULL ? space + 1 : brand;
  return g_ascii_isdigit(*last) ? parse_freq(last) : NAN;
}

static void set_str(char **field, const char *value)
{
  g_free(*field);
  *field = g_strdup(value);
}

static void set_strv(GPtrArray **field, GPtrArray *value /* transfer full */)
{
  if (*field != NULL)
    g_ptr_array_unref(*field);
  *field = value;
}

/* What x86 sources have in common once flags are registers. */
static void fill_x86(LfCpu *cpu, const LfCpuidRegs *regs, const char *vendor, gint family,
                     gint model, gint stepping, const char *brand, const LfCpuTable *table)
{
  g_autofree char *clean = lf_cpu_brand_clean(brand);
  set_str(&cpu->vendor, vendor);
  set_str(&cpu->brand, clean);
  cpu->family = family >= 0 ? family : LF_UNKNOWN;
  cpu->model = model >= 0 ? model : LF_UNKNOWN;
  cpu->stepping = stepping >= 0 ? stepping : LF_UNKNOWN;

  /* QUIRK: QEMU's generic models (qemu64, kvm64) reuse K8/NetBurst numbers. */
  gboolean virtual_model = BIT(regs->ecx1, 31) && (clean == NULL || strstr(clean, "QEMU") != NULL ||
                                                   strstr(clean, "KVM") != NULL);
  const LfCpuRow *row = family >= 0 && model >= 0 && !virtual_model
                            ? lf_cpu_table_lookup(table, vendor, family, model, stepping, clean)
                            : NULL;
  if (row != NULL) {
    set_str(&cpu->uarch, row->uarch);
    set_str(&cpu->codename, row->codename);
    set_str(&cpu->generation, row->generation);
    cpu->launch_year = row->year;
    set_str(&cpu->table_source, row->source);
  } else if (BIT(regs->ecx1, 31)) {
    /* A hypervisor's model numbers may be invented: never guess. */
    set_str(&cpu->generation, "unknown (virtual CPU)");
  }

  GPtrArray *missing = NULL;
  set_str(&cpu->isa_level, lf_cpuid_isa_level(regs, &missing));
  set_strv(&cpu->missing_for_next_level, missing);
  cpu->bits = BIT(regs->edx81, 29) ? 64 : 32;
  cpu->pae = BIT(regs->edx1, 6) ? LF_TRI_TRUE : LF_TRI_FALSE;
  g_clear_pointer(&cpu->pae_note, g_free);
  /* QUIRK: Pentium M Banias (6/9) and Dothan stepping 6 implement PAE without
   * setting the CPUID bit (Linux forcepae). */
  if (cpu->pae == LF_TRI_FALSE && g_strcmp0(lf_cpu_vendor_short(vendor), "intel") == 0 &&
      family == 6 && (model == 0x9 || (model == 0xd && stepping >= 0 && stepping <= 6)))
    cpu->pae_note = g_strdup("hidden");
  cpu->nx = BIT(regs->edx81, 20) ? LF_TRI_TRUE : LF_TRI_FALSE;
  cpu->sse2 = BIT(regs->edx1, 26) ? LF_TRI_TRUE : LF_TRI_FALSE;
  cpu->max_mhz = lf_cpu_brand_mhz(clean);
}

void lf_cpu_fill_from_regs(LfCpu *cpu, const LfCpuidRegs *regs, const LfCpuTable *table)
{
  fill_x86(cpu, regs, regs->vendor[0] ? regs->vendor : NULL, lf_cpuid_family(regs->eax1),
           lf_cpuid_model(regs->eax1), lf_cpuid_stepping(regs->eax1), regs->brand, table);
  set_strv(&cpu->flags, lf_cpuid_flags(regs));
}

static GPtrArray *strv_copy(const GPtrArray *a)
{
  GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
  for (guint i = 0; a != NULL && i < a->len; i++)
    g_ptr_array_add(out, g_strdup(g_ptr_array_index(a, i)));
  return out;
}

void lf_cpu_fill_from_cpuinfo(LfCpu *cpu, const LfCpuinfo *info, const LfCpuTable *table)
{
  if (info->arch != NULL) {
    set_str(&cpu->vendor, info->implementer);
    g_autofree char *clean = lf_cpu_brand_clean(info->model_name);
    set_str(&cpu->brand, clean);
    set_str(&cpu->isa_level, info->arch);
    cpu->bits = g_str_has_suffix(info->arch, "64") ? 64 : 32;
    if (info->flags != NULL)
      set_strv(&cpu->flags, strv_copy(info->flags));
    return;
  }
  LfCpuidRegs regs = { 0 };
  lf_cpuid_regs_from_flags(&regs, info->flags);
  gint fam = lf_known_int(info->family) ? (gint)info->family : -1;
  gint mod = lf_known_int(info->model) ? (gint)info->model : -1;
  gint step = lf_known_int(info->stepping) ? (gint)info->stepping : -1;
  fill_x86(cpu, &regs, info->vendor_id, fam, mod, step, info->model_name, table);
  if (info->flags == NULL) {
    /* No flags line: nothing is known about features. */
    g_clear_pointer(&cpu->isa_level, g_free);
    g_clear_pointer(&cpu->missing_for_next_level, g_ptr_array_unref);
    cpu->bits = LF_UNKNOWN;
    cpu->pae = cpu->nx = cpu->sse2 = LF_TRI_UNKNOWN;
  } else {
    set_strv(&cpu->flags, strv_copy(info->flags));
  }
}
