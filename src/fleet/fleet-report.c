/* SPDX-License-Identifier: GPL-2.0-or-later */
/* `fleet report`: what a fleet owner asks first, as a typed summary
 * (LfFleetSummary) and its JSON. Computed from each machine's latest report
 * only: the typed verdict rows grouped in SQL, then one pass over the summary
 * columns. */
#include <glib/gi18n.h>
#include <string.h>

#include "core/json-build.h"
#include "fleet/fleet-private.h"

const char *const lf_fleet_battery_buckets[LF_FLEET_BATTERY_BUCKETS] = {
  "80-100", "60-80", "40-60", "0-40", "none", "unknown",
};

static void edition_counts_free(gpointer p)
{
  LfFleetEditionCounts *c = p;
  g_free(c->edition);
  g_free(c);
}

static void edition_machines_free(gpointer p)
{
  LfFleetEditionMachines *m = p;
  g_free(m->edition);
  g_free(m);
}

static void purchase_free(gpointer p)
{
  LfFleetPurchase *pu = p;
  g_clear_pointer(&pu->editions, g_ptr_array_unref);
  g_free(pu);
}

void lf_fleet_summary_free(LfFleetSummary *s)
{
  if (s == NULL)
    return;
  g_clear_pointer(&s->editions, g_ptr_array_unref);
  g_clear_pointer(&s->purchases, g_ptr_array_unref);
  g_clear_pointer(&s->upgrades, g_array_unref);
  g_free(s);
}

char *lf_fleet_purchase_name(const LfFleetPurchase *p)
{
  if (g_str_equal(p->fix, "ssd") || !lf_known_int(p->ram_mb))
    return g_strdup(p->fix);
  return g_strdup_printf("ram%" G_GINT64_FORMAT "%s", p->ram_mb,
                         g_str_equal(p->fix, "ram+ssd") ? "+ssd" : "");
}

/* --- the verdicts ------------------------------------------------------------ */

/* Verdicts of the machines' latest reports, per edition id. */
#define LATEST_VERDICTS \
  "FROM machines m JOIN verdicts v ON v.report_id = m.latest_report " \
  "JOIN editions e ON e.idx = v.edition "

static int edition_cmp(gconstpointer a, gconstpointer b)
{
  return strcmp((*(LfFleetEditionCounts *const *)a)->edition,
                (*(LfFleetEditionCounts *const *)b)->edition);
}

/* Per edition: how many machines' latest reports PASS, WARN, FAIL (or hold an unknown status). */
static gboolean sum_editions(LfFleet *f, LfFleetSummary *s, GError **error)
{
  LfStoreRows *st = lf_store_query(f->store, "SELECT e.id, v.status, COUNT(*) " LATEST_VERDICTS
                                   "GROUP BY e.id, v.status", NULL, 0, error);
  if (st == NULL)
    return FALSE;
  g_autoptr(GHashTable) by_id = g_hash_table_new(g_str_hash, g_str_equal);
  while (lf_store_next(st)) {
    const char *edition = lf_store_text(st, 0);
    LfFleetEditionCounts *c = g_hash_table_lookup(by_id, edition);
    if (c == NULL) {
      c = g_new0(LfFleetEditionCounts, 1);
      c->edition = g_strdup(edition);
      g_hash_table_insert(by_id, c->edition, c);
      g_ptr_array_add(s->editions, c);
    }
    gint64 status = lf_store_int(st, 1);   /* PASS WARN FAIL, else unknown */
    c->counts[status >= LF_STATUS_PASS && status <= LF_STATUS_FAIL ? status : 3] +=
        lf_store_int(st, 2);
  }
  g_ptr_array_sort(s->editions, edition_cmp);
  return lf_store_finish(st, error);
}

