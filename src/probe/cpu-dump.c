/* SPDX-License-Identifier: GPL-2.0-or-later */
/* CPUID dump readers; see cpu-dump.h. One line-at-a-time scanner: a line is a
 * CPU header, a register line in one of three syntaxes, or ignored, so text
 * around the registers (AIDA64's report, InstLatx64's notes) does no harm. */
#include "probe/cpu-dump.h"

#include <string.h>

#include "core/error.h"

/* Longest line looked at; register lines are under 100 bytes. */
#define LF_DUMP_LINE_MAX 512

typedef struct {
  LfCpuidDump *dump;
  LfCpuidCpu *cpu;          /* current CPU, NULL before the first line */
  gboolean libcpuid_end;    /* libcpuid stops at a line of dashes (notes follow) */
} Scan;

const char *lf_cpuid_dump_formats(void)
{
  /* The probe also takes a saved /proc/cpuinfo (cpu-cpuid.c). */
  return "libcpuid raw, AIDA64, InstLatx64, 'CPUID Registers (CPU #N)' blocks, cpuid -r, "
         "a saved /proc/cpuinfo";
}

static void cpu_free(gpointer p)
{
  LfCpuidCpu *cpu = p;
  g_array_unref(cpu->leaves);
  g_free(cpu);
}

void lf_cpuid_dump_free(LfCpuidDump *dump)
{
  if (dump == NULL)
    return;
  g_ptr_array_unref(dump->cpus);
  g_free(dump);
}

static void new_cpu(Scan *s, const char *format)
{
  if (s->dump->cpus->len >= LF_CPUID_DUMP_MAX_CPUS) {
    s->cpu = NULL;          /* further CPUs are ignored */
    return;
  }
  /* A header right after an empty CPU reuses it (AIDA64 repeats headers). */
  if (s->cpu == NULL || s->cpu->leaves->len > 0) {
    s->cpu = g_new0(LfCpuidCpu, 1);
    s->cpu->leaves = g_array_new(FALSE, FALSE, sizeof(LfCpuidLeaf));
    g_ptr_array_add(s->dump->cpus, s->cpu);
  }
  if (format != NULL)
    s->dump->format = format;
}

gboolean lf_cpuid_cpu_get(const LfCpuidCpu *cpu, guint32 leaf, guint32 sub, guint32 out[4])
{
  for (guint i = 0; cpu != NULL && i < cpu->leaves->len; i++) {
    const LfCpuidLeaf *l = &g_array_index(cpu->leaves, LfCpuidLeaf, i);
    if (l->leaf == leaf && l->sub == sub) {
      memcpy(out, l->r, sizeof l->r);
      return TRUE;
    }
  }
  memset(out, 0, 4 * sizeof(guint32));
  return FALSE;
}

/* sub = G_MAXUINT32: the next unused sub-leaf of leaf (AIDA64 without [SL]). */
static void add_leaf(Scan *s, guint32 leaf, guint32 sub, const guint32 r[4])
{
  if (s->cpu == NULL && s->dump->cpus->len == 0)
    new_cpu(s, NULL);
  if (s->cpu == NULL || s->cpu->leaves->len >= LF_CPUID_DUMP_MAX_LEAVES)
    return;
  guint32 tmp[4];
  if (sub == G_MAXUINT32)
    for (sub = 0; lf_cpuid_cpu_get(s->cpu, leaf, sub, tmp); sub++)
      ;
  else if (lf_cpuid_cpu_get(s->cpu, leaf, sub, tmp))
    return;                 /* first value wins */
  LfCpuidLeaf l = { leaf, sub, { r[0], r[1], r[2], r[3] } };
  g_array_append_val(s->cpu->leaves, l);
}

static gboolean hex32(const char *p, guint n, guint32 *out)
{
  guint32 v = 0;
  for (guint i = 0; i < n; i++) {
    if (!g_ascii_isxdigit(p[i]))
      return FALSE;
    v = (v << 4) | (guint32)g_ascii_xdigit_value(p[i]);
  }
  *out = v;
  return TRUE;
}

/* "0x1f" / "1f" up to a non-hex character; at most 8 digits. */
static const char *hex_word(const char *p, guint32 *out)
{
  if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
    p += 2;
  guint n = 0;
  while (n < 9 && g_ascii_isxdigit(p[n]))
    n++;
  if (n == 0 || n > 8 || !hex32(p, n, out))
    return NULL;
  return p + n;
}

