/* SPDX-License-Identifier: GPL-2.0-or-later */
/* GLPI native inventory JSON (github.com/glpi-project/inventory_format,
 * inventory.schema.json): what glpi-agent sends. Units per the schema:
 * memory MB, battery capacity mWh, voltage mV, disk size MB. Unknown values
 * are left out (the schema has no nulls). */
#include <string.h>

#include "core/json-build.h"
#include "core/report-json.h"
#include "export/export.h"

/* Out-of-range figures (a corrupt report) become unknown, not LLONG_MIN. */
static gint64 num_to_int(double d, double scale)
{
  double v = d * scale;
  return lf_known_num(v) && fabs(v) < 9.0e15 ? (gint64)llround(v) : LF_UNKNOWN;
}

/* The schema's date pattern: YYYY-MM-DD only. */
static gboolean is_iso_date(const char *s)
{
  if (s == NULL || strlen(s) != 10)
    return FALSE;
  for (int i = 0; i < 10; i++) {
    gboolean dash = i == 4 || i == 7;
    if (dash ? s[i] != '-' : !g_ascii_isdigit(s[i]))
      return FALSE;
  }
  return TRUE;
}

/* Disk sizes as the agents give them: MiB. */
static gint64 gb_to_mib(double gb)
{
  return num_to_int(gb, 1e9 / 1048576.0);
}

/* content.hardware and content.bios: the machine and its firmware. */
static void add_hardware_bios(JsonBuilder *b, const LfReport *r)
{
  const LfMachine *m = &r->machine;
  json_builder_set_member_name(b, "hardware");
  json_builder_begin_object(b);
  lf_json_set_string_or_omit(b, "name", m->hostname ? m->hostname : r->machine_id);
  lf_json_set_string_or_omit(b, "uuid", m->uuid);
  lf_json_set_int_or_omit(b, "memory", r->memory.usable_mb);
  lf_json_set_int_or_omit(b, "swap", r->memory.swap_mb);
  lf_json_set_string_or_omit(b, "chassis_type", lf_export_chassis_name(m->chassis));
  lf_json_set_string_or_omit(b, "vmsystem", m->virtual_ ? m->virtual_ : "Physical");
  lf_json_set_string_or_omit(b, "description", r->machine_id);
  json_builder_end_object(b);

  json_builder_set_member_name(b, "bios");
  json_builder_begin_object(b);
  lf_json_set_string_or_omit(b, "smanufacturer", m->vendor);
  lf_json_set_string_or_omit(b, "smodel", m->product);
  lf_json_set_string_or_omit(b, "ssn", m->serial);
  lf_json_set_string_or_omit(b, "mmanufacturer", m->vendor);
  lf_json_set_string_or_omit(b, "msn", m->board_serial);
  lf_json_set_string_or_omit(b, "bmanufacturer", m->bios.vendor);
  lf_json_set_string_or_omit(b, "bversion", m->bios.version);
  if (is_iso_date(m->bios.date))
    lf_json_set_string_or_omit(b, "bdate", m->bios.date);
  if (m->firmware.secure_boot != LF_TRI_UNKNOWN)
    lf_json_set_string_or_omit(b, "secure_boot",
                               m->firmware.secure_boot == LF_TRI_TRUE ? "enabled" : "disabled");
  json_builder_end_object(b);
}

