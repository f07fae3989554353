/* SPDX-License-Identifier: GPL-2.0-or-later */
/* SMBIOS records: the few structures lapfit uses, from any of three sources.
 *
 *   tables     /sys/firmware/dmi/tables/{smbios_entry_point,DMI} (root only),
 *              parsed natively (smbios-tables.c), SMBIOS 2.x and 3.x;
 *   dmidecode  saved `dmidecode` text, versions 2.x to 3.x (smbios-dmidecode.c);
 *   sysfs      /sys/class/dmi/id/ files (readable without root; no serials, no
 *              memory or battery records).
 *
 * Both parsers produce the same LfSmbios: strings exactly as dmidecode prints
 * them (names of enumerated codes from dmidecode's tables, e.g. memory type
 * "LPDDR5", form factor "Row Of Chips", chemistry "Lithium Ion"), so binary
 * tables and dmidecode text of one machine give identical records. Values are
 * raw: placeholders ("To Be Filled By O.E.M.", "Not Specified") are filtered by
 * the consumers with lf_smbios_is_placeholder().
 *
 * Spec: DMTF DSP0134 (SMBIOS Reference Specification) 3.7.0. */
#pragma once
#include <glib.h>

#include "core/report.h"
#include "core/sysroot.h"

/* Type 22, Portable Battery. */
typedef struct {
  char *location, *manufacturer, *manufacture_date, *serial, *name;
  char *chemistry;            /* dmidecode's name ("Lithium Ion") or SBDS text ("LiP") */
  char *technology;           /* normalised as sysfs power_supply says it: Li-ion, Li-poly,
                                 NiMH, NiCd, Pb, Zn-air, or NULL */
  gint64 design_capacity_mwh; /* multiplier applied; LF_UNKNOWN */
  gint64 design_voltage_mv;   /* LF_UNKNOWN */
} LfSmbiosBattery;

/* Type 16, Physical Memory Array. */
typedef struct {
  guint handle;
  char *use;                  /* "System Memory", "Video Memory", ... */
  gint64 max_mb;              /* extended maximum applied; LF_UNKNOWN */
  gint64 devices;             /* "Number Of Devices"; LF_UNKNOWN */
} LfSmbiosMemoryArray;

/* Type 17, Memory Device. */
typedef struct {
  guint array_handle;         /* G_MAXUINT when unknown */
  char *locator, *bank_locator, *type, *form_factor, *manufacturer, *part_number;
  gint64 size_mb;             /* 0 = no module installed; LF_UNKNOWN */
  gint64 speed_mts;           /* maximum speed; LF_UNKNOWN */
  gint64 configured_speed_mts;/* LF_UNKNOWN */
} LfSmbiosMemoryDevice;

typedef struct LfSmbios {
  char *source;               /* "tables" | "dmidecode" | "sysfs" */
  char *version;              /* "3.2" (from the entry point or dmidecode's header) */
  /* type 0 */
  char *bios_vendor, *bios_version, *bios_date;
  LfTri uefi_supported;       /* characteristics extension byte 2, bit 3 (SMBIOS 2.7+) */
  LfTri bbs_supported;        /* byte 2, bit 0: BIOS Boot Specification (legacy boot) */
  /* type 1 */
  char *sys_vendor, *product, *product_version, *serial, *uuid, *sku, *family;
  /* type 2 */
  char *board_vendor, *board_name, *board_version, *board_serial;
  /* type 3 */
  char *chassis_vendor, *chassis_serial;
  gint64 chassis_type;        /* SMBIOS code without the lock bit; LF_UNKNOWN */
  /* type 4, the first populated processor (ID not zero) */
  char *cpu_manufacturer, *cpu_version;
  gint64 cpu_id_eax, cpu_id_edx;   /* "ID": CPUID leaf 1 EAX and EDX; LF_UNKNOWN */
  gint64 cpu_cores, cpu_threads;   /* LF_UNKNOWN */
  GPtrArray *batteries;       /* LfSmbiosBattery, never NULL */
  GPtrArray *memory_arrays;   /* LfSmbiosMemoryArray, never NULL */
  GPtrArray *memory_devices;  /* LfSmbiosMemoryDevice, never NULL */
  GPtrArray *problems;        /* char *, for report errors[] (English, machine text); never NULL */
} LfSmbios;

