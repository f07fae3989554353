/* SPDX-License-Identifier: GPL-2.0-or-later */
/* LfReport: the one model of a machine (schema "lapfit-report/1").
 *
 * Probes fill it, everything downstream reads it, and report-json.c turns it
 * into JSON and back without loss. Each struct is described by a field table
 * (LfStructDesc), which drives init, clear, copy, JSON output and JSON input,
 * so adding a field is one member plus one table row in report.c.
 *
 * Unknown values: strings NULL, integers LF_UNKNOWN, doubles NAN (test with
 * lf_known_*()), LfTri LF_TRI_UNKNOWN. All of them serialise as JSON null. */
#pragma once
#include <glib.h>
#include <math.h>

#define LF_REPORT_SCHEMA "lapfit-report/1"
#define LF_UNKNOWN G_MININT64

typedef enum { LF_TRI_UNKNOWN = -1, LF_TRI_FALSE = 0, LF_TRI_TRUE = 1 } LfTri;

static inline gboolean lf_known_int(gint64 v) { return v != LF_UNKNOWN; }
static inline gboolean lf_known_num(double v) { return !isnan(v); }

/* --- field tables ------------------------------------------------------- */

typedef enum {
  LF_FIELD_STRING,   /* char *                                   */
  LF_FIELD_INT,      /* gint64, LF_UNKNOWN                        */
  LF_FIELD_NUMBER,   /* double, NAN                               */
  LF_FIELD_TRI,      /* LfTri                                     */
  LF_FIELD_STRUCT,   /* embedded struct, `sub` describes it        */
  LF_FIELD_ARRAY,    /* GPtrArray * of heap structs of type `sub`  */
  LF_FIELD_STRV,     /* GPtrArray * of char *                      */
} LfFieldType;

typedef struct LfStructDesc LfStructDesc;

typedef enum {
  LF_FIELD_PRIVATE = 1 << 0,  /* serial, UUID, MAC: only with LF_JSON_PRIVATE */
} LfFieldFlags;

typedef struct {
  const char *key;            /* JSON key */
  LfFieldType type;
  gsize offset;
  const LfStructDesc *sub;    /* STRUCT and ARRAY only */
  guint flags;
} LfField;

struct LfStructDesc {
  const char *name;
  gsize size;
  const LfField *fields;      /* terminated by a row with key NULL */
  GDestroyNotify free_func;   /* lf_struct_free() for this type: arrays own their elements */
};

void lf_struct_init(const LfStructDesc *desc, gpointer p);
void lf_struct_clear(const LfStructDesc *desc, gpointer p);
gpointer lf_struct_new(const LfStructDesc *desc);
void lf_struct_free(const LfStructDesc *desc, gpointer p);
/* An empty array that frees its elements of type desc when unreffed. transfer full. */
GPtrArray *lf_struct_array_new(const LfStructDesc *desc);

/* --- the model ---------------------------------------------------------- */

typedef struct {
  char *mode;                 /* "uefi" | "bios" */
  gint64 uefi_bits;           /* 32 or 64 */
  LfTri secure_boot;
  LfTri uefi_supported;       /* SMBIOS says the firmware can boot UEFI (whatever mode it used) */
  LfTri legacy_boot;          /* SMBIOS says BIOS Boot Specification (legacy/CSM) boot; never false */
} LfFirmware;

typedef struct {
  char *vendor, *version, *date;   /* date as ISO 8601 when parseable */
} LfBios;

typedef struct {
  char *vendor, *product, *version, *family;
  char *chassis;              /* notebook|convertible|tablet|desktop|server|vm|unknown */
  char *virtual_;             /* JSON "virtual": null, kvm, vmware, qemu, ... */
  LfFirmware firmware;
  LfBios bios;
  char *smbios_source;        /* "tables" | "sysfs" | "dmidecode" | NULL */
  char *serial, *uuid, *board_serial;   /* private */
  char *hostname;             /* private */
} LfMachine;

/* One kind of core on a hybrid CPU (CPUID leaf 0x1A of every logical CPU). */
typedef struct {
  char *kind;                 /* "performance" | "efficiency" */
  gint64 cores, threads;
  char *uarch;                /* e.g. "Raptor Cove", "Gracemont"; NULL if unknown */
} LfCpuCoreType;

typedef struct {
  char *vendor, *brand, *codename, *uarch, *generation;
  gint64 family, model, stepping;
  gint64 launch_year;
  char *isa_level;            /* x86-64-v1..v4 | i686 | i586 | arm64 | ... */
  gint64 bits;                /* 32 | 64 */
  LfTri pae, nx, sse2;
  char *pae_note;             /* e.g. "hidden": Pentium M Banias/Dothan (forcepae) */
  gint64 cores, threads;
  GPtrArray *core_types;      /* LfCpuCoreType: hybrid CPUs from a multi-CPU dump */
  double max_mhz;
  GPtrArray *missing_for_next_level;   /* strv: psABI feature names */
  GPtrArray *flags;           /* strv: /proc/cpuinfo-style names */
  char *source;               /* "cpuid" | "cpuid-dump" | "cpuinfo" */
  char *table_source;         /* source of the matched data/cpu row */
} LfCpu;

typedef struct {
  char *locator, *type, *form_factor;
  gint64 size_mb, speed_mts;
  LfTri soldered;
} LfMemoryModule;

