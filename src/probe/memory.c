/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Memory probe: usable RAM (MemTotal), installed RAM and slots from SMBIOS
 * type 16/17 records, or an estimate labelled as such.
 * /proc/meminfo: Documentation/filesystems/proc.rst (kernel). */
#include <string.h>

#include "core/kv.h"
#include "probe/errors.h"
#include "probe/memory.h"
#include "probe/probe.h"

gboolean lf_memory_parse_meminfo(const char *text, gsize len, gint64 *total_kb, gint64 *swap_kb)
{
  gint64 total = LF_UNKNOWN, swap = LF_UNKNOWN;
  gsize pos = 0, n;
  const char *line;
  while (lf_text_next_line(text, len, &pos, &line, &n)) {
    gint64 *target = NULL;
    gsize key_len = 0;
    if (n > 9 && memcmp(line, "MemTotal:", 9) == 0)
      target = &total, key_len = 9;
    else if (n > 10 && memcmp(line, "SwapTotal:", 10) == 0)
      target = &swap, key_len = 10;
    if (target == NULL || *target != LF_UNKNOWN || n > 64)
      continue;
    g_autofree char *value = g_strndup(line + key_len, n - key_len);
    g_strstrip(value);
    if (g_str_has_suffix(value, " kB"))
      value[strlen(value) - 3] = '\0';
    gint64 v;
    if (lf_parse_int(value, &v) && v >= 0)
      *target = v;
  }
  if (!lf_known_int(total))
    return FALSE;
  *total_kb = total;
  *swap_kb = swap;
  return TRUE;
}

/* Rule: MemTotal is the installed RAM minus what firmware and the kernel keep
 * (reserved e820 ranges, the integrated GPU's stolen memory, 32-bit PCI holes,
 * kernel code and crash kernel): typically 2-12 % less, more with a large iGPU
 * carve-out. Installed totals are sums of power-of-two modules: mostly 2^k,
 * or 3 * 2^(k-1) for mixed pairs (1+2, 2+4, 4+8 GB, or 24 GB = 8+16). So take
 * the smallest such total that is >= MemTotal: 1.8 GiB -> 2 GiB, 3.8 -> 4,
 * 5.7 -> 6, 7.3 -> 8, 15.4 -> 16.
 * Limits: wrong when more than ~25 % is reserved (16 GB with a 4 GB iGPU
 * carve-out reads 12 GB), for odd totals (10 GB = 8+2 reads 12 GB), and for a
 * 32-bit kernel without PAE that sees only ~3 GB of 4 GB or more (reads 3 or
 * 4 GB). It is always labelled installed_source "estimate". */
gint64 lf_memory_estimate_installed_mb(gint64 usable_mb)
{
  if (usable_mb <= 0)
    return LF_UNKNOWN;
  for (gint64 p = 128; p <= G_MAXINT64 / 4; p *= 2) {
    if (usable_mb <= p)
      return p;
    if (usable_mb <= p + p / 2)
      return p + p / 2;
  }
  return usable_mb;
}

static gboolean contains_word(const char *text, const char *const *words)
{
  if (text == NULL)
    return FALSE;
  g_autofree char *lower = g_ascii_strdown(text, -1);
  for (; *words; words++)
    if (strstr(lower, *words))
      return TRUE;
  return FALSE;
}

LfTri lf_memory_module_soldered(const char *form_factor, const char *locator,
                                const char *bank_locator, const char *type)
{
  static const char *const onboard[] = { "onboard", "on board", "on-board", "soldered",
                                         "memory down", NULL };
  if (form_factor && (strcmp(form_factor, "Row Of Chips") == 0 || strcmp(form_factor, "Die") == 0))
    return LF_TRI_TRUE;
  if (contains_word(locator, onboard) || contains_word(bank_locator, onboard))
    return LF_TRI_TRUE;
  /* QUIRK: LPDDR is never socketed (LPCAMM2, form factor "CAMM", excepted),
   * yet some firmware reports it as "SODIMM" or "Unknown". */
  if (type && g_str_has_prefix(type, "LPDDR") && g_strcmp0(form_factor, "CAMM") != 0)
    return LF_TRI_TRUE;
  static const char *const sockets[] = { "DIMM", "SODIMM", "FB-DIMM", "RIMM", "SIMM", "SRIMM",
                                         "CAMM", NULL };
  for (const char *const *s = sockets; form_factor && *s; s++)
    if (strcmp(form_factor, *s) == 0)
      return LF_TRI_FALSE;
  return LF_TRI_UNKNOWN;
}

/* Arrays whose use is system memory (or unknown); devices of other arrays
 * (flash, video, cache) are not RAM. */
static gboolean is_system_array(const LfSmbios *s, guint handle)
{
  gboolean known_handle = FALSE;
  for (guint i = 0; i < lf_smbios_memory_array_count(s); i++) {
    const LfSmbiosMemoryArray *a = lf_smbios_memory_array_get(s, i);
    if (a->handle != handle)
      continue;
    known_handle = TRUE;
    if (a->use == NULL || strcmp(a->use, "System Memory") == 0 || lf_smbios_is_placeholder(a->use))
      return TRUE;
  }
  return !known_handle;   /* a device pointing nowhere still counts */
}

