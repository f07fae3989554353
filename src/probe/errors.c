/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Reading report errors in the reader's language (errors.h): each sentence's
 * printf format becomes an anchored pattern; a message that matches gives its
 * values back, and the translated format takes them in its own order. */
#include "probe/errors.h"

#include <string.h>

static const char *const sentences[] = {
  LF_PE_EFI_SIZE, LF_PE_SECURE_BOOT, LF_PE_NO_FIRMWARE, LF_PE_NO_OS_RELEASE, LF_PE_NO_KERNEL,
  LF_PE_NO_CMDLINE,
  LF_PE_DMIDECODE_OTHER, LF_PE_DMIDECODE_UNMATCHED, LF_PE_ID_UUID, LF_PE_ID_SERIAL, LF_PE_ID_PRODUCT, LF_PE_ID_VENDOR,
  LF_PE_NO_SMBIOS, LF_PE_UEFI_ROOT_ONLY, LF_PE_NO_TABLES, LF_PE_TABLES_DENIED, LF_PE_TABLES_BAD,
  LF_PE_EP3_BAD, LF_PE_EP2_BAD, LF_PE_DMI_EP_BAD, LF_PE_NO_ANCHOR, LF_PE_TABLE_EMPTY,
  LF_PE_OVER_LIMIT, LF_PE_REC_MODULE, LF_PE_REC_SPEED, LF_PE_REC_CONFIGURED, LF_PE_REC_ARRAY,
  LF_PE_REC_BAT_CAPACITY, LF_PE_REC_BAT_VOLTAGE, LF_PE_DUPLICATE_HANDLE, LF_PE_DUP_DMIDECODE,
  LF_PE_DUP_FIRMWARE,
  LF_PE_MEMINFO_UNREADABLE, LF_PE_MEMINFO_BAD, LF_PE_MEMORY_INCOMPLETE, LF_PE_MEMORY_ESTIMATE,
  LF_PE_MEMORY_UNKNOWN, LF_PE_WHY_NO_SMBIOS, LF_PE_WHY_SYSFS_DMI, LF_PE_WHY_NO_MODULES,
  LF_PE_NO_AC, LF_PE_NO_CPUFREQ,
  LF_PE_CPU_TABLE, LF_PE_CPU_FROM_SMBIOS, LF_PE_NO_CPUID, LF_PE_HYBRID_CORES, LF_PE_NO_CPU_ROW,
  LF_PE_NO_MAX_FREQ,
  LF_PE_NO_PCI, LF_PE_GPU_IDS, LF_PE_NO_DRIVER, LF_PE_NO_NET,
  LF_PE_NO_BLOCK, LF_PE_DISK_TOO_BIG, LF_PE_DISK_KIND, LF_PE_NO_MOUNTS,
};

typedef struct {
  GRegex *regex;
  gsize literal;            /* characters outside conversions: the more, the more specific */
} Pattern;

/* Length of the printf conversion at f (f[0] == '%'), 0 for "%%". */
static gsize conversion_length(const char *f)
{
  gsize n = strspn(f + 1, "0123456789$#-+ .'hlLqjzt");
  return f[1 + n] != '\0' ? n + 2 : n + 1;
}

/* "cannot read %s: %d" -> ^cannot read (.*?): (-?[0-9]+)$ */
static Pattern compile(const char *format)
{
  GString *re = g_string_new("^");
  Pattern p = { NULL, 0 };
  for (const char *f = format; *f;) {
    if (f[0] == '%' && f[1] == '%') {
      g_string_append(re, "%");
      f += 2, p.literal++;
      continue;
    }
    if (f[0] == '%') {
      gsize len = conversion_length(f);
      char conv = f[len - 1];
      g_string_append(re, conv == 's'                ? "(.*?)"
                          : conv == 'x' || conv == 'X' ? "([0-9A-Fa-f]+)"
                                                     : "(-?[0-9]+)");
      f += len;
      continue;
    }
    const char *next = strchr(f, '%');
    gsize len = next ? (gsize)(next - f) : strlen(f);
    g_autofree char *lit = g_regex_escape_string(f, (int)len);
    g_string_append(re, lit);
    p.literal += len;
    f += len;
  }
  g_string_append(re, "$");
  p.regex = g_regex_new(re->str, G_REGEX_DOTALL | G_REGEX_OPTIMIZE, 0, NULL);
  g_string_free(re, TRUE);
  return p;
}

static const Pattern *patterns(void)
{
  static Pattern *all;
  if (g_once_init_enter(&all)) {
    Pattern *p = g_new0(Pattern, G_N_ELEMENTS(sentences));
    for (gsize i = 0; i < G_N_ELEMENTS(sentences); i++)
      p[i] = compile(sentences[i]);
    g_once_init_leave(&all, p);
  }
  return all;
}

/* The translated format with the values put in: conversions in order, or by
 * position ("%2$s") where the translation reorders them. */
static char *fill(const char *format, char **values, guint n_values)
{
  GString *out = g_string_new(NULL);
  guint next = 0;
  for (const char *f = format; *f;) {
    if (f[0] != '%') {
      g_string_append_c(out, *f++);
      continue;
    }
    if (f[1] == '%') {
      g_string_append_c(out, '%');
      f += 2;
      continue;
    }
    gsize len = conversion_length(f);
    guint index = next++;
    char *dollar = memchr(f + 1, '$', len - 1);
    if (dollar)
      index = (guint)g_ascii_strtoull(f + 1, NULL, 10) - 1;
    g_string_append(out, index < n_values ? values[index] : "?");
    f += len;
  }
  return g_string_free(out, FALSE);
}

char *lf_probe_error_text(const char *message)
{
  if (message == NULL)
    return g_strdup("?");
  const Pattern *all = patterns();
  gssize best = -1;
  for (gsize i = 0; i < G_N_ELEMENTS(sentences); i++)
    if (all[i].regex && (best < 0 || all[i].literal > all[best].literal) &&
        g_regex_match(all[i].regex, message, 0, NULL))
      best = (gssize)i;
  if (best < 0)
    return g_strdup(message);
  g_autoptr(GMatchInfo) match = NULL;
  g_regex_match(all[best].regex, message, 0, &match);
  guint n = (guint)g_match_info_get_match_count(match) - 1;
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func(g_free);
  for (guint i = 1; i <= n; i++) {
    g_autofree char *value = g_match_info_fetch(match, (int)i);
    /* A value that is a sentence itself (a reason, a record name) reads translated too;
     * an empty one cannot be, and would match nothing useful. */
    g_ptr_array_add(values, *value ? lf_probe_error_text(value) : g_strdup(value));
  }
  return fill(_(sentences[best]), (char **)values->pdata, n);
}

const char *lf_probe_area_name(const char *probe)
{
  static const struct { const char *id, *name; } areas[] = {
    /* TRANSLATORS: the parts of the probe, in the list of what could not be determined */
    { "platform", N_("Firmware and system") }, { "smbios", N_("Firmware tables (SMBIOS)") },
    { "memory", N_("Memory") }, { "power", N_("Power") }, { "cpu", N_("CPU") },
    { "devices", N_("Devices") }, { "storage", N_("Storage") }, { "battery", N_("Battery") },
  };
  for (gsize i = 0; i < G_N_ELEMENTS(areas); i++)
    if (g_strcmp0(probe, areas[i].id) == 0)
      return _(areas[i].name);
  return probe ? probe : "?";
}
