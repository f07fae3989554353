/* SPDX-License-Identifier: GPL-2.0-or-later */
/* OCS Inventory NG XML (server 2.x, Apache/Ocsinventory/Map.pm field names).
 * Numbers the server puts into SQL unquoted (HARDWARE
 * MEMORY, SWAP, PROCESSORS, PROCESSORN, CHECKSUM) are bare integers or left
 * out; every text is escaped with g_markup_escape_text. */
#include <string.h>

#include "export/export.h"

#include "core/text.h"

/* Every section bit: the server rewrites all sections on each inventory. */
#define OCS_CHECKSUM_ALL 4194303

static void tag(GString *out, const char *name, const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  /* g_markup_escape_text keeps C0 controls as &#x1;, which XML 1.0 forbids. */
  g_autofree char *clean = lf_text_sanitize(value);
  g_autofree char *esc = g_markup_escape_text(clean, -1);
  g_string_append_printf(out, "      <%s>%s</%s>\n", name, esc, name);
}

static void tag_int(GString *out, const char *name, gint64 value)
{
  if (lf_known_int(value))
    g_string_append_printf(out, "      <%s>%" G_GINT64_FORMAT "</%s>\n", name, value, name);
}

/* Out-of-range figures (a corrupt report) become unknown, not LLONG_MIN. */
static gint64 to_int(double d, double scale)
{
  double v = d * scale;
  return lf_known_num(v) && fabs(v) < 9.0e15 ? (gint64)llround(v) : LF_UNKNOWN;
}

static void open_section(GString *out, const char *name)
{
  g_string_append_printf(out, "    <%s>\n", name);
}

static void close_section(GString *out, const char *name)
{
  g_string_append_printf(out, "    </%s>\n", name);
}

