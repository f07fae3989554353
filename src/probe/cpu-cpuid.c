/* SPDX-License-Identifier: GPL-2.0-or-later */
/* CPU probe: the only libcpuid user.
 *
 * Sources, in order: a CPUID dump (--cpuid-dump FILE, any format cpu-dump.h reads),
 * the live CPU's CPUID when the root is live, else <root>/proc/cpuinfo (how a
 * fixture root or a non-x86 machine is described). libcpuid only supplies raw
 * registers and the topology count; identification is cpu-ident.c.
 *
 * QUIRK: libcpuid 0.6.2's cpu_identify_all() dies with SIGFPE on VIA, Zhaoxin
 * and ARM dumps, its reader accepts garbage silently, its feature flags miss
 * AVX-512 on AMD and its codenames are wrong for many 2020+ CPUs: use
 * cpu_identify() on one CPU, validate the dump, read registers ourselves. */
#include <glib/gi18n.h>
#include <libcpuid.h>
#include <string.h>

#include "core/error.h"
#include "probe/cpu-dump.h"
#include "probe/cpu-ident.h"
#include "probe/errors.h"
#include "probe/probe.h"
#include "probe/smbios.h"

/* Dumps are a few KB; anything this large is not one. */
#define LF_CPUID_DUMP_MAX (4 * 1024 * 1024)

static void on_cpuid_warning(const char *msg)
{
  g_debug("libcpuid: %s", msg);
}

static void regs_from_raw(LfCpuidRegs *regs, struct cpu_raw_data_t *raw)
{
  memset(regs, 0, sizeof *regs);
  regs->max_leaf = raw->basic_cpuid[0][EAX];
  guint32 v[3] = { raw->basic_cpuid[0][EBX], raw->basic_cpuid[0][EDX], raw->basic_cpuid[0][ECX] };
  for (guint i = 0; i < 12; i++)
    regs->vendor[i] = (char)((v[i / 4] >> (8 * (i % 4))) & 0xff);
  regs->vendor[12] = '\0';
  if (regs->max_leaf >= 1) {
    regs->eax1 = raw->basic_cpuid[1][EAX];
    regs->ebx1 = raw->basic_cpuid[1][EBX];
    regs->ecx1 = raw->basic_cpuid[1][ECX];
    regs->edx1 = raw->basic_cpuid[1][EDX];
  }
  if (regs->max_leaf >= 7) {
    regs->ebx7 = raw->basic_cpuid[7][EBX];
    regs->ecx7 = raw->basic_cpuid[7][ECX];
    regs->edx7 = raw->basic_cpuid[7][EDX];
  }
  regs->max_ext_leaf = raw->ext_cpuid[0][EAX];
  if (regs->max_ext_leaf >= 0x80000001u && regs->max_ext_leaf < 0x8000ffffu) {
    regs->ecx81 = raw->ext_cpuid[1][ECX];
    regs->edx81 = raw->ext_cpuid[1][EDX];
  }
  if (regs->max_ext_leaf >= 0x80000004u && regs->max_ext_leaf < 0x8000ffffu) {
    for (guint i = 0; i < 48; i++) {
      guint32 reg = raw->ext_cpuid[2 + i / 16][(i / 4) % 4];
      regs->brand[i] = (char)((reg >> (8 * (i % 4))) & 0xff);
    }
  }
  regs->brand[48] = '\0';
  regs->xcr0 = G_MAXUINT64;
}

