/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The /proc/cpuinfo parser (x86 and not); see cpu-cpuinfo.h. */
#include "probe/cpu-cpuinfo.h"

#include <string.h>

#include "core/sysroot.h"   /* lf_parse_int */

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
  g_free(info->core);
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

/* Core names by implementer and part number: Linux
 * arch/arm64/include/asm/cputype.h and arch/arm/include/asm/cputype.h. */
static const char *arm_core(gint64 implementer, gint64 part)
{
  static const struct { guint16 impl, part; const char *name; } cores[] = {
    { 0x41, 0xb76, "ARM1176" }, { 0x41, 0xc05, "Cortex-A5" }, { 0x41, 0xc07, "Cortex-A7" },
    { 0x41, 0xc08, "Cortex-A8" }, { 0x41, 0xc09, "Cortex-A9" }, { 0x41, 0xc0d, "Cortex-A12" },
    { 0x41, 0xc0f, "Cortex-A15" }, { 0x41, 0xc0e, "Cortex-A17" }, { 0x41, 0xd03, "Cortex-A53" },
    { 0x41, 0xd04, "Cortex-A35" }, { 0x41, 0xd05, "Cortex-A55" }, { 0x41, 0xd07, "Cortex-A57" },
    { 0x41, 0xd08, "Cortex-A72" }, { 0x41, 0xd09, "Cortex-A73" }, { 0x41, 0xd0a, "Cortex-A75" },
    { 0x41, 0xd0b, "Cortex-A76" }, { 0x41, 0xd0c, "Neoverse N1" }, { 0x41, 0xd0d, "Cortex-A77" },
    { 0x41, 0xd40, "Neoverse V1" }, { 0x41, 0xd41, "Cortex-A78" }, { 0x41, 0xd44, "Cortex-X1" },
    { 0x41, 0xd46, "Cortex-A510" }, { 0x41, 0xd47, "Cortex-A710" }, { 0x41, 0xd48, "Cortex-X2" },
    { 0x41, 0xd49, "Neoverse N2" }, { 0x41, 0xd4b, "Cortex-A78C" }, { 0x41, 0xd4d, "Cortex-A715" },
    { 0x41, 0xd4e, "Cortex-X3" }, { 0x41, 0xd4f, "Neoverse V2" }, { 0x41, 0xd80, "Cortex-A520" },
    { 0x41, 0xd81, "Cortex-A720" }, { 0x41, 0xd82, "Cortex-X4" }, { 0x41, 0xd85, "Cortex-X925" },
    { 0x41, 0xd87, "Cortex-A725" },
    { 0x51, 0x001, "Oryon" }, { 0x51, 0x800, "Kryo 2xx Gold" }, { 0x51, 0x801, "Kryo 2xx Silver" },
    { 0x51, 0x802, "Kryo 3xx Gold" }, { 0x51, 0x803, "Kryo 3xx Silver" },
    { 0x51, 0x804, "Kryo 4xx Gold" }, { 0x51, 0x805, "Kryo 4xx Silver" },
    { 0x61, 0x022, "Apple M1 Icestorm" }, { 0x61, 0x023, "Apple M1 Firestorm" },
    { 0x61, 0x032, "Apple M2 Blizzard" }, { 0x61, 0x033, "Apple M2 Avalanche" },
    { 0x4e, 0x004, "NVIDIA Carmel" }, { 0xc0, 0xac3, "Ampere-1" },
  };
  for (guint i = 0; i < G_N_ELEMENTS(cores); i++)
    if (cores[i].impl == implementer && cores[i].part == part)
      return cores[i].name;
  return NULL;
}

typedef struct {
  gint64 impl, part;
} ArmPart;

/* Every distinct core of a big.LITTLE part, in the order the kernel lists them
 * ("Cortex-A53 + Cortex-A72"); a part without a name keeps its number. NULL
 * when no part has a name. */
static char *arm_core_names(const GArray *parts)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
  gboolean any_known = FALSE;
  for (guint i = 0; i < parts->len; i++) {
    const ArmPart *p = &g_array_index(parts, ArmPart, i);
    const char *name = arm_core(p->impl, p->part);
    any_known |= name != NULL;
    g_ptr_array_add(names, name != NULL
                               ? g_strdup(name)
                               : g_strdup_printf("part 0x%03" G_GINT64_MODIFIER "x", p->part));
  }
  if (!any_known)
    return NULL;
  g_ptr_array_add(names, NULL);
  return g_strjoinv(" + ", (char **)names->pdata);
}

/* Adds a kind of core unless it is there; at most 8 kinds. */
static void add_arm_part(GArray *parts, gint64 impl, gint64 part)
{
  for (guint i = 0; i < parts->len; i++) {
    const ArmPart *p = &g_array_index(parts, ArmPart, i);
    if (p->impl == impl && p->part == part)
      return;
  }
  ArmPart p = { impl, part };
  if (parts->len < 8)
    g_array_append_val(parts, p);
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
  gint64 block_impl = LF_UNKNOWN;
  g_autoptr(GArray) parts = g_array_new(FALSE, FALSE, sizeof(ArmPart));
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
    /* Each block's core: big.LITTLE parts list two kinds. */
    if (strcmp(key, "CPU implementer") == 0 && parse_any_int(value, &n))
      block_impl = n;
    else if (strcmp(key, "CPU part") == 0 && parse_any_int(value, &n) && lf_known_int(block_impl))
      add_arm_part(parts, block_impl, n);
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
  if (info->arch != NULL)
    info->core = arm_core_names(parts);
  return any && (info->vendor_id != NULL || info->arch != NULL || info->flags != NULL);
}
