/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <glib/gi18n.h>
#include <inttypes.h>
#include <stdio.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/error.h"
#include "core/output.h"
#include "core/text.h"
#include "core/report-json.h"
#include "export/export.h"
#include "fleet/fleet.h"

typedef struct {
  char *db;
  gboolean json, quiet;
  char *format, *output;
} FleetOptions;

static void fleet_options_clear(FleetOptions *o)
{
  g_clear_pointer(&o->db, g_free);
  g_clear_pointer(&o->format, g_free);
  g_clear_pointer(&o->output, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(FleetOptions, fleet_options_clear)

static const char *const sub_usage =
    "  lapfit fleet import --db FILE|URI [--quiet] REPORT...|DIR\n"
    "  lapfit fleet list --db FILE|URI [--json]\n"
    "  lapfit fleet report --db FILE|URI [--json]\n"
    "  lapfit fleet diff --db FILE|URI MACHINE [--json]\n"
    "  lapfit fleet export --db FILE|URI --format csv|json [-o FILE] [--quiet]\n"
    "  (URI: postgresql://USER@HOST/DATABASE, as libpq takes it)\n";

/* Parses the options of `fleet SUB`; leaves positional arguments in argv. */
static gboolean parse(const char *sub, FleetOptions *o, int *argc, char ***argv, GError **error)
{
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &o->db,
      N_("The fleet database: an SQLite file or a postgresql:// URI"), N_("DB") },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &o->quiet, N_("Show no progress"), NULL },
    { "json", 'j', 0, G_OPTION_ARG_NONE, &o->json, N_("Print JSON"), NULL },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &o->format, N_("Export format: csv or json"),
      N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o->output, N_("Write to FILE instead of stdout"),
      N_("FILE") },
    G_OPTION_ENTRY_NULL,
  };
  g_autofree char *param = g_strdup_printf("%s …", sub);
  g_autoptr(GOptionContext) ctx = lf_cli_context_new(
      param, _("Collect and compare the reports of many machines in one database: an SQLite "
               "file, or a PostgreSQL server several benches share."), entries);
  if (!lf_cli_parse(ctx, argc, argv, error))
    return FALSE;
  if (o->db == NULL) {
    g_set_error(error, LF_ERROR, LF_ERROR_USAGE, _("fleet %s: --db FILE or --db URI is required"),
                sub);
    return FALSE;
  }
  return TRUE;
}

static void print_json(JsonNode *node)
{
  g_autofree char *text = lf_json_to_text(node, LF_JSON_PRETTY);
  printf("%s\n", text);
}

static const char *str_or(JsonObject *o, const char *key, const char *fallback)
{
  JsonNode *n = json_object_get_member(o, key);
  return n && JSON_NODE_HOLDS_VALUE(n) && json_node_get_value_type(n) == G_TYPE_STRING
             ? json_node_get_string(n)
             : fallback;
}

static char *value_text(JsonObject *o, const char *key)
{
  JsonNode *n = json_object_get_member(o, key);
  if (n == NULL || JSON_NODE_HOLDS_NULL(n))
    return g_strdup("-");
  return lf_csv_value(n);
}

/* A one-line progress report on stderr, redrawn, when stderr is a terminal. */
typedef struct {
  gboolean on;
  gint64 start, last;
} Progress;

static void progress_init(Progress *p, const FleetOptions *o)
{
  p->on = !o->quiet && isatty(STDERR_FILENO);
  p->start = g_get_monotonic_time();
  p->last = 0;
}

static void progress_show(Progress *p, guint64 done, guint64 total)
{
  gint64 now = g_get_monotonic_time();
  if (!p->on || (now - p->last < G_USEC_PER_SEC / 10 && done < total))
    return;
  p->last = now;
  double secs = (double)(now - p->start) / G_USEC_PER_SEC;
  double rate = secs > 0 ? (double)done / secs : 0;
  guint left = rate > 0 ? (guint)((double)(total - done) / rate + 0.5) : 0;
  /* TRANSLATORS: progress, redrawn in place: done, total, items per second, seconds left */
  fputs("\r\033[K", stderr);
  fprintf(stderr, _("%u of %u (%.0f per second, about %u s left)"), (guint)done, (guint)total,
          rate, left);
  fflush(stderr);
}

