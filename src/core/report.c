/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "core/report.h"

#include <glib/gi18n.h>
#include <stddef.h>

#define S(T, k, m) { k, LF_FIELD_STRING, offsetof(T, m), NULL, 0 }
#define SP(T, k, m) { k, LF_FIELD_STRING, offsetof(T, m), NULL, LF_FIELD_PRIVATE }
#define I(T, k, m) { k, LF_FIELD_INT, offsetof(T, m), NULL, 0 }
#define N(T, k, m) { k, LF_FIELD_NUMBER, offsetof(T, m), NULL, 0 }
#define B(T, k, m) { k, LF_FIELD_TRI, offsetof(T, m), NULL, 0 }
#define O(T, k, m, d) { k, LF_FIELD_STRUCT, offsetof(T, m), &d, 0 }
#define A(T, k, m, d) { k, LF_FIELD_ARRAY, offsetof(T, m), &d, 0 }
#define V(T, k, m) { k, LF_FIELD_STRV, offsetof(T, m), NULL, 0 }
#define END { NULL, 0, 0, NULL, 0 }
#define DESC(name, T, fields) const LfStructDesc name = { #T, sizeof(T), fields, NULL }
/* Array element types also get a free function, so a GPtrArray of them owns
 * its elements like any other GLib container. */
