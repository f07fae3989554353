/* SPDX-License-Identifier: GPL-2.0-or-later */
/* SMBIOS: picks the source, reads sysfs, and turns records into LfMachine.
 *
 * Source order: --dmidecode FILE, plain or gzipped (the user named it:
 * failure is an error);
 * else the binary tables (root only on a real machine); else
 * /sys/class/dmi/id (no serials without root, no memory or battery records);
 * else nothing, with one entry in report->errors saying why.
 * Kernel ABI: Documentation/ABI/testing/sysfs-firmware-dmi-tables,
 * drivers/firmware/dmi-id.c. */
#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <unistd.h>

#include "core/error.h"
#include "core/inflate.h"
#include "probe/errors.h"
#include "probe/probe.h"
#include "probe/smbios.h"

/* Largest dmidecode text accepted (real ones are 10-200 KB). */
#define LF_DMIDECODE_MAX_FILE (16 * 1024 * 1024)
/* Largest binary table accepted (the 3.x entry point allows 4 GB; real ones
 * are a few KB). */
#define LF_DMI_MAX_TABLE (1024 * 1024)

LfSmbios *lf_smbios_new(const char *source)
{
  LfSmbios *s = g_new0(LfSmbios, 1);
  s->source = g_strdup(source);
  s->chassis_type = LF_UNKNOWN;
  s->uefi_supported = s->bbs_supported = LF_TRI_UNKNOWN;
  s->cpu_id_eax = s->cpu_id_edx = s->cpu_cores = s->cpu_threads = LF_UNKNOWN;
  s->batteries = g_ptr_array_new();
  s->memory_arrays = g_ptr_array_new();
  s->memory_devices = g_ptr_array_new();
  s->problems = g_ptr_array_new_with_free_func(g_free);
  return s;
}

void lf_smbios_add_problem(LfSmbios *s, const char *format, ...)
{
  if (s->problems->len >= LF_SMBIOS_MAX_PROBLEMS)
    return;
  va_list args;
  va_start(args, format);
  g_ptr_array_add(s->problems, g_strdup_vprintf(format, args));
  va_end(args);
}

gboolean lf_smbios_handle_seen(LfSmbiosHandles *h, guint handle)
{
  guint8 bit = (guint8)(1u << (handle & 7));
  if (h->seen[handle >> 3] & bit) {
    if (h->n_duplicates++ == 0)
      h->first_duplicate = handle;
    return TRUE;
  }
  h->seen[handle >> 3] |= bit;
  return FALSE;
}

void lf_smbios_report_duplicates(LfSmbios *s, const LfSmbiosHandles *h, const char *why)
{
  if (h->n_duplicates > 0)
    lf_smbios_add_problem(s, LF_PE_DUPLICATE_HANDLE, h->first_duplicate, why, h->n_duplicates);
}

/* value > cap -> unknown, with one problem naming the record. */
static void cap(LfSmbios *s, gint64 *value, gint64 limit, const char *what, const char *name,
                const char *unit, const char *limit_text)
{
  if (!lf_known_int(*value) || *value <= limit)
    return;
  lf_smbios_add_problem(s, LF_PE_OVER_LIMIT, what, name ? name : "?", *value, unit,
                        limit_text);
  *value = LF_UNKNOWN;
}

void lf_smbios_check_limits(LfSmbios *s)
{
  for (guint i = 0; i < s->memory_devices->len; i++) {
    LfSmbiosMemoryDevice *d = s->memory_devices->pdata[i];
    cap(s, &d->size_mb, LF_SMBIOS_MAX_MODULE_MB, LF_PE_REC_MODULE, d->locator, "MB", "4 TB");
    cap(s, &d->speed_mts, LF_SMBIOS_MAX_SPEED_MTS, LF_PE_REC_SPEED, d->locator, "MT/s",
        "100000 MT/s");
    cap(s, &d->configured_speed_mts, LF_SMBIOS_MAX_SPEED_MTS, LF_PE_REC_CONFIGURED,
        d->locator, "MT/s", "100000 MT/s");
  }
  for (guint i = 0; i < s->memory_arrays->len; i++) {
    LfSmbiosMemoryArray *a = s->memory_arrays->pdata[i];
    cap(s, &a->max_mb, LF_SMBIOS_MAX_ARRAY_MB, LF_PE_REC_ARRAY, a->use, "MB", "256 TB");
  }
  for (guint i = 0; i < s->batteries->len; i++) {
    LfSmbiosBattery *b = s->batteries->pdata[i];
    cap(s, &b->design_capacity_mwh, LF_SMBIOS_MAX_BATTERY_MWH, LF_PE_REC_BAT_CAPACITY,
        b->name, "mWh", "1 kWh");
    cap(s, &b->design_voltage_mv, LF_SMBIOS_MAX_BATTERY_MV, LF_PE_REC_BAT_VOLTAGE, b->name,
        "mV", "100 V");
  }
}

