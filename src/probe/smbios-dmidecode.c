/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Saved `dmidecode` text -> LfSmbios (pure, no I/O).
 *
 * Layouts accepted:
 *   dmidecode 2.9+ and 3.x     "Handle 0x0000, DMI type 0, 24 bytes"
 *                              "BIOS Information"          (title, no colon)
 *                              "\tVendor: LENOVO"           (keys one level in)
 *   dmidecode 2.0-2.8          "Handle 0x0000"
 *                              "\tDMI type 0, 20 bytes."
 *                              "\tBIOS Information"
 *                              "\t\tVendor: IBM"            (keys two levels in)
 *   dmidecode -q (any version)  no "Handle" lines: the title at column 0
 *                              opens the record (array handles then unknown)
 * The key level of a record is the indentation of its first "Key: value"
 * line; deeper lines (the items under "Characteristics:", "Flags:") are list
 * entries and ignored. The first occurrence of a key in a record wins.
 * Values as dmidecode prints them: sizes "8 GB"/"8192 MB"/"No Module
 * Installed", speeds "3200 MT/s" (3.x) or "667 MHz" (2.x), capacity
 * "57000 mWh", voltage "15480 mV".
 *
 * Hostile text: lines are scanned with explicit lengths (NUL bytes and
 * binary junk are just characters), only the first LF_LINE_MAX bytes of a line
 * are looked at, values are cleaned and cut, and records are capped
 * (LF_SMBIOS_MAX_*). */
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "core/error.h"
#include "core/kv.h"
#include "probe/errors.h"
#include "probe/smbios.h"

#define LF_LINE_MAX 1024
#define LF_KEYS_MAX 64

typedef struct {
  char *key, *value;
} Pair;

typedef struct {
  gint type;            /* -1: no record open */
  guint handle;
  gboolean awaiting_type; /* 2.0-2.8: "Handle" seen, "DMI type" on a later line */
  gboolean titled;      /* the record's title line was seen */
  gboolean duplicate;   /* handle seen before in this text: the record is skipped */
  gint key_indent;      /* -1 until the first key line */
  Pair pairs[LF_KEYS_MAX];
  guint n_pairs;
  gboolean characteristics;   /* type 0: its "Characteristics:" list was printed */
  gboolean uefi_line, bbs_line;
} Record;

static void record_reset(Record *r)
{
  for (guint i = 0; i < r->n_pairs; i++) {
    g_free(r->pairs[i].key);
    g_free(r->pairs[i].value);
  }
  r->n_pairs = 0;
  r->characteristics = r->uefi_line = r->bbs_line = FALSE;
  r->type = -1;
  r->awaiting_type = FALSE;
  r->titled = FALSE;
  r->duplicate = FALSE;
  r->handle = G_MAXUINT;
  r->key_indent = -1;
}

static const char *get(const Record *r, const char *key)
{
  for (guint i = 0; i < r->n_pairs; i++)
    if (strcmp(r->pairs[i].key, key) == 0)
      return r->pairs[i].value;
  return NULL;
}

/* A string field: dmidecode prints "Not Specified" for string number 0 and
 * "<BAD INDEX>" for a missing string; both mean "no string", as the binary
 * parser says with NULL. */
static char *get_string(const Record *r, const char *key)
{
  const char *v = get(r, key);
  if (v == NULL || strcmp(v, "Not Specified") == 0 || strcmp(v, "<BAD INDEX>") == 0)
    return NULL;
  return g_strdup(v);
}

static void set_once(char **field, char *value)
{
  if (*field == NULL)
    *field = value;
  else
    g_free(value);
}

/* "<digits>[ <unit>]" -> number and unit pointer; FALSE if no leading digits.
 * A huge number is clamped (any unit shift stays in range), so that
 * lf_smbios_check_limits() reports it instead of it vanishing. */
