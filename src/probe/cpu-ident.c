/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Pure CPU identification; see cpu-ident.h. */
#include "probe/cpu-ident.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/error.h"
#include "core/sysroot.h"   /* lf_parse_int */

#define BIT(r, n) ((((r) >> (n)) & 1u) != 0)

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
    /* English in the report; the CLI and the TUI translate it like a table name. */
    set_str(&cpu->generation, NC_("CPU generation", "unknown (virtual CPU)"));
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
    set_str(&cpu->uarch, info->core);
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