/* libcpuid's raw struct from one CPU of a dump, for its topology count. */
static void raw_from_cpu(struct cpu_raw_data_t *raw, const LfCpuidCpu *cpu)
{
  memset(raw, 0, sizeof *raw);
  for (guint i = 0; i < MAX_CPUID_LEVEL; i++)
    lf_cpuid_cpu_get(cpu, i, 0, raw->basic_cpuid[i]);
  for (guint i = 0; i < MAX_EXT_CPUID_LEVEL; i++)
    lf_cpuid_cpu_get(cpu, 0x80000000u + i, 0, raw->ext_cpuid[i]);
  for (guint i = 0; i < MAX_INTELFN4_LEVEL; i++)
    lf_cpuid_cpu_get(cpu, 4, i, raw->intel_fn4[i]);
  for (guint i = 0; i < MAX_INTELFN11_LEVEL; i++)
    lf_cpuid_cpu_get(cpu, 0xb, i, raw->intel_fn11[i]);
  for (guint i = 0; i < MAX_INTELFN12H_LEVEL; i++)
    lf_cpuid_cpu_get(cpu, 0x12, i, raw->intel_fn12h[i]);
  for (guint i = 0; i < MAX_INTELFN14H_LEVEL; i++)
    lf_cpuid_cpu_get(cpu, 0x14, i, raw->intel_fn14h[i]);
  for (guint i = 0; i < MAX_AMDFN8000001DH_LEVEL; i++)
    lf_cpuid_cpu_get(cpu, 0x8000001du, i, raw->amd_fn8000001dh[i]);
}

/* Loads a dump in any known format, or a saved /proc/cpuinfo: then NULL
 * without an error and as_cpuinfo filled. libcpuid identifies its first CPU only for
 * the topology count; identification itself is ours. */
static LfCpuidDump *load_dump(const char *path, LfCpuidRegs *regs, struct cpu_id_t *id,
                              LfCpuinfo *as_cpuinfo, GError **error)
{
  g_autofree char *text = NULL;
  gsize len = 0;
  if (!lf_file_read(path, LF_CPUID_DUMP_MAX, LF_READ_DEFAULT, &text, &len, error))
    return NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(LfCpuidDump) dump = lf_cpuid_dump_parse(text, len, &local);
  /* A saved /proc/cpuinfo (an ARM laptop's, say) is what people have too. */
  if (dump == NULL && lf_cpuinfo_parse(text, len, as_cpuinfo) &&
      (as_cpuinfo->arch != NULL || as_cpuinfo->vendor_id != NULL))
    return NULL;
  if (dump == NULL) {
    lf_cpuinfo_clear(as_cpuinfo);
    g_set_error(error, LF_ERROR, LF_ERROR_PARSE,
                _("cannot read CPUID dump '%s': %s (known formats: %s)"), path, local->message,
                lf_cpuid_dump_formats());
    return NULL;
  }
  const LfCpuidCpu *cpu0 = g_ptr_array_index(dump->cpus, 0);
  lf_cpuid_regs_from_cpu(regs, cpu0);
  g_debug("CPUID dump '%s': %s, %u logical CPUs", path, dump->format, dump->cpus->len);
  struct cpu_raw_data_t raw;
  raw_from_cpu(&raw, cpu0);
  cpuid_set_warn_function(on_cpuid_warning);
  memset(id, 0, sizeof *id);
  if (cpu_identify(&raw, id) < 0) {
    /* QUIRK: libcpuid 0.6.2 rejects Zhaoxin ("  Shanghai  "); our table knows it,
     * and only the topology count is lost. Other vendors are not x86 dumps. */
    if (lf_cpu_vendor_short(regs->vendor) == NULL) {
      g_set_error(error, LF_ERROR, LF_ERROR_UNSUPPORTED,
                  _("cannot identify the CPU in dump '%s': %s"), path, cpuid_error());
      return NULL;
    }
    g_debug("cpu_identify on '%s': %s", path, cpuid_error());
    memset(id, 0, sizeof *id);
  }
  return g_steal_pointer(&dump);
}

#if defined(__x86_64__) || defined(__i386__)
static guint64 read_xcr0(void)
{
  guint32 lo, hi;
  __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
  return ((guint64)hi << 32) | lo;
}
#endif

