/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Binary SMBIOS tables -> LfSmbios (pure, no I/O).
 *
 * Spec: DMTF DSP0134 3.7.0: entry points (5.2), structure header and string
 * set (6.1), types 0, 1, 2, 3, 16, 17, 22 (7.x). Minimum lengths, special
 * values and names follow dmidecode 3.4 (dmidecode.c) so that the records
 * equal those parsed from dmidecode's text for the same machine.
 *
 * Bounds: every read goes through fmt_*() / string_at(), which check the
 * structure's formatted length and the table's end. A walk stops at a
 * structure whose length field is < 4, which runs past the table, or whose
 * string set has no double-NUL terminator before the end; each step advances
 * by at least 6 bytes, so the walk ends. A structure whose handle came before
 * is skipped (one problem says so), as in the dmidecode text parser. */
#include <string.h>

#include "core/error.h"
#include "probe/errors.h"
#include "probe/smbios.h"

typedef struct {
  const guint8 *data;   /* formatted area */
  gsize length;         /* formatted length (header byte 1) */
  const guint8 *strings;/* string set, ends with the double NUL */
  gsize strings_len;
  guint version;        /* major << 8 | minor */
} Structure;

static gboolean has(const Structure *s, gsize offset, gsize n)
{
  return offset + n <= s->length;
}

static guint fmt_byte(const Structure *s, gsize o)
{
  return has(s, o, 1) ? s->data[o] : 0;
}

static guint fmt_word(const Structure *s, gsize o)
{
  return has(s, o, 2) ? (guint)s->data[o] | (guint)s->data[o + 1] << 8 : 0;
}

static guint32 fmt_dword(const Structure *s, gsize o)
{
  return has(s, o, 4) ? (guint32)fmt_word(s, o) | (guint32)fmt_word(s, o + 2) << 16 : 0;
}

static guint64 fmt_qword(const Structure *s, gsize o)
{
  return has(s, o, 8) ? (guint64)fmt_dword(s, o) | (guint64)fmt_dword(s, o + 4) << 32 : 0;
}

/* String number idx (1-based) of the structure, cleaned; NULL for 0, for an
 * index past the last string, or when the field lies outside the structure. */
static char *string_at(const Structure *s, gsize field_offset)
{
  guint idx = fmt_byte(s, field_offset);
  if (idx == 0)
    return NULL;
  gsize pos = 0;
  for (guint i = 1; pos < s->strings_len; i++) {
    const guint8 *start = s->strings + pos;
    const guint8 *nul = memchr(start, 0, s->strings_len - pos);
    if (nul == NULL || nul == start)   /* unterminated, or the set's end */
      return NULL;
    if (i == idx)
      return lf_smbios_clean_string((const char *)start, (gsize)(nul - start));
    pos += (gsize)(nul - start) + 1;
  }
  return NULL;
}

static void set_once(char **field, char *value)
{
  if (*field == NULL)
    *field = value;
  else
    g_free(value);
}

/* dmidecode's names (dmi_memory_device_type), index = SMBIOS code. No code
 * exists for LPDDR5X up to SMBIOS 3.7: firmware reports such memory as LPDDR5. */
static const char *const memory_types[] = {
  NULL, "Other", "Unknown", "DRAM", "EDRAM", "VRAM", "SRAM", "RAM", "ROM", "Flash", "EEPROM",
  "FEPROM", "EPROM", "CDRAM", "3DRAM", "SDRAM", "SGRAM", "RDRAM", "DDR", "DDR2", "DDR2 FB-DIMM",
  "Reserved", "Reserved", "Reserved", "DDR3", "FBD2", "DDR4", "LPDDR", "LPDDR2", "LPDDR3",
  "LPDDR4", "Logical non-volatile device", "HBM", "HBM2", "DDR5", "LPDDR5", "HBM3",
};