typedef struct {
  gint64 usable_mb, installed_mb, slots_total, slots_used, max_mb;
  char *installed_source;     /* "smbios" | "estimate" */
  char *type;
  gint64 speed_mts;
  LfTri soldered;
  GPtrArray *modules;         /* LfMemoryModule */
  gint64 swap_mb;
} LfMemory;

typedef struct {
  char *name, *vendor, *model, *technology, *serial;
  double design_wh, full_wh, now_wh, health_pct, percent, power_w, voltage_v;
  double design_voltage_v;     /* the design (minimum) voltage, not the present one */
  gint64 cycles;
  char *state;                /* charging|discharging|full|not-charging|unknown */
  gint64 time_to_empty_s, time_to_full_s;
  gint64 charge_start_threshold, charge_stop_threshold;
  char *source;               /* "upower" | "sysfs" | "smbios" */
  GPtrArray *flags;           /* strv: "health-over-100", "design-missing", ... */
} LfBattery;

typedef struct {
  char *driver, *governor, *epp;
  GPtrArray *available_governors, *available_epp;   /* strv */
} LfCpufreq;

typedef struct {
  LfTri on_ac;
  char *platform_profile;
  LfCpufreq cpufreq;
  GPtrArray *tuners_running;  /* strv: tlp, power-profiles-daemon, tuned, ... */
} LfPower;

typedef struct {
  char *name, *model, *kind;  /* nvme|ssd|hdd|emmc|usb|sd */
  double size_gb;
  LfTri removable, rotational, boot_medium;
  char *serial;               /* private */
} LfStorage;

typedef struct {
  char *vendor, *device, *pci_id, *driver;
  LfTri kms;                  /* has a kernel modesetting driver bound */
} LfGpu;

/* The EFI variable (in sys/firmware/efi/efivars) from which brcmfmac reads a board's
 * Wi-Fi settings when no .txt file is found (brcmfmac/firmware.c,
 * brcmf_fw_nvram_from_efi): LfNetwork.nvram_efi says whether it exists. */
#define LF_BRCMF_NVRAM_EFIVAR "nvram-74b00bd9-805a-4d61-b51f-43268123d113"

typedef struct {
  char *kind;                 /* wifi|ethernet|bluetooth */
  char *name, *vendor, *device, *pci_id, *usb_id, *driver;
  char *sdio_id;              /* SDIO Wi-Fi (Bay Trail tablets): "02d0:4324" */
  GPtrArray *firmware_missing;   /* strv: firmware file names */
  char *firmware_package;     /* Debian package that ships them (data/firmware/) */
  LfTri needs_nonfree_firmware;
  LfTri nvram_efi;            /* brcmfmac: the firmware keeps the card's board settings (NVRAM)
                                 in the EFI variable the driver reads; unknown off UEFI and for
                                 other drivers */
  char *mac;                  /* private */
} LfNetwork;

typedef struct {
  char *pretty_name, *id, *version_id, *kernel, *arch;
  LfTri live_session;
} LfOs;

typedef struct {
  char *probe, *message;
} LfReportError;

typedef struct {
  char *schema, *lapfit_version, *generated;
  char *machine_id;           /* stable hash of SMBIOS UUID/serials */
  LfMachine machine;
  LfCpu cpu;
  LfMemory memory;
  GPtrArray *batteries;       /* LfBattery */
  LfPower power;
  GPtrArray *storage;         /* LfStorage */
  GPtrArray *gpus;            /* LfGpu */
  GPtrArray *network;         /* LfNetwork */
  LfOs os;
  GPtrArray *errors;          /* LfReportError */
} LfReport;

extern const LfStructDesc lf_report_desc, lf_cpu_core_type_desc, lf_battery_desc, lf_storage_desc, lf_gpu_desc,
    lf_network_desc, lf_memory_module_desc, lf_report_error_desc;

/* A report with every value unknown and schema/version set. transfer full. */
LfReport *lf_report_new(void);
void lf_report_free(LfReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(LfReport, lf_report_free)

/* New zero-unknown elements, appended to the report's array. transfer none. */
LfBattery *lf_report_add_battery(LfReport *report);

/* How worn a battery is: the one judgement of health_pct every view shows. */
typedef enum {
  LF_BATTERY_HEALTH_UNKNOWN,   /* no health figure */
  LF_BATTERY_HEALTH_GOOD,      /* 80 % of the design capacity or more */
  LF_BATTERY_HEALTH_WORN,      /* 50 to 80 %: shorter runs, still useful */
  LF_BATTERY_HEALTH_POOR,      /* below 50 %: worth replacing */
} LfBatteryHealth;

LfBatteryHealth lf_battery_health(const LfBattery *battery);
LfStorage *lf_report_add_storage(LfReport *report);
LfGpu *lf_report_add_gpu(LfReport *report);
LfNetwork *lf_report_add_network(LfReport *report);
LfMemoryModule *lf_memory_add_module(LfMemory *memory);

/* Records why a value is unknown or a source failed: one entry per cause. */
void lf_report_add_error(LfReport *report, const char *probe, const char *format, ...)
    G_GNUC_PRINTF(3, 4);

/* Appends a string to a strv field, creating the array on demand. */
void lf_strv_add(GPtrArray **array, const char *value);
gboolean lf_strv_contains(const GPtrArray *array, const char *value);

/* LfTri <-> text for human output ("yes"/"no"/"unknown"), translated. */
const char *lf_tri_to_human(LfTri t);