/* content.cpus: one entry when the CPU is known at all. */
static void add_cpus(JsonBuilder *b, const LfReport *r)
{
  const LfCpu *c = &r->cpu;
  json_builder_set_member_name(b, "cpus");
  json_builder_begin_array(b);
  if (c->brand || c->vendor) {
    json_builder_begin_object(b);
    lf_json_set_string_or_omit(b, "name", c->brand);
    lf_json_set_string_or_omit(b, "manufacturer", c->vendor);
    lf_json_set_string_or_omit(b, "familyname", c->uarch);
    if (lf_known_int(c->family)) {
      g_autofree char *fam = g_strdup_printf("%" G_GINT64_FORMAT, c->family);
      lf_json_set_string_or_omit(b, "familynumber", fam);
    }
    if (lf_known_int(c->model)) {
      g_autofree char *model = g_strdup_printf("%" G_GINT64_FORMAT, c->model);
      lf_json_set_string_or_omit(b, "model", model);
    }
    lf_json_set_int_or_omit(b, "stepping", c->stepping);
    lf_json_set_int_or_omit(b, "core", c->cores);
    lf_json_set_int_or_omit(b, "thread", c->threads);
    lf_json_set_int_or_omit(b, "speed", num_to_int(c->max_mhz, 1));
    lf_json_set_string_or_omit(b, "arch",
                               c->bits == 32 ? "i386" : (c->bits == 64 ? "x86_64" : NULL));
    json_builder_end_object(b);
  }
  json_builder_end_array(b);
}

/* content.memories: the modules, numbered as slots. */
static void add_memories(JsonBuilder *b, const LfReport *r)
{
  json_builder_set_member_name(b, "memories");
  json_builder_begin_array(b);
  for (guint i = 0; r->memory.modules && i < r->memory.modules->len; i++) {
    const LfMemoryModule *mm = r->memory.modules->pdata[i];
    json_builder_begin_object(b);
    lf_json_set_string_or_omit(b, "caption", mm->locator);
    lf_json_set_string_or_omit(b, "description", mm->form_factor);
    lf_json_set_string_or_omit(b, "formfactor", mm->form_factor);
    lf_json_set_int_or_omit(b, "capacity", mm->size_mb);
    lf_json_set_string_or_omit(b, "type", mm->type);
    if (lf_known_int(mm->speed_mts)) {
      g_autofree char *speed = g_strdup_printf("%" G_GINT64_FORMAT, mm->speed_mts);
      lf_json_set_string_or_omit(b, "speed", speed);
    }
    lf_json_set_int_or_omit(b, "numslots", i + 1);
    if (mm->soldered != LF_TRI_UNKNOWN) {
      json_builder_set_member_name(b, "removable");
      json_builder_add_boolean_value(b, mm->soldered == LF_TRI_FALSE);
    }
    json_builder_end_object(b);
  }
  json_builder_end_array(b);
}

/* content.batteries: capacities in mWh, voltage in mV. */
static void add_batteries(JsonBuilder *b, const LfReport *r)
{
  json_builder_set_member_name(b, "batteries");
  json_builder_begin_array(b);
  for (guint i = 0; r->batteries && i < r->batteries->len; i++) {
    const LfBattery *bat = r->batteries->pdata[i];
    json_builder_begin_object(b);
    lf_json_set_string_or_omit(b, "name", bat->model ? bat->model : bat->name);
    lf_json_set_string_or_omit(b, "manufacturer", bat->vendor);
    lf_json_set_string_or_omit(b, "chemistry", bat->technology);
    lf_json_set_string_or_omit(b, "serial", bat->serial);
    lf_json_set_int_or_omit(b, "capacity", num_to_int(bat->design_wh, 1000));
    lf_json_set_int_or_omit(b, "real_capacity", num_to_int(bat->full_wh, 1000));
    lf_json_set_int_or_omit(b, "voltage", num_to_int(bat->design_voltage_v, 1000));
    json_builder_end_object(b);
  }
  json_builder_end_array(b);
}

/* content.storages: disk sizes in MiB. */
static void add_storages(JsonBuilder *b, const LfReport *r)
{
  json_builder_set_member_name(b, "storages");
  json_builder_begin_array(b);
  for (guint i = 0; r->storage && i < r->storage->len; i++) {
    const LfStorage *s = r->storage->pdata[i];
    json_builder_begin_object(b);
    lf_json_set_string_or_omit(b, "name", s->name);
    lf_json_set_string_or_omit(b, "model", s->model);
    lf_json_set_string_or_omit(b, "description", s->kind);
    lf_json_set_string_or_omit(b, "type", "disk");
    lf_json_set_string_or_omit(b, "interface", g_strcmp0(s->kind, "nvme") == 0 ? "NVMe"
                            : g_strcmp0(s->kind, "usb") == 0 ? "USB" : NULL);
    lf_json_set_string_or_omit(b, "serial", s->serial);
    lf_json_set_int_or_omit(b, "disksize", gb_to_mib(s->size_gb));
    json_builder_end_object(b);
  }
  json_builder_end_array(b);
}

