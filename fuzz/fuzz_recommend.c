/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Report JSON -> verdicts -> verdict JSON: any input either fails to parse with
 * an error or gets a verdict for every edition; never a crash. */
#include "fuzz.h"

#include "core/report-json.h"
#include "recommend/recommend.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  static LfDistroTable *table;   /* loaded once: reachable, not a leak */
  if (table == NULL) {
    table = lf_distro_table_load(NULL, NULL);
    if (table == NULL)
      abort();
  }
  GError *error = NULL;
  LfReport *report = lf_report_from_json((const char *)data, (gssize)size, &error);
  if (report == NULL) {
    if (error == NULL)
      abort();
    g_error_free(error);
    return 0;
  }
  LfRecommendOptions opts;
  lf_recommend_options_init(&opts);
  g_date_set_dmy(&opts.today, 27, G_DATE_NOVEMBER, 2026);
  opts.include_eol = (size & 1) != 0;
  opts.use = (LfUse)(size % 3);
  LfRecommendation *rec = lf_recommend(report, table, &opts);
  JsonNode *node = lf_recommendation_to_json(rec);
  char *text = lf_json_to_text(node, LF_JSON_DEFAULT);
  g_free(text);
  json_node_unref(node);
  lf_recommendation_free(rec);
  lf_report_free(report);
  return 0;
}