static LfFleetPurchase *purchase_get(GPtrArray *purchases, LfStoreRows *st)
{
  const char *fix = lf_store_text(st, 0);
  gint64 ram_mb = lf_store_is_null(st, 1) ? LF_UNKNOWN : lf_store_int(st, 1);
  for (guint i = 0; i < purchases->len; i++) {
    LfFleetPurchase *p = purchases->pdata[i];
    if (g_str_equal(p->fix, fix) && p->ram_mb == ram_mb)
      return p;
  }
  LfFleetPurchase *p = g_new0(LfFleetPurchase, 1);
  /* the recommender's advice kinds, as static strings */
  p->fix = g_str_equal(fix, "ram+ssd") ? "ram+ssd" : g_str_equal(fix, "ram") ? "ram" : "ssd";
  p->ram_mb = ram_mb;
  p->editions = g_ptr_array_new_with_free_func(edition_machines_free);
  g_ptr_array_add(purchases, p);
  return p;
}

static int machines_cmp(gconstpointer a, gconstpointer b)
{
  const LfFleetEditionMachines *x = *(LfFleetEditionMachines *const *)a;
  const LfFleetEditionMachines *y = *(LfFleetEditionMachines *const *)b;
  if (x->machines != y->machines)
    return x->machines > y->machines ? -1 : 1;
  return strcmp(x->edition, y->edition);
}

static int purchase_cmp(gconstpointer a, gconstpointer b)
{
  const LfFleetPurchase *x = *(LfFleetPurchase *const *)a, *y = *(LfFleetPurchase *const *)b;
  if (x->machines != y->machines)
    return x->machines > y->machines ? -1 : 1;
  g_autofree char *nx = lf_fleet_purchase_name(x), *ny = lf_fleet_purchase_name(y);
  return strcmp(nx, ny);
}

/* Each purchase: the machines it helps on at least one edition, then per
 * edition; the ten that help most machines, each with its five editions. */
static gboolean sum_purchases(LfFleet *f, LfFleetSummary *s, GError **error)
{
  LfStoreRows *st = lf_store_query(f->store,
      "SELECT v.fix, v.fix_ram_mb, COUNT(DISTINCT v.report_id) " LATEST_VERDICTS
      "WHERE v.fix IS NOT NULL GROUP BY v.fix, v.fix_ram_mb", NULL, 0, error);
  if (st == NULL)
    return FALSE;
  while (lf_store_next(st))
    purchase_get(s->purchases, st)->machines += lf_store_int(st, 2);
  if (!lf_store_finish(st, error))
    return FALSE;
  st = lf_store_query(f->store,
      "SELECT v.fix, v.fix_ram_mb, e.id, COUNT(*) " LATEST_VERDICTS
      "WHERE v.fix IS NOT NULL GROUP BY v.fix, v.fix_ram_mb, e.id", NULL, 0, error);
  if (st == NULL)
    return FALSE;
  while (lf_store_next(st)) {
    LfFleetEditionMachines *m = g_new0(LfFleetEditionMachines, 1);
    m->edition = g_strdup(lf_store_text(st, 2));
    m->machines = lf_store_int(st, 3);
    g_ptr_array_add(purchase_get(s->purchases, st)->editions, m);
  }
  if (!lf_store_finish(st, error))
    return FALSE;
  g_ptr_array_sort(s->purchases, purchase_cmp);
  if (s->purchases->len > 10)
    g_ptr_array_set_size(s->purchases, 10);
  for (guint i = 0; i < s->purchases->len; i++) {
    GPtrArray *eds = ((LfFleetPurchase *)s->purchases->pdata[i])->editions;
    g_ptr_array_sort(eds, machines_cmp);
    if (eds->len > 5)
      g_ptr_array_set_size(eds, 5);
  }
  return TRUE;
}

/* --- batteries and hardware ---------------------------------------------------- */

static void sum_battery(LfFleetSummary *s, LfStoreRows *st, guint count_col, guint health_col)
{
  if (!lf_store_is_null(st, count_col) && lf_store_int(st, count_col) == 0)
    s->battery[4]++;
  else if (lf_store_is_null(st, health_col))
    s->battery[5]++;
  else {
    double h = lf_store_double(st, health_col);
    s->battery[h >= 80 ? 0 : h >= 60 ? 1 : h >= 40 ? 2 : 3]++;
  }
}