static void battery_free(LfSmbiosBattery *b)
{
  g_free(b->location);
  g_free(b->manufacturer);
  g_free(b->manufacture_date);
  g_free(b->serial);
  g_free(b->name);
  g_free(b->chemistry);
  g_free(b->technology);
  g_free(b);
}

static void array_free(LfSmbiosMemoryArray *a)
{
  g_free(a->use);
  g_free(a);
}

static void device_free(LfSmbiosMemoryDevice *d)
{
  g_free(d->locator);
  g_free(d->bank_locator);
  g_free(d->type);
  g_free(d->form_factor);
  g_free(d->manufacturer);
  g_free(d->part_number);
  g_free(d);
}

void lf_smbios_free(LfSmbios *s)
{
  if (s == NULL)
    return;
  char **strings[] = { &s->source, &s->version, &s->bios_vendor, &s->bios_version, &s->bios_date,
                       &s->sys_vendor, &s->product, &s->product_version, &s->serial, &s->uuid,
                       &s->sku, &s->family, &s->board_vendor, &s->board_name, &s->board_version,
                       &s->board_serial, &s->chassis_vendor, &s->chassis_serial,
                       &s->cpu_manufacturer, &s->cpu_version };
  for (gsize i = 0; i < G_N_ELEMENTS(strings); i++)
    g_free(*strings[i]);
  for (guint i = 0; i < s->batteries->len; i++)
    battery_free(s->batteries->pdata[i]);
  for (guint i = 0; i < s->memory_arrays->len; i++)
    array_free(s->memory_arrays->pdata[i]);
  for (guint i = 0; i < s->memory_devices->len; i++)
    device_free(s->memory_devices->pdata[i]);
  g_ptr_array_unref(s->batteries);
  g_ptr_array_unref(s->memory_arrays);
  g_ptr_array_unref(s->memory_devices);
  g_ptr_array_unref(s->problems);
  g_free(s);
}

LfSmbiosBattery *lf_smbios_add_battery(LfSmbios *s)
{
  if (s->batteries->len >= LF_SMBIOS_MAX_BATTERIES)
    return NULL;
  LfSmbiosBattery *b = g_new0(LfSmbiosBattery, 1);
  b->design_capacity_mwh = LF_UNKNOWN;
  b->design_voltage_mv = LF_UNKNOWN;
  g_ptr_array_add(s->batteries, b);
  return b;
}

LfSmbiosMemoryArray *lf_smbios_add_memory_array(LfSmbios *s)
{
  if (s->memory_arrays->len >= LF_SMBIOS_MAX_ARRAYS)
    return NULL;
  LfSmbiosMemoryArray *a = g_new0(LfSmbiosMemoryArray, 1);
  a->max_mb = LF_UNKNOWN;
  a->devices = LF_UNKNOWN;
  g_ptr_array_add(s->memory_arrays, a);
  return a;
}

LfSmbiosMemoryDevice *lf_smbios_add_memory_device(LfSmbios *s)
{
  if (s->memory_devices->len >= LF_SMBIOS_MAX_DEVICES)
    return NULL;
  LfSmbiosMemoryDevice *d = g_new0(LfSmbiosMemoryDevice, 1);
  d->array_handle = G_MAXUINT;
  d->size_mb = LF_UNKNOWN;
  d->speed_mts = LF_UNKNOWN;
  d->configured_speed_mts = LF_UNKNOWN;
  g_ptr_array_add(s->memory_devices, d);
  return d;
}

guint lf_smbios_battery_count(const LfSmbios *s)
{
  return s ? s->batteries->len : 0;
}

const LfSmbiosBattery *lf_smbios_battery_get(const LfSmbios *s, guint i)
{
  return s && i < s->batteries->len ? s->batteries->pdata[i] : NULL;
}

guint lf_smbios_memory_device_count(const LfSmbios *s)
{
  return s ? s->memory_devices->len : 0;
}

const LfSmbiosMemoryDevice *lf_smbios_memory_device_get(const LfSmbios *s, guint i)
{
  return s && i < s->memory_devices->len ? s->memory_devices->pdata[i] : NULL;
}

