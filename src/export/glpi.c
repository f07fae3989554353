/* SPDX-License-Identifier: GPL-2.0-or-later */
/* GLPI native inventory JSON (github.com/glpi-project/inventory_format,
 * inventory.schema.json): what glpi-agent sends. Units per the schema:
 * memory MB, battery capacity mWh, voltage mV, disk size MB. Unknown values
 * are left out (the schema has no nulls). */
#include <string.h>

#include "core/report-json.h"
#include "export/export.h"

static void add_str(JsonBuilder *b, const char *key, const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  json_builder_set_member_name(b, key);
  json_builder_add_string_value(b, value);
}

static void add_int(JsonBuilder *b, const char *key, gint64 value)
{
  if (!lf_known_int(value))
    return;
  json_builder_set_member_name(b, key);
  json_builder_add_int_value(b, value);
}

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

char *lf_export_glpi(const LfReport *r)
{
  g_autoptr(JsonBuilder) b = json_builder_new_immutable();
  g_autofree char *deviceid = lf_ocs_device_id(r);
  const LfMachine *m = &r->machine;
  json_builder_begin_object(b);
  add_str(b, "deviceid", deviceid);
  add_str(b, "itemtype", "Computer");
  add_str(b, "action", "inventory");
  json_builder_set_member_name(b, "content");
  json_builder_begin_object(b);
  add_str(b, "versionclient", "lapfit-" LF_VERSION);

  json_builder_set_member_name(b, "hardware");
  json_builder_begin_object(b);
  add_str(b, "name", m->hostname ? m->hostname : r->machine_id);
  add_str(b, "uuid", m->uuid);
  add_int(b, "memory", r->memory.usable_mb);
  add_int(b, "swap", r->memory.swap_mb);
  add_str(b, "chassis_type", lf_export_chassis_name(m->chassis));
  add_str(b, "vmsystem", m->virtual_ ? m->virtual_ : "Physical");
  add_str(b, "description", r->machine_id);
  json_builder_end_object(b);

  json_builder_set_member_name(b, "bios");
  json_builder_begin_object(b);
  add_str(b, "smanufacturer", m->vendor);
  add_str(b, "smodel", m->product);
  add_str(b, "ssn", m->serial);
  add_str(b, "mmanufacturer", m->vendor);
  add_str(b, "msn", m->board_serial);
  add_str(b, "bmanufacturer", m->bios.vendor);
  add_str(b, "bversion", m->bios.version);
  if (is_iso_date(m->bios.date))
    add_str(b, "bdate", m->bios.date);
  if (m->firmware.secure_boot != LF_TRI_UNKNOWN)
    add_str(b, "secure_boot", m->firmware.secure_boot == LF_TRI_TRUE ? "enabled" : "disabled");
  json_builder_end_object(b);

  const LfCpu *c = &r->cpu;
  json_builder_set_member_name(b, "cpus");
  json_builder_begin_array(b);
  if (c->brand || c->vendor) {
    json_builder_begin_object(b);
    add_str(b, "name", c->brand);
    add_str(b, "manufacturer", c->vendor);
    add_str(b, "familyname", c->uarch);
    if (lf_known_int(c->family)) {
      g_autofree char *fam = g_strdup_printf("%" G_GINT64_FORMAT, c->family);
      add_str(b, "familynumber", fam);
    }
    if (lf_known_int(c->model)) {
      g_autofree char *model = g_strdup_printf("%" G_GINT64_FORMAT, c->model);
      add_str(b, "model", model);
    }
    add_int(b, "stepping", c->stepping);
    add_int(b, "core", c->cores);
    add_int(b, "thread", c->threads);
    add_int(b, "speed", num_to_int(c->max_mhz, 1));
    add_str(b, "arch", c->bits == 32 ? "i386" : (c->bits == 64 ? "x86_64" : NULL));
    json_builder_end_object(b);
  }
  json_builder_end_array(b);

  json_builder_set_member_name(b, "memories");
  json_builder_begin_array(b);
  for (guint i = 0; r->memory.modules && i < r->memory.modules->len; i++) {
    const LfMemoryModule *mm = r->memory.modules->pdata[i];
    json_builder_begin_object(b);
    add_str(b, "caption", mm->locator);
    add_str(b, "description", mm->form_factor);
    add_str(b, "formfactor", mm->form_factor);
    add_int(b, "capacity", mm->size_mb);
    add_str(b, "type", mm->type);
    if (lf_known_int(mm->speed_mts)) {
      g_autofree char *speed = g_strdup_printf("%" G_GINT64_FORMAT, mm->speed_mts);
      add_str(b, "speed", speed);
    }
    add_int(b, "numslots", i + 1);
    if (mm->soldered != LF_TRI_UNKNOWN) {
      json_builder_set_member_name(b, "removable");
      json_builder_add_boolean_value(b, mm->soldered == LF_TRI_FALSE);
    }
    json_builder_end_object(b);
  }
  json_builder_end_array(b);

  json_builder_set_member_name(b, "batteries");
  json_builder_begin_array(b);
  for (guint i = 0; r->batteries && i < r->batteries->len; i++) {
    const LfBattery *bat = r->batteries->pdata[i];
    json_builder_begin_object(b);
    add_str(b, "name", bat->model ? bat->model : bat->name);
    add_str(b, "manufacturer", bat->vendor);
    add_str(b, "chemistry", bat->technology);
    add_str(b, "serial", bat->serial);
    add_int(b, "capacity", num_to_int(bat->design_wh, 1000));
    add_int(b, "real_capacity", num_to_int(bat->full_wh, 1000));
    add_int(b, "voltage", num_to_int(bat->voltage_v, 1000));
    json_builder_end_object(b);
  }
  json_builder_end_array(b);

  json_builder_set_member_name(b, "storages");
  json_builder_begin_array(b);
  for (guint i = 0; r->storage && i < r->storage->len; i++) {
    const LfStorage *s = r->storage->pdata[i];
    json_builder_begin_object(b);
    add_str(b, "name", s->name);
    add_str(b, "model", s->model);
    add_str(b, "description", s->kind);
    add_str(b, "type", "disk");
    add_str(b, "interface", g_strcmp0(s->kind, "nvme") == 0 ? "NVMe"
                            : g_strcmp0(s->kind, "usb") == 0 ? "USB" : NULL);
    add_str(b, "serial", s->serial);
    add_int(b, "disksize", gb_to_mib(s->size_gb));
    json_builder_end_object(b);
  }
  json_builder_end_array(b);

  json_builder_set_member_name(b, "networks");
  json_builder_begin_array(b);
  for (guint i = 0; r->network && i < r->network->len; i++) {
    const LfNetwork *n = r->network->pdata[i];
    json_builder_begin_object(b);
    add_str(b, "description", n->name ? n->name : (n->device ? n->device : n->kind ? n->kind : "network"));
    add_str(b, "type", n->kind);
    add_str(b, "manufacturer", n->vendor);
    add_str(b, "model", n->device);
    add_str(b, "driver", n->driver);
    add_str(b, "pciid", n->pci_id);
    add_str(b, "mac", n->mac);
    json_builder_end_object(b);
  }
  json_builder_end_array(b);

  json_builder_set_member_name(b, "videos");
  json_builder_begin_array(b);
  for (guint i = 0; r->gpus && i < r->gpus->len; i++) {
    const LfGpu *g = r->gpus->pdata[i];
    json_builder_begin_object(b);
    g_autofree char *name = g->vendor && g->device ? g_strdup_printf("%s %s", g->vendor, g->device)
                                                   : g_strdup(g->device ? g->device : g->pci_id);
    add_str(b, "name", name ? name : "GPU");
    add_str(b, "chipset", g->driver);
    json_builder_end_object(b);
  }
  json_builder_end_array(b);

  json_builder_set_member_name(b, "operatingsystem");
  json_builder_begin_object(b);
  add_str(b, "kernel_name", "linux");
  add_str(b, "kernel_version", r->os.kernel);
  add_str(b, "full_name", r->os.pretty_name);
  add_str(b, "name", r->os.id);
  add_str(b, "version", r->os.version_id);
  add_str(b, "arch", r->os.arch);
  add_str(b, "fqdn", m->hostname);
  json_builder_end_object(b);

  json_builder_end_object(b);  /* content */
  json_builder_end_object(b);
  g_autoptr(JsonNode) root = json_builder_get_root(b);
  return lf_json_to_text(root, LF_JSON_PRETTY);
}