/* RAM: the next usual step above what is installed, if the board takes it
 * (s->upgrades holds the RAM steps here, the highest first). */
static void sum_ram(LfFleetSummary *s, gint64 inst, gint64 max, gboolean soldered)
{
  gint64 to = lf_ram_upgrade_target(inst, max, soldered);
  if (to == 0)
    return;
  if (!lf_known_int(to)) {
    s->ram_not_upgradable++;
    return;
  }
  guint k = 0;
  while (k < s->upgrades->len && g_array_index(s->upgrades, LfFleetUpgrade, k).to_mb > to)
    k++;
  if (k == s->upgrades->len || g_array_index(s->upgrades, LfFleetUpgrade, k).to_mb != to)
    g_array_insert_val(s->upgrades, k, ((LfFleetUpgrade){ FALSE, to, 0, 0 }));
  LfFleetUpgrade *u = &g_array_index(s->upgrades, LfFleetUpgrade, k);
  u->machines++;
  u->added_mb += to - inst;
}

/* Columns of the query in sum_machines. */
enum { C_BAT_COUNT, C_BAT_HEALTH, C_RAM, C_RAM_MAX, C_SOLDERED, C_SSD, C_STORAGE, C_REPORTS };

static void sum_machine(LfFleetSummary *s, LfStoreRows *st, gint64 *ssd)
{
  s->machines++;
  s->reports = lf_store_int(st, C_REPORTS);
  sum_battery(s, st, C_BAT_COUNT, C_BAT_HEALTH);
  if (!lf_store_is_null(st, C_RAM))
    sum_ram(s, lf_store_int(st, C_RAM),
            lf_store_is_null(st, C_RAM_MAX) ? LF_UNKNOWN : lf_store_int(st, C_RAM_MAX),
            !lf_store_is_null(st, C_SOLDERED) && lf_store_int(st, C_SOLDERED) == 1);
  if (!lf_store_is_null(st, C_SSD) && lf_store_int(st, C_SSD) == 0 &&
      lf_store_int(st, C_STORAGE) > 0)
    (*ssd)++;
}

/* Batteries and hardware upgrades, without verdicts: RAM to 4 GB (2 GB) where
 * the board takes it, SSDs; upgrades with most machines first. */
static gboolean sum_machines(LfFleet *f, LfFleetSummary *s, GError **error)
{
  LfStoreRows *st = lf_store_query(f->store,
      "SELECT r.battery_count, r.battery_health_pct, r.ram_installed_mb, "
      "r.ram_max_mb, r.ram_soldered, r.ssd, r.storage_count, "
      "(SELECT COUNT(*) FROM reports) FROM machines m JOIN reports r ON r.id = m.latest_report",
      NULL, 0, error);
  if (st == NULL)
    return FALSE;
  gint64 ssd = 0;
  while (lf_store_next(st))
    sum_machine(s, st, &ssd);
  if (!lf_store_finish(st, error))
    return FALSE;
  if (ssd)
    g_array_append_val(s->upgrades, ((LfFleetUpgrade){ TRUE, LF_UNKNOWN, ssd, LF_UNKNOWN }));
  LfFleetUpgrade *u = (LfFleetUpgrade *)s->upgrades->data;
  for (guint i = 1; i < s->upgrades->len; i++)  /* insertion sort: stable, tiny */
    for (guint j = i; j > 0 && u[j].machines > u[j - 1].machines; j--) {
      LfFleetUpgrade tmp = u[j];
      u[j] = u[j - 1];
      u[j - 1] = tmp;
    }
  return TRUE;
}

LfFleetSummary *lf_fleet_summary(LfFleet *f, GError **error)
{
  g_autoptr(LfFleetSummary) s = g_new0(LfFleetSummary, 1);
  s->editions = g_ptr_array_new_with_free_func(edition_counts_free);
  s->purchases = g_ptr_array_new_with_free_func(purchase_free);
  s->upgrades = g_array_new(FALSE, FALSE, sizeof(LfFleetUpgrade));
  if (!sum_editions(f, s, error) || !sum_purchases(f, s, error) || !sum_machines(f, s, error))
    return NULL;
  return g_steal_pointer(&s);
}