static const char *skip_sp(const char *p)
{
  while (*p == ' ' || *p == '\t')
    p++;
  return p;
}

/* "CPUID 00000004: 1C004121-01C0003F-0000003F-00000000 [SL 00]" (colon optional). */
static gboolean aida_line(Scan *s, const char *p)
{
  guint32 leaf, r[4], sub = G_MAXUINT32;
  if (!g_str_has_prefix(p, "CPUID "))
    return FALSE;
  p = skip_sp(p + 6);
  if (!hex32(p, 8, &leaf))
    return FALSE;
  p += 8;
  if (*p == ':')
    p++;
  p = skip_sp(p);
  for (guint i = 0; i < 4; i++) {
    if (!hex32(p, 8, &r[i]) || (i < 3 && p[8] != '-'))
      return FALSE;
    p += i < 3 ? 9 : 8;
  }
  p = skip_sp(p);
  if (g_str_has_prefix(p, "[SL ") && hex_word(p + 4, &sub) == NULL)
    return FALSE;
  add_leaf(s, leaf, sub, r);
  return TRUE;
}

/* cpuid -r: "0x00000004 0x01: eax=0x04000122 ebx=0x01c0003f ecx=... edx=..." */
static gboolean cpuid_r_line(Scan *s, const char *p)
{
  guint32 leaf, sub, r[4];
  static const char *const names[] = { "eax=", "ebx=", "ecx=", "edx=" };
  if (!g_str_has_prefix(p, "0x") || (p = hex_word(p, &leaf)) == NULL)
    return FALSE;
  p = skip_sp(p);
  if ((p = hex_word(p, &sub)) == NULL || *p != ':')
    return FALSE;
  p++;
  for (guint i = 0; i < 4; i++) {
    p = skip_sp(p);
    if (!g_str_has_prefix(p, names[i]) || (p = hex_word(p + 4, &r[i])) == NULL)
      return FALSE;
  }
  if (s->dump->format == NULL)
    s->dump->format = "cpuid -r";
  add_leaf(s, leaf, sub, r);
  return TRUE;
}

/* libcpuid: "basic_cpuid[1]=000806ea 00100800 7ffafbbf bfebfbff". */
static gboolean libcpuid_line(Scan *s, const char *p)
{
  static const struct { const char *name; guint32 leaf; gboolean sub; } arrays[] = {
    { "basic_cpuid", 0, FALSE }, { "ext_cpuid", 0x80000000u, FALSE },
    { "intel_fn4", 4, TRUE }, { "intel_fn11", 0xb, TRUE }, { "intel_fn12h", 0x12, TRUE },
    { "intel_fn14h", 0x14, TRUE }, { "amd_fn8000001dh", 0x8000001du, TRUE },
  };
  const char *br = strchr(p, '[');
  if (br == NULL)
    return FALSE;
  for (guint a = 0; a < G_N_ELEMENTS(arrays); a++) {
    gsize n = strlen(arrays[a].name);
    if ((gsize)(br - p) != n || strncmp(p, arrays[a].name, n) != 0)
      continue;
    gint64 idx;
    char *end = NULL;
    idx = g_ascii_strtoll(br + 1, &end, 10);
    if (end == br + 1 || idx < 0 || idx > 255 || end[0] != ']' || end[1] != '=')
      return FALSE;
    p = end + 2;
    guint32 r[4];
    for (guint i = 0; i < 4; i++)
      if ((p = hex_word(skip_sp(p), &r[i])) == NULL)
        return FALSE;
    if (s->dump->format == NULL || strcmp(s->dump->format, "libcpuid") != 0)
      s->dump->format = "libcpuid";
    if (arrays[a].sub)
      add_leaf(s, arrays[a].leaf, (guint32)idx, r);
    else
      add_leaf(s, arrays[a].leaf + (guint32)idx, 0, r);
    return TRUE;
  }
  return FALSE;
}

/* Lines that start a logical CPU; TRUE if p is one. */
static gboolean header_line(Scan *s, const char *p)
{
  guint32 n;
  if (strstr(p, "Logical CPU #") != NULL) {
    if (g_str_has_prefix(p, "------["))
      new_cpu(s, "aida64");
    else
      new_cpu(s, "libcpuid");   /* "_____ Logical CPU #0 _____" (cpuid_tool --save) */
    return TRUE;
  }
  if (g_str_has_prefix(p, "CPUID Registers (CPU #")) {
    new_cpu(s, "aida64 report");
    return TRUE;
  }
  if (g_str_has_prefix(p, "CPU#") && strstr(p, "AffMask") != NULL) {
    new_cpu(s, "instlatx64");
    return TRUE;
  }
  /* cpuid -r: "CPU 0:" alone on its line. */
  const char *q;
  if (g_str_has_prefix(p, "CPU ") && (q = hex_word(p + 4, &n)) != NULL && q[0] == ':' &&
      *skip_sp(q + 1) == '\0') {
    new_cpu(s, "cpuid -r");
    return TRUE;
  }
  return FALSE;
}