static gboolean leading_number(const char *v, guint64 *n, const char **unit)
{
  if (v == NULL || !g_ascii_isdigit(*v))
    return FALSE;
  char *end = NULL;
  guint64 x = g_ascii_strtoull(v, &end, 10);
  if (end == v)
    return FALSE;
  x = MIN(x, (guint64)(G_MAXINT64 >> 30));
  while (*end == ' ')
    end++;
  *n = x;
  *unit = end;
  return TRUE;
}

/* dmi_print_memory_size / 2.x "Size: 2048 MB" -> MB; "No Module Installed" -> 0. */
static gint64 parse_size_mb(const char *v)
{
  guint64 n;
  const char *unit;
  if (v && (strcmp(v, "No Module Installed") == 0 || strcmp(v, "Not Installed") == 0))
    return 0;
  if (!leading_number(v, &n, &unit))
    return LF_UNKNOWN;
  if (strcmp(unit, "bytes") == 0)
    return (gint64)(n >> 20);
  if (g_ascii_strcasecmp(unit, "kB") == 0)
    return (gint64)(n >> 10);
  if (strcmp(unit, "MB") == 0)
    return (gint64)n;
  if (strcmp(unit, "GB") == 0)
    return (gint64)n << 10;
  if (strcmp(unit, "TB") == 0)
    return (gint64)n << 20;
  if (strcmp(unit, "PB") == 0)
    return (gint64)n << 30;
  return LF_UNKNOWN;
}

/* "3200 MT/s", "667 MHz" (2.x); "Unknown" -> unknown. */
static gint64 parse_with_unit(const char *v, const char *const *units)
{
  guint64 n;
  const char *unit;
  if (!leading_number(v, &n, &unit) || n == 0)
    return LF_UNKNOWN;
  for (; *units; units++)
    if (strcmp(unit, *units) == 0)
      return (gint64)n;
  return LF_UNKNOWN;
}

static gint64 parse_speed(const char *v)
{
  static const char *const units[] = { "MT/s", "MHz", NULL };
  return parse_with_unit(v, units);
}

/* Type 4: "ID: EA 06 08 00 FF FB EB BF" is CPUID leaf 1 EAX then EDX, byte
 * by byte little-endian; an all-zero ID is an empty socket. */
static void commit_processor(LfSmbios *s, const Record *r)
{
  const char *id = get(r, "ID");
  guint8 b[8];
  guint n = 0;
  if (lf_known_int(s->cpu_id_eax) || id == NULL)
    return;
  for (const char *p = id; *p && n < 8; p++) {
    if (*p == ' ')
      continue;
    if (!g_ascii_isxdigit(p[0]) || !g_ascii_isxdigit(p[1]))
      return;
    b[n++] = (guint8)(g_ascii_xdigit_value(p[0]) << 4 | g_ascii_xdigit_value(p[1]));
    p++;
  }
  guint32 eax = b[0] | b[1] << 8 | b[2] << 16 | (guint32)b[3] << 24;
  if (n != 8 || eax == 0)
    return;
  s->cpu_id_eax = eax;
  s->cpu_id_edx = b[4] | b[5] << 8 | b[6] << 16 | (guint32)b[7] << 24;
  s->cpu_manufacturer = get_string(r, "Manufacturer");
  s->cpu_version = get_string(r, "Version");
  gint64 v;
  if (get(r, "Core Count") && lf_parse_int(get(r, "Core Count"), &v) && v > 0 && v < 65536)
    s->cpu_cores = v;
  if (get(r, "Thread Count") && lf_parse_int(get(r, "Thread Count"), &v) && v > 0 && v < 65536)
    s->cpu_threads = v;
}