/* --- JSON ---------------------------------------------------------------------- */

static void add_editions(JsonBuilder *b, const LfFleetSummary *s)
{
  static const char *const status_keys[] = { "pass", "warn", "fail", "unknown" };
  json_builder_set_member_name(b, "editions");
  json_builder_begin_array(b);
  for (guint i = 0; i < s->editions->len; i++) {
    const LfFleetEditionCounts *c = s->editions->pdata[i];
    json_builder_begin_object(b);
    lf_json_set_string(b, "edition", c->edition);
    for (int k = 0; k < 4; k++)
      lf_json_set_int(b, status_keys[k], c->counts[k]);
    json_builder_end_object(b);
  }
  json_builder_end_array(b);
}

static void add_battery_health(JsonBuilder *b, const LfFleetSummary *s)
{
  json_builder_set_member_name(b, "battery_health");
  json_builder_begin_array(b);
  for (int i = 0; i < LF_FLEET_BATTERY_BUCKETS; i++) {
    json_builder_begin_object(b);
    lf_json_set_string(b, "health_pct", lf_fleet_battery_buckets[i]);
    lf_json_set_int(b, "machines", s->battery[i]);
    json_builder_end_object(b);
  }
  json_builder_end_array(b);
}

/* What parts would turn WARN/FAIL verdicts into PASS, most machines first. */
static void add_shopping_list(JsonBuilder *b, const LfFleetSummary *s)
{
  json_builder_set_member_name(b, "shopping_list");
  json_builder_begin_array(b);
  for (guint i = 0; i < s->purchases->len; i++) {
    const LfFleetPurchase *p = s->purchases->pdata[i];
    g_autofree char *name = lf_fleet_purchase_name(p);
    json_builder_begin_object(b);
    lf_json_set_string(b, "purchase", name);
    lf_json_set_int(b, "machines", p->machines);
    json_builder_set_member_name(b, "editions");
    json_builder_begin_array(b);
    for (guint k = 0; k < p->editions->len; k++) {
      const LfFleetEditionMachines *m = p->editions->pdata[k];
      json_builder_begin_object(b);
      lf_json_set_string(b, "edition", m->edition);
      lf_json_set_int(b, "machines", m->machines);
      json_builder_end_object(b);
    }
    json_builder_end_array(b);
    json_builder_end_object(b);
  }
  json_builder_end_array(b);
}

static void add_hardware_upgrades(JsonBuilder *b, const LfFleetSummary *s)
{
  json_builder_set_member_name(b, "hardware_upgrades");
  json_builder_begin_array(b);
  for (guint i = 0; i < s->upgrades->len; i++) {
    const LfFleetUpgrade *u = &g_array_index(s->upgrades, LfFleetUpgrade, i);
    json_builder_begin_object(b);
    lf_json_set_string(b, "item", u->ssd ? "ssd" : "ram");
    lf_json_set_int(b, "machines", u->machines);
    if (!u->ssd) {
      lf_json_set_int(b, "to_mb", u->to_mb);
      lf_json_set_int(b, "total_added_mb", u->added_mb);
    }
    json_builder_end_object(b);
  }
  json_builder_end_array(b);
}

JsonNode *lf_fleet_summary_to_json(const LfFleetSummary *s)
{
  g_autoptr(JsonBuilder) b = json_builder_new_immutable();
  json_builder_begin_object(b);
  lf_json_set_int(b, "machines", s->machines);
  lf_json_set_int(b, "reports", s->reports);
  add_editions(b, s);
  add_battery_health(b, s);
  add_shopping_list(b, s);
  add_hardware_upgrades(b, s);
  lf_json_set_int(b, "ram_not_upgradable", s->ram_not_upgradable);
  json_builder_end_object(b);
  return json_builder_get_root(b);
}

JsonNode *lf_fleet_report(LfFleet *f, GError **error)
{
  g_autoptr(LfFleetSummary) s = lf_fleet_summary(f, error);
  return s ? lf_fleet_summary_to_json(s) : NULL;
}