static void progress_end(Progress *p)
{
  if (p->on && p->last)
    fputs("\r\033[K", stderr);
}

static void import_progress(guint done, guint total, gpointer user_data)
{
  progress_show(user_data, done, total);
}

static int cmd_import(int argc, char **argv, FleetOptions *o, GError **error)
{
  if (argc < 2) {
    g_set_error(error, LF_ERROR, LF_ERROR_USAGE, _("fleet import: name report files or directories"));
    return LF_EXIT_USAGE;
  }
  g_autoptr(LfFleet) fleet = lf_fleet_open(o->db, error);
  if (fleet == NULL)
    return LF_EXIT_FAILURE;
  g_auto(LfFleetImportStats) stats = { 0 };
  Progress progress;
  progress_init(&progress, o);
  lf_fleet_set_progress(fleet, import_progress, &progress);
  gboolean ok = lf_fleet_import(fleet, (const char *const *)argv + 1, &stats, error);
  progress_end(&progress);
  for (guint i = 0; stats.skipped && i < stats.skipped->len; i++) {
    g_autofree char *why = lf_text_sanitize(stats.skipped->pdata[i]);
    /* TRANSLATORS: %s is "FILE: reason" */
    fprintf(stderr, _("lapfit: skipped %s\n"), why);
  }
  for (guint i = 0; stats.failed && i < stats.failed->len; i++) {
    g_autofree char *why = lf_text_sanitize(stats.failed->pdata[i]);
    /* TRANSLATORS: %s is "FILE: reason" */
    fprintf(stderr, _("lapfit: failed %s\n"), why);
  }
  guint failed = (stats.failed ? stats.failed->len : 0) + stats.unfinished;
  if (!ok) {  /* what was done before the database failed is stored */
    printf(_("Imported %u new reports, %u already present, %u skipped, %u failed.\n"),
           stats.imported, stats.duplicates, stats.skipped ? stats.skipped->len : 0, failed);
    return LF_EXIT_FAILURE;
  }
  if (o->json) {
    g_autoptr(JsonBuilder) b = json_builder_new_immutable();
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "imported");
    json_builder_add_int_value(b, stats.imported);
    json_builder_set_member_name(b, "duplicates");
    json_builder_add_int_value(b, stats.duplicates);
    json_builder_set_member_name(b, "skipped");
    json_builder_begin_array(b);
    for (guint i = 0; i < stats.skipped->len; i++)
      json_builder_add_string_value(b, stats.skipped->pdata[i]);
    json_builder_end_array(b);
    json_builder_set_member_name(b, "failed");
    json_builder_begin_array(b);
    for (guint i = 0; i < stats.failed->len; i++)
      json_builder_add_string_value(b, stats.failed->pdata[i]);
    json_builder_end_array(b);
    json_builder_end_object(b);
    g_autoptr(JsonNode) root = json_builder_get_root(b);
    print_json(root);
  } else {
    printf(_("Imported %u new reports, %u already present, %u skipped, %u failed.\n"),
           stats.imported, stats.duplicates, stats.skipped->len, failed);
  }
  /* 0: every file imported or already present; 1: a file failed, or nothing
   * was imported at all (README, "Exit codes"). */
  gboolean all = stats.skipped->len == 0 && failed == 0 && stats.imported + stats.duplicates > 0;
  return all ? LF_EXIT_OK : LF_EXIT_FAILURE;
}


typedef struct {
  FILE *out;
  gboolean json, first;
  GString *buf;
  Progress progress;
  guint64 done, total;
} ExportState;

static void export_row(GPtrArray *row, gint64 reports, gpointer user_data)
{
  ExportState *st = user_data;
  g_string_truncate(st->buf, 0);
  if (st->json) {
    g_autoptr(JsonNode) node = lf_fleet_machine_to_json(row, reports);
    g_autofree char *text = lf_json_to_text(node, LF_JSON_DEFAULT);
    g_string_append_printf(st->buf, "%s\n  %s", st->first ? "" : ",", text);
  } else {
    lf_csv_append_row(st->buf, row);
  }
  st->first = FALSE;
  fwrite(st->buf->str, 1, st->buf->len, st->out);
  progress_show(&st->progress, ++st->done, st->total);
}

