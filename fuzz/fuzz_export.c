/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Report JSON from a fleet -> every export format: lf_report_from_json, the
 * machine id, anonymisation, the CSV summary, GLPI JSON and OCS XML must
 * cope with any values a report file can hold (huge numbers, odd strings). */
#include "fuzz.h"

#include "core/report-json.h"
#include "export/export.h"
#include "core/machine-id.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  if (size > 1 << 20)
    return 0;
  g_autoptr(LfReport) r = lf_report_from_json((const char *)data, (gssize)size, NULL);
  if (r == NULL)
    return 0;
  for (int pass = 0; pass < 2; pass++) {
    if (pass == 0)
      lf_report_set_machine_id(r, NULL);
    else
      lf_report_anonymize(r, "fuzz-salt");
    g_autoptr(GString) csv = g_string_new(NULL);
    g_autoptr(GPtrArray) row = lf_report_summary(r);
    lf_csv_append_header(csv);
    lf_csv_append_row(csv, row);
    g_autofree char *glpi = lf_export_glpi(r);
    g_autofree char *device_id = lf_ocs_device_id(r);
    g_autofree char *ocs = lf_export_ocs(r, device_id);
    g_assert(glpi != NULL && ocs != NULL && csv->len > 0);
  }
  return 0;
}