/* dmi_memory_device_form_factor */
static const char *const form_factors[] = {
  NULL, "Other", "Unknown", "SIMM", "SIP", "Chip", "DIP", "ZIP", "Proprietary Card", "DIMM",
  "TSOP", "Row Of Chips", "RIMM", "SODIMM", "SRIMM", "FB-DIMM", "Die",
};

/* dmi_memory_array_use */
static const char *const array_uses[] = {
  NULL, "Other", "Unknown", "System Memory", "Video Memory", "Flash Memory", "Non-volatile RAM",
  "Cache Memory",
};

/* dmi_battery_chemistry */
static const char *const chemistries[] = {
  NULL, "Other", "Unknown", "Lead Acid", "Nickel Cadmium", "Nickel Metal Hydride", "Lithium Ion",
  "Zinc Air", "Lithium Polymer",
};

static char *name_of(const char *const *names, gsize n, guint code)
{
  if (code >= 1 && code < n)
    return g_strdup(names[code]);
  return g_strdup("<OUT OF SPEC>");
}
#define NAME(table, code) name_of(table, G_N_ELEMENTS(table), code)

/* dmi_system_uuid: 16 bytes; SMBIOS 2.6+ stores the first three fields
 * little-endian; printed lower case as dmidecode 3.x does. All-FF = "Not Present", all-zero = "Not Settable". */
static char *format_uuid(const guint8 *p, guint version)
{
  gboolean only_ff = TRUE, only_00 = TRUE;
  for (int i = 0; i < 16; i++) {
    only_ff &= p[i] == 0xff;
    only_00 &= p[i] == 0x00;
  }
  if (only_ff)
    return g_strdup("Not Present");
  if (only_00)
    return g_strdup("Not Settable");
  if (version >= 0x0206)
    return g_strdup_printf("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                           p[3], p[2], p[1], p[0], p[5], p[4], p[7], p[6], p[8], p[9], p[10],
                           p[11], p[12], p[13], p[14], p[15]);
  return g_strdup_printf("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                         p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10], p[11],
                         p[12], p[13], p[14], p[15]);
}

/* dmi_memory_device_speed: 0 unknown; 0xFFFF means "see the 32-bit field". */
static gint64 device_speed(guint code, guint32 extended)
{
  if (code == 0)
    return LF_UNKNOWN;
  if (code == 0xffff)
    return extended ? (gint64)(extended & 0x7fffffff) : LF_UNKNOWN;
  return code;
}

/* Type 0: BIOS Information. */
static void decode_bios(LfSmbios *out, const Structure *s)
{
  if (s->length < 0x12 || out->bios_vendor || out->bios_version)
    return;
  set_once(&out->bios_vendor, string_at(s, 0x04));
  set_once(&out->bios_version, string_at(s, 0x05));
  set_once(&out->bios_date, string_at(s, 0x08));
  if (s->length > 0x13)
    lf_smbios_bios_ext2(s->data[0x13], s->version, &out->uefi_supported, &out->bbs_supported);
}

/* Type 1: System Information. */
static void decode_system(LfSmbios *out, const Structure *s)
{
  if (s->length < 0x08 || out->sys_vendor || out->product)
    return;
  set_once(&out->sys_vendor, string_at(s, 0x04));
  set_once(&out->product, string_at(s, 0x05));
  set_once(&out->product_version, string_at(s, 0x06));
  set_once(&out->serial, string_at(s, 0x07));
  if (s->length >= 0x19)
    set_once(&out->uuid, format_uuid(s->data + 0x08, s->version));
  if (s->length >= 0x1b) {
    set_once(&out->sku, string_at(s, 0x19));
    set_once(&out->family, string_at(s, 0x1a));
  }
}

/* Type 2: Baseboard Information. */
static void decode_baseboard(LfSmbios *out, const Structure *s)
{
  if (s->length < 0x08 || out->board_vendor || out->board_name)
    return;
  set_once(&out->board_vendor, string_at(s, 0x04));
  set_once(&out->board_name, string_at(s, 0x05));
  set_once(&out->board_version, string_at(s, 0x06));
  set_once(&out->board_serial, string_at(s, 0x07));
}