guint lf_smbios_memory_array_count(const LfSmbios *s)
{
  return s ? s->memory_arrays->len : 0;
}

const LfSmbiosMemoryArray *lf_smbios_memory_array_get(const LfSmbios *s, guint i)
{
  return s && i < s->memory_arrays->len ? s->memory_arrays->pdata[i] : NULL;
}

char *lf_smbios_clean_string(const char *s, gsize len)
{
  if (s == NULL)
    return NULL;
  gsize n = 0;
  while (n < len && s[n] != '\0')
    n++;
  if (n > LF_SMBIOS_MAX_STRING)
    n = LF_SMBIOS_MAX_STRING;
  char *out = g_strndup(s, n);
  for (char *p = out; *p; p++)
    if ((guchar)*p < 0x20 || (guchar)*p >= 0x7f)
      *p = '?';
  g_strstrip(out);
  if (*out == '\0')
    g_clear_pointer(&out, g_free);
  return out;
}

/* Strings firmware vendors leave in unused fields; compared case-insensitively
 * after stripping. Sources: the values dmidecode prints for index 0 / bad
 * indexes, AMI and Insyde template defaults seen in public dmidecode dumps. */
static const char *const placeholders[] = {
  "To Be Filled By O.E.M.", "To Be Filled By O.E.M", "Default string", "Default",
  "System Product Name", "System manufacturer", "System Manufacturer", "System Version",
  "System Serial Number", "System Name", "Base Board Serial Number", "Base Board Product Name",
  "Board Product Name", "Chassis Serial Number", "Chassis Manufacture", "Chassis Version",
  "Type1ProductConfigId", "Type2 - Board Serial Number", "SKU", "Not Specified",
  "Not Applicable", "Not Available", "Not Present", "Not Settable", "Not Installed", "None",
  "N/A", "NA", "Unknown", "Other", "OEM", "O.E.M.", "Invalid", "INVALID", "Empty", "0123456789",
  "123456789", "1234567890", "12345678", "Serial", "SerialNumber", "<BAD INDEX>",
  "<OUT OF SPEC>", "<TRUNCATED>", "Reserved",
};

gboolean lf_smbios_is_placeholder(const char *value)
{
  if (value == NULL)
    return TRUE;
  g_autofree char *v = g_strstrip(g_strdup(value));
  if (*v == '\0')
    return TRUE;
  for (gsize i = 0; i < G_N_ELEMENTS(placeholders); i++)
    if (g_ascii_strcasecmp(v, placeholders[i]) == 0)
      return TRUE;
  /* Runs of one filler character: "00000000", "XXXXXXXXXX", "........", "????". */
  gsize n = strlen(v);
  if (n >= 3 && strspn(v, (char[]){ v[0], '\0' }) == n && strchr("0FfXx.?-* ", v[0]))
    return TRUE;
  /* UUIDs of all zeros or all FFs: "00000000-0000-0000-0000-000000000000". */
  if (n == 36 && (strspn(v, "0-") == n || strspn(v, "Ff-") == n))
    return TRUE;
  return FALSE;
}

/* dmidecode's names (dmi_chassis_type), index = SMBIOS code. */
static const char *const chassis_names[] = {
  NULL, "Other", "Unknown", "Desktop", "Low Profile Desktop", "Pizza Box", "Mini Tower", "Tower",
  "Portable", "Laptop", "Notebook", "Hand Held", "Docking Station", "All In One", "Sub Notebook",
  "Space-saving", "Lunch Box", "Main Server Chassis", "Expansion Chassis", "Sub Chassis",
  "Bus Expansion Chassis", "Peripheral Chassis", "RAID Chassis", "Rack Mount Chassis",
  "Sealed-case PC", "Multi-system", "CompactPCI", "AdvancedTCA", "Blade", "Blade Enclosing",
  "Tablet", "Convertible", "Detachable", "IoT Gateway", "Embedded PC", "Mini PC", "Stick PC",
};

const char *lf_smbios_chassis_name(gint64 code)
{
  if (code <= 0 || code >= (gint64)G_N_ELEMENTS(chassis_names))
    return NULL;
  return chassis_names[code];
}

gint64 lf_smbios_chassis_code(const char *name)
{
  if (name == NULL)
    return LF_UNKNOWN;
  for (gsize i = 1; i < G_N_ELEMENTS(chassis_names); i++)
    if (g_ascii_strcasecmp(name, chassis_names[i]) == 0)
      return (gint64)i;
  /* dmidecode 2.x before 2.10 spelled one differently. */
  if (g_ascii_strcasecmp(name, "Space-Saving") == 0)
    return 15;
  return LF_UNKNOWN;
}