static void scan_line(Scan *s, const char *line)
{
  const char *p = skip_sp(line);
  if (g_str_has_prefix(p, "--------------------------------------------------------------------------------") &&
      s->dump->format != NULL && strcmp(s->dump->format, "libcpuid") == 0) {
    s->libcpuid_end = TRUE;
    return;
  }
  if (s->libcpuid_end || header_line(s, p))
    return;
  if (aida_line(s, p) || cpuid_r_line(s, p))
    return;
  libcpuid_line(s, p);
}

static gboolean vendor_ok(const guint32 r[4])
{
  guint32 v[3] = { r[1], r[3], r[2] };
  for (guint i = 0; i < 12; i++) {
    char c = (char)((v[i / 4] >> (8 * (i % 4))) & 0xff);
    if (!g_ascii_isprint(c))
      return FALSE;
  }
  return TRUE;
}

LfCpuidDump *lf_cpuid_dump_parse(const char *text, gsize len, GError **error)
{
  g_autoptr(LfCpuidDump) dump = g_new0(LfCpuidDump, 1);
  dump->cpus = g_ptr_array_new_with_free_func(cpu_free);
  Scan s = { dump, NULL, FALSE };
  char line[LF_DUMP_LINE_MAX + 1];
  for (gsize pos = 0; pos < len;) {
    const char *nl = memchr(text + pos, '\n', len - pos);
    gsize line_len = (nl != NULL ? (gsize)(nl - text) : len) - pos;
    gsize n = MIN(line_len, (gsize)LF_DUMP_LINE_MAX);
    memcpy(line, text + pos, n);
    line[n] = '\0';
    while (n > 0 && (line[n - 1] == '\r' || line[n - 1] == ' '))
      line[--n] = '\0';
    if (strlen(line) == n)  /* a NUL inside the line: not text */
      scan_line(&s, line);
    pos += line_len + 1;
  }
  /* Keep the CPUs that can be identified; a dump must have at least one. */
  for (guint i = dump->cpus->len; i-- > 0;) {
    guint32 r0[4], r1[4];
    LfCpuidCpu *cpu = g_ptr_array_index(dump->cpus, i);
    if (!lf_cpuid_cpu_get(cpu, 0, 0, r0) || !lf_cpuid_cpu_get(cpu, 1, 0, r1) || r0[0] < 1 ||
        r1[0] == 0 || !vendor_ok(r0))
      g_ptr_array_remove_index(dump->cpus, i);
  }
  if (dump->cpus->len == 0) {
    g_set_error(error, LF_ERROR, LF_ERROR_PARSE, "%s", dump->format == NULL
                ? "no CPUID registers in a known format"
                : "no logical CPU with a vendor string and leaf 1");
    return NULL;
  }
  if (dump->format == NULL)
    dump->format = "aida64";   /* bare "CPUID xxxxxxxx:" lines */
  return g_steal_pointer(&dump);
}

void lf_cpuid_regs_from_cpu(LfCpuidRegs *regs, const LfCpuidCpu *cpu)
{
  guint32 r[4];
  memset(regs, 0, sizeof *regs);
  lf_cpuid_cpu_get(cpu, 0, 0, r);
  regs->max_leaf = r[0];
  guint32 v[3] = { r[1], r[3], r[2] };
  for (guint i = 0; i < 12; i++)
    regs->vendor[i] = (char)((v[i / 4] >> (8 * (i % 4))) & 0xff);
  if (regs->max_leaf >= 1 && lf_cpuid_cpu_get(cpu, 1, 0, r)) {
    regs->eax1 = r[0];
    regs->ebx1 = r[1];
    regs->ecx1 = r[2];
    regs->edx1 = r[3];
  }
  if (regs->max_leaf >= 7 && lf_cpuid_cpu_get(cpu, 7, 0, r)) {
    regs->ebx7 = r[1];
    regs->ecx7 = r[2];
    regs->edx7 = r[3];
  }
  lf_cpuid_cpu_get(cpu, 0x80000000u, 0, r);
  regs->max_ext_leaf = r[0];
  gboolean ext_ok = regs->max_ext_leaf < 0x8000ffffu;
  if (ext_ok && regs->max_ext_leaf >= 0x80000001u && lf_cpuid_cpu_get(cpu, 0x80000001u, 0, r)) {
    regs->ecx81 = r[2];
    regs->edx81 = r[3];
  }
  if (ext_ok && regs->max_ext_leaf >= 0x80000004u)
    for (guint i = 0; i < 48; i++) {
      if (i % 16 == 0)
        lf_cpuid_cpu_get(cpu, 0x80000002u + i / 16, 0, r);
      regs->brand[i] = (char)((r[(i / 4) % 4] >> (8 * (i % 4))) & 0xff);
    }
  regs->xcr0 = G_MAXUINT64;
}

