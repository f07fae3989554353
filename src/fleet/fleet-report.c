/* SPDX-License-Identifier: GPL-2.0-or-later */
/* `fleet report`: what a fleet owner asks first, as a typed summary
 * (LfFleetSummary) and its JSON. Computed from each machine's latest report
 * only: one pass over the summary columns and verdict set of each, then one
 * over the rows of the verdict sets, tallied in C. */
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

/* The machines count per verdict set of their latest report (sum_machines
 * reads them with the hardware columns, one pass over the machines); the
 * sets' rows are then tallied in C by the integer edition index, each row
 * weighed by its set's machines. The sets are few (schema 7), so this reads
 * one row per machine and a few per set, on both stores, with no grouping
 * in SQL. */
#define SET_VERDICTS \
  "SELECT set_id, edition, status, fix, fix_ram_mb FROM set_verdicts ORDER BY set_id, edition"

enum { V_SET, V_EDITION, V_STATUS, V_FIX, V_RAM };

/* A purchase while the rows are read: its machines per edition index. */
typedef struct {
  LfFleetPurchase *purchase;   /* owned by the summary */
  gint64 last_set;
  GArray *machines;            /* gint64 per edition index */
} PurchaseTally;

typedef struct {
  GArray *counts;              /* gint64[4] per edition index: PASS WARN FAIL unknown */
  GArray *purchases;           /* PurchaseTally */
  GHashTable *set_machines;    /* gint64 * set id -> gint64 * machines */
} VerdictTally;

static void purchase_free(gpointer p)
{
  LfFleetPurchase *pu = p;
  g_clear_pointer(&pu->editions, g_ptr_array_unref);
  g_free(pu);
}

static void purchase_tally_clear(gpointer p)
{
  g_clear_pointer(&((PurchaseTally *)p)->machines, g_array_unref);
}

static gint64 *grow(GArray *a, guint idx, guint width)
{
  if (a->len < (idx + 1) * width)
    g_array_set_size(a, (idx + 1) * width);
  return &g_array_index(a, gint64, idx * width);
}

/* The purchase of the row's fix and RAM target (columns @col, @col + 1). */
static PurchaseTally *purchase_get(LfFleetSummary *s, VerdictTally *t, LfStoreRows *st, guint col)
{
  const char *fix = lf_store_text(st, col);
  gint64 ram_mb = lf_store_is_null(st, col + 1) ? LF_UNKNOWN : lf_store_int(st, col + 1);
  for (guint i = 0; i < t->purchases->len; i++) {
    PurchaseTally *pt = &g_array_index(t->purchases, PurchaseTally, i);
    if (g_str_equal(pt->purchase->fix, fix) && pt->purchase->ram_mb == ram_mb)
      return pt;
  }
  LfFleetPurchase *p = g_new0(LfFleetPurchase, 1);
  /* the recommender's advice kinds, as static strings */
  p->fix = g_str_equal(fix, "ram+ssd") ? "ram+ssd" : g_str_equal(fix, "ram") ? "ram" : "ssd";
  p->ram_mb = ram_mb;
  p->editions = g_ptr_array_new_with_free_func(edition_machines_free);
  g_ptr_array_add(s->purchases, p);
  g_array_append_val(t->purchases, ((PurchaseTally){ p, -1, g_array_new(FALSE, TRUE,
                                                                       sizeof(gint64)) }));
  return &g_array_index(t->purchases, PurchaseTally, t->purchases->len - 1);
}