static gboolean load_live(LfCpuidRegs *regs, struct cpu_id_t *id)
{
#if defined(__x86_64__) || defined(__i386__)
  if (!cpuid_present())
    return FALSE;
  struct cpu_raw_data_t raw;
  memset(&raw, 0, sizeof raw);
  cpuid_set_warn_function(on_cpuid_warning);
  if (cpuid_get_raw_data(&raw) < 0) {
    g_debug("cpuid_get_raw_data: %s", cpuid_error());
    return FALSE;
  }
  regs_from_raw(regs, &raw);
  /* OS support for AVX/AVX-512 state: only readable once the OS set OSXSAVE. */
  regs->xcr0 = (regs->ecx1 >> 27) & 1u ? read_xcr0() : 0;
  memset(id, 0, sizeof *id);
  if (cpu_identify(&raw, id) < 0) {
    g_debug("cpu_identify: %s", cpuid_error());
    id->num_cores = id->num_logical_cpus = 0;
  }
  return TRUE;
#else
  return FALSE;
#endif
}

/* CPUID vendor string for SMBIOS type 4's manufacturer text, NULL if unknown. */
static const char *vendor_from_manufacturer(const char *m)
{
  static const struct { const char *word, *vendor; } map[] = {
    { "Intel", "GenuineIntel" }, { "AMD", "AuthenticAMD" },
    { "Advanced Micro Devices", "AuthenticAMD" }, { "Hygon", "HygonGenuine" },
    { "Zhaoxin", "  Shanghai  " }, { "VIA", "CentaurHauls" }, { "Centaur", "CentaurHauls" },
  };
  for (guint i = 0; m != NULL && i < G_N_ELEMENTS(map); i++)
    if (strstr(m, map[i].word) != NULL)
      return map[i].vendor;
  return NULL;
}

/* SMBIOS type 4 (a saved machine without CPUID or cpuinfo): its ID is CPUID
 * leaf 1 EAX and EDX, its version the brand. Only the EDX features are known,
 * so the ISA level and flags stay unknown. */
static gboolean fill_from_smbios(const LfSmbios *smbios, LfCpu *cpu, const LfCpuTable *table)
{
  if (smbios == NULL || !lf_known_int(smbios->cpu_id_eax))
    return FALSE;
  LfCpuidRegs regs = { 0 };
  const char *vendor = vendor_from_manufacturer(smbios->cpu_manufacturer);
  if (vendor == NULL)
    vendor = vendor_from_manufacturer(smbios->cpu_version);
  if (vendor != NULL)
    memcpy(regs.vendor, vendor, 12);
  regs.max_leaf = 1;
  regs.eax1 = (guint32)smbios->cpu_id_eax;
  regs.edx1 = (guint32)smbios->cpu_id_edx;
  if (smbios->cpu_version != NULL && !lf_smbios_is_placeholder(smbios->cpu_version))
    g_strlcpy(regs.brand, smbios->cpu_version, sizeof regs.brand);
  lf_cpu_fill_from_regs(cpu, &regs, table);
  g_clear_pointer(&cpu->isa_level, g_free);
  g_clear_pointer(&cpu->missing_for_next_level, g_ptr_array_unref);
  g_clear_pointer(&cpu->flags, g_ptr_array_unref);
  cpu->bits = LF_UNKNOWN;    /* long mode is an extended-leaf bit SMBIOS lacks */
  cpu->nx = LF_TRI_UNKNOWN;
  g_clear_pointer(&cpu->pae_note, g_free);
  g_free(cpu->source);
  cpu->source = g_strdup("smbios");
  return TRUE;
}

/* Highest cpuinfo_max_freq over all CPUs (hybrid parts differ per core), MHz. */
static double cpufreq_max_mhz(LfSysroot *root)
{
  g_autoptr(GPtrArray) cpus = lf_sysroot_list(root, "sys/devices/system/cpu");
  double best = NAN;
  for (guint i = 0; cpus != NULL && i < cpus->len; i++) {
    const char *name = g_ptr_array_index(cpus, i);
    if (!g_str_has_prefix(name, "cpu") || !g_ascii_isdigit(name[3]))
      continue;
    g_autofree char *rel =
        g_strdup_printf("sys/devices/system/cpu/%s/cpufreq/cpuinfo_max_freq", name);
    gint64 khz;
    if (lf_sysroot_read_int(root, rel, &khz) && khz > 0 && khz < G_GINT64_CONSTANT(100000000) &&
        (isnan(best) || khz / 1000.0 > best))
      best = khz / 1000.0;
  }
  return best;
}

