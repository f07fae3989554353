/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The one-row-per-machine summary: CSV export, fleet database columns and
 * `fleet export`. */
#include <string.h>

#include "export/export.h"

#include "core/text.h"

static const LfColumn columns[] = {
  { "machine_id", LF_COLUMN_STRING },
  { "generated", LF_COLUMN_STRING },
  { "hostname", LF_COLUMN_STRING },
  { "vendor", LF_COLUMN_STRING },
  { "product", LF_COLUMN_STRING },
  { "chassis", LF_COLUMN_STRING },
  { "serial", LF_COLUMN_STRING },
  { "bios_vendor", LF_COLUMN_STRING },
  { "bios_version", LF_COLUMN_STRING },
  { "bios_date", LF_COLUMN_STRING },
  { "firmware_mode", LF_COLUMN_STRING },
  { "secure_boot", LF_COLUMN_BOOL },
  { "cpu_vendor", LF_COLUMN_STRING },
  { "cpu_brand", LF_COLUMN_STRING },
  { "cpu_uarch", LF_COLUMN_STRING },
  { "cpu_generation", LF_COLUMN_STRING },
  { "cpu_launch_year", LF_COLUMN_INT },
  { "isa_level", LF_COLUMN_STRING },
  { "cpu_bits", LF_COLUMN_INT },
  { "pae", LF_COLUMN_BOOL },
  { "nx", LF_COLUMN_BOOL },
  { "cpu_cores", LF_COLUMN_INT },
  { "cpu_threads", LF_COLUMN_INT },
  { "cpu_max_mhz", LF_COLUMN_NUMBER },
  { "ram_usable_mb", LF_COLUMN_INT },
  { "ram_installed_mb", LF_COLUMN_INT },
  { "ram_slots_total", LF_COLUMN_INT },
  { "ram_slots_used", LF_COLUMN_INT },
  { "ram_max_mb", LF_COLUMN_INT },
  { "ram_type", LF_COLUMN_STRING },
  { "ram_soldered", LF_COLUMN_BOOL },
  { "storage_count", LF_COLUMN_INT },
  { "storage_total_gb", LF_COLUMN_NUMBER },
  { "storage_kinds", LF_COLUMN_STRING },
  { "ssd", LF_COLUMN_BOOL },
  { "battery_count", LF_COLUMN_INT },
  { "battery_design_wh", LF_COLUMN_NUMBER },
  { "battery_full_wh", LF_COLUMN_NUMBER },
  { "battery_health_pct", LF_COLUMN_NUMBER },
  { "battery_cycles", LF_COLUMN_INT },
  { "gpus", LF_COLUMN_STRING },
  { "wifi", LF_COLUMN_STRING },
  { "os", LF_COLUMN_STRING },
  { "kernel", LF_COLUMN_STRING },
  { "live_session", LF_COLUMN_BOOL },
};

const LfColumn *lf_summary_columns(guint *n_columns)
{
  *n_columns = G_N_ELEMENTS(columns);
  return columns;
}

static JsonNode *v_str(const char *s)
{
  return s ? json_node_init_string(json_node_alloc(), s) : json_node_new(JSON_NODE_NULL);
}
static JsonNode *v_int(gint64 i)
{
  return lf_known_int(i) ? json_node_init_int(json_node_alloc(), i)
                         : json_node_new(JSON_NODE_NULL);
}
static JsonNode *v_num(double d)
{
  if (!isfinite(d))
    return json_node_new(JSON_NODE_NULL);
  return json_node_init_double(json_node_alloc(), round(d * 100.0) / 100.0);
}
static JsonNode *v_tri(LfTri t)
{
  return t == LF_TRI_UNKNOWN ? json_node_new(JSON_NODE_NULL)
                             : json_node_init_boolean(json_node_alloc(), t == LF_TRI_TRUE);
}

static gboolean is_solid_state(const LfStorage *s)
{
  return s->kind && (g_str_equal(s->kind, "nvme") || g_str_equal(s->kind, "ssd") ||
                     g_str_equal(s->kind, "emmc"));
}

