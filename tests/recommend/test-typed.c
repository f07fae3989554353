/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The recommender's typed result (issues #10 and #14): one RAM target for the
 * rule, its advice and the fleet (lf_ram_target), and advice that carries its
 * target as numbers that agree with its sentence and with the JSON. Table-driven
 * over every fixture report and every use. */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "core/report-json.h"
#include "recommend/recommend.h"

static LfDistroTable *table;
static GPtrArray *fixtures;

static void collect(const char *dir, const char *suffix)
{
  g_autofree char *path = g_build_filename(LF_TEST_FIXTURES, dir, NULL);
  g_autoptr(GDir) d = g_dir_open(path, 0, NULL);
  g_assert_nonnull(d);
  const char *n;
  while ((n = g_dir_read_name(d)) != NULL) {
    g_autofree char *p = g_build_filename(path, n, suffix, NULL);
    if (g_str_has_suffix(p, ".json") && g_file_test(p, G_FILE_TEST_IS_REGULAR))
      g_ptr_array_add(fixtures, g_steal_pointer(&p));
  }
}

static LfRecommendation *run(const char *path, LfUse use, LfReport **report_out)
{
  g_autoptr(GError) error = NULL;
  LfReport *r = lf_report_load(path, &error);
  g_assert_no_error(error);
  LfRecommendOptions opts;
  lf_recommend_options_init(&opts);
  g_date_set_dmy(&opts.today, 5, G_DATE_DECEMBER, 2026);
  opts.use = use;
  opts.include_eol = TRUE;
  *report_out = r;
  return lf_recommend(r, table, &opts);
}

static const LfReason *reason_of(const LfVerdict *v, const char *check)
{
  for (guint i = 0; i < v->reasons->len; i++)
    if (g_str_equal(((LfReason *)v->reasons->pdata[i])->check, check))
      return v->reasons->pdata[i];
  return NULL;
}

/* The RAM reason agrees with the one target: PASS at or above it, WARN or FAIL below. */
static void check_ram_reason(const LfRecommendation *rec, const LfVerdict *v, const char *path)
{
  const LfReason *r = reason_of(v, "ram");
  gint64 target = lf_ram_target(v->edition, rec->use);
  if (r == NULL || r->status == LF_STATUS_INFO || !g_str_equal(rec->ram_basis, "installed"))
    return;
  gboolean enough = rec->ram_installed_mb >= target;
  if (enough != (r->status == LF_STATUS_PASS))
    g_error("%s %s (%s): RAM %" G_GINT64_FORMAT " MB, target %" G_GINT64_FORMAT
            " MB, but the reason is %s: %s", path, v->edition->id, lf_use_to_string(rec->use),
            rec->ram_installed_mb, target, lf_status_to_string(r->status), r->message);
}

/* What a fix aims at, for each kind: set where it applies, unknown elsewhere. */
static void check_advice(const LfRecommendation *rec, const LfVerdict *v, const LfAdvice *a,
                         const char *path)
{
  gboolean ram = g_str_equal(a->kind, "ram") || g_str_equal(a->kind, "ram+ssd");
  gboolean vm = g_str_equal(a->kind, "vm-memory");
  if (ram || vm)
    g_assert_cmpint(a->target_mb, ==, lf_ram_target(v->edition, rec->use));
  else
    g_assert_false(lf_known_int(a->target_mb));
  if (ram) {
    g_assert_cmpint(a->total_mb, >=, a->target_mb);
    g_assert_true(lf_known_int(a->module_mb) == lf_known_int(a->modules));
    if (lf_known_int(a->modules) && a->modules > 1)   /* every slot: the total is the modules */
      g_assert_cmpint(a->total_mb, ==, a->module_mb * a->modules);
    if (lf_known_int(a->modules))
      g_assert_true(a->modules >= 1 && a->module_mb >= 512);
  } else {
    g_assert_false(lf_known_int(a->total_mb) || lf_known_int(a->module_mb) ||
                   lf_known_int(a->modules));
  }
  if (g_str_equal(a->kind, "disk"))
    g_assert_cmpfloat(a->disk_gb, ==, v->edition->disk_min_gb);
  else
    g_assert_true(isnan(a->disk_gb));
  if ((a->edition_id != NULL) != g_str_equal(a->kind, "edition"))
    g_error("%s %s: advice %s with edition %s", path, v->edition->id, a->kind,
            a->edition_id ? a->edition_id : "(none)");
}