/* Caps on records kept from one source (hostile input cannot grow memory). */
#define LF_SMBIOS_MAX_DEVICES 256
#define LF_SMBIOS_MAX_ARRAYS 32
#define LF_SMBIOS_MAX_BATTERIES 16
/* Physical caps: a value beyond them is garbage in the tables or the file, not
 * hardware, and is recorded as unknown (lf_smbios_check_limits).
 * One memory module: the largest sold (2026) hold 256-512 GB; 4 TB leaves room.
 * One memory array: the largest single machines hold 32-48 TB; 256 TB leaves room.
 * A portable battery (type 22): laptop packs stay under 100 Wh (air transport
 * rule); 1 kWh is ten times that. Its voltage: packs are under 20 V; 100 V as
 * the sysfs battery reader's cap. Memory speed: the fastest DDR5/LPDDR5X run
 * at about 10,000 MT/s; 100,000 leaves room. */
#define LF_SMBIOS_MAX_MODULE_MB (G_GINT64_CONSTANT(4) << 20)
#define LF_SMBIOS_MAX_ARRAY_MB (G_GINT64_CONSTANT(256) << 20)
#define LF_SMBIOS_MAX_SPEED_MTS G_GINT64_CONSTANT(100000)
#define LF_SMBIOS_MAX_BATTERY_MWH G_GINT64_CONSTANT(1000000)
#define LF_SMBIOS_MAX_BATTERY_MV G_GINT64_CONSTANT(100000)
/* Problems kept from one source; later ones are dropped. */
#define LF_SMBIOS_MAX_PROBLEMS 16
/* Longest string kept; longer ones are cut. */
#define LF_SMBIOS_MAX_STRING 255

/* An empty record set of the given source. transfer full. */
LfSmbios *lf_smbios_new(const char *source);
void lf_smbios_free(LfSmbios *smbios);   /* NULL-safe */
G_DEFINE_AUTOPTR_CLEANUP_FUNC(LfSmbios, lf_smbios_free)

/* Binary tables: the entry point ("_SM_", "_SM3_" or legacy "_DMI_") and the
 * structure table, as the kernel exports them. Every offset is bounds-checked;
 * a structure that is truncated, shorter than its header or lacks its string
 * terminator ends the walk (records before it are kept). Fails
 * (LF_ERROR_PARSE) only when the entry point is unusable (anchor, length,
 * checksum) or the table is empty. transfer full. */
LfSmbios *lf_smbios_parse_tables(const guint8 *entry_point, gsize ep_len, const guint8 *table,
                                 gsize table_len, GError **error);

/* Walks a structure table for a given SMBIOS version (major << 8 | minor),
 * without an entry point: what lf_smbios_parse_tables() does after the entry
 * point, exposed for tests and fuzzing. max_structures 0 = no limit beyond
 * the table length. Never fails; returns the records it could read. */
LfSmbios *lf_smbios_parse_table(const guint8 *table, gsize table_len, guint version,
                                guint max_structures);

/* Saved `dmidecode` text (need not be NUL-terminated; NUL bytes and binary
 * junk are tolerated). Fails (LF_ERROR_PARSE) when the text holds no
 * "Handle 0x..., DMI type N" record, i.e. is not dmidecode output.
 * transfer full. */
LfSmbios *lf_smbios_parse_dmidecode(const char *text, gsize len, GError **error);

/* Reads the readable files of <root>/sys/class/dmi/id. NULL when the
 * directory is missing or nothing in it could be read. transfer full. */
LfSmbios *lf_smbios_read_sysfs(LfSysroot *root);

/* Fills vendor, product, version, family, chassis, bios, smbios_source,
 * serial, uuid, board_serial; placeholders become unknown (NULL). Fields the
 * records do not know are left untouched. */
void lf_smbios_fill_machine(const LfSmbios *smbios, LfMachine *machine);

/* --- small pure helpers (unit-tested) ------------------------------------ */