/* content.networks. */
static void add_networks(JsonBuilder *b, const LfReport *r)
{
  json_builder_set_member_name(b, "networks");
  json_builder_begin_array(b);
  for (guint i = 0; r->network && i < r->network->len; i++) {
    const LfNetwork *n = r->network->pdata[i];
    json_builder_begin_object(b);
    const char *what = n->device ? n->device : n->kind ? n->kind : "network";
    lf_json_set_string_or_omit(b, "description", n->name ? n->name : what);
    lf_json_set_string_or_omit(b, "type", n->kind);
    lf_json_set_string_or_omit(b, "manufacturer", n->vendor);
    lf_json_set_string_or_omit(b, "model", n->device);
    lf_json_set_string_or_omit(b, "driver", n->driver);
    lf_json_set_string_or_omit(b, "pciid", n->pci_id);
    lf_json_set_string_or_omit(b, "mac", n->mac);
    json_builder_end_object(b);
  }
  json_builder_end_array(b);
}

/* content.videos: the GPUs. */
static void add_videos(JsonBuilder *b, const LfReport *r)
{
  json_builder_set_member_name(b, "videos");
  json_builder_begin_array(b);
  for (guint i = 0; r->gpus && i < r->gpus->len; i++) {
    const LfGpu *g = r->gpus->pdata[i];
    json_builder_begin_object(b);
    g_autofree char *name = g->vendor && g->device ? g_strdup_printf("%s %s", g->vendor, g->device)
                                                   : g_strdup(g->device ? g->device : g->pci_id);
    lf_json_set_string_or_omit(b, "name", name ? name : "GPU");
    lf_json_set_string_or_omit(b, "chipset", g->driver);
    json_builder_end_object(b);
  }
  json_builder_end_array(b);
}

/* content.operatingsystem. */
static void add_operatingsystem(JsonBuilder *b, const LfReport *r)
{
  const LfMachine *m = &r->machine;
  json_builder_set_member_name(b, "operatingsystem");
  json_builder_begin_object(b);
  lf_json_set_string_or_omit(b, "kernel_name", "linux");
  lf_json_set_string_or_omit(b, "kernel_version", r->os.kernel);
  lf_json_set_string_or_omit(b, "full_name", r->os.pretty_name);
  lf_json_set_string_or_omit(b, "name", r->os.id);
  lf_json_set_string_or_omit(b, "version", r->os.version_id);
  lf_json_set_string_or_omit(b, "arch", r->os.arch);
  lf_json_set_string_or_omit(b, "fqdn", m->hostname);
  json_builder_end_object(b);
}

char *lf_export_glpi(const LfReport *r)
{
  g_autoptr(JsonBuilder) b = json_builder_new_immutable();
  g_autofree char *deviceid = lf_ocs_device_id(r);
  json_builder_begin_object(b);
  lf_json_set_string_or_omit(b, "deviceid", deviceid);
  lf_json_set_string_or_omit(b, "itemtype", "Computer");
  lf_json_set_string_or_omit(b, "action", "inventory");
  json_builder_set_member_name(b, "content");
  json_builder_begin_object(b);
  lf_json_set_string_or_omit(b, "versionclient", "lapfit-" LF_VERSION);
  add_hardware_bios(b, r);
  add_cpus(b, r);
  add_memories(b, r);
  add_batteries(b, r);
  add_storages(b, r);
  add_networks(b, r);
  add_videos(b, r);
  add_operatingsystem(b, r);
  json_builder_end_object(b);  /* content */
  json_builder_end_object(b);
  g_autoptr(JsonNode) root = json_builder_get_root(b);
  return lf_json_to_text(root, LF_JSON_PRETTY);
}