/* Type 0: BIOS Information. */
static void commit_bios(LfSmbios *s, const Record *r)
{
  if (s->bios_vendor || s->bios_version)
    return;
  set_once(&s->bios_vendor, get_string(r, "Vendor"));
  set_once(&s->bios_version, get_string(r, "Version"));
  set_once(&s->bios_date, get_string(r, "Release Date"));
  /* dmidecode prints one line per set bit. Only a line present is a fact: saved text
   * may be cut, quiet (-q, no version) or typed by hand, so a missing line stays unknown
   * (the raw tables can say "false"). */
  if (r->characteristics && r->uefi_line)
    s->uefi_supported = LF_TRI_TRUE;
  if (r->characteristics && r->bbs_line)
    s->bbs_supported = LF_TRI_TRUE;
}

/* Type 1: System Information. */
static void commit_system(LfSmbios *s, const Record *r)
{
  if (s->sys_vendor || s->product)
    return;
  set_once(&s->sys_vendor, get_string(r, "Manufacturer"));
  set_once(&s->product, get_string(r, "Product Name"));
  set_once(&s->product_version, get_string(r, "Version"));
  set_once(&s->serial, get_string(r, "Serial Number"));
  set_once(&s->uuid, get_string(r, "UUID"));
  set_once(&s->sku, get_string(r, "SKU Number"));
  set_once(&s->family, get_string(r, "Family"));
}

/* Type 2: Base Board Information. */
static void commit_baseboard(LfSmbios *s, const Record *r)
{
  if (s->board_vendor || s->board_name)
    return;
  set_once(&s->board_vendor, get_string(r, "Manufacturer"));
  set_once(&s->board_name, get_string(r, "Product Name"));
  set_once(&s->board_version, get_string(r, "Version"));
  set_once(&s->board_serial, get_string(r, "Serial Number"));
}

/* Type 3: Chassis Information. */
static void commit_chassis(LfSmbios *s, const Record *r)
{
  if (lf_known_int(s->chassis_type) || s->chassis_vendor)
    return;
  set_once(&s->chassis_vendor, get_string(r, "Manufacturer"));
  s->chassis_type = lf_smbios_chassis_code(get(r, "Type"));
  set_once(&s->chassis_serial, get_string(r, "Serial Number"));
}

/* Type 16: Physical Memory Array. */
static void commit_memory_array(LfSmbios *s, const Record *r)
{
  LfSmbiosMemoryArray *a = lf_smbios_add_memory_array(s);
  if (a == NULL)
    return;
  a->handle = r->handle;
  a->use = get_string(r, "Use");
  a->max_mb = parse_size_mb(get(r, "Maximum Capacity"));
  gint64 n;
  if (get(r, "Number Of Devices") && lf_parse_int(get(r, "Number Of Devices"), &n) && n >= 0 &&
      n <= 0xffff)
    a->devices = n;
}

/* Type 17: Memory Device. */
static void commit_memory_device(LfSmbios *s, const Record *r)
{
  LfSmbiosMemoryDevice *d = lf_smbios_add_memory_device(s);
  if (d == NULL)
    return;
  const char *h = get(r, "Array Handle");
  if (h && g_str_has_prefix(h, "0x")) {
    char *end = NULL;
    guint64 x = g_ascii_strtoull(h + 2, &end, 16);
    if (end != h + 2 && *end == '\0' && x <= 0xffff)
      d->array_handle = (guint)x;
  }
  d->size_mb = parse_size_mb(get(r, "Size"));
  d->form_factor = get_string(r, "Form Factor");
  d->locator = get_string(r, "Locator");
  d->bank_locator = get_string(r, "Bank Locator");
  d->type = get_string(r, "Type");
  d->speed_mts = parse_speed(get(r, "Speed"));
  d->manufacturer = get_string(r, "Manufacturer");
  d->part_number = get_string(r, "Part Number");
  /* 3.x "Configured Memory Speed"; 2.7-2.12 "Configured Clock Speed" */
  const char *cs = get(r, "Configured Memory Speed");
  d->configured_speed_mts = parse_speed(cs ? cs : get(r, "Configured Clock Speed"));
}