/* Storage columns: fixed disks only; the live USB stick is not the machine's. */
static void add_storage_columns(GPtrArray *v, const LfReport *r)
{
  gint64 n_storage = 0;
  double total_gb = 0;
  gboolean size_known = FALSE;
  LfTri ssd = LF_TRI_FALSE;
  g_autoptr(GString) kinds = g_string_new(NULL);
  for (guint i = 0; r->storage && i < r->storage->len; i++) {
    const LfStorage *s = r->storage->pdata[i];
    if (s->removable == LF_TRI_TRUE || s->boot_medium == LF_TRI_TRUE ||
        g_strcmp0(s->kind, "usb") == 0 || g_strcmp0(s->kind, "sd") == 0)
      continue;
    n_storage++;
    if (lf_known_num(s->size_gb)) {
      total_gb += s->size_gb;
      size_known = TRUE;
    }
    if (is_solid_state(s))
      ssd = LF_TRI_TRUE;
    const char *k = s->kind ? s->kind : "unknown";
    g_autofree char *needle = g_strconcat(";", k, ";", NULL);
    g_autofree char *hay = g_strconcat(";", kinds->str, ";", NULL);
    if (strstr(hay, needle) == NULL)
      g_string_append_printf(kinds, "%s%s", kinds->len ? ";" : "", k);
  }
  /* Arrays are always present in a report ([] when nothing was found). */
  g_ptr_array_add(v, v_int(n_storage));
  g_ptr_array_add(v, v_num(size_known ? total_gb : NAN));
  g_ptr_array_add(v, v_str(kinds->len ? kinds->str : NULL));
  g_ptr_array_add(v, v_tri(ssd));
}

/* Battery columns: a machine with two packs has their sum. */
static void add_battery_columns(GPtrArray *v, const LfReport *r)
{
  double design = 0, full = 0, min_health = NAN;
  gboolean design_ok = TRUE, full_ok = TRUE;
  gint64 cycles = LF_UNKNOWN;
  guint nb = r->batteries ? r->batteries->len : 0;
  for (guint i = 0; i < nb; i++) {
    const LfBattery *b = r->batteries->pdata[i];
    design_ok = design_ok && lf_known_num(b->design_wh);
    full_ok = full_ok && lf_known_num(b->full_wh);
    if (lf_known_num(b->design_wh))
      design += b->design_wh;
    if (lf_known_num(b->full_wh))
      full += b->full_wh;
    if (lf_known_num(b->health_pct) && !(b->health_pct >= min_health))
      min_health = b->health_pct;
    if (lf_known_int(b->cycles) && (!lf_known_int(cycles) || b->cycles > cycles))
      cycles = b->cycles;
  }
  double health = NAN;
  if (nb > 0 && design_ok && full_ok && design > 0)
    health = full / design * 100.0;
  else if (nb > 0)
    health = min_health;
  g_ptr_array_add(v, v_int(nb));
  g_ptr_array_add(v, v_num(nb && design_ok ? design : NAN));
  g_ptr_array_add(v, v_num(nb && full_ok ? full : NAN));
  g_ptr_array_add(v, v_num(health));
  g_ptr_array_add(v, v_int(cycles));
}

/* GPU and Wi-Fi columns. */
static void add_device_columns(GPtrArray *v, const LfReport *r)
{
  g_autoptr(GString) gpus = g_string_new(NULL);
  for (guint i = 0; r->gpus && i < r->gpus->len; i++) {
    const LfGpu *g = r->gpus->pdata[i];
    const char *name = g->device ? g->device : g->pci_id;
    if (name == NULL)
      continue;
    g_string_append_printf(gpus, "%s%s%s%s", gpus->len ? "; " : "", g->vendor ? g->vendor : "",
                           g->vendor ? " " : "", name);
  }
  g_ptr_array_add(v, v_str(gpus->len ? gpus->str : NULL));
  const char *wifi = NULL;
  for (guint i = 0; r->network && i < r->network->len && !wifi; i++) {
    const LfNetwork *n = r->network->pdata[i];
    if (g_strcmp0(n->kind, "wifi") == 0)
      wifi = n->device ? n->device : n->driver;
  }
  g_ptr_array_add(v, v_str(wifi));
}