/* The JSON carries the same numbers under the new keys; the old keys are still there. */
static void check_json(const LfVerdict *v)
{
  g_autoptr(JsonNode) node = lf_verdict_to_json(v);
  JsonArray *advice = json_object_get_array_member(json_node_get_object(node), "advice");
  g_assert_cmpuint(json_array_get_length(advice), ==, v->advice->len);
  for (guint i = 0; i < v->advice->len; i++) {
    const LfAdvice *a = v->advice->pdata[i];
    JsonObject *o = json_array_get_object_element(advice, i);
    static const char *const old_keys[] = { "kind", "cost", "edition", "message" };
    for (gsize k = 0; k < G_N_ELEMENTS(old_keys); k++)
      g_assert_true(json_object_has_member(o, old_keys[k]));
    const struct { const char *key; gint64 value; } ints[] = {
      { "target_mb", a->target_mb }, { "total_mb", a->total_mb },
      { "module_mb", a->module_mb }, { "modules", a->modules },
    };
    for (gsize k = 0; k < G_N_ELEMENTS(ints); k++) {
      JsonNode *m = json_object_get_member(o, ints[k].key);
      g_assert_nonnull(m);
      if (lf_known_int(ints[k].value))
        g_assert_cmpint(json_node_get_int(m), ==, ints[k].value);
      else
        g_assert_true(JSON_NODE_HOLDS_NULL(m));
    }
    JsonNode *d = json_object_get_member(o, "disk_gb");
    g_assert_nonnull(d);
    g_assert_true(isnan(a->disk_gb) ? JSON_NODE_HOLDS_NULL(d)
                                    : json_node_get_double(d) == a->disk_gb);
  }
}

static void test_every_fixture(void)
{
  static const LfUse uses[] = { LF_USE_DESKTOP, LF_USE_SERVER, LF_USE_KIOSK };
  guint ram_fixes = 0;
  for (guint f = 0; f < fixtures->len; f++)
    for (gsize u = 0; u < G_N_ELEMENTS(uses); u++) {
      const char *path = fixtures->pdata[f];
      g_autoptr(LfReport) r = NULL;
      g_autoptr(LfRecommendation) rec = run(path, uses[u], &r);
      for (guint i = 0; i < rec->verdicts->len; i++) {
        const LfVerdict *v = rec->verdicts->pdata[i];
        check_ram_reason(rec, v, path);
        for (guint k = 0; k < v->advice->len; k++) {
          const LfAdvice *a = v->advice->pdata[k];
          check_advice(rec, v, a, path);
          ram_fixes += g_str_has_prefix(a->kind, "ram");
        }
        check_json(v);
      }
    }
  g_assert_cmpuint(ram_fixes, >, 0);   /* the fixtures do exercise RAM advice */
}

/* Known machines: the numbers of the fix, not only its sentence. */
static void test_known_targets(void)
{
  static const struct {
    const char *fixture, *edition, *kind;
    LfUse use;
    gint64 target_mb, total_mb, module_mb, modules;
  } cases[] = {
    /* 2 x 1 GB on a 4 GB board with a hard disk: 2 x 2 GB and an SSD */
    { "reports/recommend/core2duo-2008.json", "ubuntu-24.04", "ram+ssd", LF_USE_DESKTOP,
      4096, 4096, 2048, 2 },
    /* Ubuntu publishes only a recommended figure: a server is judged against it too */
    { "reports/recommend/core2duo-2008.json", "ubuntu-24.04", "ram", LF_USE_SERVER,
      4096, 4096, 2048, 2 },
  };
  for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
    g_autofree char *path = g_build_filename(LF_TEST_FIXTURES, cases[i].fixture, NULL);
    g_autoptr(LfReport) r = NULL;
    g_autoptr(LfRecommendation) rec = run(path, cases[i].use, &r);
    const LfAdvice *found = NULL;
    for (guint k = 0; k < rec->verdicts->len && !found; k++) {
      const LfVerdict *v = rec->verdicts->pdata[k];
      for (guint j = 0; g_str_equal(v->edition->id, cases[i].edition) && j < v->advice->len; j++)
        if (g_str_equal(((LfAdvice *)v->advice->pdata[j])->kind, cases[i].kind))
          found = v->advice->pdata[j];
    }
    if (found == NULL)
      g_error("%s %s: no %s advice", cases[i].fixture, cases[i].edition, cases[i].kind);
    g_assert_cmpint(found->target_mb, ==, cases[i].target_mb);
    g_assert_cmpint(found->total_mb, ==, cases[i].total_mb);
    g_assert_cmpint(found->module_mb, ==, cases[i].module_mb);
    g_assert_cmpint(found->modules, ==, cases[i].modules);
  }
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_autoptr(GError) error = NULL;
  table = lf_distro_table_load(NULL, &error);
  g_assert_no_error(error);
  fixtures = g_ptr_array_new_with_free_func(g_free);
  collect("reports/recommend", NULL);
  collect("reports", NULL);
  collect("machines", "expected.json");
  g_assert_cmpuint(fixtures->len, >=, 25);
  g_test_add_func("/typed/every-fixture", test_every_fixture);
  g_test_add_func("/typed/known-targets", test_known_targets);
  int rc = g_test_run();
  g_ptr_array_unref(fixtures);
  lf_distro_table_free(table);
  return rc;
}