static int cmd_export(FleetOptions *o, GError **error)
{
  const char *format = o->format ? o->format : "csv";
  if (!g_str_equal(format, "csv") && !g_str_equal(format, "json")) {
    g_set_error(error, LF_ERROR, LF_ERROR_USAGE, _("unknown format '%s' (choose csv or json)"),
                format);
    return LF_EXIT_USAGE;
  }
  g_autoptr(LfFleet) fleet = lf_fleet_open(o->db, error);
  if (fleet == NULL)
    return LF_EXIT_FAILURE;
  /* Streamed row by row (into a temporary file renamed at the end, for a
   * regular file): a fleet of any size in constant memory, and no
   * half-written export on failure. */
  g_autoptr(LfOutput) output = lf_output_open(o->output, error);
  if (output == NULL)
    return LF_EXIT_FAILURE;
  FILE *out = lf_output_stream(output);
  g_autoptr(GString) buf = g_string_new(NULL);
  ExportState st = { out, g_str_equal(format, "json"), TRUE, buf, { 0 }, 0, 0 };
  gint64 machines = 0;
  progress_init(&st.progress, o);
  gboolean to_stdout = o->output == NULL || g_str_equal(o->output, "-");
  if (to_stdout && isatty(STDOUT_FILENO))  /* the export itself is on the terminal */
    st.progress.on = FALSE;
  if (st.progress.on && lf_fleet_count(fleet, &machines, NULL))
    st.total = (guint64)machines;
  else
    st.progress.on = FALSE;
  if (st.json)
    fputs("[", out);
  else {
    lf_csv_append_header(buf);
    fwrite(buf->str, 1, buf->len, out);
  }
  gboolean ok = lf_fleet_foreach_machine(fleet, export_row, &st, error);
  progress_end(&st.progress);
  if (st.json)
    fputs(st.first ? "]\n" : "\n]\n", out);
  if (ok)
    ok = lf_output_commit(output, error);
  return ok ? LF_EXIT_OK : LF_EXIT_FAILURE;
}

static void list_row(GPtrArray *row, gint64 reports, gpointer user_data)
{
  g_autoptr(JsonNode) node = lf_fleet_machine_to_json(row, reports);
  JsonObject *r = json_node_get_object(node);
  g_autofree char *model = g_strdup_printf("%s %s", str_or(r, "vendor", "?"),
                                           str_or(r, "product", "?"));
  g_autofree char *ram = value_text(r, "ram_installed_mb");
  g_autofree char *gb = value_text(r, "storage_total_gb");
  g_autofree char *kinds = value_text(r, "storage_kinds");
  g_autofree char *storage = g_strdup_printf("%s GB %s", gb, kinds);
  g_autofree char *health = value_text(r, "battery_health_pct");
  g_autofree char *bat = g_str_equal(health, "-") ? g_strdup("-") : g_strdup_printf("%s%%", health);
  /* Columns by display width, sanitised before cutting: never half an escape. */
  g_autofree char *id = lf_text_fit(str_or(r, "machine_id", "?"), 35);
  g_autofree char *host = lf_text_fit(str_or(r, "hostname", "-"), 20);
  g_autofree char *mod = lf_text_fit(model, 28);
  printf("%s %s %s %8s %10s %8s %7" PRId64 "\n", id, host, mod, ram, storage, bat,
         json_object_get_int_member(r, "reports"));
}

static int cmd_list(FleetOptions *o, GError **error)
{
  g_autoptr(LfFleet) fleet = lf_fleet_open(o->db, error);
  if (fleet == NULL)
    return LF_EXIT_FAILURE;
  if (o->json) {  /* streamed like `fleet export --format json` */
    g_autoptr(GString) buf = g_string_new(NULL);
    ExportState st = { stdout, TRUE, TRUE, buf, { 0 }, 0, 0 };
    fputs("[", stdout);
    gboolean ok = lf_fleet_foreach_machine(fleet, export_row, &st, error);
    fputs(st.first ? "]\n" : "\n]\n", stdout);
    return ok ? LF_EXIT_OK : LF_EXIT_FAILURE;
  }
  printf("%-35s %-20s %-28s %8s %10s %8s %7s\n", _("MACHINE"), _("HOST"), _("MODEL"), _("RAM MB"),
         _("STORAGE"), _("BATTERY"), _("REPORTS"));
  return lf_fleet_foreach_machine(fleet, list_row, NULL, error) ? LF_EXIT_OK : LF_EXIT_FAILURE;
}