#define ELEMENT_DESC(name, T, fields)                                         \
  static void name##_free(gpointer p);                                       \
  const LfStructDesc name = { #T, sizeof(T), fields, name##_free };          \
  static void name##_free(gpointer p) { lf_struct_free(&name, p); }

static const LfField firmware_fields[] = {
  S(LfFirmware, "mode", mode), I(LfFirmware, "uefi_bits", uefi_bits),
  B(LfFirmware, "secure_boot", secure_boot), B(LfFirmware, "uefi_supported", uefi_supported),
  B(LfFirmware, "legacy_boot", legacy_boot), END,
};
static DESC(firmware_desc, LfFirmware, firmware_fields);

static const LfField bios_fields[] = {
  S(LfBios, "vendor", vendor), S(LfBios, "version", version), S(LfBios, "date", date), END,
};
static DESC(bios_desc, LfBios, bios_fields);

static const LfField machine_fields[] = {
  S(LfMachine, "vendor", vendor), S(LfMachine, "product", product),
  S(LfMachine, "version", version), S(LfMachine, "family", family),
  S(LfMachine, "chassis", chassis), S(LfMachine, "virtual", virtual_),
  O(LfMachine, "firmware", firmware, firmware_desc), O(LfMachine, "bios", bios, bios_desc),
  S(LfMachine, "smbios_source", smbios_source),
  SP(LfMachine, "serial", serial), SP(LfMachine, "uuid", uuid),
  SP(LfMachine, "board_serial", board_serial), SP(LfMachine, "hostname", hostname), END,
};
static DESC(machine_desc, LfMachine, machine_fields);

static const LfField cpu_core_type_fields[] = {
  S(LfCpuCoreType, "kind", kind), I(LfCpuCoreType, "cores", cores),
  I(LfCpuCoreType, "threads", threads), S(LfCpuCoreType, "uarch", uarch), END,
};
ELEMENT_DESC(lf_cpu_core_type_desc, LfCpuCoreType, cpu_core_type_fields);

static const LfField cpu_fields[] = {
  S(LfCpu, "vendor", vendor), S(LfCpu, "brand", brand), I(LfCpu, "family", family),
  I(LfCpu, "model", model), I(LfCpu, "stepping", stepping), S(LfCpu, "uarch", uarch),
  S(LfCpu, "codename", codename), S(LfCpu, "generation", generation),
  I(LfCpu, "launch_year", launch_year), S(LfCpu, "isa_level", isa_level),
  I(LfCpu, "bits", bits), B(LfCpu, "pae", pae), S(LfCpu, "pae_note", pae_note),
  B(LfCpu, "nx", nx), B(LfCpu, "sse2", sse2), I(LfCpu, "cores", cores),
  I(LfCpu, "threads", threads), A(LfCpu, "core_types", core_types, lf_cpu_core_type_desc),
  N(LfCpu, "max_mhz", max_mhz),
  V(LfCpu, "missing_for_next_level", missing_for_next_level), V(LfCpu, "flags", flags),
  S(LfCpu, "source", source), S(LfCpu, "table_source", table_source), END,
};
static DESC(cpu_desc, LfCpu, cpu_fields);

static const LfField memory_module_fields[] = {
  S(LfMemoryModule, "locator", locator), I(LfMemoryModule, "size_mb", size_mb),
  S(LfMemoryModule, "type", type), I(LfMemoryModule, "speed_mts", speed_mts),
  S(LfMemoryModule, "form_factor", form_factor), B(LfMemoryModule, "soldered", soldered), END,
};
ELEMENT_DESC(lf_memory_module_desc, LfMemoryModule, memory_module_fields);

static const LfField memory_fields[] = {
  I(LfMemory, "usable_mb", usable_mb), I(LfMemory, "installed_mb", installed_mb),
  S(LfMemory, "installed_source", installed_source), I(LfMemory, "slots_total", slots_total),
  I(LfMemory, "slots_used", slots_used), I(LfMemory, "max_mb", max_mb),
  S(LfMemory, "type", type), I(LfMemory, "speed_mts", speed_mts),
  B(LfMemory, "soldered", soldered),
  A(LfMemory, "modules", modules, lf_memory_module_desc), I(LfMemory, "swap_mb", swap_mb), END,
};
static DESC(memory_desc, LfMemory, memory_fields);

static const LfField battery_fields[] = {
  S(LfBattery, "name", name), S(LfBattery, "vendor", vendor), S(LfBattery, "model", model),
  S(LfBattery, "technology", technology), N(LfBattery, "design_wh", design_wh),
  N(LfBattery, "full_wh", full_wh), N(LfBattery, "now_wh", now_wh),
  N(LfBattery, "health_pct", health_pct), N(LfBattery, "percent", percent),
  I(LfBattery, "cycles", cycles), S(LfBattery, "state", state),
  N(LfBattery, "power_w", power_w), N(LfBattery, "voltage_v", voltage_v),
  N(LfBattery, "design_voltage_v", design_voltage_v),
  I(LfBattery, "time_to_empty_s", time_to_empty_s),
  I(LfBattery, "time_to_full_s", time_to_full_s),
  I(LfBattery, "charge_start_threshold", charge_start_threshold),
  I(LfBattery, "charge_stop_threshold", charge_stop_threshold),
  S(LfBattery, "source", source), V(LfBattery, "flags", flags),
  SP(LfBattery, "serial", serial), END,
};
ELEMENT_DESC(lf_battery_desc, LfBattery, battery_fields);

static const LfField cpufreq_fields[] = {
  S(LfCpufreq, "driver", driver), S(LfCpufreq, "governor", governor), S(LfCpufreq, "epp", epp),
  V(LfCpufreq, "available_governors", available_governors),
  V(LfCpufreq, "available_epp", available_epp), END,
};
static DESC(cpufreq_desc, LfCpufreq, cpufreq_fields);

static const LfField power_fields[] = {
  B(LfPower, "on_ac", on_ac), S(LfPower, "platform_profile", platform_profile),
  O(LfPower, "cpufreq", cpufreq, cpufreq_desc),
  V(LfPower, "tuners_running", tuners_running), END,
};
static DESC(power_desc, LfPower, power_fields);

static const LfField storage_fields[] = {
  S(LfStorage, "name", name), S(LfStorage, "model", model), S(LfStorage, "kind", kind),
  N(LfStorage, "size_gb", size_gb), B(LfStorage, "removable", removable),
  B(LfStorage, "rotational", rotational), B(LfStorage, "boot_medium", boot_medium),
  SP(LfStorage, "serial", serial), END,
};
ELEMENT_DESC(lf_storage_desc, LfStorage, storage_fields);

static const LfField gpu_fields[] = {
  S(LfGpu, "vendor", vendor), S(LfGpu, "device", device), S(LfGpu, "pci_id", pci_id),
  S(LfGpu, "driver", driver), B(LfGpu, "kms", kms), END,
};
ELEMENT_DESC(lf_gpu_desc, LfGpu, gpu_fields);

static const LfField network_fields[] = {
  S(LfNetwork, "kind", kind), S(LfNetwork, "name", name), S(LfNetwork, "vendor", vendor),
  S(LfNetwork, "device", device), S(LfNetwork, "pci_id", pci_id),
  S(LfNetwork, "usb_id", usb_id), S(LfNetwork, "sdio_id", sdio_id),
  S(LfNetwork, "driver", driver),
  V(LfNetwork, "firmware_missing", firmware_missing),
  S(LfNetwork, "firmware_package", firmware_package),
  B(LfNetwork, "needs_nonfree_firmware", needs_nonfree_firmware),
  B(LfNetwork, "nvram_efi", nvram_efi),
  SP(LfNetwork, "mac", mac), END,
};
ELEMENT_DESC(lf_network_desc, LfNetwork, network_fields);

static const LfField os_fields[] = {
  S(LfOs, "pretty_name", pretty_name), S(LfOs, "id", id), S(LfOs, "version_id", version_id),
  S(LfOs, "kernel", kernel), S(LfOs, "arch", arch), B(LfOs, "live_session", live_session), END,
};
static DESC(os_desc, LfOs, os_fields);

static const LfField error_fields[] = {
  S(LfReportError, "probe", probe), S(LfReportError, "message", message), END,
};
ELEMENT_DESC(lf_report_error_desc, LfReportError, error_fields);

static const LfField report_fields[] = {
  S(LfReport, "schema", schema), S(LfReport, "lapfit_version", lapfit_version),
  S(LfReport, "generated", generated), S(LfReport, "machine_id", machine_id),
  O(LfReport, "machine", machine, machine_desc), O(LfReport, "cpu", cpu, cpu_desc),
  O(LfReport, "memory", memory, memory_desc), A(LfReport, "batteries", batteries, lf_battery_desc),
  O(LfReport, "power", power, power_desc), A(LfReport, "storage", storage, lf_storage_desc),
  A(LfReport, "gpus", gpus, lf_gpu_desc), A(LfReport, "network", network, lf_network_desc),
  O(LfReport, "os", os, os_desc), A(LfReport, "errors", errors, lf_report_error_desc), END,
};
DESC(lf_report_desc, LfReport, report_fields);

/* --- generic struct handling --------------------------------------------- */

#define FIELD_PTR(p, f) ((char *)(p) + (f)->offset)

void lf_struct_init(const LfStructDesc *desc, gpointer p)
{
  memset(p, 0, desc->size);
  for (const LfField *f = desc->fields; f->key; f++) {
    switch (f->type) {
    case LF_FIELD_INT: *(gint64 *)FIELD_PTR(p, f) = LF_UNKNOWN; break;
    case LF_FIELD_NUMBER: *(double *)FIELD_PTR(p, f) = NAN; break;
    case LF_FIELD_TRI: *(LfTri *)FIELD_PTR(p, f) = LF_TRI_UNKNOWN; break;
    case LF_FIELD_STRUCT: lf_struct_init(f->sub, FIELD_PTR(p, f)); break;
    case LF_FIELD_STRING:
    case LF_FIELD_ARRAY:
    case LF_FIELD_STRV: break;  /* NULL */
    }
  }
}

void lf_struct_clear(const LfStructDesc *desc, gpointer p)
{
  for (const LfField *f = desc->fields; f->key; f++) {
    gpointer fp = FIELD_PTR(p, f);
    switch (f->type) {
    case LF_FIELD_STRING: g_clear_pointer((char **)fp, g_free); break;
    case LF_FIELD_STRUCT: lf_struct_clear(f->sub, fp); break;
    case LF_FIELD_ARRAY:
    case LF_FIELD_STRV: g_clear_pointer((GPtrArray **)fp, g_ptr_array_unref); break;
    case LF_FIELD_INT:
    case LF_FIELD_NUMBER:
    case LF_FIELD_TRI: break;
    }
  }
  lf_struct_init(desc, p);
}

gpointer lf_struct_new(const LfStructDesc *desc)
{
  gpointer p = g_malloc(desc->size);
  lf_struct_init(desc, p);
  return p;
}

void lf_struct_free(const LfStructDesc *desc, gpointer p)
{
  if (p == NULL)
    return;
  lf_struct_clear(desc, p);
  g_free(p);
}

/* --- report ------------------------------------------------------------- */

LfReport *lf_report_new(void)
{
  LfReport *r = lf_struct_new(&lf_report_desc);
  r->schema = g_strdup(LF_REPORT_SCHEMA);
  r->lapfit_version = g_strdup(LF_VERSION);
  return r;
}

void lf_report_free(LfReport *report)
{
  lf_struct_free(&lf_report_desc, report);
}

GPtrArray *lf_struct_array_new(const LfStructDesc *desc)
{
  g_return_val_if_fail(desc->free_func != NULL, NULL);
  return g_ptr_array_new_with_free_func(desc->free_func);
}

static gpointer add_element(GPtrArray **array, const LfStructDesc *desc)
{
  if (*array == NULL)
    *array = lf_struct_array_new(desc);
  gpointer e = lf_struct_new(desc);
  g_ptr_array_add(*array, e);
  return e;
}

LfBattery *lf_report_add_battery(LfReport *r) { return add_element(&r->batteries, &lf_battery_desc); }

LfBatteryHealth lf_battery_health(const LfBattery *battery)
{
  if (!lf_known_num(battery->health_pct))
    return LF_BATTERY_HEALTH_UNKNOWN;
  if (battery->health_pct < 50)
    return LF_BATTERY_HEALTH_POOR;
  return battery->health_pct < 80 ? LF_BATTERY_HEALTH_WORN : LF_BATTERY_HEALTH_GOOD;
}
LfStorage *lf_report_add_storage(LfReport *r) { return add_element(&r->storage, &lf_storage_desc); }
LfGpu *lf_report_add_gpu(LfReport *r) { return add_element(&r->gpus, &lf_gpu_desc); }
LfNetwork *lf_report_add_network(LfReport *r) { return add_element(&r->network, &lf_network_desc); }
LfMemoryModule *lf_memory_add_module(LfMemory *m)
{
  return add_element(&m->modules, &lf_memory_module_desc);
}

void lf_report_add_error(LfReport *report, const char *probe, const char *format, ...)
{
  LfReportError *e = add_element(&report->errors, &lf_report_error_desc);
  va_list ap;
  va_start(ap, format);
  e->probe = g_strdup(probe);
  e->message = g_strdup_vprintf(format, ap);
  va_end(ap);
  g_debug("%s: %s", e->probe, e->message);
}

void lf_strv_add(GPtrArray **array, const char *value)
{
  if (*array == NULL)
    *array = g_ptr_array_new_with_free_func(g_free);
  g_ptr_array_add(*array, g_strdup(value));
}

gboolean lf_strv_contains(const GPtrArray *array, const char *value)
{
  if (array == NULL)
    return FALSE;
  for (guint i = 0; i < array->len; i++)
    if (g_strcmp0(array->pdata[i], value) == 0)
      return TRUE;
  return FALSE;
}

const char *lf_tri_to_human(LfTri t)
{
  switch (t) {
  case LF_TRI_TRUE: return _("yes");
  case LF_TRI_FALSE: return _("no");
  case LF_TRI_UNKNOWN: return _("unknown");
  }
  g_assert_not_reached();
}