/* Type 22: Portable Battery. */
static void commit_battery(LfSmbios *s, const Record *r)
{
  static const char *const mwh[] = { "mWh", NULL }, *const mv[] = { "mV", NULL };
  LfSmbiosBattery *b = lf_smbios_add_battery(s);
  if (b == NULL)
    return;
  b->location = get_string(r, "Location");
  b->manufacturer = get_string(r, "Manufacturer");
  b->manufacture_date = get_string(r, "Manufacture Date");
  set_once(&b->manufacture_date, get_string(r, "SBDS Manufacture Date"));
  b->serial = get_string(r, "Serial Number");
  set_once(&b->serial, get_string(r, "SBDS Serial Number"));
  b->name = get_string(r, "Name");
  b->chemistry = get_string(r, "Chemistry");
  set_once(&b->chemistry, get_string(r, "SBDS Chemistry"));
  b->technology = g_strdup(lf_smbios_technology(b->chemistry));
  b->design_capacity_mwh = parse_with_unit(get(r, "Design Capacity"), mwh);
  b->design_voltage_mv = parse_with_unit(get(r, "Design Voltage"), mv);
}

/* One record of the types the report uses; the others are skipped. */
static void commit(LfSmbios *s, const Record *r)
{
  if (r->duplicate)
    return;
  switch (r->type) {
  case 0:
    commit_bios(s, r);
    return;
  case 1:
    commit_system(s, r);
    return;
  case 2:
    commit_baseboard(s, r);
    return;
  case 3:
    commit_chassis(s, r);
    return;
  case 4:
    commit_processor(s, r);
    return;
  case 16:
    commit_memory_array(s, r);
    return;
  case 17:
    commit_memory_device(s, r);
    return;
  case 22:
    commit_battery(s, r);
    return;
  default:
    return;
  }
}

/* "DMI type N, M bytes" at p -> N; -1 if p does not start so. */
static gint parse_dmi_type(const char *p)
{
  if (!g_str_has_prefix(p, "DMI type "))
    return -1;
  p += strlen("DMI type ");
  if (!g_ascii_isdigit(*p))
    return -1;
  char *end = NULL;
  guint64 t = g_ascii_strtoull(p, &end, 10);
  return t <= 255 ? (gint)t : -1;
}

/* Record titles as dmidecode prints them (dmi_type_name / quiet mode). */
static gint title_type(const char *text)
{
  static const struct {
    const char *title;
    gint type;
  } titles[] = {
    { "BIOS Information", 0 }, { "System Information", 1 }, { "Base Board Information", 2 },
    { "Chassis Information", 3 }, { "Processor Information", 4 },
    { "Physical Memory Array", 16 }, { "Memory Device", 17 }, { "Portable Battery", 22 },
  };
  for (gsize i = 0; i < G_N_ELEMENTS(titles); i++)
    if (strcmp(text, titles[i].title) == 0)
      return titles[i].type;
  return -1;
}

