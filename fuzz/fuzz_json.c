/* SPDX-License-Identifier: GPL-2.0-or-later */
/* #13: whole reports and tuner journals through the one JSON loader
 * (lf_json_parse: size and depth checked before json-glib recurses), then the
 * report and journal readers on top of it. The seed corpus holds deep nesting,
 * '...' strings and comments that hide brackets from a naive scanner, and wide
 * reports at and over the list limits (wide-2048: 2048 entries, wide-513). */
#include "fuzz.h"

#include "core/json-load.h"
#include "core/report-json.h"
#include "tune/tune.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  const char *text = (const char *)data;
  g_autoptr(JsonNode) node = lf_json_parse(text, (gssize)size, NULL);
  g_autoptr(LfReport) report = lf_report_from_json(text, (gssize)size, NULL);
  g_assert(report == NULL || node != NULL);
  g_autoptr(LfJournal) journal = NULL;
  if (!lf_journal_parse("fuzz", text, size, &journal, NULL))
    g_assert(journal == NULL);
  return 0;
}
