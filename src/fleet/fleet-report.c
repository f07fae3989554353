/* SPDX-License-Identifier: GPL-2.0-or-later */
/* `fleet report`: what a fleet owner asks first. Computed from each machine's
 * latest report only: the typed verdict rows grouped in SQL, then one pass
 * over the summary columns. */
#include <glib/gi18n.h>
#include <string.h>

#include "core/json-build.h"
#include "fleet/fleet-private.h"

typedef struct {
  gint64 counts[4];  /* PASS WARN FAIL UNKNOWN */
} EditionCounts;

/* One purchase (named "ram4096", "ssd", "ram4096+ssd" in the JSON): machines
 * it moves to PASS on at least one edition, and per edition. */
typedef struct {
  char *fix;
  gint64 machines;
  GHashTable *editions;  /* edition id -> gint64 * */
} Purchase;

static void purchase_free(Purchase *p)
{
  g_free(p->fix);
  g_hash_table_unref(p->editions);
  g_free(p);
}

typedef struct {
  const char *key;
  gint64 n;
} Count;

static int count_cmp(gconstpointer a, gconstpointer b)
{
  const Count *x = a, *y = b;
  if (x->n != y->n)
    return x->n > y->n ? -1 : 1;
  return strcmp(x->key, y->key);
}

static int purchase_cmp(gconstpointer a, gconstpointer b)
{
  const Purchase *x = *(Purchase *const *)a, *y = *(Purchase *const *)b;
  if (x->machines != y->machines)
    return x->machines > y->machines ? -1 : 1;
  return strcmp(x->fix, y->fix);
}

/* RAM bought to one target (lf_ram_upgrade_target) over the fleet. */
typedef struct {
  gint64 to_mb, machines, added_mb;
} RamBuy;

/* Battery buckets: >=80, 60-80, 40-60, <40, none, unknown. */
enum { BAT_BUCKETS = 6 };

/* What one pass over the machines' latest reports adds up. */
typedef struct {
  GHashTable *editions;    /* edition id -> EditionCounts */
  GHashTable *purchases;   /* purchase name -> Purchase */
  gint64 machines, reports;
  gint64 bat[BAT_BUCKETS];
  GArray *ram;             /* RamBuy, the highest target first */
  gint64 ram_stuck, ssd_buy;
} Tally;