/* Type 3: System Enclosure or Chassis. */
static void decode_chassis(LfSmbios *out, const Structure *s)
{
  if (s->length < 0x09 || lf_known_int(out->chassis_type) || out->chassis_vendor)
    return;
  set_once(&out->chassis_vendor, string_at(s, 0x04));
  out->chassis_type = fmt_byte(s, 0x05) & 0x7f;
  set_once(&out->chassis_serial, string_at(s, 0x07));
}

/* Type 4: Processor Information (2.0+: ID at 0x08, version string 0x10). */
static void decode_processor(LfSmbios *out, const Structure *s)
{
  guint32 eax = fmt_dword(s, 0x08);
  if (s->length < 0x1a || lf_known_int(out->cpu_id_eax) || eax == 0)
    return;
  out->cpu_id_eax = eax;
  out->cpu_id_edx = fmt_dword(s, 0x0c);
  out->cpu_manufacturer = string_at(s, 0x07);
  out->cpu_version = string_at(s, 0x10);
  /* 2.5+: one-byte counts; 0xFF means "see the 3.0 word fields". */
  guint cores = fmt_byte(s, 0x23), threads = fmt_byte(s, 0x25);
  if (cores == 0xff && has(s, 0x2a, 2))
    cores = fmt_word(s, 0x2a);
  if (threads == 0xff && has(s, 0x2e, 2))
    threads = fmt_word(s, 0x2e);
  if (s->length >= 0x24 && cores > 0)
    out->cpu_cores = cores;
  if (s->length >= 0x26 && threads > 0)
    out->cpu_threads = threads;
}

/* Type 16: Physical Memory Array. */
static void decode_memory_array(LfSmbios *out, const Structure *s)
{
  if (s->length < 0x0f)
    return;
  LfSmbiosMemoryArray *a = lf_smbios_add_memory_array(out);
  if (a == NULL)
    return;
  a->handle = fmt_word(s, 0x02);
  a->use = NAME(array_uses, fmt_byte(s, 0x05));
  guint32 max_kb = fmt_dword(s, 0x07);
  if (max_kb == 0x80000000u) {
    /* extended maximum, in bytes (SMBIOS 2.7+) */
    if (has(s, 0x0f, 8))
      a->max_mb = (gint64)(fmt_qword(s, 0x0f) >> 20);
  } else {
    a->max_mb = max_kb / 1024;
  }
  a->devices = fmt_word(s, 0x0d);
}

/* Type 17: Memory Device. */
static void decode_memory_device(LfSmbios *out, const Structure *s)
{
  if (s->length < 0x15)
    return;
  LfSmbiosMemoryDevice *d = lf_smbios_add_memory_device(out);
  if (d == NULL)
    return;
  d->array_handle = fmt_word(s, 0x04);
  guint size = fmt_word(s, 0x0c);
  if (size == 0x7fff && s->length >= 0x20)
    d->size_mb = fmt_dword(s, 0x1c) & 0x7fffffff;
  else if (size == 0xffff)
    d->size_mb = LF_UNKNOWN;
  else if (size & 0x8000)
    d->size_mb = (size & 0x7fff) / 1024;   /* kB granularity */
  else
    d->size_mb = size;
  d->form_factor = NAME(form_factors, fmt_byte(s, 0x0e));
  d->locator = string_at(s, 0x10);
  d->bank_locator = string_at(s, 0x11);
  d->type = NAME(memory_types, fmt_byte(s, 0x12));
  if (s->length < 0x17)
    return;
  d->speed_mts = device_speed(fmt_word(s, 0x15), s->length >= 0x5c ? fmt_dword(s, 0x54) : 0);
  d->manufacturer = string_at(s, 0x17);
  if (s->length < 0x1b)
    return;
  d->part_number = string_at(s, 0x1a);
  if (s->length < 0x22)
    return;
  d->configured_speed_mts = device_speed(fmt_word(s, 0x20),
                                         s->length >= 0x5c ? fmt_dword(s, 0x58) : 0);
}