/* Prints one indented line and frees it. */
static void put(char *line)
{
  printf("  %s\n", line);
  g_free(line);
}

static gint64 int_member(JsonObject *o, const char *key)
{
  JsonNode *n = json_object_get_member(o, key);
  return n && JSON_NODE_HOLDS_VALUE(n) ? json_node_get_int(n) : 0;
}

/* A purchase as people read it: "RAM to 4 GB and an SSD" (translated). transfer full. */
static char *purchase_text(const LfFleetPurchase *p)
{
  g_autofree char *ram = NULL;
  if (g_str_has_prefix(p->fix, "ram") && lf_known_int(p->ram_mb)) {
    if (p->ram_mb >= 1024 && p->ram_mb % 1024 == 0)
      ram = g_strdup_printf(_("RAM to %" PRId64 " GB"), p->ram_mb / 1024);
    else
      ram = g_strdup_printf(_("RAM to %" PRId64 " MB"), p->ram_mb);
  }
  gboolean ssd = g_str_has_suffix(p->fix, "ssd");
  if (ram && ssd)
    /* TRANSLATORS: %s is "RAM to 4 GB" */
    return g_strdup_printf(_("%s and an SSD"), ram);
  return ram ? g_steal_pointer(&ram)
             : g_strdup(ssd ? _("an SSD instead of the hard disk") : p->fix);
}

static void print_editions(const LfFleetSummary *s)
{
  printf("\n%s\n", _("Distribution editions (latest report of each machine):"));
  if (s->editions->len == 0)
    printf("  %s\n", _("no verdicts stored (reports were imported without the recommender)"));
  else
    printf("  %-28s %8s %8s %8s %8s\n", _("EDITION"), "PASS", "WARN", "FAIL", _("UNKNOWN"));
  for (guint i = 0; i < s->editions->len; i++) {
    const LfFleetEditionCounts *e = s->editions->pdata[i];
    printf("  %-28s %8" PRId64 " %8" PRId64 " %8" PRId64 " %8" PRId64 "\n", e->edition,
           e->counts[0], e->counts[1], e->counts[2], e->counts[3]);
  }
}

static void print_battery(const LfFleetSummary *s)
{
  printf("\n%s\n", _("Battery health (full charge capacity / design capacity):"));
  for (guint i = 0; i < LF_FLEET_BATTERY_BUCKETS; i++) {
    const char *bucket = lf_fleet_battery_buckets[i];
    const char *label = g_str_equal(bucket, "none")      ? _("no battery")
                        : g_str_equal(bucket, "unknown") ? _("unknown")
                                                         : bucket;
    g_autofree char *pct = g_strdup_printf("%s%s", label, g_ascii_isdigit(*bucket) ? " %" : "");
    printf("  %-14s %8" PRId64 "\n", pct, s->battery[i]);
  }
}

static void print_shopping_list(const LfFleetSummary *s)
{
  printf("\n%s\n", _("Shopping list: parts that turn WARN/FAIL into PASS (most machines first):"));
  if (s->purchases->len == 0)
    printf("  %s\n", _("nothing: no verdict is fixed by RAM or an SSD alone"));
  for (guint i = 0; i < s->purchases->len; i++) {
    const LfFleetPurchase *p = s->purchases->pdata[i];
    g_autofree char *what = purchase_text(p);
    g_autoptr(GString) which = g_string_new(NULL);
    for (guint k = 0; k < p->editions->len; k++) {
      const LfFleetEditionMachines *m = p->editions->pdata[k];
      g_string_append_printf(which, "%s%s %" PRId64, k ? ", " : "", m->edition, m->machines);
    }
    /* TRANSLATORS: "RAM to 4 GB: 12 machines (ubuntu-24.04 10, ...)" */
    put(g_strdup_printf(ngettext("%s: %" PRId64 " machine (%s)",
                                 "%s: %" PRId64 " machines (%s)", p->machines),
                        what, p->machines, which->str));
  }
}