static void tally_clear(Tally *t)
{
  g_clear_pointer(&t->editions, g_hash_table_unref);
  g_clear_pointer(&t->purchases, g_hash_table_unref);
  g_clear_pointer(&t->ram, g_array_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(Tally, tally_clear)

/* Verdicts of the machines' latest reports, per edition id. */
#define LATEST_VERDICTS \
  "FROM machines m JOIN verdicts v ON v.report_id = m.latest_report " \
  "JOIN editions e ON e.idx = v.edition "

static gboolean tally_editions(LfFleet *f, Tally *t, GError **error)
{
  LfStoreRows *st = lf_store_query(f->store, "SELECT e.id, v.status, COUNT(*) " LATEST_VERDICTS
                                   "GROUP BY e.id, v.status", NULL, 0, error);
  if (st == NULL)
    return FALSE;
  while (lf_store_next(st)) {
    const char *edition = lf_store_text(st, 0);
    EditionCounts *c = g_hash_table_lookup(t->editions, edition);
    if (c == NULL) {
      c = g_new0(EditionCounts, 1);
      g_hash_table_insert(t->editions, g_strdup(edition), c);
    }
    gint64 status = lf_store_int(st, 1);   /* PASS WARN FAIL, else unknown */
    c->counts[status >= LF_STATUS_PASS && status <= LF_STATUS_FAIL ? status : 3] +=
        lf_store_int(st, 2);
  }
  return lf_store_finish(st, error);
}

/* The purchase's name in the JSON: "ram4096", "ssd", "ram4096+ssd". transfer full. */
static char *purchase_name(const char *fix, LfStoreRows *st, guint ram_col)
{
  if (g_str_equal(fix, "ssd") || lf_store_is_null(st, ram_col))
    return g_strdup(fix);
  return g_strdup_printf("ram%" G_GINT64_FORMAT "%s", lf_store_int(st, ram_col),
                         g_str_equal(fix, "ram+ssd") ? "+ssd" : "");
}

static Purchase *purchase_get(Tally *t, const char *name)
{
  Purchase *pu = g_hash_table_lookup(t->purchases, name);
  if (pu == NULL) {
    pu = g_new0(Purchase, 1);
    pu->fix = g_strdup(name);
    pu->editions = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    g_hash_table_insert(t->purchases, pu->fix, pu);
  }
  return pu;
}

/* Each purchase: the machines it helps on at least one edition, then per edition. */
static gboolean tally_purchases(LfFleet *f, Tally *t, GError **error)
{
  LfStoreRows *st = lf_store_query(f->store,
      "SELECT v.fix, v.fix_ram_mb, COUNT(DISTINCT v.report_id) " LATEST_VERDICTS
      "WHERE v.fix IS NOT NULL GROUP BY v.fix, v.fix_ram_mb", NULL, 0, error);
  if (st == NULL)
    return FALSE;
  while (lf_store_next(st)) {
    g_autofree char *name = purchase_name(lf_store_text(st, 0), st, 1);
    purchase_get(t, name)->machines += lf_store_int(st, 2);
  }
  if (!lf_store_finish(st, error))
    return FALSE;
  st = lf_store_query(f->store,
      "SELECT v.fix, v.fix_ram_mb, e.id, COUNT(*) " LATEST_VERDICTS
      "WHERE v.fix IS NOT NULL GROUP BY v.fix, v.fix_ram_mb, e.id", NULL, 0, error);
  if (st == NULL)
    return FALSE;
  while (lf_store_next(st)) {
    g_autofree char *name = purchase_name(lf_store_text(st, 0), st, 1);
    gint64 *n = g_new(gint64, 1);
    *n = lf_store_int(st, 3);
    g_hash_table_replace(purchase_get(t, name)->editions, g_strdup(lf_store_text(st, 2)), n);
  }
  return lf_store_finish(st, error);
}

static void tally_battery(Tally *t, LfStoreRows *st, guint count_col, guint health_col)
{
  if (!lf_store_is_null(st, count_col) && lf_store_int(st, count_col) == 0)
    t->bat[4]++;
  else if (lf_store_is_null(st, health_col))
    t->bat[5]++;
  else {
    double h = lf_store_double(st, health_col);
    t->bat[h >= 80 ? 0 : h >= 60 ? 1 : h >= 40 ? 2 : 3]++;
  }
}

/* RAM: the next usual step above what is installed, if the board takes it. */
static void tally_ram(Tally *t, gint64 inst, gint64 max, gboolean soldered)
{
  gint64 to = lf_ram_upgrade_target(inst, max, soldered);
  if (to == 0)
    return;
  if (!lf_known_int(to)) {
    t->ram_stuck++;
    return;
  }
  guint k = 0;
  while (k < t->ram->len && g_array_index(t->ram, RamBuy, k).to_mb > to)
    k++;
  if (k == t->ram->len || g_array_index(t->ram, RamBuy, k).to_mb != to)
    g_array_insert_val(t->ram, k, ((RamBuy){ to, 0, 0 }));
  RamBuy *b = &g_array_index(t->ram, RamBuy, k);
  b->machines++;
  b->added_mb += to - inst;
}

/* Columns of the query in lf_fleet_report. */
enum { C_BAT_COUNT, C_BAT_HEALTH, C_RAM, C_RAM_MAX, C_SOLDERED, C_SSD, C_STORAGE, C_REPORTS };

static void tally_machine(Tally *t, LfStoreRows *st)
{
  t->machines++;
  t->reports = lf_store_int(st, C_REPORTS);
  tally_battery(t, st, C_BAT_COUNT, C_BAT_HEALTH);
  if (!lf_store_is_null(st, C_RAM))
    tally_ram(t, lf_store_int(st, C_RAM),
              lf_store_is_null(st, C_RAM_MAX) ? LF_UNKNOWN : lf_store_int(st, C_RAM_MAX),
              !lf_store_is_null(st, C_SOLDERED) && lf_store_int(st, C_SOLDERED) == 1);
  if (!lf_store_is_null(st, C_SSD) && lf_store_int(st, C_SSD) == 0 &&
      lf_store_int(st, C_STORAGE) > 0)
    t->ssd_buy++;
}

static gboolean tally_fleet(LfFleet *f, Tally *t, GError **error)
{
  t->editions = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  t->purchases = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, (GDestroyNotify)purchase_free);
  t->ram = g_array_new(FALSE, FALSE, sizeof(RamBuy));
  if (!tally_editions(f, t, error) || !tally_purchases(f, t, error))
    return FALSE;
  LfStoreRows *st = lf_store_query(f->store,
      "SELECT r.battery_count, r.battery_health_pct, r.ram_installed_mb, "
      "r.ram_max_mb, r.ram_soldered, r.ssd, r.storage_count, "
      "(SELECT COUNT(*) FROM reports) FROM machines m JOIN reports r ON r.id = m.latest_report",
      NULL, 0, error);
  if (st == NULL)
    return FALSE;
  while (lf_store_next(st))
    tally_machine(t, st);
  return lf_store_finish(st, error);
}

static void add_editions(JsonBuilder *b, const Tally *t)
{
  static const char *const status_keys[] = { "pass", "warn", "fail", "unknown" };
  json_builder_set_member_name(b, "editions");
  json_builder_begin_array(b);
  g_autoptr(GList) keys = g_list_sort(g_hash_table_get_keys(t->editions), (GCompareFunc)strcmp);
  for (GList *l = keys; l; l = l->next) {
    EditionCounts *c = g_hash_table_lookup(t->editions, l->data);
    json_builder_begin_object(b);
    lf_json_set_string(b, "edition", l->data);
    for (int i = 0; i < 4; i++)
      lf_json_set_int(b, status_keys[i], c->counts[i]);
    json_builder_end_object(b);
  }
  json_builder_end_array(b);
}

static void add_battery_health(JsonBuilder *b, const Tally *t)
{
  static const char *const buckets[] = { "80-100", "60-80", "40-60", "0-40", "none", "unknown" };
  json_builder_set_member_name(b, "battery_health");
  json_builder_begin_array(b);
  for (int i = 0; i < BAT_BUCKETS; i++) {
    json_builder_begin_object(b);
    lf_json_set_string(b, "health_pct", buckets[i]);
    lf_json_set_int(b, "machines", t->bat[i]);
    json_builder_end_object(b);
  }
  json_builder_end_array(b);
}

/* One purchase with the five editions it helps on most machines. */
static void add_purchase(JsonBuilder *b, const Purchase *pu)
{
  json_builder_begin_object(b);
  lf_json_set_string(b, "purchase", pu->fix);
  lf_json_set_int(b, "machines", pu->machines);
  g_autoptr(GArray) counts = g_array_new(FALSE, FALSE, sizeof(Count));
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init(&it, pu->editions);
  while (g_hash_table_iter_next(&it, &k, &v))
    g_array_append_val(counts, ((Count){ k, *(gint64 *)v }));
  g_array_sort(counts, count_cmp);
  json_builder_set_member_name(b, "editions");
  json_builder_begin_array(b);
  for (guint c = 0; c < counts->len && c < 5; c++) {
    json_builder_begin_object(b);
    lf_json_set_string(b, "edition", g_array_index(counts, Count, c).key);
    lf_json_set_int(b, "machines", g_array_index(counts, Count, c).n);
    json_builder_end_object(b);
  }
  json_builder_end_array(b);
  json_builder_end_object(b);
}

/* What parts would turn WARN/FAIL verdicts into PASS, most machines first. */
static void add_shopping_list(JsonBuilder *b, const Tally *t)
{
  json_builder_set_member_name(b, "shopping_list");
  json_builder_begin_array(b);
  g_autoptr(GPtrArray) plist = g_ptr_array_new();
  GHashTableIter pit;
  gpointer pv;
  g_hash_table_iter_init(&pit, t->purchases);
  while (g_hash_table_iter_next(&pit, NULL, &pv))
    g_ptr_array_add(plist, pv);
  g_ptr_array_sort(plist, purchase_cmp);
  for (guint i = 0; i < plist->len && i < 10; i++)
    add_purchase(b, plist->pdata[i]);
  json_builder_end_array(b);
}

typedef struct {
  const char *item;
  gint64 to_mb, machines, total_mb;
} Buy;

/* Without verdicts too: RAM to 4 GB (2 GB) where the board takes it, SSDs;
 * most machines first. */
static void add_hardware_upgrades(JsonBuilder *b, const Tally *t)
{
  g_autofree Buy *buys = g_new(Buy, t->ram->len + 1);
  guint nb = 0;
  for (guint k = 0; k < t->ram->len; k++) {
    const RamBuy *r = &g_array_index(t->ram, RamBuy, k);
    buys[nb++] = (Buy){ "ram", r->to_mb, r->machines, r->added_mb };
  }
  if (t->ssd_buy)
    buys[nb++] = (Buy){ "ssd", 0, t->ssd_buy, 0 };
  for (guint i = 1; i < nb; i++)  /* insertion sort: stable, tiny */
    for (guint j = i; j > 0 && buys[j].machines > buys[j - 1].machines; j--) {
      Buy tmp = buys[j];
      buys[j] = buys[j - 1];
      buys[j - 1] = tmp;
    }
  json_builder_set_member_name(b, "hardware_upgrades");
  json_builder_begin_array(b);
  for (guint i = 0; i < nb; i++) {
    json_builder_begin_object(b);
    lf_json_set_string(b, "item", buys[i].item);
    lf_json_set_int(b, "machines", buys[i].machines);
    if (g_str_equal(buys[i].item, "ram")) {
      lf_json_set_int(b, "to_mb", buys[i].to_mb);
      lf_json_set_int(b, "total_added_mb", buys[i].total_mb);
    }
    json_builder_end_object(b);
  }
  json_builder_end_array(b);
}

JsonNode *lf_fleet_report(LfFleet *f, GError **error)
{
  g_auto(Tally) t = { 0 };
  if (!tally_fleet(f, &t, error))
    return NULL;
  g_autoptr(JsonBuilder) b = json_builder_new_immutable();
  json_builder_begin_object(b);
  lf_json_set_int(b, "machines", t.machines);
  lf_json_set_int(b, "reports", t.reports);
  add_editions(b, &t);
  add_battery_health(b, &t);
  add_shopping_list(b, &t);
  add_hardware_upgrades(b, &t);
  lf_json_set_int(b, "ram_not_upgradable", t.ram_stuck);
  json_builder_end_object(b);
  return json_builder_get_root(b);
}