const char *lf_smbios_chassis_class(gint64 code)
{
  switch (code) {
  case 8: case 9: case 10: case 14:            /* Portable, Laptop, Notebook, Sub Notebook */
    return "notebook";
  case 31:                                     /* Convertible */
    return "convertible";
  case 11: case 30: case 32:                   /* Hand Held, Tablet, Detachable */
    return "tablet";
  case 3: case 4: case 5: case 6: case 7: case 13: case 15: case 16: case 24: case 34: case 35:
  case 36:                                     /* desktops, all-in-ones, mini and stick PCs */
    return "desktop";
  case 17: case 23: case 25: case 28: case 29: /* server, rack, multi-system, blades */
    return "server";
  default:
    return "unknown";
  }
}

char *lf_smbios_date_iso(const char *date)
{
  if (date == NULL)
    return NULL;
  g_autofree char *d = g_strstrip(g_strdup(date));
  unsigned m = 0, day = 0, y = 0;
  int used = 0;
  if (sscanf(d, "%2u/%2u/%4u%n", &m, &day, &y, &used) == 3 && d[used] == '\0' && m >= 1 &&
      m <= 12 && day >= 1 && day <= 31) {
    gsize ylen = strlen(strrchr(d, '/') + 1);
    /* SMBIOS 2.3+ requires 4 digits; older BIOSes wrote 2 (assume 1980-2079). */
    if (ylen == 2)
      y += y >= 80 ? 1900 : 2000;
    else if (ylen != 4)
      return g_steal_pointer(&d);
    if (y >= 1980 && y <= 2100)
      return g_strdup_printf("%04u-%02u-%02u", y, m, day);
  }
  return g_steal_pointer(&d);
}

const char *lf_smbios_technology(const char *chem)
{
  static const struct {
    const char *name, *tech;
  } map[] = {
    { "Lithium Ion", "Li-ion" }, { "Lithium Polymer", "Li-poly" },
    { "Nickel Metal Hydride", "NiMH" }, { "Nickel Cadmium", "NiCd" }, { "Lead Acid", "Pb" },
    { "Zinc Air", "Zn-air" },
    /* SBDS chemistry strings (Smart Battery Data Specification 1.1, 5.1.27) */
    { "LION", "Li-ion" }, { "LiIon", "Li-ion" }, { "Li-ion", "Li-ion" }, { "LIP", "Li-poly" },
    { "LiP", "Li-poly" }, { "LiPo", "Li-poly" }, { "Li-poly", "Li-poly" }, { "NiMH", "NiMH" },
    { "NiCd", "NiCd" }, { "PbAc", "Pb" }, { "ZnAr", "Zn-air" },
  };
  if (chem == NULL)
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS(map); i++)
    if (g_ascii_strcasecmp(chem, map[i].name) == 0)
      return map[i].tech;
  return NULL;
}

/* --- sysfs ----------------------------------------------------------------- */

LfSmbios *lf_smbios_read_sysfs(LfSysroot *root)
{
  if (!lf_sysroot_is_dir(root, "sys/class/dmi/id"))
    return NULL;
  g_autoptr(LfSmbios) s = lf_smbios_new("sysfs");
  static const struct {
    const char *file;
    gsize offset;
  } files[] = {
#define F(name, member) { "sys/class/dmi/id/" name, G_STRUCT_OFFSET(LfSmbios, member) }
    F("bios_vendor", bios_vendor), F("bios_version", bios_version), F("bios_date", bios_date),
    F("sys_vendor", sys_vendor), F("product_name", product), F("product_version", product_version),
    F("product_serial", serial), F("product_uuid", uuid), F("product_sku", sku),
    F("product_family", family), F("board_vendor", board_vendor), F("board_name", board_name),
    F("board_version", board_version), F("board_serial", board_serial),
    F("chassis_vendor", chassis_vendor), F("chassis_serial", chassis_serial),
#undef F
  };
  gboolean any = FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS(files); i++) {
    char *value = lf_sysroot_read_string(root, files[i].file);
    if (value)
      any = TRUE;
    G_STRUCT_MEMBER(char *, s, files[i].offset) = value;
  }
  gint64 code;
  if (lf_sysroot_read_int(root, "sys/class/dmi/id/chassis_type", &code) && code > 0 && code < 256) {
    s->chassis_type = code & 0x7f;
    any = TRUE;
  }
  return any ? g_steal_pointer(&s) : NULL;
}