char *lf_ocs_device_id(const LfReport *r)
{
  const char *name = r->machine.hostname ? r->machine.hostname
                     : r->machine_id     ? r->machine_id
                                         : "lapfit";
  g_autofree char *when = NULL;
  g_autoptr(GDateTime) dt = r->generated ? g_date_time_new_from_iso8601(r->generated, NULL) : NULL;
  if (dt == NULL)
    dt = g_date_time_new_from_unix_utc(0);
  when = g_date_time_format(dt, "%Y-%m-%d-%H-%M-%S");
  /* DEVICEID is a key on the server: keep it to safe characters. */
  g_autofree char *safe = g_strdup(name);
  g_strcanon(safe, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.", '_');
  return g_strdup_printf("%s-%s", safe, when);
}

/* OCS keeps one battery: the one with the largest design capacity. */
static const LfBattery *primary_battery(const LfReport *r)
{
  const LfBattery *best = NULL;
  for (guint i = 0; r->batteries && i < r->batteries->len; i++) {
    const LfBattery *b = r->batteries->pdata[i];
    if (best == NULL || (lf_known_num(b->design_wh) &&
                         !(lf_known_num(best->design_wh) && best->design_wh >= b->design_wh)))
      best = b;
  }
  return best;
}

static void append_num(GString *s, const char *key, double v)
{
  if (!lf_known_num(v))
    return;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_ascii_formatd(buf, sizeof buf, "%.2f", v);
  g_string_append_printf(s, "%s%s=%s", s->len ? ";" : "", key, buf);
}

static void ocs_hardware(GString *out, const LfReport *r)
{
  const LfMachine *m = &r->machine;
  const LfCpu *c = &r->cpu;
  open_section(out, "HARDWARE");
  tag_int(out, "CHECKSUM", OCS_CHECKSUM_ALL);
  tag(out, "NAME", m->hostname ? m->hostname : (r->machine_id ? r->machine_id : "lapfit"));
  tag(out, "OSNAME", r->os.pretty_name);
  tag(out, "OSVERSION", r->os.kernel);
  tag(out, "ARCH", r->os.arch);
  tag(out, "PROCESSORT", c->brand);
  tag_int(out, "PROCESSORS", to_int(c->max_mhz, 1));
  tag_int(out, "PROCESSORN", c->brand || c->vendor ? 1 : LF_UNKNOWN);
  tag_int(out, "MEMORY", r->memory.usable_mb);
  tag_int(out, "SWAP", r->memory.swap_mb);
  tag(out, "UUID", m->uuid);
  tag(out, "DESCRIPTION", r->machine_id);
  close_section(out, "HARDWARE");
}

static void ocs_bios(GString *out, const LfMachine *m)
{
  open_section(out, "BIOS");
  tag(out, "SMANUFACTURER", m->vendor);
  tag(out, "SMODEL", m->product);
  tag(out, "SSN", m->serial);
  tag(out, "MMANUFACTURER", m->vendor);
  tag(out, "MSN", m->board_serial);
  tag(out, "BMANUFACTURER", m->bios.vendor);
  tag(out, "BVERSION", m->bios.version);
  tag(out, "BDATE", m->bios.date);
  tag(out, "TYPE", lf_export_chassis_name(m->chassis));
  close_section(out, "BIOS");
}

static void ocs_cpus(GString *out, const LfCpu *c)
{
  if (!c->brand && !c->vendor)
    return;
  open_section(out, "CPUS");
  tag(out, "MANUFACTURER", c->vendor);
  tag(out, "TYPE", c->brand);
  tag_int(out, "SPEED", to_int(c->max_mhz, 1));
  tag_int(out, "CORES", c->cores);
  tag_int(out, "LOGICAL_CPUS", c->threads);
  tag(out, "CPUARCH", c->bits == 32 ? "i386" : (c->bits == 64 ? "x86_64" : NULL));
  tag_int(out, "DATA_WIDTH", c->bits);
  close_section(out, "CPUS");
}

static void ocs_memories(GString *out, const GPtrArray *modules)
{
  for (guint i = 0; modules && i < modules->len; i++) {
    const LfMemoryModule *mm = modules->pdata[i];
    open_section(out, "MEMORIES");
    tag(out, "CAPTION", mm->locator);
    tag(out, "DESCRIPTION", mm->form_factor);
    tag_int(out, "CAPACITY", mm->size_mb);
    tag_int(out, "SPEED", mm->speed_mts);
    tag(out, "TYPE", mm->type);
    tag_int(out, "NUMSLOTS", i + 1);
    close_section(out, "MEMORIES");
  }
}

static void ocs_battery(GString *out, const LfReport *r)
{
  const LfBattery *b = primary_battery(r);
  if (b == NULL)
    return;
  open_section(out, "BATTERIES");
  tag(out, "NAME", b->model ? b->model : b->name);
  tag(out, "MANUFACTURER", b->vendor);
  tag(out, "SERIALNUMBER", b->serial);
  tag(out, "CHEMISTRY", b->technology);
  tag_int(out, "DESIGNCAPACITY", to_int(b->design_wh, 1000));
  tag_int(out, "DESIGNVOLTAGE", to_int(b->design_voltage_v, 1000));
  tag(out, "LOCATION", b->name);
  g_autoptr(GString) oem = g_string_new(NULL);
  append_num(oem, "full_wh", b->full_wh);
  append_num(oem, "health_pct", b->health_pct);
  if (lf_known_int(b->cycles))
    g_string_append_printf(oem, "%scycle_count=%" G_GINT64_FORMAT, oem->len ? ";" : "",
                           b->cycles);
  if (r->batteries->len > 1)
    g_string_append_printf(oem, "%sbatteries=%u", oem->len ? ";" : "", r->batteries->len);
  tag(out, "OEMSPECIFIC", oem->str);
  close_section(out, "BATTERIES");
}

static void ocs_storages(GString *out, const GPtrArray *storage)
{
  for (guint i = 0; storage && i < storage->len; i++) {
    const LfStorage *s = storage->pdata[i];
    open_section(out, "STORAGES");
    tag(out, "NAME", s->name);
    tag(out, "MODEL", s->model);
    tag(out, "DESCRIPTION", s->kind);
    tag(out, "TYPE", "disk");
    tag_int(out, "DISKSIZE", to_int(s->size_gb, 1e9 / 1048576.0));
    tag(out, "SERIALNUMBER", s->serial);
    close_section(out, "STORAGES");
  }
}

static void ocs_networks(GString *out, const GPtrArray *network)
{
  for (guint i = 0; network && i < network->len; i++) {
    const LfNetwork *n = network->pdata[i];
    open_section(out, "NETWORKS");
    tag(out, "DESCRIPTION", n->name ? n->name : n->device);
    tag(out, "TYPE", n->kind);
    tag(out, "MACADDR", n->mac);
    close_section(out, "NETWORKS");
  }
}

static void ocs_videos(GString *out, const GPtrArray *gpus)
{
  for (guint i = 0; gpus && i < gpus->len; i++) {
    const LfGpu *g = gpus->pdata[i];
    open_section(out, "VIDEOS");
    g_autofree char *name = g->vendor && g->device ? g_strdup_printf("%s %s", g->vendor, g->device)
                                                   : g_strdup(g->device ? g->device : g->pci_id);
    tag(out, "NAME", name);
    tag(out, "CHIPSET", g->driver);
    close_section(out, "VIDEOS");
  }
}

char *lf_export_ocs(const LfReport *r, const char *device_id)
{
  GString *out = g_string_new("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<REQUEST>\n");
  g_autofree char *did_clean = lf_text_sanitize(device_id);
  g_autofree char *did = g_markup_escape_text(did_clean, -1);
  g_string_append_printf(out, "  <DEVICEID>%s</DEVICEID>\n  <QUERY>INVENTORY</QUERY>\n"
                              "  <CONTENT>\n", did);
  ocs_hardware(out, r);
  ocs_bios(out, &r->machine);
  ocs_cpus(out, &r->cpu);
  ocs_memories(out, r->memory.modules);
  ocs_battery(out, r);
  ocs_storages(out, r->storage);
  ocs_networks(out, r->network);
  ocs_videos(out, r->gpus);
  g_string_append(out, "  </CONTENT>\n</REQUEST>\n");
  return g_string_free(out, FALSE);
}