static gboolean same_cpu(const LfCpuinfo *info, const LfCpu *cpu)
{
  return g_strcmp0(info->vendor_id, cpu->vendor) == 0 && info->family == cpu->family &&
         info->model == cpu->model && info->stepping == cpu->stepping;
}

/* What lf_probe_cpu() found to identify the CPU with. */
typedef struct {
  LfCpuinfo info;               /* the root's /proc/cpuinfo, or the saved one given as dump */
  gboolean have_info;
  LfCpuidRegs regs;
  struct cpu_id_t id;           /* libcpuid's topology */
  LfCpuidDump *dumped;          /* the CPUID dump given, or NULL */
  const char *dump;             /* --cpuid-dump, or NULL */
  gboolean live;
  gboolean root_describes_cpu;  /* may sysroot facts (cpufreq, topology) be used? */
} CpuSources;

static void cpu_sources_clear(CpuSources *s)
{
  lf_cpuinfo_clear(&s->info);
  g_clear_pointer(&s->dumped, lf_cpuid_dump_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(CpuSources, cpu_sources_clear)

static void set_source(LfCpu *cpu, const char *source)
{
  g_free(cpu->source);
  cpu->source = g_strdup(source);
}

/* --cpuid-dump: a CPUID dump, or a saved /proc/cpuinfo that replaces the
 * root's (then s->dumped stays NULL). FALSE when it is neither. */
static gboolean read_given_dump(CpuSources *s, GError **error)
{
  g_auto(LfCpuinfo) saved_info = { 0 };
  lf_cpuinfo_init(&saved_info);
  s->dumped = load_dump(s->dump, &s->regs, &s->id, &saved_info, error);
  if (s->dumped != NULL)
    return TRUE;
  if (!lf_known_int(saved_info.threads) && saved_info.arch == NULL &&
      saved_info.vendor_id == NULL)
    return FALSE;
  lf_cpuinfo_clear(&s->info);
  s->info = saved_info;
  lf_cpuinfo_init(&saved_info);
  s->have_info = TRUE;
  return TRUE;
}

/* Identity from the best source there is: a dump, live CPUID, /proc/cpuinfo,
 * SMBIOS type 4. FALSE when none says anything (an error is in the report). */
static gboolean identify(LfProbeContext *ctx, LfReport *report, const LfCpuTable *table,
                         CpuSources *s)
{
  LfCpu *cpu = &report->cpu;
  if (s->dump != NULL && s->dumped == NULL) {
    lf_cpu_fill_from_cpuinfo(cpu, &s->info, table);
    set_source(cpu, "cpuinfo");
    s->root_describes_cpu = !s->live;
    cpu->threads = s->info.threads;
    cpu->cores = s->info.cores;
  } else if (s->dump != NULL) {
    lf_cpu_fill_from_regs(cpu, &s->regs, table);
    set_source(cpu, "cpuid-dump");
    s->root_describes_cpu = s->have_info ? same_cpu(&s->info, cpu) : !s->live;
  } else if (s->live && load_live(&s->regs, &s->id)) {
    lf_cpu_fill_from_regs(cpu, &s->regs, table);
    set_source(cpu, "cpuid");
  } else if (s->have_info) {
    lf_cpu_fill_from_cpuinfo(cpu, &s->info, table);
    set_source(cpu, "cpuinfo");
    s->id.num_cores = s->id.num_logical_cpus = 0;
  } else if (fill_from_smbios(ctx->smbios, cpu, table)) {
    lf_report_add_error(report, "cpu", LF_PE_CPU_FROM_SMBIOS);
    s->id.num_cores = (int)(lf_known_int(ctx->smbios->cpu_cores) ? ctx->smbios->cpu_cores : 0);
    s->id.num_logical_cpus =
        (int)(lf_known_int(ctx->smbios->cpu_threads) ? ctx->smbios->cpu_threads : 0);
    s->root_describes_cpu = FALSE;
  } else {
    lf_report_add_error(report, "cpu", LF_PE_NO_CPUID);
    return FALSE;
  }
  return TRUE;
}

/* Cores and threads: a dump of every logical CPU, else this machine's
 * /proc/cpuinfo, else libcpuid's count. */
static void fill_topology(const CpuSources *s, LfReport *report)
{
  LfCpu *cpu = &report->cpu;
  if (s->dumped != NULL && s->dumped->cpus->len > 1) {
    /* A dump of every logical CPU is the best topology source there is. */
    lf_cpuid_dump_topology(s->dumped, &cpu->cores, &cpu->threads);
    g_clear_pointer(&cpu->core_types, g_ptr_array_unref);
    cpu->core_types = lf_struct_array_new(&lf_cpu_core_type_desc);
    lf_cpuid_dump_core_types(s->dumped, cpu->uarch, cpu->core_types);
  } else if (s->dump != NULL && s->dumped == NULL) {
    ;   /* topology came with the saved cpuinfo */
  } else if (s->have_info && s->root_describes_cpu && lf_known_int(s->info.threads)) {
    cpu->threads = s->info.threads;
    cpu->cores = s->info.cores;
  } else {
    cpu->threads = s->id.num_logical_cpus > 0 ? s->id.num_logical_cpus : LF_UNKNOWN;
    cpu->cores = s->id.num_cores > 0 ? s->id.num_cores : LF_UNKNOWN;
    /* QUIRK: on hybrid Intel parts (CPUID 7.0:EDX[15]) libcpuid 0.6.2 divides
     * the logical count by the P-cores' threads per core: not the core count. */
    if (cpu->source != NULL && strcmp(cpu->source, "cpuinfo") != 0 &&
        (s->regs.edx7 >> 15) & 1u && lf_known_int(cpu->cores)) {
      cpu->cores = LF_UNKNOWN;
      lf_report_add_error(report, "cpu", LF_PE_HYBRID_CORES);
    }
  }
}

gboolean lf_probe_cpu(LfProbeContext *ctx, LfReport *report, GError **error)
{
  LfCpu *cpu = &report->cpu;
  const LfCpuTable *table = lf_cpu_table_builtin();
  if (table == NULL)
    lf_report_add_error(report, "cpu", LF_PE_CPU_TABLE);

  g_auto(CpuSources) s = { .root_describes_cpu = TRUE };
  lf_cpuinfo_init(&s.info);
  g_autofree char *text = NULL;
  gsize len = 0;
  s.have_info = lf_sysroot_read(ctx->root, "proc/cpuinfo", 0, &text, &len, NULL) &&
                lf_cpuinfo_parse(text, len, &s.info);
  s.dump = ctx->opts != NULL ? ctx->opts->cpuid_dump : NULL;
  s.live = lf_sysroot_is_live(ctx->root);
  if (s.dump != NULL && !read_given_dump(&s, error))
    return FALSE;
  if (!identify(ctx, report, table, &s))
    return TRUE;
  fill_topology(&s, report);
  if (s.root_describes_cpu) {
    double mhz = cpufreq_max_mhz(ctx->root);
    if (lf_known_num(mhz))
      cpu->max_mhz = mhz;
  }

  if (cpu->table_source == NULL && lf_known_int(cpu->family))
    lf_report_add_error(report, "cpu",
                        LF_PE_NO_CPU_ROW,
                        cpu->vendor != NULL ? cpu->vendor : "?", cpu->family, cpu->model,
                        lf_known_int(cpu->stepping) ? cpu->stepping : -1);
  if (!lf_known_num(cpu->max_mhz))
    lf_report_add_error(report, "cpu", LF_PE_NO_MAX_FREQ);
  return TRUE;
}
