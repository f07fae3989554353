/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Exports of one report: the CSV/fleet summary row, GLPI inventory JSON, OCS
 * Inventory XML, and submission to an OCS server. Machine-readable: nothing
 * here is translated and every number is C-locale.
 *
 * Private fields (serials, UUID, MACs, host name) are written when the report
 * holds them; call lf_report_anonymize() first for --anonymize. */
#pragma once
#include <json-glib/json-glib.h>

#include "core/report.h"

typedef enum {
  LF_COLUMN_STRING,
  LF_COLUMN_INT,
  LF_COLUMN_NUMBER,
  LF_COLUMN_BOOL,
} LfColumnType;

typedef struct {
  const char *name;
  LfColumnType type;
} LfColumn;

/* The stable CSV column list (README "CSV columns"): new columns are only
 * ever appended. transfer none; *n_columns set. */
const LfColumn *lf_summary_columns(guint *n_columns);

/* One value per column, in column order: a JsonNode of the column's type or
 * JSON null when unknown. transfer full (array of JsonNode, free func set). */
GPtrArray *lf_report_summary(const LfReport *report);

/* The chassis class as GLPI and OCS name it ("Notebook", "Virtual Machine"),
 * or NULL when unknown. transfer none. */
const char *lf_export_chassis_name(const char *chassis);

/* RFC 4180: header line, then one line per row, CRLF line ends. Values
 * containing a comma, quote, CR or LF are quoted, quotes doubled. */
void lf_csv_append_header(GString *out);
void lf_csv_append_row(GString *out, GPtrArray *summary);
/* A JSON value (string/int/double/bool/null) as a CSV field, unquoted. */
char *lf_csv_value(JsonNode *value);

/* GLPI native inventory JSON (schema github.com/glpi-project/inventory_format).
 * transfer full. */
char *lf_export_glpi(const LfReport *report);

/* An OCS Inventory NG INVENTORY request (server 2.x Map.pm field names), with
 * @device_id as DEVICEID. transfer full. */
char *lf_export_ocs(const LfReport *report, const char *device_id);
/* The OCS DEVICEID for a report: "<name>-<generated as YYYY-MM-DD-HH-MM-SS>"
 * like the OCS agents, with the host name (or machine id) as name. */
char *lf_ocs_device_id(const LfReport *report);

/* Posts PROLOG then INVENTORY to an OCS server the way OCS agents do
 * (zlib-compressed XML, Content-Type application/x-compress, User-Agent
 * "lapfit_v<version>"). Fails unless the server answers SEND then
 * NO_ACCOUNT_UPDATE (or ACCOUNT_UPDATE). */
gboolean lf_ocs_submit(const char *url, const char *device_id, const char *inventory_xml,
                       GError **error);
