/* SPDX-License-Identifier: GPL-2.0-or-later */
/* `recommend`, `check` and `db`: the distro recommender on the command line.
 * Verdicts come from lf_recommend() (src/recommend/); this file parses
 * options, prints translated text or untranslated JSON, and maps verdicts to
 * exit codes (`check`: 0 PASS, 1 WARN, 2 FAIL, 3 unknown id or usage error). */
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/data-text.h"
#include "core/error.h"
#include "core/text.h"
#include "core/human.h"
#include "core/report-json.h"
#include "recommend/recommend.h"

enum { LF_CHECK_PASS = 0, LF_CHECK_WARN = 1, LF_CHECK_FAIL = 2, LF_CHECK_UNKNOWN = 3 };

#define LF_DISTROS_SCHEMA "lapfit-distros/1"

typedef struct {
  gboolean json, all;
  char *use, *audience, *db, *today;
} CommonOpts;

static void common_opts_clear(CommonOpts *o)
{
  g_free(o->use);
  g_free(o->audience);
  g_free(o->db);
  g_free(o->today);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(CommonOpts, common_opts_clear)

static void add_common(GOptionContext *ctx, CommonOpts *o, gboolean with_all)
{
  const GOptionEntry entries[] = {
    { "json", 'j', 0, G_OPTION_ARG_NONE, &o->json, N_("Print lapfit-verdicts/1 JSON"), NULL },
    { "use", 0, 0, G_OPTION_ARG_STRING, &o->use,
      N_("What the machine is for: desktop (default), server or kiosk"), N_("USE") },
    { "for", 0, 0, G_OPTION_ARG_STRING, &o->audience,
      N_("Who will use it: newcomer (default), experienced or expert"), N_("WHO") },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &o->db,
      N_("Read distro requirements from this database instead of the built-in one"),
      N_("FILE") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &o->today,
      N_("Judge support dates as of this day (YYYY-MM-DD) instead of today"), N_("DATE") },
    G_OPTION_ENTRY_NULL,
  };
  const GOptionEntry all_entry[] = {
    { "all", 'a', 0, G_OPTION_ARG_NONE, &o->all,
      N_("Also list editions whose support has ended"), NULL },
    G_OPTION_ENTRY_NULL,
  };
  g_option_context_add_main_entries(ctx, entries, GETTEXT_PACKAGE);
  if (with_all)
    g_option_context_add_main_entries(ctx, all_entry, GETTEXT_PACKAGE);
}

static gboolean make_options(const CommonOpts *o, LfRecommendOptions *opts, GError **error)
{
  lf_recommend_options_init(opts);
  opts->include_eol = o->all;
  if (o->use && !lf_use_from_string(o->use, &opts->use)) {
    g_set_error(error, LF_ERROR, LF_ERROR_USAGE,
                _("unknown use '%s' (expected desktop, server or kiosk)"), o->use);
    return FALSE;
  }
  if (o->audience && !lf_audience_from_string(o->audience, &opts->audience)) {
    g_set_error(error, LF_ERROR, LF_ERROR_USAGE,
                _("unknown user '%s' (expected newcomer, experienced or expert)"), o->audience);
    return FALSE;
  }
  if (o->today && !lf_distro_parse_date(o->today, FALSE, &opts->today)) {
    g_set_error(error, LF_ERROR, LF_ERROR_USAGE, _("'%s' is not a date (YYYY-MM-DD)"),
                o->today);
    return FALSE;
  }
  return TRUE;
}

static const char *status_human(LfStatus s)
{
  switch (s) {
  /* TRANSLATORS: verdict labels, keep them short (4 columns) */
  case LF_STATUS_PASS: return C_("verdict", "PASS");
  case LF_STATUS_WARN: return C_("verdict", "WARN");
  case LF_STATUS_FAIL: return C_("verdict", "FAIL");
  case LF_STATUS_INFO: return C_("verdict", "note");
  }
  return "";
}

static void print_json(JsonNode *node)
{
  g_autofree char *text = lf_json_to_text(node, LF_JSON_PRETTY);
  printf("%s\n", text);
  json_node_unref(node);
}

/* The verdict word padded to the widest one in the user's language, by
 * terminal columns, so the names after it line up in every language. */
static char *status_column(LfStatus s)
{
  static const LfStatus all[] = { LF_STATUS_PASS, LF_STATUS_WARN, LF_STATUS_FAIL, LF_STATUS_INFO };
  int w = 0;
  for (gsize i = 0; i < G_N_ELEMENTS(all); i++)
    w = MAX(w, (int)lf_text_width(status_human(all[i])));
  return lf_human_pad(status_human(s), w);
}