static void tally_row(LfFleetSummary *s, VerdictTally *t, LfStoreRows *st)
{
  gint64 set = lf_store_int(st, V_SET);
  const gint64 *machines = g_hash_table_lookup(t->set_machines, &set);
  gint64 idx = lf_store_int(st, V_EDITION);
  if (machines == NULL || idx < 0 || idx >= 100000)   /* lf_fleet_edition_idx's bound */
    return;
  gint64 n = *machines;
  gint64 status = lf_store_int(st, V_STATUS);   /* PASS WARN FAIL, else unknown */
  grow(t->counts, (guint)idx, 4)[status >= LF_STATUS_PASS && status <= LF_STATUS_FAIL
                                     ? status : 3] += n;
  if (lf_store_is_null(st, V_FIX))
    return;
  PurchaseTally *pt = purchase_get(s, t, st, V_FIX);
  *grow(pt->machines, (guint)idx, 1) += n;
  if (pt->last_set != set)   /* a machine counts once per purchase */
    pt->purchase->machines += n;
  pt->last_set = set;
}

static gboolean tally_verdicts(LfFleet *f, LfFleetSummary *s, VerdictTally *t, GError **error)
{
  LfStoreRows *st = lf_store_query(f->store, SET_VERDICTS, NULL, 0, error);
  if (st == NULL)
    return FALSE;
  while (lf_store_next(st))
    tally_row(s, t, st);
  return lf_store_finish(st, error);
}

/* Edition ids by index. */
static GPtrArray *edition_ids(LfFleet *f, GError **error)
{
  LfStoreRows *st = lf_store_query(f->store, "SELECT idx, id FROM editions", NULL, 0, error);
  if (st == NULL)
    return NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func(g_free);
  while (lf_store_next(st)) {
    gint64 idx = lf_store_int(st, 0);
    if (idx < 0 || idx >= 100000)
      continue;
    if (ids->len <= idx)
      g_ptr_array_set_size(ids, (guint)idx + 1);
    g_free(ids->pdata[idx]);
    ids->pdata[idx] = g_strdup(lf_store_text(st, 1));
  }
  return lf_store_finish(st, error) ? g_steal_pointer(&ids) : NULL;
}

static int edition_cmp(gconstpointer a, gconstpointer b)
{
  return strcmp((*(LfFleetEditionCounts *const *)a)->edition,
                (*(LfFleetEditionCounts *const *)b)->edition);
}

/* Per edition: how many machines' latest reports PASS, WARN, FAIL (or hold an unknown status). */
static void sum_editions(LfFleetSummary *s, const VerdictTally *t, GPtrArray *ids)
{
  for (guint idx = 0; idx < t->counts->len / 4; idx++) {
    const gint64 *n = &g_array_index(t->counts, gint64, idx * 4);
    if (n[0] + n[1] + n[2] + n[3] == 0 || idx >= ids->len || ids->pdata[idx] == NULL)
      continue;
    LfFleetEditionCounts *c = g_new0(LfFleetEditionCounts, 1);
    c->edition = g_strdup(ids->pdata[idx]);
    memcpy(c->counts, n, sizeof c->counts);
    g_ptr_array_add(s->editions, c);
  }
  g_ptr_array_sort(s->editions, edition_cmp);
}

static int machines_cmp(gconstpointer a, gconstpointer b)
{
  const LfFleetEditionMachines *x = *(LfFleetEditionMachines *const *)a;
  const LfFleetEditionMachines *y = *(LfFleetEditionMachines *const *)b;
  if (x->machines != y->machines)
    return x->machines > y->machines ? -1 : 1;
  return strcmp(x->edition, y->edition);
}

/* Most machines first, then by name; equal names (an SSD with different RAM
 * targets) in the order of (fix, RAM target) as SQL grouped them before. */
static int purchase_cmp(gconstpointer a, gconstpointer b)
{
  const LfFleetPurchase *x = *(LfFleetPurchase *const *)a, *y = *(LfFleetPurchase *const *)b;
  if (x->machines != y->machines)
    return x->machines > y->machines ? -1 : 1;
  g_autofree char *nx = lf_fleet_purchase_name(x), *ny = lf_fleet_purchase_name(y);
  int c = strcmp(nx, ny);
  if (c == 0)
    c = strcmp(x->fix, y->fix);
  return c != 0 ? c : x->ram_mb < y->ram_mb ? -1 : x->ram_mb > y->ram_mb;
}