gboolean lf_memory_fill_from_smbios(const LfSmbios *s, LfMemory *m)
{
  if (s == NULL)
    return FALSE;
  gint64 installed = 0, sockets = 0, sockets_used = 0, speed = LF_UNKNOWN;
  guint n_installed = 0, n_soldered = 0, n_socketed = 0;
  const char *type = NULL;
  for (guint i = 0; i < lf_smbios_memory_device_count(s); i++) {
    const LfSmbiosMemoryDevice *d = lf_smbios_memory_device_get(s, i);
    if (!is_system_array(s, d->array_handle))
      continue;
    const char *dtype = lf_smbios_is_placeholder(d->type) ? NULL : d->type;
    LfTri soldered = lf_memory_module_soldered(d->form_factor, d->locator, d->bank_locator, dtype);
    gboolean present = lf_known_int(d->size_mb) && d->size_mb > 0;
    if (soldered != LF_TRI_TRUE) {
      sockets++;
      /* Size 0 is an empty socket; a module of unknown size still fills one. */
      sockets_used += present || !lf_known_int(d->size_mb);
    }
    if (!present)
      continue;
    n_installed++;
    n_soldered += soldered == LF_TRI_TRUE;
    n_socketed += soldered == LF_TRI_FALSE;
    installed += d->size_mb;
    gint64 mts = lf_known_int(d->configured_speed_mts) ? d->configured_speed_mts : d->speed_mts;
    /* modules run at the slowest one's speed */
    if (lf_known_int(mts) && (!lf_known_int(speed) || mts < speed))
      speed = mts;
    if (type == NULL)
      type = dtype;
    LfMemoryModule *mod = lf_memory_add_module(m);
    mod->locator = lf_smbios_is_placeholder(d->locator) ? g_strdup(d->bank_locator)
                                                        : g_strdup(d->locator);
    mod->size_mb = d->size_mb;
    mod->type = g_strdup(dtype);
    mod->speed_mts = mts;
    mod->form_factor = lf_smbios_is_placeholder(d->form_factor) ? NULL : g_strdup(d->form_factor);
    mod->soldered = soldered;
  }
  if (n_installed == 0)
    return FALSE;

  gint64 max_mb = 0;
  gboolean max_known = FALSE;
  for (guint i = 0; i < lf_smbios_memory_array_count(s); i++) {
    const LfSmbiosMemoryArray *a = lf_smbios_memory_array_get(s, i);
    if (!is_system_array(s, a->handle) || !lf_known_int(a->max_mb) || a->max_mb <= 0)
      continue;
    max_mb += a->max_mb;
    max_known = TRUE;
  }
  m->installed_mb = installed;
  g_free(m->installed_source);
  m->installed_source = g_strdup("smbios");
  /* Sockets are the type 17 devices that are not soldered: type 16's "Number
   * Of Devices" also counts soldered chips and empty channels of LPDDR boards. */
  m->slots_total = sockets;
  m->slots_used = sockets_used;
  /* A max below what is installed is firmware nonsense (seen: 0 or 4 GB with 8 installed). */
  m->max_mb = max_known && max_mb >= installed ? max_mb : LF_UNKNOWN;
  g_free(m->type);
  m->type = g_strdup(type);
  m->speed_mts = speed;
  m->soldered = n_soldered == n_installed ? LF_TRI_TRUE
                : n_socketed > 0          ? LF_TRI_FALSE
                                          : LF_TRI_UNKNOWN;
  return TRUE;
}

void lf_probe_memory(LfProbeContext *ctx, LfReport *report)
{
  LfMemory *m = &report->memory;
  g_autofree char *text = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;
  gint64 total_kb = 0, swap_kb = 0;
  if (!lf_sysroot_read(ctx->root, "proc/meminfo", 0, &text, &len, &error))
    lf_report_add_error(report, "memory", LF_PE_MEMINFO_UNREADABLE, error->message);
  else if (!lf_memory_parse_meminfo(text, len, &total_kb, &swap_kb))
    lf_report_add_error(report, "memory", LF_PE_MEMINFO_BAD);
  else {
    m->usable_mb = total_kb / 1024;
    m->swap_mb = lf_known_int(swap_kb) ? swap_kb / 1024 : LF_UNKNOWN;
  }

  if (lf_memory_fill_from_smbios(ctx->smbios, m)) {
    /* QUIRK: some firmware lists only some modules (or sizes them wrong):
     * the kernel cannot see more RAM than is installed. */
    if (lf_known_int(m->usable_mb) && m->usable_mb > m->installed_mb) {
      gint64 listed = m->installed_mb;
      m->installed_mb = lf_memory_estimate_installed_mb(m->usable_mb);
      g_free(m->installed_source);
      m->installed_source = g_strdup("estimate");
      lf_report_add_error(report, "memory",
                          LF_PE_MEMORY_INCOMPLETE,
                          listed, m->usable_mb, m->installed_mb);
    }
    return;
  }
  const char *why = ctx->smbios == NULL ? LF_PE_WHY_NO_SMBIOS
                    : g_strcmp0(ctx->smbios->source, "sysfs") == 0
                        ? LF_PE_WHY_SYSFS_DMI
                        : LF_PE_WHY_NO_MODULES;
  m->installed_mb = lf_memory_estimate_installed_mb(m->usable_mb);
  if (lf_known_int(m->installed_mb)) {
    g_free(m->installed_source);
    m->installed_source = g_strdup("estimate");
    lf_report_add_error(report, "memory",
                        LF_PE_MEMORY_ESTIMATE,
                        why, m->usable_mb, m->installed_mb);
  } else {
    lf_report_add_error(report, "memory", LF_PE_MEMORY_UNKNOWN, why);
  }
}