/* Type 22: Portable Battery. */
static void decode_battery(LfSmbios *out, const Structure *s)
{
  if (s->length < 0x10)
    return;
  LfSmbiosBattery *b = lf_smbios_add_battery(out);
  if (b == NULL)
    return;
  gboolean sbds = s->length >= 0x1a;
  guint chem = fmt_byte(s, 0x09);
  b->location = string_at(s, 0x04);
  b->manufacturer = string_at(s, 0x05);
  if (fmt_byte(s, 0x06) || !sbds)
    b->manufacture_date = string_at(s, 0x06);
  if (fmt_byte(s, 0x07) || !sbds)
    b->serial = string_at(s, 0x07);
  b->name = string_at(s, 0x08);
  if (chem != 0x02 || !sbds)
    b->chemistry = NAME(chemistries, chem);
  guint capacity = fmt_word(s, 0x0a);
  guint multiplier = s->length < 0x16 ? 1 : fmt_byte(s, 0x15);
  if (capacity != 0)
    b->design_capacity_mwh = (gint64)capacity * multiplier;
  guint voltage = fmt_word(s, 0x0c);
  if (voltage != 0)
    b->design_voltage_mv = voltage;
  if (sbds) {
    if (fmt_byte(s, 0x07) == 0)
      b->serial = g_strdup_printf("%04X", fmt_word(s, 0x10));
    if (fmt_byte(s, 0x06) == 0) {
      guint d = fmt_word(s, 0x12);
      b->manufacture_date = g_strdup_printf("%u-%02u-%02u", 1980 + (d >> 9), (d >> 5) & 0x0f,
                                            d & 0x1f);
    }
    if (chem == 0x02)
      b->chemistry = string_at(s, 0x14);
  }
  b->technology = g_strdup(lf_smbios_technology(b->chemistry));
}

/* One structure of the types the report uses; the others are skipped. */
static void decode(LfSmbios *out, guint type, const Structure *s)
{
  switch (type) {
  case 0:
    decode_bios(out, s);
    return;
  case 1:
    decode_system(out, s);
    return;
  case 2:
    decode_baseboard(out, s);
    return;
  case 3:
    decode_chassis(out, s);
    return;
  case 4:
    decode_processor(out, s);
    return;
  case 16:
    decode_memory_array(out, s);
    return;
  case 17:
    decode_memory_device(out, s);
    return;
  case 22:
    decode_battery(out, s);
    return;
  default:
    return;
  }
}

LfSmbios *lf_smbios_parse_table(const guint8 *table, gsize len, guint version,
                                guint max_structures)
{
  LfSmbios *out = lf_smbios_new("tables");
  out->version = g_strdup_printf("%u.%u", version >> 8, version & 0xff);
  g_autofree LfSmbiosHandles *handles = g_new0(LfSmbiosHandles, 1);
  gsize off = 0;
  for (guint count = 0; (max_structures == 0 || count < max_structures) && off + 4 <= len;
       count++) {
    guint type = table[off], length = table[off + 1];
    if (length < 4) {
      g_debug("smbios: structure at offset %" G_GSIZE_FORMAT " has length %u < 4, stop", off,
              length);
      break;
    }
    if (off + length > len) {
      g_debug("smbios: structure at offset %" G_GSIZE_FORMAT " runs past the table, stop", off);
      break;
    }
    /* The string set ends with two NULs (just "\0\0" when empty). */
    gsize next = off + length;
    while (next + 1 < len && (table[next] != 0 || table[next + 1] != 0))
      next++;
    if (next + 1 >= len) {
      g_debug("smbios: structure at offset %" G_GSIZE_FORMAT " has no string terminator, stop",
              off);
      break;
    }
    next += 2;
    Structure s = { .data = table + off, .length = length, .strings = table + off + length,
                    .strings_len = next - (off + length), .version = version };
    /* A handle given twice (broken firmware, a table pasted twice): the first wins. */
    if (!lf_smbios_handle_seen(handles, fmt_word(&s, 0x02)))
      decode(out, type, &s);
    if (type == 127)   /* End-of-Table */
      break;
    off = next;
  }
  lf_smbios_report_duplicates(out, handles, LF_PE_DUP_FIRMWARE);
  lf_smbios_check_limits(out);
  return out;
}

