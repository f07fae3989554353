/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "core/machine-id.h"

#include <string.h>

#define DEFAULT_SALT "lapfit-anonymize/1"

const char *lf_anonymize_salt(void)
{
  const char *s = g_getenv("LAPFIT_ANONYMIZE_SALT");
  return s && *s ? s : DEFAULT_SALT;
}

/* Lower case without surrounding blanks. transfer full. */
static char *normalise(const char *s)
{
  char *t = g_ascii_strdown(s, -1);
  return g_strstrip(t);
}

/* Firmware placeholders that many machines share: not an identity. */
static gboolean usable_id(const char *s)
{
  if (s == NULL)
    return FALSE;
  g_autofree char *t = normalise(s);
  if (strlen(t) < 3)
    return FALSE;
  static const char *const junk[] = {
    "none", "n/a", "na", "not specified", "not settable", "not available", "not applicable",
    "default string", "to be filled by o.e.m.", "system serial number", "chassis serial number",
    "base board serial number", "0123456789", "123456789", "1234567890", "unknown",
    "03000200-0400-0500-0006-000700080009", "00020003-0004-0005-0006-000700080009",
  };
  for (gsize i = 0; i < G_N_ELEMENTS(junk); i++)
    if (g_str_equal(t, junk[i]))
      return FALSE;
  /* all zeros / all F (with dashes) */
  gboolean all0 = TRUE, allf = TRUE;
  for (const char *p = t; *p; p++) {
    if (*p == '-' || *p == ' ')
      continue;
    if (*p != '0')
      all0 = FALSE;
    if (*p != 'f')
      allf = FALSE;
  }
  return !all0 && !allf;
}

static int cmp_str(gconstpointer a, gconstpointer b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *sha_hex(GChecksumType type, const char *text, gsize chars)
{
  g_autofree char *full = g_compute_checksum_for_string(type, text, -1);
  return g_strndup(full, chars);
}

char *lf_machine_id(const LfReport *report, const char *salt)
{
  const LfMachine *m = &report->machine;
  g_autoptr(GString) material = g_string_new("lapfit-machine-id/1");
  gboolean have = FALSE;
  const char *smbios[] = { m->uuid, m->serial, m->board_serial };
  for (gsize i = 0; i < G_N_ELEMENTS(smbios); i++) {
    if (usable_id(smbios[i])) {
      g_autofree char *v = normalise(smbios[i]);
      g_string_append_printf(material, "|%s", v);
      have = TRUE;
    } else {
      g_string_append(material, "|");
    }
  }
  if (!have && report->network) {  /* no SMBIOS identity (VMs, some boards): MACs */
    g_autoptr(GPtrArray) macs = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < report->network->len; i++) {
      const LfNetwork *n = report->network->pdata[i];
      if (usable_id(n->mac) && !g_str_equal(n->mac, "00:00:00:00:00:00"))
        g_ptr_array_add(macs, g_ascii_strdown(n->mac, -1));
    }
    g_ptr_array_sort(macs, cmp_str);
    for (guint i = 0; i < macs->len; i++) {
      g_string_append_printf(material, "|mac=%s", (char *)macs->pdata[i]);
      have = TRUE;
    }
  }
  if (!have && usable_id(m->hostname)) {
    g_string_append_printf(material, "|host=%s", m->hostname);
    have = TRUE;
  }
  if (!have)
    return NULL;
  g_autofree char *hex = sha_hex(G_CHECKSUM_SHA256, material->str, 32);
  g_autofree char *id = g_strconcat("m-", hex, NULL);
  return salt ? lf_machine_id_anonymize(id, salt) : g_steal_pointer(&id);
}

char *lf_machine_id_anonymize(const char *id, const char *salt)
{
  if (id == NULL)
    return NULL;
  if (g_str_has_prefix(id, "a-"))
    return g_strdup(id);
  g_autofree char *mac = g_compute_hmac_for_string(G_CHECKSUM_SHA256, (const guchar *)salt,
                                                   strlen(salt), id, -1);
  mac[32] = '\0';
  return g_strconcat("a-", mac, NULL);
}

char *lf_anonymize_value(const char *value, const char *salt)
{
  if (value == NULL)
    return NULL;
  if (g_str_has_prefix(value, "anon-"))
    return g_strdup(value);
  g_autofree char *mac = g_compute_hmac_for_string(G_CHECKSUM_SHA256, (const guchar *)salt,
                                                   strlen(salt), value, -1);
  mac[16] = '\0';
  return g_strconcat("anon-", mac, NULL);
}

static void replace(char **field, const char *salt)
{
  char *v = lf_anonymize_value(*field, salt);
  g_free(*field);
  *field = v;
}

static gboolean has_smbios_id(const LfReport *report)
{
  const LfMachine *m = &report->machine;
  return usable_id(m->uuid) || usable_id(m->serial) || usable_id(m->board_serial);
}

void lf_report_set_machine_id(LfReport *report, const char *salt)
{
  /* A report saved without its SMBIOS fields keeps the id it was given
   * rather than falling back to MACs or the host name. */
  char *id = report->machine_id && !has_smbios_id(report) ? NULL : lf_machine_id(report, salt);
  if (id == NULL)
    id = salt ? lf_machine_id_anonymize(report->machine_id, salt) : g_strdup(report->machine_id);
  g_free(report->machine_id);
  report->machine_id = id;
}

void lf_report_anonymize(LfReport *report, const char *salt)
{
  lf_report_set_machine_id(report, salt);  /* before the material is hashed away */
  LfMachine *m = &report->machine;
  replace(&m->serial, salt);
  replace(&m->uuid, salt);
  replace(&m->board_serial, salt);
  replace(&m->hostname, salt);
  for (guint i = 0; report->batteries && i < report->batteries->len; i++)
    replace(&((LfBattery *)report->batteries->pdata[i])->serial, salt);
  for (guint i = 0; report->storage && i < report->storage->len; i++)
    replace(&((LfStorage *)report->storage->pdata[i])->serial, salt);
  for (guint i = 0; report->network && i < report->network->len; i++)
    replace(&((LfNetwork *)report->network->pdata[i])->mac, salt);
}