static void handle_line(LfSmbios *s, Record *r, LfSmbiosHandles *handles, const char *line,
                        guint *n_records)
{
  gint indent = 0;
  while (line[indent] == '\t' || line[indent] == ' ')
    indent++;
  const char *text = line + indent;
  if (*text == '\0')
    return;

  if (indent == 0 && g_str_has_prefix(text, "Handle 0x")) {
    commit(s, r);
    record_reset(r);
    char *end = NULL;
    guint64 h = g_ascii_strtoull(text + strlen("Handle 0x"), &end, 16);
    r->handle = (guint)(h & 0xffff);
    r->duplicate = lf_smbios_handle_seen(handles, r->handle);
    const char *comma = end && g_str_has_prefix(end, ", ") ? end + 2 : NULL;
    r->type = comma ? parse_dmi_type(comma) : -1;
    r->awaiting_type = r->type < 0;
    if (r->type >= 0)
      (*n_records)++;
    return;
  }
  if (indent == 0 && g_str_has_prefix(text, "SMBIOS ") && g_str_has_suffix(text, " present.") &&
      s->version == NULL) {
    unsigned major = 0, minor = 0;
    if (sscanf(text, "SMBIOS %3u.%3u", &major, &minor) == 2)
      s->version = g_strdup_printf("%u.%u", major, minor);
    return;
  }
  if (r->duplicate)
    return;
  if (r->awaiting_type) {
    gint t = parse_dmi_type(text);
    if (t >= 0) {
      r->type = t;
      r->awaiting_type = FALSE;
      (*n_records)++;
    }
    return;
  }
  if (indent == 0) {
    /* The title right after "Handle ..." belongs to that record. Any other
     * line at column 0 ends the record; with `dmidecode -q` (no "Handle"
     * lines) a known title also opens the next one. */
    if (r->type >= 0 && !r->titled && r->n_pairs == 0 && r->key_indent < 0) {
      r->titled = TRUE;
      return;
    }
    commit(s, r);
    record_reset(r);
    gint t = title_type(text);
    if (t >= 0) {
      r->type = t;
      r->titled = TRUE;
      (*n_records)++;
    }
    return;
  }
  if (r->type < 0)
    return;
  const char *colon = strchr(text, ':');
  if (r->type == 0) {   /* BIOS characteristics: one line per supported feature */
    r->uefi_line |= g_str_equal(text, "UEFI is supported");
    r->bbs_line |= g_str_equal(text, "BIOS boot specification is supported");
    r->characteristics |= g_str_equal(text, "Characteristics:");
  }
  if (colon == NULL || colon == text)
    return;
  if (r->key_indent < 0)
    r->key_indent = indent;
  if (indent != r->key_indent || r->n_pairs >= LF_KEYS_MAX)
    return;
  g_autofree char *key = g_strstrip(g_strndup(text, (gsize)(colon - text)));
  if (get(r, key))
    return;
  char *value = lf_smbios_clean_string(colon + 1, strlen(colon + 1));
  if (value == NULL)   /* "Characteristics:" opens a list: no value */
    return;
  r->pairs[r->n_pairs].key = g_steal_pointer(&key);
  r->pairs[r->n_pairs].value = value;
  r->n_pairs++;
}

LfSmbios *lf_smbios_parse_dmidecode(const char *text, gsize len, GError **error)
{
  g_autoptr(LfSmbios) s = lf_smbios_new("dmidecode");
  Record r = { .type = -1, .key_indent = -1, .handle = G_MAXUINT };
  g_autofree LfSmbiosHandles *handles = g_new0(LfSmbiosHandles, 1);
  guint n_records = 0;
  char line[LF_LINE_MAX + 1];
  gsize pos = 0, line_len;
  const char *start;
  while (lf_text_next_line(text, len, &pos, &start, &line_len)) {
    gsize n = MIN(line_len, (gsize)LF_LINE_MAX);
    memcpy(line, start, n);
    line[n] = '\0';
    /* NULs would cut the line short, CRs come from Windows copies. */
    for (gsize i = 0; i < n; i++)
      if (line[i] == '\0' || line[i] == '\r')
        line[i] = ' ';
    while (n > 0 && line[n - 1] == ' ')
      line[--n] = '\0';
    handle_line(s, &r, handles, line, &n_records);
  }
  commit(s, &r);
  record_reset(&r);
  /* dmidecode output saved twice into one file must not count anything twice. */
  lf_smbios_report_duplicates(s, handles, LF_PE_DUP_DMIDECODE);
  if (n_records == 0) {
    /* TRANSLATORS: "Handle 0x..., DMI type N" is dmidecode's text, keep it */
    g_set_error_literal(error, LF_ERROR, LF_ERROR_PARSE,
                        _("not dmidecode output: no \"Handle 0x..., DMI type N\" record"));
    return NULL;
  }
  lf_smbios_check_limits(s);
  return g_steal_pointer(&s);
}
