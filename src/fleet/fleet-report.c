/* SPDX-License-Identifier: GPL-2.0-or-later */
/* `fleet report`: what a fleet owner asks first. Computed from each machine's
 * latest report only, in one pass over the summary columns. */
#include <glib/gi18n.h>
#include <string.h>

#include "core/json-build.h"
#include "fleet/fleet-private.h"

typedef struct {
  gint64 counts[4];  /* PASS WARN FAIL UNKNOWN */
} EditionCounts;

/* One purchase ("ram4096", "ssd", "ram4096+ssd"): machines it moves to PASS
 * on at least one edition, and per edition. */
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

static int verdict_index(char v)
{
  return v == 'P' ? 0 : v == 'W' ? 1 : v == 'F' ? 2 : 3;
}

/* Edition ids by index (the `editions` table). transfer full. */
static GPtrArray *edition_names(LfFleet *f, GError **error)
{
  LfStoreRows *st = lf_store_query(f->store, "SELECT idx, id FROM editions ORDER BY idx", NULL, 0,
                                   error);
  if (st == NULL)
    return NULL;
  GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
  while (lf_store_next(st)) {
    gint64 idx = lf_store_int(st, 0);
    if (idx < 0 || idx >= 100000)
      continue;
    while (names->len <= (guint)idx)
      g_ptr_array_add(names, g_strdup_printf("edition-%u", names->len));
    g_free(names->pdata[idx]);
    names->pdata[idx] = g_strdup(lf_store_text(st, 1));
  }
  if (!lf_store_finish(st, error))
    g_clear_pointer(&names, g_ptr_array_unref);
  return names;
}

/* RAM targets of the shopping list: 4 GB is what current desktop editions
 * recommend (data/distros/); a board that cannot take 4 GB gets 2 GB, what the
 * light editions need. Machines with 4 GB or more buy no RAM. */
static const gint64 ram_targets[] = { 4096, 2048 };
#define N_TARGETS G_N_ELEMENTS(ram_targets)

/* Battery buckets: >=80, 60-80, 40-60, <40, none, unknown. */
enum { BAT_BUCKETS = 6 };

/* What one pass over the machines' latest reports adds up. */
typedef struct {
  GPtrArray *names;        /* edition ids by index */
  GHashTable *editions;    /* edition id -> EditionCounts */
  GHashTable *purchases;   /* fix -> Purchase */
  GHashTable *seen;        /* the current machine's purchases */
  gint64 machines, reports;
  gint64 bat[BAT_BUCKETS];
  gint64 ram_buy[N_TARGETS], ram_mb[N_TARGETS];
  gint64 ram_stuck, ssd_buy;
} Tally;

static void tally_clear(Tally *t)
{
  g_clear_pointer(&t->names, g_ptr_array_unref);
  g_clear_pointer(&t->editions, g_hash_table_unref);
  g_clear_pointer(&t->purchases, g_hash_table_unref);
  g_clear_pointer(&t->seen, g_hash_table_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(Tally, tally_clear)

static void tally_status(Tally *t, const char *edition, char status)
{
  EditionCounts *c = g_hash_table_lookup(t->editions, edition);
  if (c == NULL) {
    c = g_new0(EditionCounts, 1);
    g_hash_table_insert(t->editions, g_strdup(edition), c);
  }
  c->counts[verdict_index(status)]++;
}

static void tally_purchase(Tally *t, const char *edition, const char *fix)
{
  Purchase *pu = g_hash_table_lookup(t->purchases, fix);
  if (pu == NULL) {
    pu = g_new0(Purchase, 1);
    pu->fix = g_strdup(fix);
    pu->editions = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    g_hash_table_insert(t->purchases, pu->fix, pu);
  }
  if (g_hash_table_add(t->seen, pu->fix))  /* count each machine once per purchase */
    pu->machines++;
  gint64 *cnt = g_hash_table_lookup(pu->editions, edition);
  if (cnt == NULL) {
    cnt = g_new0(gint64, 1);
    g_hash_table_insert(pu->editions, g_strdup(edition), cnt);
  }
  (*cnt)++;
}

/* One machine's stored verdicts (fleet-private.h: letters, then "|idx:fix,..."). */
static void tally_verdicts(Tally *t, const char *verdicts)
{
  g_hash_table_remove_all(t->seen);
  const char *bar = strchr(verdicts, '|');
  gsize n_status = bar ? (gsize)(bar - verdicts) : strlen(verdicts);
  for (gsize i = 0; i < n_status && i < t->names->len; i++)
    if (verdicts[i] != '-')
      tally_status(t, t->names->pdata[i], verdicts[i]);
  g_auto(GStrv) fixes = bar ? g_strsplit(bar + 1, ",", -1) : NULL;
  for (char **p = fixes; p && *p; p++) {
    char *fix = strchr(*p, ':');
    if (fix == NULL)
      continue;
    *fix++ = '\0';
    guint64 idx = g_ascii_strtoull(*p, NULL, 10);
    if (idx < t->names->len)
      tally_purchase(t, t->names->pdata[idx], fix);
  }
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
  if (inst >= ram_targets[0] * 98 / 100)
    return;
  gsize k = 0;
  while (k < N_TARGETS && !(max >= ram_targets[k] && inst < ram_targets[k]))
    k++;
  if (soldered || k == N_TARGETS) {
    t->ram_stuck++;
  } else {
    t->ram_buy[k]++;
    t->ram_mb[k] += ram_targets[k] - inst;
  }
}

/* Columns of the query in lf_fleet_report. */
enum { C_VERDICTS, C_BAT_COUNT, C_BAT_HEALTH, C_RAM, C_RAM_MAX, C_SOLDERED, C_SSD, C_STORAGE,
       C_REPORTS };

static void tally_machine(Tally *t, LfStoreRows *st)
{
  t->machines++;
  t->reports = lf_store_int(st, C_REPORTS);
  const char *verdicts = lf_store_text(st, C_VERDICTS);
  if (verdicts)
    tally_verdicts(t, verdicts);
  tally_battery(t, st, C_BAT_COUNT, C_BAT_HEALTH);
  if (!lf_store_is_null(st, C_RAM))
    tally_ram(t, lf_store_int(st, C_RAM),
              lf_store_is_null(st, C_RAM_MAX) ? G_MAXINT64 : lf_store_int(st, C_RAM_MAX),
              !lf_store_is_null(st, C_SOLDERED) && lf_store_int(st, C_SOLDERED) == 1);
  if (!lf_store_is_null(st, C_SSD) && lf_store_int(st, C_SSD) == 0 &&
      lf_store_int(st, C_STORAGE) > 0)
    t->ssd_buy++;
}

static gboolean tally_fleet(LfFleet *f, Tally *t, GError **error)
{
  t->names = edition_names(f, error);
  if (t->names == NULL)
    return FALSE;
  t->editions = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  t->purchases = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, (GDestroyNotify)purchase_free);
  t->seen = g_hash_table_new(g_str_hash, g_str_equal);
  LfStoreRows *st = lf_store_query(f->store,
      "SELECT r.verdicts, r.battery_count, r.battery_health_pct, r.ram_installed_mb, "
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
  Buy buys[N_TARGETS + 1];
  guint nb = 0;
  for (gsize k = 0; k < N_TARGETS; k++)
    if (t->ram_buy[k])
      buys[nb++] = (Buy){ "ram", ram_targets[k], t->ram_buy[k], t->ram_mb[k] };
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
