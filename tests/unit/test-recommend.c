/* The recommender over hand-written reports of the fixture machines, the
 * embedded requirements table, and hostile reports. */
#include <glib.h>
#include <string.h>

#include "core/error.h"
#include "core/report-json.h"
#include "recommend/recommend.h"

static LfDistroTable *table;

static LfReport *load_fixture(const char *name)
{
  g_autofree char *path = g_strdup_printf("%s/recommend/%s.json", LF_TEST_FIXTURES, name);
  g_autoptr(GError) error = NULL;
  LfReport *r = lf_report_load(path, &error);
  g_assert_no_error(error);
  return r;
}

static void options(LfRecommendOptions *opts)
{
  lf_recommend_options_init(opts);
  g_date_set_dmy(&opts->today, 27, G_DATE_NOVEMBER, 2026);
}

/* One expectation: machine x edition -> status, and a reason of `check` whose English
 * message contains `needle` (NULL: any). */
typedef struct {
  const char *machine, *edition;
  LfStatus status;
  const char *check, *needle;
} Case;

static const Case cases[] = {
  /* 2005 Pentium M, 512 MB, BIOS, 32-bit with PAE */
  { "pentium-m-2005", "lubuntu-26.04", LF_STATUS_FAIL, "arch", "64-bit only" },
  { "pentium-m-2005", "lubuntu-18.04-i386", LF_STATUS_WARN, "ram", "only for that basic use" },
  { "pentium-m-2005", "lubuntu-18.04-i386", LF_STATUS_WARN, "ram", "512 MB installed" },
  { "pentium-m-2005", "lubuntu-18.04", LF_STATUS_FAIL, "arch", "32-bit only" },
  { "pentium-m-2005", "ubuntu-mate-26.04", LF_STATUS_FAIL, "installer", "No installer image" },
};

static void test_cases(void)
{
  for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
    const Case *c = &cases[i];
    g_autoptr(LfReport) report = load_fixture(c->machine);
    LfRecommendOptions opts;
    options(&opts);
    g_autoptr(LfRecommendation) rec = NULL;
    g_autoptr(GError) error = NULL;
    const LfVerdict *v = lf_recommend_one(report, table, &opts, c->edition, &rec, &error);
    g_assert_no_error(error);
    g_assert_nonnull(v);
    gboolean found = FALSE;
    for (guint j = 0; j < v->reasons->len; j++) {
      const LfReason *r = v->reasons->pdata[j];
      if (g_str_equal(r->check, c->check) && (!c->needle || strstr(r->message, c->needle)))
        found = TRUE;
    }
    if (v->status != c->status || !found) {
      g_autoptr(JsonNode) node = lf_verdict_to_json(v);
      g_autofree char *text = lf_json_to_text(node, LF_JSON_PRETTY);
      g_printerr("case %s x %s: want %s with %s \"%s\", got:\n%s\n", c->machine, c->edition,
                 lf_status_to_string(c->status), c->check, c->needle ? c->needle : "",
                 text);
    }
    g_assert_cmpstr(lf_status_to_string(v->status), ==, lf_status_to_string(c->status));
    g_assert_true(found);
  }
}

static void test_unknown_id(void)
{
  g_autoptr(LfReport) report = lf_report_new();
  LfRecommendOptions opts;
  options(&opts);
  g_autoptr(LfRecommendation) rec = NULL;
  g_autoptr(GError) error = NULL;
  g_assert_null(lf_recommend_one(report, table, &opts, "no-such-distro", &rec, &error));
  g_assert_error(error, LF_ERROR, LF_ERROR_NOT_FOUND);
  g_assert_null(rec);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_autoptr(GError) error = NULL;
  table = lf_distro_table_load(NULL, &error);
  g_assert_no_error(error);
  g_test_add_func("/recommend/cases", test_cases);
  g_test_add_func("/recommend/unknown-id", test_unknown_id);
  int rc = g_test_run();
  lf_distro_table_free(table);
  return rc;
}
