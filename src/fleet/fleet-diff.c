/* SPDX-License-Identifier: GPL-2.0-or-later */
/* `fleet diff MACHINE`: what changed between consecutive reports of one
 * machine: RAM modules, fixed disks, firmware, battery wear per month. */
#include <glib/gi18n.h>
#include <string.h>

#include "core/error.h"
#include "core/json-build.h"
#include "core/report-json.h"
#include "fleet/fleet-private.h"

#define SECONDS_PER_MONTH (30.436875 * 86400.0)

static char *find_machine(LfFleet *f, const char *name, GError **error)
{
  static const char *const queries[] = {
    "SELECT machine_id FROM machines WHERE machine_id = $1",
    "SELECT machine_id FROM machines WHERE substr(machine_id, 1, length(CAST($1 AS TEXT))) = $1",
    ("SELECT m.machine_id FROM machines m JOIN reports r ON r.id = m.latest_report "
     "WHERE r.hostname = $1"),
  };
  for (gsize q = 0; q < G_N_ELEMENTS(queries); q++) {
    LfSqlValue p = LF_SQL_TEXT(name);
    LfStoreRows *st = lf_store_query(f->store, queries[q], &p, 1, error);
    if (st == NULL)
      return NULL;
    g_autofree char *found = NULL;
    guint n = 0;
    while (n < 2 && lf_store_next(st)) {
      n++;
      g_free(found);
      found = g_strdup(lf_store_text(st, 0));
    }
    if (!lf_store_finish(st, error))
      return NULL;
    if (n == 1)
      return g_steal_pointer(&found);
    if (n > 1) {
      g_set_error(error, LF_ERROR, LF_ERROR_NOT_FOUND,
                  _("'%s' matches several machines: give more of the id"), name);
      return NULL;
    }
  }
  g_set_error(error, LF_ERROR, LF_ERROR_NOT_FOUND, _("no machine '%s' in the fleet database"),
              name);
  return NULL;
}

static char *module_key(const LfMemoryModule *m)
{
  return g_strdup_printf("%s %" G_GINT64_FORMAT " MB", m->locator ? m->locator : "?",
                         lf_known_int(m->size_mb) ? m->size_mb : 0);
}

static gboolean fixed_disk(const LfStorage *s)
{
  return s->removable != LF_TRI_TRUE && s->boot_medium != LF_TRI_TRUE &&
         g_strcmp0(s->kind, "usb") != 0 && g_strcmp0(s->kind, "sd") != 0;
}

static char *disk_key(const LfStorage *s)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE] = "?";
  if (lf_known_num(s->size_gb))
    g_ascii_formatd(buf, sizeof buf, "%.0f", s->size_gb);
  return g_strdup_printf("%s %s (%s GB%s%s)", s->kind ? s->kind : "disk",
                         s->model ? s->model : "?", buf, s->serial ? ", serial " : "",
                         s->serial ? s->serial : "");
}

/* Items of @a missing from @b, as strings. */
static void set_diff(JsonBuilder *jb, const char *member, GPtrArray *a, GPtrArray *b)
{
  json_builder_set_member_name(jb, member);
  json_builder_begin_array(jb);
  g_autoptr(GPtrArray) rest = g_ptr_array_new();  /* borrowed strings */
  for (guint i = 0; i < b->len; i++)
    g_ptr_array_add(rest, b->pdata[i]);
  for (guint i = 0; i < a->len; i++) {
    guint idx;
    if (g_ptr_array_find_with_equal_func(rest, a->pdata[i], g_str_equal, &idx))
      g_ptr_array_remove_index(rest, idx);
    else
      json_builder_add_string_value(jb, a->pdata[i]);
  }
  json_builder_end_array(jb);
}

/* Rounded to hundredths; NaN stays NaN and is written as null. */
static void add_num(JsonBuilder *b, const char *key, double v)
{
  lf_json_set_double(b, key, round(v * 100.0) / 100.0);
}

static double months_between(const char *a, const char *b)
{
  g_autoptr(GDateTime) da = a ? g_date_time_new_from_iso8601(a, NULL) : NULL;
  g_autoptr(GDateTime) db = b ? g_date_time_new_from_iso8601(b, NULL) : NULL;
  if (da == NULL || db == NULL)
    return NAN;
  return (double)g_date_time_difference(db, da) / G_TIME_SPAN_SECOND / SECONDS_PER_MONTH;
}

static const LfBattery *find_battery(const LfReport *r, const LfBattery *like)
{
  for (guint i = 0; r->batteries && i < r->batteries->len; i++) {
    const LfBattery *b = r->batteries->pdata[i];
    if (g_strcmp0(b->name, like->name) == 0)
      return b;
  }
  return NULL;
}