static gboolean checksum_ok(const guint8 *p, gsize n)
{
  guint8 sum = 0;
  for (gsize i = 0; i < n; i++)
    sum = (guint8)(sum + p[i]);
  return sum == 0;
}

LfSmbios *lf_smbios_parse_tables(const guint8 *ep, gsize ep_len, const guint8 *table,
                                 gsize table_len, GError **error)
{
  guint version = 0, max_structures = 0;
  gsize len = table_len;
  if (ep_len >= 0x18 && memcmp(ep, "_SM3_", 5) == 0) {
    gsize n = ep[0x06];
    if (n < 0x18 || n > ep_len || !checksum_ok(ep, n)) {
      g_set_error(error, LF_ERROR, LF_ERROR_PARSE, LF_PE_EP3_BAD);
      return NULL;
    }
    version = (guint)ep[0x07] << 8 | ep[0x08];
    guint32 max_size = (guint32)ep[0x0c] | (guint32)ep[0x0d] << 8 | (guint32)ep[0x0e] << 16 |
                       (guint32)ep[0x0f] << 24;
    len = MIN(len, (gsize)max_size);
  } else if (ep_len >= 0x1f && memcmp(ep, "_SM_", 4) == 0) {
    gsize n = ep[0x05];
    /* QUIRK: some BIOSes state 0x1E for the 0x1F-byte entry point (dmidecode). */
    if (n == 0x1e)
      n = 0x1f;
    if (n < 0x1f || n > ep_len || !checksum_ok(ep, n) || memcmp(ep + 0x10, "_DMI_", 5) != 0 ||
        !checksum_ok(ep + 0x10, 0x0f)) {
      g_set_error(error, LF_ERROR, LF_ERROR_PARSE, LF_PE_EP2_BAD);
      return NULL;
    }
    version = (guint)ep[0x06] << 8 | ep[0x07];
    /* QUIRK: version fixups as in dmidecode (2.31 and 2.33 are 2.3, 2.51 is 2.6). */
    if (version == 0x021f || version == 0x0221)
      version = 0x0203;
    else if (version == 0x0233)
      version = 0x0206;
    len = MIN(len, (gsize)(ep[0x16] | ep[0x17] << 8));
    max_structures = ep[0x1c] | ep[0x1d] << 8;
  } else if (ep_len >= 0x0f && memcmp(ep, "_DMI_", 5) == 0) {
    if (!checksum_ok(ep, 0x0f)) {
      g_set_error(error, LF_ERROR, LF_ERROR_PARSE, LF_PE_DMI_EP_BAD);
      return NULL;
    }
    version = (guint)(ep[0x0e] >> 4) << 8 | (ep[0x0e] & 0x0f);
    len = MIN(len, (gsize)(ep[0x06] | ep[0x07] << 8));
    max_structures = ep[0x0c] | ep[0x0d] << 8;
  } else {
    g_set_error(error, LF_ERROR, LF_ERROR_PARSE, LF_PE_NO_ANCHOR);
    return NULL;
  }
  if (len < 4) {
    g_set_error(error, LF_ERROR, LF_ERROR_PARSE, LF_PE_TABLE_EMPTY);
    return NULL;
  }
  return lf_smbios_parse_table(table, len, version, max_structures);
}