/* --- LfMachine --------------------------------------------------------------- */

static void set_string(char **field, const char *value)
{
  if (lf_smbios_is_placeholder(value))
    return;
  g_free(*field);
  *field = g_strdup(value);
}

/* Hypervisors name themselves in type 1 (vendor or product). */
static gboolean is_virtual(const LfSmbios *s)
{
  static const char *const names[] = { "QEMU", "KVM", "VMware", "VirtualBox", "innotek GmbH",
                                       "Xen", "Bochs", "Parallels", "BHYVE", "Virtual Machine" };
  for (gsize i = 0; i < G_N_ELEMENTS(names); i++)
    if ((s->sys_vendor && strstr(s->sys_vendor, names[i])) ||
        (s->product && strstr(s->product, names[i])))
      return TRUE;
  return FALSE;
}

void lf_smbios_bios_ext2(guint8 byte2, guint version, LfTri *uefi, LfTri *bbs)
{
  *uefi = version >= 0x0207 ? ((byte2 & 0x08) ? LF_TRI_TRUE : LF_TRI_FALSE) : LF_TRI_UNKNOWN;
  *bbs = (byte2 & 0x01) ? LF_TRI_TRUE : LF_TRI_UNKNOWN;
}

void lf_smbios_fill_machine(const LfSmbios *s, LfMachine *m)
{
  g_return_if_fail(s != NULL && m != NULL);
  if (s->uefi_supported != LF_TRI_UNKNOWN)
    m->firmware.uefi_supported = s->uefi_supported;
  if (s->bbs_supported != LF_TRI_UNKNOWN)
    m->firmware.legacy_boot = s->bbs_supported;
  set_string(&m->vendor, s->sys_vendor);
  set_string(&m->product, s->product);
  set_string(&m->version, s->product_version);
  set_string(&m->family, s->family);
  set_string(&m->bios.vendor, s->bios_vendor);
  set_string(&m->bios.version, s->bios_version);
  if (!lf_smbios_is_placeholder(s->bios_date)) {
    g_free(m->bios.date);
    m->bios.date = lf_smbios_date_iso(s->bios_date);
  }
  set_string(&m->serial, s->serial);
  set_string(&m->board_serial, s->board_serial);
  if (!lf_smbios_is_placeholder(s->uuid)) {
    g_free(m->uuid);
    m->uuid = g_ascii_strdown(s->uuid, -1);
  }
  g_free(m->chassis);
  m->chassis = g_strdup(is_virtual(s) ? "vm" : lf_smbios_chassis_class(s->chassis_type));
  g_free(m->smbios_source);
  m->smbios_source = g_strdup(s->source);
}

/* --- the probe ---------------------------------------------------------------- */

static LfSmbios *read_tables(LfProbeContext *ctx, char **why, gboolean *corrupt,
                             gboolean *denied)
{
  const char *ep_path = "sys/firmware/dmi/tables/smbios_entry_point";
  const char *dmi_path = "sys/firmware/dmi/tables/DMI";
  g_autofree char *ep = NULL, *dmi = NULL;
  gsize ep_len = 0, dmi_len = 0;
  g_autoptr(GError) error = NULL;
  if (!lf_sysroot_exists(ctx->root, ep_path)) {
    *why = g_strdup(LF_PE_NO_TABLES);
    return NULL;
  }
  if (!lf_sysroot_read(ctx->root, ep_path, 4096, &ep, &ep_len, &error) ||
      !lf_sysroot_read(ctx->root, dmi_path, LF_DMI_MAX_TABLE, &dmi, &dmi_len, &error)) {
    *why = g_strdup_printf(LF_PE_TABLES_DENIED, error->message);
    *denied = TRUE;
    return NULL;
  }
  LfSmbios *s = lf_smbios_parse_tables((const guint8 *)ep, ep_len, (const guint8 *)dmi, dmi_len,
                                       &error);
  if (s == NULL) {
    *why = g_strdup_printf(LF_PE_TABLES_BAD, error->message);
    *corrupt = TRUE;
  }
  return s;
}

/* Differ: both known (not placeholders) and not equal, case aside. */
static gboolean differ(const char *saved, const char *live)
{
  return !lf_smbios_is_placeholder(saved) && !lf_smbios_is_placeholder(live) &&
         g_ascii_strcasecmp(saved, live) != 0;
}