static void diff_pair(JsonBuilder *b, const LfReport *x, const LfReport *y)
{
  json_builder_begin_object(b);
  json_builder_set_member_name(b, "from");
  json_builder_add_string_value(b, x->generated ? x->generated : "");
  json_builder_set_member_name(b, "to");
  json_builder_add_string_value(b, y->generated ? y->generated : "");
  double months = months_between(x->generated, y->generated);
  add_num(b, "months", months);

  lf_json_set_int(b, "ram_installed_mb_from", x->memory.installed_mb);
  lf_json_set_int(b, "ram_installed_mb_to", y->memory.installed_mb);
  g_autoptr(GPtrArray) mx = g_ptr_array_new_with_free_func(g_free);
  g_autoptr(GPtrArray) my = g_ptr_array_new_with_free_func(g_free);
  for (guint i = 0; x->memory.modules && i < x->memory.modules->len; i++)
    g_ptr_array_add(mx, module_key(x->memory.modules->pdata[i]));
  for (guint i = 0; y->memory.modules && i < y->memory.modules->len; i++)
    g_ptr_array_add(my, module_key(y->memory.modules->pdata[i]));
  set_diff(b, "ram_removed", mx, my);
  set_diff(b, "ram_added", my, mx);

  g_autoptr(GPtrArray) dx = g_ptr_array_new_with_free_func(g_free);
  g_autoptr(GPtrArray) dy = g_ptr_array_new_with_free_func(g_free);
  for (guint i = 0; x->storage && i < x->storage->len; i++)
    if (fixed_disk(x->storage->pdata[i]))
      g_ptr_array_add(dx, disk_key(x->storage->pdata[i]));
  for (guint i = 0; y->storage && i < y->storage->len; i++)
    if (fixed_disk(y->storage->pdata[i]))
      g_ptr_array_add(dy, disk_key(y->storage->pdata[i]));
  set_diff(b, "disks_removed", dx, dy);
  set_diff(b, "disks_added", dy, dx);

  json_builder_set_member_name(b, "bios_version");
  if (g_strcmp0(x->machine.bios.version, y->machine.bios.version) != 0) {
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "from");
    json_builder_add_string_value(b, x->machine.bios.version ? x->machine.bios.version : "");
    json_builder_set_member_name(b, "to");
    json_builder_add_string_value(b, y->machine.bios.version ? y->machine.bios.version : "");
    json_builder_end_object(b);
  } else {
    json_builder_add_null_value(b);
  }

  json_builder_set_member_name(b, "batteries");
  json_builder_begin_array(b);
  for (guint i = 0; y->batteries && i < y->batteries->len; i++) {
    const LfBattery *by = y->batteries->pdata[i];
    const LfBattery *bx = find_battery(x, by);
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "name");
    json_builder_add_string_value(b, by->name ? by->name : "?");
    gboolean replaced = bx == NULL || (bx->serial && by->serial && !g_str_equal(bx->serial, by->serial));
    json_builder_set_member_name(b, "replaced");
    json_builder_add_boolean_value(b, replaced);
    add_num(b, "health_pct_from", bx ? bx->health_pct : NAN);
    add_num(b, "health_pct_to", by->health_pct);
    add_num(b, "full_wh_from", bx ? bx->full_wh : NAN);
    add_num(b, "full_wh_to", by->full_wh);
    double wear = NAN;
    if (!replaced && lf_known_num(bx->health_pct) && lf_known_num(by->health_pct) &&
        lf_known_num(months) && months > 0)
      wear = (bx->health_pct - by->health_pct) / months;
    add_num(b, "wear_pct_per_month", wear);
    lf_json_set_int(b, "cycles_from", bx ? bx->cycles : LF_UNKNOWN);
    lf_json_set_int(b, "cycles_to", by->cycles);
    json_builder_end_object(b);
  }
  json_builder_end_array(b);
  json_builder_end_object(b);
}

JsonNode *lf_fleet_diff(LfFleet *f, const char *machine, GError **error)
{
  g_autofree char *id = find_machine(f, machine, error);
  if (id == NULL)
    return NULL;
  LfSqlValue p = LF_SQL_TEXT(id);
  LfStoreRows *st = lf_store_query(f->store,
      "SELECT j.json FROM reports r JOIN report_json j ON j.id = r.id "
      "WHERE r.machine_id = $1 ORDER BY COALESCE(r.generated, ''), r.id", &p, 1, error);
  if (st == NULL)
    return NULL;
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func((GDestroyNotify)lf_report_free);
  while (lf_store_next(st)) {
    g_autoptr(GError) local = NULL;
    LfReport *r = lf_report_from_json(lf_store_text(st, 0), -1, &local);
    if (r)
      g_ptr_array_add(reports, r);
    else
      g_debug("fleet diff: stored report unreadable: %s", local->message);
  }
  if (!lf_store_finish(st, error))
    return NULL;
  g_autoptr(JsonBuilder) b = json_builder_new_immutable();
  json_builder_begin_object(b);
  json_builder_set_member_name(b, "machine_id");
  json_builder_add_string_value(b, id);
  json_builder_set_member_name(b, "reports");
  json_builder_add_int_value(b, reports->len);
  json_builder_set_member_name(b, "changes");
  json_builder_begin_array(b);
  for (guint i = 1; i < reports->len; i++)
    diff_pair(b, reports->pdata[i - 1], reports->pdata[i]);
  json_builder_end_array(b);
  json_builder_end_object(b);
  return json_builder_get_root(b);
}