/* Each purchase: the machines it helps on at least one edition, then per
 * edition; the ten that help most machines, each with its five editions. */
static void sum_purchases(LfFleetSummary *s, const VerdictTally *t, GPtrArray *ids)
{
  for (guint i = 0; i < t->purchases->len; i++) {
    const PurchaseTally *pt = &g_array_index(t->purchases, PurchaseTally, i);
    for (guint idx = 0; idx < pt->machines->len; idx++) {
      gint64 n = g_array_index(pt->machines, gint64, idx);
      if (n == 0 || idx >= ids->len || ids->pdata[idx] == NULL)
        continue;
      LfFleetEditionMachines *m = g_new0(LfFleetEditionMachines, 1);
      m->edition = g_strdup(ids->pdata[idx]);
      m->machines = n;
      g_ptr_array_add(pt->purchase->editions, m);
    }
  }
  g_ptr_array_sort(s->purchases, purchase_cmp);
  if (s->purchases->len > 10)
    g_ptr_array_set_size(s->purchases, 10);
  for (guint i = 0; i < s->purchases->len; i++) {
    GPtrArray *eds = ((LfFleetPurchase *)s->purchases->pdata[i])->editions;
    g_ptr_array_sort(eds, machines_cmp);
    if (eds->len > 5)
      g_ptr_array_set_size(eds, 5);
  }
}

static gboolean sum_verdicts(LfFleet *f, LfFleetSummary *s, GHashTable *set_machines,
                             GError **error)
{
  VerdictTally t = { g_array_new(FALSE, TRUE, sizeof(gint64)),
                     g_array_new(FALSE, FALSE, sizeof(PurchaseTally)), set_machines };
  g_array_set_clear_func(t.purchases, purchase_tally_clear);
  g_autoptr(GPtrArray) ids = NULL;
  gboolean ok = tally_verdicts(f, s, &t, error) && (ids = edition_ids(f, error)) != NULL;
  if (ok) {
    sum_editions(s, &t, ids);
    sum_purchases(s, &t, ids);
  }
  g_array_unref(t.counts);
  g_array_unref(t.purchases);
  return ok;
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
enum { C_BAT_COUNT, C_BAT_HEALTH, C_RAM, C_RAM_MAX, C_SOLDERED, C_SSD, C_STORAGE, C_REPORTS,
       C_SET };

/* One more machine on the verdict set of its latest report. */
static void count_set(GHashTable *set_machines, gint64 set)
{
  gint64 *n = g_hash_table_lookup(set_machines, &set);
  if (n == NULL) {
    gint64 *key = g_new(gint64, 1);
    *key = set;
    n = g_new0(gint64, 1);
    g_hash_table_insert(set_machines, key, n);
  }
  (*n)++;
}

static void sum_machine(LfFleetSummary *s, LfStoreRows *st, gint64 *ssd, GHashTable *sets)
{
  s->machines++;
  if (!lf_store_is_null(st, C_SET))
    count_set(sets, lf_store_int(st, C_SET));
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
 * the board takes it, SSDs; upgrades with most machines first. And the
 * machines per verdict set, into @sets. */
static gboolean sum_machines(LfFleet *f, LfFleetSummary *s, GHashTable *sets, GError **error)
{
  LfStoreRows *st = lf_store_query(f->store,
      "SELECT r.battery_count, r.battery_health_pct, r.ram_installed_mb, "
      "r.ram_max_mb, r.ram_soldered, r.ssd, r.storage_count, "
      "(SELECT COUNT(*) FROM reports), r.verdict_set "
      "FROM machines m JOIN reports r ON r.id = m.latest_report",
      NULL, 0, error);
  if (st == NULL)
    return FALSE;
  gint64 ssd = 0;
  while (lf_store_next(st))
    sum_machine(s, st, &ssd, sets);
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
  g_autoptr(GHashTable) sets = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, g_free);
  if (!sum_machines(f, s, sets, error) || !sum_verdicts(f, s, sets, error))
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