/* ranked: `recommend` numbers its list; `check` judges one edition, unranked. */
static void print_verdict(const LfVerdict *v, gboolean details, gboolean ranked)
{
  const LfDistroEdition *e = v->edition;
  g_autofree char *word = status_column(v->status);
  g_autofree char *rank = ranked ? g_strdup_printf("%3d. ", v->rank) : g_strdup("");
  g_autofree char *title = lf_distro_edition_title(e, TRUE);
  printf("%s%s  %s  [%s]%s\n", rank, word, title, e->id,
         v->supported ? "" : _("  — support ended"));
  for (guint i = 0; i < v->reasons->len; i++) {
    const LfReason *r = v->reasons->pdata[i];
    if (!details && r->status < LF_STATUS_WARN)
      continue;
    g_autofree char *rw = status_column(r->status);
    g_autofree char *text = lf_text_sanitize(r->text);   /* may quote the report */
    printf("%s     %s  %s\n", ranked ? "   " : "", rw, text);
  }
  if (v->advice->len > 0) {
    const LfAdvice *a = v->advice->pdata[0];
    /* TRANSLATORS: the cheapest fix for a WARN/FAIL verdict */
    g_autofree char *fix = lf_text_sanitize(a->text);
    printf("%s     %s %s\n", ranked ? "   " : "", _("Fix:"), fix);
    for (guint i = 1; details && i < v->advice->len; i++) {
      g_autofree char *alt = lf_text_sanitize(((LfAdvice *)v->advice->pdata[i])->text);
      printf("%s     %s %s\n", ranked ? "   " : "", _("  or:"), alt);
    }
  }
}

static void print_memory_basis(const LfRecommendation *rec)
{
  g_autofree char *inst = lf_human_mb(rec->ram_installed_mb);
  g_autofree char *use = lf_human_mb(rec->ram_usable_mb);
  if (use == NULL)
    /* TRANSLATORS: "4 GiB installed, size unknown usable": the usable size */
    use = g_strdup(_("size unknown"));
  if (g_str_equal(rec->ram_basis, "installed"))
    printf(_("RAM is judged by the installed memory: %s installed, %s usable.\n"), inst, use);
  else if (g_str_equal(rec->ram_basis, "estimate"))
    printf(_("RAM: the installed size is only an estimate (%s); judged by %s usable, and "
             "verdicts that depend on it say so.\n"), inst, use);
  else if (g_str_equal(rec->ram_basis, "usable"))
    printf(_("RAM: the installed size is unknown; judged by %s usable.\n"), use);
  else
    printf("%s\n", _("RAM: the report has no memory size; RAM could not be checked."));
}

/* A best pick's support end, a label beside its name (best picks are all supported). */
static char *support_label(const LfDistroEdition *e)
{
  if (e->support_ends == NULL)
    return g_strdup(_("end of support not announced"));
  if (g_str_equal(e->support_ends, "rolling"))
    return g_strdup(_("a rolling release, updated continuously"));
  return g_strdup_printf(_("supported until %s"), e->support_ends);
}

/* The answer first: the best three for this machine and this user. */
static void print_best(const LfRecommendation *rec)
{
  if (rec->best->len == 0) {
    printf("%s\n\n", _("No edition runs on this machine without a failure; the list below "
                        "says what each one needs."));
    return;
  }
  printf("%s\n", _("Best for this machine:"));
  for (guint i = 0; i < rec->best->len; i++) {
    const LfBestPick *b = rec->best->pdata[i];
    const LfDistroEdition *e = b->verdict->edition;
    g_autofree char *word = status_column(b->verdict->status);
    g_autofree char *support = support_label(e);
    g_autofree char *title = lf_distro_edition_title(e, TRUE);
    /* The why is one sentence; the status and the support end stand beside it. */
    printf("  %u. %s  %s  [%s]  — %s\n     %s\n", i + 1, word, title, e->id, support, b->text);
  }
  printf("\n");
}

static LfReport *load_report(LfReportSource *src, GError **error)
{
  return lf_report_source_load(src, error);
}

