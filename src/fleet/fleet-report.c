/* SPDX-License-Identifier: GPL-2.0-or-later */
/* `fleet report`: what a fleet owner asks first. Computed from each machine's
 * latest report only, in one pass over the summary columns. */
#include <glib/gi18n.h>
#include <string.h>

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

JsonNode *lf_fleet_report(LfFleet *f, GError **error)
{
  g_autoptr(GPtrArray) names = edition_names(f, error);
  if (names == NULL)
    return NULL;
  LfStoreRows *st = lf_store_query(f->store,
      "SELECT r.verdicts, r.battery_count, r.battery_health_pct, r.ram_installed_mb, "
      "r.ram_max_mb, r.ram_soldered, r.ssd, r.storage_count, "
      "(SELECT COUNT(*) FROM reports) FROM machines m JOIN reports r ON r.id = m.latest_report",
      NULL, 0, error);
  if (st == NULL)
    return NULL;
  g_autoptr(GHashTable) editions = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) purchases =
      g_hash_table_new_full(g_str_hash, g_str_equal, NULL, (GDestroyNotify)purchase_free);
  g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
  gint64 machines = 0, reports = 0;
  /* battery buckets: >=80, 60-80, 40-60, <40, none, unknown */
  gint64 bat[6] = { 0 };
  gint64 ram_buy[G_N_ELEMENTS(ram_targets)] = { 0 }, ram_mb[G_N_ELEMENTS(ram_targets)] = { 0 };
  gint64 ram_stuck = 0, ssd_buy = 0;
  while (lf_store_next(st)) {
    machines++;
    reports = lf_store_int(st, 8);
    const char *verdicts = lf_store_text(st, 0);
    if (verdicts) {
      g_hash_table_remove_all(seen);
      const char *bar = strchr(verdicts, '|');
      gsize n_status = bar ? (gsize)(bar - verdicts) : strlen(verdicts);
      for (gsize i = 0; i < n_status && i < names->len; i++) {
        if (verdicts[i] == '-')
          continue;
        EditionCounts *c = g_hash_table_lookup(editions, names->pdata[i]);
        if (c == NULL) {
          c = g_new0(EditionCounts, 1);
          g_hash_table_insert(editions, g_strdup(names->pdata[i]), c);
        }
        c->counts[verdict_index(verdicts[i])]++;
      }
      g_auto(GStrv) fixes = bar ? g_strsplit(bar + 1, ",", -1) : NULL;
      for (char **p = fixes; p && *p; p++) {
        char *fix = strchr(*p, ':');
        if (fix == NULL)
          continue;
        *fix++ = '\0';
        guint64 idx = g_ascii_strtoull(*p, NULL, 10);
        if (idx >= names->len)
          continue;
        Purchase *pu = g_hash_table_lookup(purchases, fix);
        if (pu == NULL) {
          pu = g_new0(Purchase, 1);
          pu->fix = g_strdup(fix);
          pu->editions = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
          g_hash_table_insert(purchases, pu->fix, pu);
        }
        if (g_hash_table_add(seen, pu->fix))  /* count each machine once per purchase */
          pu->machines++;
        gint64 *cnt = g_hash_table_lookup(pu->editions, names->pdata[idx]);
        if (cnt == NULL) {
          cnt = g_new0(gint64, 1);
          g_hash_table_insert(pu->editions, g_strdup(names->pdata[idx]), cnt);
        }
        (*cnt)++;
      }
    }
    if (!lf_store_is_null(st, 1) && lf_store_int(st, 1) == 0)
      bat[4]++;
    else if (lf_store_is_null(st, 2))
      bat[5]++;
    else {
      double h = lf_store_double(st, 2);
      bat[h >= 80 ? 0 : h >= 60 ? 1 : h >= 40 ? 2 : 3]++;
    }
    /* RAM: the next usual step above what is installed, if the board takes it */
    if (!lf_store_is_null(st, 3)) {
      gint64 inst = lf_store_int(st, 3);
      gboolean soldered = !lf_store_is_null(st, 5) && lf_store_int(st, 5) == 1;
      gint64 max = lf_store_is_null(st, 4) ? G_MAXINT64 : lf_store_int(st, 4);
      if (inst < ram_targets[0] * 98 / 100) {
        gsize t = 0;
        while (t < G_N_ELEMENTS(ram_targets) && !(max >= ram_targets[t] && inst < ram_targets[t]))
          t++;
        if (soldered || t == G_N_ELEMENTS(ram_targets))
          ram_stuck++;
        else {
          ram_buy[t]++;
          ram_mb[t] += ram_targets[t] - inst;
        }
      }
    }
    if (!lf_store_is_null(st, 6) && lf_store_int(st, 6) == 0 && lf_store_int(st, 7) > 0)
      ssd_buy++;
  }
  if (!lf_store_finish(st, error))
    return NULL;

  g_autoptr(JsonBuilder) b = json_builder_new_immutable();
  json_builder_begin_object(b);
  json_builder_set_member_name(b, "machines");
  json_builder_add_int_value(b, machines);
  json_builder_set_member_name(b, "reports");
  json_builder_add_int_value(b, reports);

  json_builder_set_member_name(b, "editions");
  json_builder_begin_array(b);
  g_autoptr(GList) keys = g_list_sort(g_hash_table_get_keys(editions), (GCompareFunc)strcmp);
  static const char *const status_keys[] = { "pass", "warn", "fail", "unknown" };
  for (GList *l = keys; l; l = l->next) {
    EditionCounts *c = g_hash_table_lookup(editions, l->data);
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "edition");
    json_builder_add_string_value(b, l->data);
    for (int i = 0; i < 4; i++) {
      json_builder_set_member_name(b, status_keys[i]);
      json_builder_add_int_value(b, c->counts[i]);
    }
    json_builder_end_object(b);
  }
  json_builder_end_array(b);

  static const char *const buckets[] = { "80-100", "60-80", "40-60", "0-40", "none", "unknown" };
  json_builder_set_member_name(b, "battery_health");
  json_builder_begin_array(b);
  for (int i = 0; i < 6; i++) {
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "health_pct");
    json_builder_add_string_value(b, buckets[i]);
    json_builder_set_member_name(b, "machines");
    json_builder_add_int_value(b, bat[i]);
    json_builder_end_object(b);
  }
  json_builder_end_array(b);

  /* Shopping list, most machines first. */
  typedef struct {
    const char *item;
    gint64 to_mb, machines, total_mb;
  } Buy;
  Buy buys[G_N_ELEMENTS(ram_targets) + 1];
  guint nb = 0;
  for (gsize t = 0; t < G_N_ELEMENTS(ram_targets); t++)
    if (ram_buy[t])
      buys[nb++] = (Buy){ "ram", ram_targets[t], ram_buy[t], ram_mb[t] };
  if (ssd_buy)
    buys[nb++] = (Buy){ "ssd", 0, ssd_buy, 0 };
  for (guint i = 1; i < nb; i++)  /* insertion sort: stable, tiny */
    for (guint j = i; j > 0 && buys[j].machines > buys[j - 1].machines; j--) {
      Buy tmp = buys[j];
      buys[j] = buys[j - 1];
      buys[j - 1] = tmp;
    }
  /* What parts would turn WARN/FAIL verdicts into PASS, most machines first. */
  json_builder_set_member_name(b, "shopping_list");
  json_builder_begin_array(b);
  g_autoptr(GPtrArray) plist = g_ptr_array_new();
  GHashTableIter pit;
  gpointer pv;
  g_hash_table_iter_init(&pit, purchases);
  while (g_hash_table_iter_next(&pit, NULL, &pv))
    g_ptr_array_add(plist, pv);
  g_ptr_array_sort(plist, purchase_cmp);
  for (guint i = 0; i < plist->len && i < 10; i++) {
    Purchase *pu = plist->pdata[i];
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "purchase");
    json_builder_add_string_value(b, pu->fix);
    json_builder_set_member_name(b, "machines");
    json_builder_add_int_value(b, pu->machines);
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
      json_builder_set_member_name(b, "edition");
      json_builder_add_string_value(b, g_array_index(counts, Count, c).key);
      json_builder_set_member_name(b, "machines");
      json_builder_add_int_value(b, g_array_index(counts, Count, c).n);
      json_builder_end_object(b);
    }
    json_builder_end_array(b);
    json_builder_end_object(b);
  }
  json_builder_end_array(b);

  /* Without verdicts too: RAM to 4 GB (2 GB) where the board takes it, SSDs. */
  json_builder_set_member_name(b, "hardware_upgrades");
  json_builder_begin_array(b);
  for (guint i = 0; i < nb; i++) {
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "item");
    json_builder_add_string_value(b, buys[i].item);
    json_builder_set_member_name(b, "machines");
    json_builder_add_int_value(b, buys[i].machines);
    if (g_str_equal(buys[i].item, "ram")) {
      json_builder_set_member_name(b, "to_mb");
      json_builder_add_int_value(b, buys[i].to_mb);
      json_builder_set_member_name(b, "total_added_mb");
      json_builder_add_int_value(b, buys[i].total_mb);
    }
    json_builder_end_object(b);
  }
  json_builder_end_array(b);
  json_builder_set_member_name(b, "ram_not_upgradable");
  json_builder_add_int_value(b, ram_stuck);
  json_builder_end_object(b);
  return json_builder_get_root(b);
}