/* A dmidecode file of another machine mixed with the root's facts (the
 * running machine, or a saved one): say so. The UUID and serial are root-only in sysfs; vendor and product are not.
 * A root that names none of them (a container, a VM without DMI) cannot be compared: say that. */
static void check_same_machine(LfSysroot *root, const LfSmbios *saved, gboolean offline,
                               LfReport *report)
{
  gboolean compared = FALSE;
  static const struct { const char *file, *what; gsize offset; } ids[] = {
    { "sys/class/dmi/id/product_uuid", LF_PE_ID_UUID, G_STRUCT_OFFSET(LfSmbios, uuid) },
    { "sys/class/dmi/id/product_serial", LF_PE_ID_SERIAL, G_STRUCT_OFFSET(LfSmbios, serial) },
    { "sys/class/dmi/id/product_name", LF_PE_ID_PRODUCT, G_STRUCT_OFFSET(LfSmbios, product) },
    { "sys/class/dmi/id/sys_vendor", LF_PE_ID_VENDOR, G_STRUCT_OFFSET(LfSmbios, sys_vendor) },
  };
  for (guint i = 0; i < G_N_ELEMENTS(ids); i++) {
    g_autofree char *live = lf_sysroot_read_string(root, ids[i].file);
    const char *mine = G_STRUCT_MEMBER(const char *, saved, ids[i].offset);
    if (differ(mine, live)) {
      lf_report_add_error(report, "smbios",
                          LF_PE_DMIDECODE_OTHER, ids[i].what);
      return;
    }
    compared |= !lf_smbios_is_placeholder(mine) && !lf_smbios_is_placeholder(live);
  }
  if (!compared && !offline)
    lf_report_add_error(report, "smbios", LF_PE_DMIDECODE_UNMATCHED);
}

gboolean lf_probe_smbios(LfProbeContext *ctx, LfReport *report, GError **error)
{
  g_autoptr(LfSmbios) s = NULL;
  if (ctx->opts && ctx->opts->dmidecode) {
    g_autofree char *text = NULL;
    gsize len = 0;
    if (!lf_file_read(ctx->opts->dmidecode, LF_DMIDECODE_MAX_FILE, LF_READ_DEFAULT, &text, &len,
                      error))
      return FALSE;
    if (len >= 2 && (guchar)text[0] == 0x1f && (guchar)text[1] == 0x8b) {
      g_autofree char *packed = g_steal_pointer(&text);
      /* Archived dumps are often gzipped: the same size limit once inflated. */
      if (!lf_inflate(G_ZLIB_COMPRESSOR_FORMAT_GZIP, (const guint8 *)packed, len,
                      LF_DMIDECODE_MAX_FILE, &text, &len, error)) {
        g_prefix_error(error, _("cannot decompress '%s': "), ctx->opts->dmidecode);
        return FALSE;
      }
    }
    s = lf_smbios_parse_dmidecode(text, len, error);
    if (s == NULL) {
      g_prefix_error(error, "%s: ", ctx->opts->dmidecode);
      return FALSE;
    }
    check_same_machine(ctx->root, s, ctx->opts->offline, report);
  } else {
    g_autofree char *why_tables = NULL;
    gboolean corrupt = FALSE, denied = FALSE;
    s = read_tables(ctx, &why_tables, &corrupt, &denied);
    if (s == NULL) {
      g_debug("smbios: %s", why_tables);
      if (corrupt)   /* worth a note even when sysfs fills in */
        lf_report_add_error(report, "smbios", "%s", why_tables);
      s = lf_smbios_read_sysfs(ctx->root);
      if (s == NULL) {
        if (!corrupt)
          lf_report_add_error(report, "smbios",
                              LF_PE_NO_SMBIOS,
                              why_tables);
        return TRUE;
      }
      /* Not an error: this is the normal case without root. Only what the firmware can
       * boot is lost, and the verdicts need it. */
      g_debug("smbios: using /sys/class/dmi/id (no serials, memory or battery records)");
      if (denied)
        lf_report_add_error(report, "smbios",
                            LF_PE_UEFI_ROOT_ONLY, why_tables);
    }
  }
  for (guint i = 0; i < s->problems->len; i++)
    lf_report_add_error(report, "smbios", "%s", (const char *)s->problems->pdata[i]);
  lf_smbios_fill_machine(s, &report->machine);
  ctx->smbios = g_steal_pointer(&s);
  return TRUE;
}

void lf_probe_smbios_release(LfProbeContext *ctx)
{
  g_clear_pointer(&ctx->smbios, lf_smbios_free);
}