int lf_cmd_recommend(int argc, char **argv, GError **error)
{
  g_auto(LfReportSource) src = { 0 };
  g_auto(CommonOpts) o = { 0 };
  g_autoptr(GOptionContext) ctx =
      lf_cli_context_new(NULL, _("Judge every distribution edition for this machine: "
                                 "PASS, WARN or FAIL with reasons and the cheapest fix, "
                                 "best first."), NULL);
  add_common(ctx, &o, TRUE);
  lf_cli_add_source_options(ctx, &src, TRUE);
  if (!lf_cli_parse_operands(ctx, &argc, &argv, 0, error))
    return LF_EXIT_USAGE;
  LfRecommendOptions opts;
  if (!make_options(&o, &opts, error))
    return LF_EXIT_USAGE;
  g_autoptr(LfDistroTable) table = lf_distro_table_load(o.db, error);
  if (table == NULL)
    return LF_EXIT_FAILURE;
  g_autoptr(LfReport) report = load_report(&src, error);
  if (report == NULL)
    return LF_EXIT_FAILURE;
  g_autoptr(LfRecommendation) rec = lf_recommend(report, table, &opts);
  if (o.json) {
    print_json(lf_recommendation_to_json(rec));
    return LF_EXIT_OK;
  }
  if (rec->vm_text)
    printf("%s\n", rec->vm_text);
  print_best(rec);
  printf("%s\n", rec->order_text);
  print_memory_basis(rec);
  printf("\n");
  for (guint i = 0; i < rec->verdicts->len; i++)
    print_verdict(rec->verdicts->pdata[i], FALSE, TRUE);
  if (!opts.include_eol)
    printf("\n%s\n", _("Editions whose support has ended are hidden; --all lists them."));
  return LF_EXIT_OK;
}

int lf_cmd_check(int argc, char **argv, GError **error)
{
  g_auto(LfReportSource) src = { 0 };
  g_auto(CommonOpts) o = { 0 };
  g_autoptr(GOptionContext) ctx =
      lf_cli_context_new(_("DISTRO-ID"), _("Judge one edition. Exit status: 0 PASS, 1 WARN, "
                                           "2 FAIL, 3 unknown edition or usage error."), NULL);
  add_common(ctx, &o, FALSE);
  lf_cli_add_source_options(ctx, &src, TRUE);
  if (!lf_cli_parse(ctx, &argc, &argv, error))
    return LF_CHECK_UNKNOWN;
  if (argc != 2) {
    if (argc < 2)
      g_set_error_literal(error, LF_ERROR, LF_ERROR_USAGE,
                          _("which edition? (usage: lapfit check DISTRO-ID)"));
    else
      g_set_error(error, LF_ERROR, LF_ERROR_USAGE, _("unexpected argument '%s'"), argv[2]);
    return LF_CHECK_UNKNOWN;
  }
  LfRecommendOptions opts;
  if (!make_options(&o, &opts, error))
    return LF_CHECK_UNKNOWN;
  g_autoptr(LfDistroTable) table = lf_distro_table_load(o.db, error);
  if (table == NULL)
    return LF_CHECK_UNKNOWN;
  if (lf_distro_table_lookup(table, argv[1]) == NULL) {
    g_set_error(error, LF_ERROR, LF_ERROR_NOT_FOUND,
                _("unknown distribution edition '%s' (see 'lapfit db list')"), argv[1]);
    return LF_CHECK_UNKNOWN;
  }
  g_autoptr(LfReport) report = load_report(&src, error);
  if (report == NULL)
    return LF_CHECK_UNKNOWN;
  g_autoptr(LfRecommendation) rec = NULL;
  const LfVerdict *v = lf_recommend_one(report, table, &opts, argv[1], &rec, error);
  if (v == NULL)
    return LF_CHECK_UNKNOWN;
  if (o.json) {
    print_json(lf_recommendation_to_json(rec));
  } else {
    print_verdict(v, TRUE, FALSE);
    /* The project's own caveats (no i386 installer any more, ...) belong with the verdict. */
    if (v->edition->notes)
      printf(_("     Note: %s\n"), lf_data_text(LF_DATA_NOTE, v->edition->notes));
  }
  switch (v->status) {
  case LF_STATUS_INFO:
  case LF_STATUS_PASS: return LF_CHECK_PASS;
  case LF_STATUS_WARN: return LF_CHECK_WARN;
  case LF_STATUS_FAIL: return LF_CHECK_FAIL;
  }
  return LF_CHECK_UNKNOWN;
}