static void print_upgrades(const LfFleetSummary *s)
{
  printf("\n%s\n", _("Hardware upgrades (RAM to 4 GB, or 2 GB where the board cannot take 4 GB; SSDs):"));
  if (s->upgrades->len == 0)
    printf("  %s\n", _("nothing to buy"));
  for (guint i = 0; i < s->upgrades->len; i++) {
    const LfFleetUpgrade *u = &g_array_index(s->upgrades, LfFleetUpgrade, i);
    gint64 n = u->machines;
    if (!u->ssd)
      put(g_strdup_printf(ngettext("RAM up to %" PRId64 " MB: %" PRId64
                                   " machine (%" PRId64 " MB in total)",
                                   "RAM up to %" PRId64 " MB: %" PRId64
                                   " machines (%" PRId64 " MB in total)", n),
                          u->to_mb, n, u->added_mb));
    else
      put(g_strdup_printf(ngettext("SSD instead of a hard disk: %" PRId64 " machine",
                                   "SSD instead of a hard disk: %" PRId64 " machines", n),
                          n));
  }
  gint64 stuck = s->ram_not_upgradable;
  if (stuck)
    put(g_strdup_printf(ngettext("%" PRId64 " machine cannot take more RAM (soldered or at the board maximum)",
                                               "%" PRId64 " machines cannot take more RAM (soldered or at the board maximum)", stuck),
                                      stuck));
}

static void print_report(const LfFleetSummary *s)
{
  printf(_("%" PRId64 " machines, %" PRId64 " reports.\n"), s->machines, s->reports);
  print_editions(s);
  print_battery(s);
  print_shopping_list(s);
  print_upgrades(s);
}

static char *num_text(JsonObject *o, const char *key)
{
  JsonNode *n = json_object_get_member(o, key);
  if (n == NULL || JSON_NODE_HOLDS_NULL(n))
    return g_strdup(_("unknown"));
  return lf_csv_value(n);
}

static void print_list(const char *label, JsonArray *a)
{
  for (guint i = 0; i < json_array_get_length(a); i++)
    printf("    %s %s\n", label, json_array_get_string_element(a, i));
}

static void print_diff(JsonNode *node)
{
  JsonObject *d = json_node_get_object(node);
  JsonArray *changes = json_object_get_array_member(d, "changes");
  printf(_("Machine %s: %" PRId64 " reports.\n"),
         json_object_get_string_member(d, "machine_id"), int_member(d, "reports"));
  if (json_array_get_length(changes) == 0)
    printf("%s\n", _("Only one report: nothing to compare."));
  for (guint i = 0; i < json_array_get_length(changes); i++) {
    JsonObject *c = json_array_get_object_element(changes, i);
    printf("\n%s → %s\n", json_object_get_string_member(c, "from"),
           json_object_get_string_member(c, "to"));
    g_autofree char *ram_a = num_text(c, "ram_installed_mb_from");
    g_autofree char *ram_b = num_text(c, "ram_installed_mb_to");
    if (!g_str_equal(ram_a, ram_b))
      put(g_strdup_printf(_("RAM: %s MB → %s MB"), ram_a, ram_b));
    print_list(_("RAM removed:"), json_object_get_array_member(c, "ram_removed"));
    print_list(_("RAM added:"), json_object_get_array_member(c, "ram_added"));
    print_list(_("disk removed:"), json_object_get_array_member(c, "disks_removed"));
    print_list(_("disk added:"), json_object_get_array_member(c, "disks_added"));
    JsonNode *bios = json_object_get_member(c, "bios_version");
    if (bios && JSON_NODE_HOLDS_OBJECT(bios))
      put(g_strdup_printf(_("firmware: %s → %s"),
                                       json_object_get_string_member(json_node_get_object(bios), "from"),
                                       json_object_get_string_member(json_node_get_object(bios), "to")));
    JsonArray *bats = json_object_get_array_member(c, "batteries");
    for (guint k = 0; k < json_array_get_length(bats); k++) {
      JsonObject *b = json_array_get_object_element(bats, k);
      g_autofree char *h0 = num_text(b, "health_pct_from");
      g_autofree char *h1 = num_text(b, "health_pct_to");
      g_autofree char *wear = num_text(b, "wear_pct_per_month");
      if (json_object_get_boolean_member(b, "replaced"))
        put(g_strdup_printf(_("battery %s: replaced (health now %s %%)"),
                                         json_object_get_string_member(b, "name"), h1));
      else
        put(g_strdup_printf(_("battery %s: health %s %% → %s %% (%s points per month)"),
                                         json_object_get_string_member(b, "name"), h0, h1, wear));
    }
  }
}