/* x2APIC ID and the number of its low bits that number SMT threads, from leaf
 * 0x1F or 0xB sub-leaf 0 (level type 1 = SMT); FALSE without either. */
static gboolean apic_core(const LfCpuidCpu *cpu, guint32 *core_id)
{
  static const guint32 leaves[] = { 0x1f, 0xb };
  guint32 r[4];
  for (guint i = 0; i < G_N_ELEMENTS(leaves); i++)
    if (lf_cpuid_cpu_get(cpu, leaves[i], 0, r) && ((r[2] >> 8) & 0xff) == 1) {
      *core_id = r[3] >> (r[0] & 0x1f);
      return TRUE;
    }
  return FALSE;
}

void lf_cpuid_dump_core_types(const LfCpuidDump *dump, const char *uarch, GPtrArray *out)
{
  /* Linux enum intel_cpu_type: 0x20 Atom (E-core), 0x40 Core (P-core). */
  static const struct { guint8 type; const char *kind; } kinds[] = {
    { 0x40, "performance" }, { 0x20, "efficiency" },
  };
  gint64 threads[2] = { 0, 0 };
  g_autoptr(GHashTable) p_cores = g_hash_table_new(NULL, NULL);
  g_autoptr(GHashTable) e_cores = g_hash_table_new(NULL, NULL);
  GHashTable *cores[2] = { p_cores, e_cores };
  gboolean cores_known = TRUE;
  for (guint i = 0; i < dump->cpus->len; i++) {
    const LfCpuidCpu *cpu = g_ptr_array_index(dump->cpus, i);
    guint32 r[4], core_id = 0;
    if (!lf_cpuid_cpu_get(cpu, 0x1a, 0, r))
      continue;
    for (guint k = 0; k < G_N_ELEMENTS(kinds); k++)
      if ((r[0] >> 24) == kinds[k].type) {
        threads[k]++;
        if (apic_core(cpu, &core_id))
          g_hash_table_add(cores[k], GUINT_TO_POINTER(core_id + 1));
        else
          cores_known = FALSE;
      }
  }
  if (threads[0] == 0 || threads[1] == 0)
    return;
  /* "Raptor Cove + Gracemont": the big core first, as the table writes it. */
  g_auto(GStrv) names = uarch != NULL ? g_strsplit(uarch, " + ", 2) : NULL;
  gboolean named = names != NULL && g_strv_length(names) == 2;
  for (guint k = 0; k < G_N_ELEMENTS(kinds); k++) {
    LfCpuCoreType *t = lf_struct_new(&lf_cpu_core_type_desc);
    t->kind = g_strdup(kinds[k].kind);
    t->threads = threads[k];
    t->cores = cores_known ? (gint64)g_hash_table_size(cores[k]) : LF_UNKNOWN;
    t->uarch = named ? g_strdup(names[k]) : NULL;
    g_ptr_array_add(out, t);
  }
}

void lf_cpuid_dump_topology(const LfCpuidDump *dump, gint64 *cores, gint64 *threads)
{
  g_autoptr(GHashTable) ids = g_hash_table_new(NULL, NULL);
  *threads = dump->cpus->len;
  *cores = LF_UNKNOWN;
  for (guint i = 0; i < dump->cpus->len; i++) {
    guint32 core_id;
    if (!apic_core(g_ptr_array_index(dump->cpus, i), &core_id))
      return;
    g_hash_table_add(ids, GUINT_TO_POINTER(core_id + 1));
  }
  *cores = g_hash_table_size(ids);
}