/* The row's audience and desktop weight in words; JSON keeps the ids. */
static void print_edition_text(const LfDistroEdition *e)
{
  g_autofree char *rmin = lf_human_mb(e->ram_min_mb);
  g_autofree char *rrec = lf_human_mb(e->ram_rec_mb);
  g_autofree char *disk = lf_human_gb(e->disk_min_gb);
  /* TRANSLATORS: a requirement the project does not publish */
  const char *none = _("not published");
  g_autofree char *title = lf_distro_edition_title(e, FALSE);
  printf("%s  [%s]\n", title, e->id);
  printf(_("  Desktop:       %s (%s)%s\n"), lf_data_text(LF_DATA_DESKTOP, e->desktop),
         lf_weight_words(e->weight),
         e->wayland_only == LF_TRI_TRUE ? _(", Wayland only") : "");
  printf(_("  Released:      %s\n"), e->released ? e->released : "?");
  printf(_("  Support ends:  %s\n"), e->support_ends ? e->support_ends : "?");
  if (g_str_equal(e->arch, "x86_64"))
    printf(_("  Architecture:  x86_64, needs x86-64-v%d or newer\n"), (int)e->isa_level);
  else
    printf(_("  Architecture:  i686%s%s%s\n"), e->needs_pae ? ", PAE" : "",
           e->needs_sse2 ? ", SSE2" : "", e->needs_cmov ? ", CMOV" : "");
  if (e->cpu_floor)
    printf(_("  CPU:           %s\n"), lf_data_text(LF_DATA_CPU_FLOOR, e->cpu_floor));
  printf(_("  RAM:           minimum %s, recommended %s\n"), rmin ? rmin : none, rrec ? rrec : none);
  if (e->ram_min_use)
    printf(_("                 the minimum is for %s\n"),
           lf_data_text(LF_DATA_RAM_USE, e->ram_min_use));
  if (e->ram_rec_use)
    printf(_("                 the recommended figure is for %s\n"),
           lf_data_text(LF_DATA_RAM_USE, e->ram_rec_use));
  if (lf_known_int(e->ram_floor_mb)) {
    g_autofree char *floor = lf_human_mb(e->ram_floor_mb);
    printf(_("                 it cannot run with less than %s\n"), floor);
  }
  printf(_("  Disk:          %s\n"), disk ? disk : none);
  printf(_("  Boots with:    %s%s%s%s\n"), e->boot_bios == LF_TRI_TRUE ? "BIOS " : "",
         e->boot_uefi == LF_TRI_TRUE ? "UEFI " : "",
         e->boot_ia32_uefi == LF_TRI_TRUE ? "IA32-UEFI " : "",
         e->secure_boot == LF_TRI_TRUE ? "(Secure Boot)" : "");
  if (e->notes)
    printf(_("  Notes:         %s\n"), lf_data_text(LF_DATA_NOTE, e->notes));
  printf(_("  Source:        %s (confidence %s)\n"), e->source, e->confidence);
  printf(_("  For:           %s (%s)\n"), lf_audience_words(e->audience),
         e->audience_why ? lf_data_text(LF_DATA_AUDIENCE_WHY, e->audience_why) : "?");
  if (e->weight_why)
    printf(_("  Weight:        %s\n"), lf_data_text(LF_DATA_WEIGHT_WHY, e->weight_why));
  /* One line per fact: its confidence, and its source where it is not the row's. */
  printf("%s\n", _("  Each fact (O project, S secondary source, I inferred, ? uncertain):"));
  for (int f = 0; f < LF_FACT_COUNT; f++) {
    const LfFactOrigin *o = &e->fact[f];
    gboolean own = g_strcmp0(o->source, e->source) != 0;
    printf("    %-11s %s%s%s\n", lf_edition_fact_key(f), o->confidence, own ? "  " : "",
           own ? o->source : "");
  }
}

/* One letter per audience in `db list`; the legend under the table spells them out. */
static const char *audience_code(LfAudience a)
{
  switch (a) {
  case LF_AUDIENCE_NEWCOMER: return "N";
  case LF_AUDIENCE_EXPERIENCED: return "E";
  case LF_AUDIENCE_EXPERT: return "X";
  default: return "?";
  }
}

enum { LIST_COLS = 7 };

/* A cell padded to its column; one cut to fit ends in "…", so it does not read as whole. */
static char *list_cell(const char *text, gsize width)
{
  if (lf_text_width(text) <= width || width < 2)
    return lf_text_fit(text, width);
  g_autofree char *cut = lf_text_fit(text, width - 1);
  g_strchomp(cut);
  g_autofree char *marked = g_strconcat(cut, "…", NULL);
  return lf_text_fit(marked, width);
}

/* The `db list` table: columns as wide as their widest cell in terminal columns (names
 * such as "Emmabuntüs" or a translated header must not shift the columns), capped so a
 * row fits 120 columns; a header row and a legend for the one-letter codes. */