/* TRUE for NULL, empty and the strings firmware uses for "nothing here":
 * "To Be Filled By O.E.M.", "Default string", "System Product Name",
 * "0123456789", "Not Specified", runs of one character ("00000000"), ... */
gboolean lf_smbios_is_placeholder(const char *value);

/* SMBIOS type 3 chassis code -> notebook|convertible|tablet|desktop|server|unknown
 * (never "vm": that comes from the vendor, see lf_smbios_fill_machine). */
const char *lf_smbios_chassis_class(gint64 code);
/* dmidecode's name of a chassis code ("Notebook"), NULL if out of range;
 * and back (case-insensitive), LF_UNKNOWN if not a known name. */
const char *lf_smbios_chassis_name(gint64 code);
gint64 lf_smbios_chassis_code(const char *name);

/* BIOS release date "MM/DD/YYYY" (or "MM/DD/YY") -> "YYYY-MM-DD"; other text
 * is returned as is (stripped). NULL for NULL. transfer full. */
char *lf_smbios_date_iso(const char *date);

/* BIOS Characteristics Extension Byte 2 of type 0 (offset 0x13), DSP0134 7.1.2.2: bit 3
 * "UEFI Specification is supported", bit 0 "BIOS Boot Specification is supported".
 * version = major << 8 | minor; below 2.7 the UEFI bit is not defined: UNKNOWN.
 * A clear BBS bit does not prove there is no legacy boot: UNKNOWN, never FALSE. */
void lf_smbios_bios_ext2(guint8 byte2, guint version, LfTri *uefi, LfTri *bbs);

/* --- accessors for other probes (battery, memory) -------------------------- */

/* NULL-safe: 0 when smbios is NULL. transfer none. */
guint lf_smbios_battery_count(const LfSmbios *smbios);
const LfSmbiosBattery *lf_smbios_battery_get(const LfSmbios *smbios, guint index);
guint lf_smbios_memory_device_count(const LfSmbios *smbios);
const LfSmbiosMemoryDevice *lf_smbios_memory_device_get(const LfSmbios *smbios, guint index);
guint lf_smbios_memory_array_count(const LfSmbios *smbios);
const LfSmbiosMemoryArray *lf_smbios_memory_array_get(const LfSmbios *smbios, guint index);

/* Internal to the parsers: append a zeroed record (NULL when the cap is hit). */
LfSmbiosBattery *lf_smbios_add_battery(LfSmbios *smbios);
LfSmbiosMemoryArray *lf_smbios_add_memory_array(LfSmbios *smbios);
LfSmbiosMemoryDevice *lf_smbios_add_memory_device(LfSmbios *smbios);
/* Records a problem for report errors[] (capped at LF_SMBIOS_MAX_PROBLEMS). */
void lf_smbios_add_problem(LfSmbios *smbios, const char *format, ...) G_GNUC_PRINTF(2, 3);
/* Handles seen while reading one source (a text or a table): a record whose
 * handle came before is skipped, so a repeated one counts nothing twice. */
typedef struct {
  guint8 seen[0x10000 / 8];
  guint n_duplicates;
  guint first_duplicate;
} LfSmbiosHandles;

/* Marks handle seen; TRUE when it had been seen already (the record is skipped). */
gboolean lf_smbios_handle_seen(LfSmbiosHandles *handles, guint handle);
/* One problem for all repeated handles, if any; why: the likely cause. */
void lf_smbios_report_duplicates(LfSmbios *smbios, const LfSmbiosHandles *handles,
                                 const char *why);
/* Sizes, capacities and voltages beyond the physical caps above become
 * unknown, each with a problem saying so. Both parsers call it last. */
void lf_smbios_check_limits(LfSmbios *smbios);
/* Chemistry name -> sysfs technology name, NULL if unknown. transfer none. */
const char *lf_smbios_technology(const char *chemistry);
/* Cleans a raw string: control/non-ASCII bytes -> '?', stripped, cut at
 * LF_SMBIOS_MAX_STRING; NULL if empty. transfer full. */
char *lf_smbios_clean_string(const char *s, gsize len);
