/* SPDX-License-Identifier: GPL-2.0-or-later */
/* libupower-glib -> LfBatteryRaw, no arithmetic. The only libupower-glib user.
 *
 * upowerd reads the same sysfs files and publishes Wh, W and V, so the raw
 * record gets unit 1 and energy_* fields; lf_battery_calc() then applies the
 * same formulas as for sysfs. Charge thresholds are not on upowerd 0.99.20's
 * interface (battery.c reads them from sysfs). */
#include <gio/gio.h>
#include <libupower-glib/upower.h>

#include "probe/battery.h"

#define UPOWER_NAME "org.freedesktop.UPower"
#define UPOWER_PATH "/org/freedesktop/UPower"
#define PING_TIMEOUT_MS 500

/* One cheap round trip that never activates the service: no bus fails at
 * connect, a bus without upowerd fails with ServiceUnknown at once, and a
 * stuck upowerd costs at most PING_TIMEOUT_MS, before libupower-glib's
 * blocking calls (25 s D-Bus default) could hang. */
static gboolean upowerd_answers(GError **error)
{
  /* A live USB without D-Bus: don't pay for GIO's bus setup to learn that. */
  if (g_getenv("DBUS_SYSTEM_BUS_ADDRESS") == NULL &&
      !g_file_test("/run/dbus/system_bus_socket", G_FILE_TEST_EXISTS) &&
      !g_file_test("/var/run/dbus/system_bus_socket", G_FILE_TEST_EXISTS)) {
    g_set_error_literal(error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no system bus socket");
    return FALSE;
  }
  g_autoptr(GDBusConnection) bus = g_bus_get_sync(G_BUS_TYPE_SYSTEM, NULL, error);
  if (bus == NULL)
    return FALSE;
  g_autoptr(GVariant) reply = g_dbus_connection_call_sync(
      bus, UPOWER_NAME, UPOWER_PATH, "org.freedesktop.DBus.Properties", "Get",
      g_variant_new("(ss)", UPOWER_NAME, "DaemonVersion"), G_VARIANT_TYPE("(v)"),
      G_DBUS_CALL_FLAGS_NO_AUTO_START, PING_TIMEOUT_MS, NULL, error);
  return reply != NULL;
}

static LfBatteryRaw *raw_from_device(UpDevice *dev)
{
  g_autofree char *native_path = NULL, *vendor = NULL, *model = NULL, *serial = NULL;
  UpDeviceKind kind = UP_DEVICE_KIND_UNKNOWN;
  UpDeviceState state = UP_DEVICE_STATE_UNKNOWN;
  UpDeviceTechnology technology = UP_DEVICE_TECHNOLOGY_UNKNOWN;
  gboolean power_supply = FALSE, present = FALSE;
  double energy = NAN, energy_full = NAN, energy_full_design = NAN, energy_rate = NAN;
  double voltage = NAN, percentage = NAN;
  gint charge_cycles = -1;
  gint64 time_to_empty = 0, time_to_full = 0;
  g_object_get(dev, "native-path", &native_path, "vendor", &vendor, "model", &model,
               "serial", &serial, "kind", &kind, "state", &state, "technology", &technology,
               "power-supply", &power_supply, "is-present", &present, "energy", &energy,
               "energy-full", &energy_full, "energy-full-design", &energy_full_design,
               "energy-rate", &energy_rate, "voltage", &voltage, "percentage", &percentage,
               "charge-cycles", &charge_cycles, "time-to-empty", &time_to_empty,
               "time-to-full", &time_to_full, NULL);
  double voltage_min_design = NAN;
  if (g_object_class_find_property(G_OBJECT_GET_CLASS(dev), "voltage-min-design"))
    g_object_get(dev, "voltage-min-design", &voltage_min_design, NULL);
  /* The system's batteries only: not mice, UPSs or an empty bay. */
  if (kind != UP_DEVICE_KIND_BATTERY || !power_supply || !present) {
    g_debug("upower: skipping %s (kind %s)", native_path ? native_path : "?",
            up_device_kind_to_string(kind));
    return NULL;
  }
  LfBatteryRaw *raw = lf_battery_raw_new();
  raw->source = "upower";
  raw->unit = LF_BATTERY_UNIT_ONE;
  /* NativePath is the sysfs name ("BAT0"); older upowerd gave a full path. */
  raw->name = native_path ? g_path_get_basename(native_path) : NULL;
  raw->vendor = g_steal_pointer(&vendor);
  raw->model = g_steal_pointer(&model);
  raw->serial = g_steal_pointer(&serial);
  raw->status = g_strdup(up_device_state_to_string(state));
  raw->technology = g_strdup(up_device_technology_to_string(technology));
  /* upowerd's "unknown" is 0: a device without any capacity figure (a
   * battery the kernel gives only a percentage for) has no energies at all. */
  if (energy == 0 && energy_full == 0 && energy_full_design == 0) {
    energy = energy_full = energy_full_design = energy_rate = NAN;
    if (percentage == 0)
      percentage = NAN;
  }
  raw->energy_now = energy;
  raw->energy_full = energy_full;
  raw->energy_full_design = energy_full_design;
  raw->power_now = energy_rate;
  raw->voltage_now = voltage;
  raw->voltage_min_design = voltage_min_design > 0 ? voltage_min_design : NAN;
  raw->capacity = percentage;
  raw->cycle_count = charge_cycles;
  raw->time_to_empty = (double)time_to_empty;
  raw->time_to_full = (double)time_to_full;
  return raw;
}

static gint compare_names(gconstpointer a, gconstpointer b)
{
  const LfBatteryRaw *ra = *(LfBatteryRaw *const *)a, *rb = *(LfBatteryRaw *const *)b;
  return g_strcmp0(ra->name, rb->name);
}

GPtrArray *lf_battery_upower_read(GError **error)
{
  if (!upowerd_answers(error))
    return NULL;
  g_autoptr(UpClient) client = up_client_new_full(NULL, error);
  if (client == NULL)
    return NULL;
  g_autoptr(GPtrArray) devices = up_client_get_devices2(client);
  if (devices == NULL) {
    g_set_error_literal(error, G_IO_ERROR, G_IO_ERROR_FAILED,
                        "upowerd did not list its devices");
    return NULL;
  }
  GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)lf_battery_raw_free);
  for (guint i = 0; i < devices->len; i++) {
    LfBatteryRaw *raw = raw_from_device(devices->pdata[i]);
    if (raw)
      g_ptr_array_add(out, raw);
  }
  /* Same order as the sysfs listing, so reports compare line by line. */
  g_ptr_array_sort(out, compare_names);
  return out;
}