static void print_edition_list(GPtrArray *rows)
{
  static const gsize cap[LIST_COLS] = { 24, 40, 24, 5, 6, 10, 4 };
  /* TRANSLATORS: column headers of 'lapfit db list'; keep them short */
  const char *head[LIST_COLS] = { C_("db list", "ID"), C_("db list", "EDITION"),
                                  C_("db list", "DESKTOP"), C_("db list", "FOR"),
                                  C_("db list", "ARCH"), C_("db list", "SUPPORT"),
                                  C_("db list", "CONF") };
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func(g_free);
  gsize width[LIST_COLS] = { 0 };
  for (guint r = 0; r <= rows->len; r++) {
    const LfDistroEdition *e = r ? rows->pdata[r - 1] : NULL;
    const char *text[LIST_COLS];
    g_autofree char *label = e ? lf_distro_edition_title(e, FALSE) : NULL;
    if (e) {
      text[0] = e->id; text[1] = label; text[2] = lf_data_text(LF_DATA_DESKTOP, e->desktop);
      text[3] = audience_code(e->audience); text[4] = e->arch;
      text[5] = e->support_ends ? e->support_ends : "?"; text[6] = e->confidence;
    } else {
      memcpy(text, head, sizeof text);
    }
    for (int c = 0; c < LIST_COLS; c++) {
      char *clean = lf_text_sanitize(text[c]);
      /* A header is never cut ("PARA", "POUR" name the legend's lines); a long cell is. */
      gsize w = lf_text_width(clean);
      width[c] = MAX(width[c], e ? MIN(w, cap[c]) : w);
      g_ptr_array_add(cells, clean);
    }
  }
  for (guint i = 0; i < cells->len; i++) {
    int c = (int)(i % LIST_COLS);
    g_autofree char *cell = c == LIST_COLS - 1 ? g_strdup(cells->pdata[i])
                                               : list_cell(cells->pdata[i], width[c]);
    fputs(cell, stdout);
    fputs(c == LIST_COLS - 1 ? "\n" : "  ", stdout);
  }
  printf("\n%s\n%s\n",
         _("FOR: who the edition is for: N newcomer, E experienced, X expert."),
         _("CONF: O stated by the project, S secondary source, I inferred, ? uncertain "
           "(never a reason to FAIL)."));
}

int lf_cmd_db(int argc, char **argv, GError **error)
{
  g_auto(CommonOpts) o = { 0 };
  const GOptionEntry entries[] = {
    { "json", 'j', 0, G_OPTION_ARG_NONE, &o.json, N_("Print lapfit-distros/1 JSON"), NULL },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &o.db,
      N_("Read this database instead of the built-in one"), N_("FILE") },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr(GOptionContext) ctx =
      lf_cli_context_new(_("list | show DISTRO-ID"),
                         _("List or show the distribution requirements database."), entries);
  if (!lf_cli_parse(ctx, &argc, &argv, error))
    return LF_EXIT_USAGE;
  gboolean list = argc == 2 && g_str_equal(argv[1], "list");
  gboolean show = argc == 3 && g_str_equal(argv[1], "show");
  if (!list && !show) {
    g_set_error(error, LF_ERROR, LF_ERROR_USAGE,
                _("usage: lapfit db list [--json] | lapfit db show DISTRO-ID [--json]"));
    return LF_EXIT_USAGE;
  }
  g_autoptr(LfDistroTable) table = lf_distro_table_load(o.db, error);
  if (table == NULL)
    return LF_EXIT_FAILURE;
  g_autoptr(GPtrArray) rows = g_ptr_array_new();
  if (show) {
    const LfDistroEdition *e = lf_distro_table_lookup(table, argv[2]);
    if (e == NULL) {
      g_set_error(error, LF_ERROR, LF_ERROR_NOT_FOUND,
                  _("unknown distribution edition '%s' (see 'lapfit db list')"), argv[2]);
      return LF_EXIT_FAILURE;
    }
    g_ptr_array_add(rows, (gpointer)e);
  } else {
    for (guint i = 0; i < table->editions->len; i++)
      g_ptr_array_add(rows, table->editions->pdata[i]);
  }
  if (o.json) {
    g_autoptr(JsonBuilder) b = json_builder_new();
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "schema");
    json_builder_add_string_value(b, LF_DISTROS_SCHEMA);
    json_builder_set_member_name(b, "database");
    json_builder_add_string_value(b, table->origin);
    json_builder_set_member_name(b, "editions");
    json_builder_begin_array(b);
    for (guint i = 0; i < rows->len; i++)
      json_builder_add_value(b, lf_distro_edition_to_json(rows->pdata[i]));
    json_builder_end_array(b);
    json_builder_end_object(b);
    print_json(json_builder_get_root(b));
    return LF_EXIT_OK;
  }
  if (show) {
    print_edition_text(rows->pdata[0]);
    return LF_EXIT_OK;
  }
  print_edition_list(rows);
  return LF_EXIT_OK;
}