GPtrArray *lf_report_summary(const LfReport *r)
{
  GPtrArray *v = g_ptr_array_new_with_free_func((GDestroyNotify)json_node_unref);
  const LfMachine *m = &r->machine;
  g_ptr_array_add(v, v_str(r->machine_id));
  g_ptr_array_add(v, v_str(r->generated));
  g_ptr_array_add(v, v_str(m->hostname));
  g_ptr_array_add(v, v_str(m->vendor));
  g_ptr_array_add(v, v_str(m->product));
  g_ptr_array_add(v, v_str(m->chassis));
  g_ptr_array_add(v, v_str(m->serial));
  g_ptr_array_add(v, v_str(m->bios.vendor));
  g_ptr_array_add(v, v_str(m->bios.version));
  g_ptr_array_add(v, v_str(m->bios.date));
  g_ptr_array_add(v, v_str(m->firmware.mode));
  g_ptr_array_add(v, v_tri(m->firmware.secure_boot));
  const LfCpu *c = &r->cpu;
  g_ptr_array_add(v, v_str(c->vendor));
  g_ptr_array_add(v, v_str(c->brand));
  g_ptr_array_add(v, v_str(c->uarch));
  g_ptr_array_add(v, v_str(c->generation));
  g_ptr_array_add(v, v_int(c->launch_year));
  g_ptr_array_add(v, v_str(c->isa_level));
  g_ptr_array_add(v, v_int(c->bits));
  g_ptr_array_add(v, v_tri(c->pae));
  g_ptr_array_add(v, v_tri(c->nx));
  g_ptr_array_add(v, v_int(c->cores));
  g_ptr_array_add(v, v_int(c->threads));
  g_ptr_array_add(v, v_num(c->max_mhz));
  const LfMemory *mem = &r->memory;
  g_ptr_array_add(v, v_int(mem->usable_mb));
  g_ptr_array_add(v, v_int(mem->installed_mb));
  g_ptr_array_add(v, v_int(mem->slots_total));
  g_ptr_array_add(v, v_int(mem->slots_used));
  g_ptr_array_add(v, v_int(mem->max_mb));
  g_ptr_array_add(v, v_str(mem->type));
  g_ptr_array_add(v, v_tri(mem->soldered));

  add_storage_columns(v, r);
  add_battery_columns(v, r);
  add_device_columns(v, r);
  g_ptr_array_add(v, v_str(r->os.pretty_name));
  g_ptr_array_add(v, v_str(r->os.kernel));
  g_ptr_array_add(v, v_tri(r->os.live_session));
  g_assert(v->len == G_N_ELEMENTS(columns));
  return v;
}

char *lf_csv_value(JsonNode *value)
{
  if (JSON_NODE_HOLDS_NULL(value))
    return g_strdup("");
  GType t = json_node_get_value_type(value);
  if (t == G_TYPE_STRING)
    return lf_text_csv_cell(json_node_get_string(value));   /* text, not a formula */
  if (t == G_TYPE_INT64)
    return g_strdup_printf("%" G_GINT64_FORMAT, json_node_get_int(value));
  if (t == G_TYPE_BOOLEAN)
    return g_strdup(json_node_get_boolean(value) ? "true" : "false");
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_ascii_formatd(buf, sizeof buf, "%.2f", json_node_get_double(value));
  /* "512.00" -> "512", "87.50" -> "87.5" */
  char *dot = strchr(buf, '.');
  if (dot) {
    char *end = buf + strlen(buf) - 1;
    while (end > dot && *end == '0')
      *end-- = '\0';
    if (end == dot)
      *end = '\0';
  }
  return g_strdup(buf);
}

static void append_field(GString *out, const char *s)
{
  if (strpbrk(s, ",\"\r\n") == NULL) {
    g_string_append(out, s);
    return;
  }
  g_string_append_c(out, '"');
  for (const char *p = s; *p; p++) {
    if (*p == '"')
      g_string_append_c(out, '"');
    g_string_append_c(out, *p);
  }
  g_string_append_c(out, '"');
}

void lf_csv_append_header(GString *out)
{
  for (gsize i = 0; i < G_N_ELEMENTS(columns); i++) {
    if (i)
      g_string_append_c(out, ',');
    g_string_append(out, columns[i].name);
  }
  g_string_append(out, "\r\n");
}

void lf_csv_append_row(GString *out, GPtrArray *summary)
{
  for (guint i = 0; i < summary->len; i++) {
    if (i)
      g_string_append_c(out, ',');
    g_autofree char *s = lf_csv_value(summary->pdata[i]);
    append_field(out, s);
  }
  g_string_append(out, "\r\n");
}

const char *lf_export_chassis_name(const char *chassis)
{
  static const char *const map[][2] = {
    { "notebook", "Notebook" }, { "convertible", "Convertible" }, { "tablet", "Tablet" },
    { "desktop", "Desktop" }, { "server", "Server" }, { "vm", "Virtual Machine" },
  };
  for (gsize i = 0; chassis && i < G_N_ELEMENTS(map); i++)
    if (g_str_equal(chassis, map[i][0]))
      return map[i][1];
  return NULL;
}