static int cmd_report(FleetOptions *o, GError **error)
{
  g_autoptr(LfFleet) fleet = lf_fleet_open(o->db, error);
  if (fleet == NULL)
    return LF_EXIT_FAILURE;
  g_autoptr(LfFleetSummary) summary = lf_fleet_summary(fleet, error);
  if (summary == NULL)
    return LF_EXIT_FAILURE;
  if (o->json) {
    g_autoptr(JsonNode) rep = lf_fleet_summary_to_json(summary);
    print_json(rep);
  } else {
    print_report(summary);
  }
  return LF_EXIT_OK;
}

static int cmd_diff(int argc, char **argv, FleetOptions *o, GError **error)
{
  if (argc != 2) {
    g_set_error(error, LF_ERROR, LF_ERROR_USAGE, _("fleet diff: name one machine"));
    return LF_EXIT_USAGE;
  }
  g_autoptr(LfFleet) fleet = lf_fleet_open(o->db, error);
  if (fleet == NULL)
    return LF_EXIT_FAILURE;
  g_autoptr(JsonNode) diff = lf_fleet_diff(fleet, argv[1], error);
  if (diff == NULL)
    return LF_EXIT_FAILURE;
  if (o->json)
    print_json(diff);
  else
    print_diff(diff);
  return LF_EXIT_OK;
}

int lf_cmd_fleet(int argc, char **argv, GError **error)
{
  if (argc < 2) {
    g_set_error(error, LF_ERROR, LF_ERROR_USAGE,
                _("fleet: name a command: import, list, report, diff or export (see 'lapfit fleet --help')"));
    return LF_EXIT_USAGE;
  }
  if (g_str_equal(argv[1], "--help") || g_str_equal(argv[1], "-h")) {
    printf("%s\n%s", _("Usage:"), sub_usage);
    return LF_EXIT_OK;
  }
  const char *sub = argv[1];
  static const char *const subs[] = { "import", "list", "report", "diff", "export", NULL };
  if (!g_strv_contains(subs, sub)) {
    g_set_error(error, LF_ERROR, LF_ERROR_USAGE,
                _("unknown fleet command '%s' (import, list, report, diff, export)"), sub);
    return LF_EXIT_USAGE;
  }
  g_auto(FleetOptions) o = { 0 };
  argc--;
  argv++;
  if (!parse(sub, &o, &argc, &argv, error))
    return LF_EXIT_USAGE;
  if (g_str_equal(sub, "import"))
    return cmd_import(argc, argv, &o, error);
  /* only import creates a database (a file: a server's database must exist) */
  if (!lf_fleet_is_uri(o.db) && !g_file_test(o.db, G_FILE_TEST_EXISTS)) {
    g_set_error(error, LF_ERROR, LF_ERROR_NOT_FOUND,
                _("fleet database '%s' does not exist (create it with 'lapfit fleet import')"),
                o.db);
    return LF_EXIT_FAILURE;
  }
  if (argc > 1 && !g_str_equal(sub, "diff")) {
    g_set_error(error, LF_ERROR, LF_ERROR_USAGE, _("unexpected argument '%s'"), argv[1]);
    return LF_EXIT_USAGE;
  }
  if (g_str_equal(sub, "list"))
    return cmd_list(&o, error);
  if (g_str_equal(sub, "report"))
    return cmd_report(&o, error);
  if (g_str_equal(sub, "diff"))
    return cmd_diff(argc, argv, &o, error);
  return cmd_export(&o, error);
}
