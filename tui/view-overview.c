/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Overview: the machine at a glance and the top three recommendations.
 * Enter on a battery or recommendation row opens that screen. */
#include <glib/gi18n.h>
#include <inttypes.h>

#include "core/data-text.h"
#include "core/human.h"
#include "tui.h"
#include "verdicts.h"

#define GOTO(view) GINT_TO_POINTER((view) + 1)

static void add(LfPanel *p, const char *label, const char *value)
{
  LfRow *row = lf_panel_add(p, label, value ? value : _("unknown"));
  if (value == NULL)
    row->role = LF_ROLE_DIM;
}

static char *firmware_text(const LfMachine *m)
{
  if (g_strcmp0(m->firmware.mode, "uefi") == 0)
    return lf_known_int(m->firmware.uefi_bits)
               ? g_strdup_printf(_("UEFI (%" PRId64 "-bit), Secure Boot %s"), m->firmware.uefi_bits,
                                 lf_tri_to_human(m->firmware.secure_boot))
               : g_strdup_printf(_("UEFI, Secure Boot %s"),
                                 lf_tri_to_human(m->firmware.secure_boot));
  if (g_strcmp0(m->firmware.mode, "bios") == 0)
    return g_strdup(_("BIOS (legacy)"));
  return NULL;
}

static void build_machine(LfPanel *p, const LfReport *r)
{
  const LfMachine *m = &r->machine;
  lf_panel_add_header(p, _("Machine"));
  g_autofree char *name = lf_human_model(m);
  add(p, _("Model"), name);
  if (m->virtual_)
    add(p, _("Virtual machine"), m->virtual_);
  g_autofree char *fw = firmware_text(m);
  add(p, _("Firmware"), fw);
}

static void build_more(LfPanel *p, const LfReport *r)
{
  const LfMachine *m = &r->machine;
  lf_panel_add_header(p, _("System"));
  add(p, _("OS"), r->os.pretty_name);
  add(p, _("Kernel"), r->os.kernel);
  if (r->os.live_session == LF_TRI_TRUE)
    add(p, _("Live session"), _("yes"));
  add(p, _("Chassis"), lf_human_chassis(m->chassis));
  g_autofree char *bios = NULL;
  if (m->bios.vendor || m->bios.version)
    bios = g_strstrip(g_strjoin(" ", m->bios.vendor ? m->bios.vendor : "",
                                m->bios.version ? m->bios.version : "",
                                m->bios.date ? m->bios.date : "", NULL));
  add(p, _("BIOS"), bios);
}

static void build_cpu(LfPanel *p, const LfReport *r)
{
  const LfCpu *c = &r->cpu;
  lf_panel_add_header(p, _("CPU"));
  add(p, _("Model"), c->brand);
  g_autofree char *gen = NULL;
  g_autofree char *generation = lf_human_generation(c->generation);
  if (c->uarch || c->generation) {
    g_autofree char *year = lf_fmt_int(c->launch_year);
    gen = g_strdup_printf(_("%s (%s), launched %s"), lf_fmt_or_unknown(generation),
                          lf_fmt_or_unknown(lf_data_text(LF_DATA_CPU_UARCH, c->uarch)), year);
  } else if (lf_known_int(c->launch_year)) {
    gen = g_strdup_printf(_("launched %" PRId64), c->launch_year);
  }
  add(p, _("Generation"), gen);
  g_autofree char *missing = lf_fmt_join(c->missing_for_next_level, ", ");
  g_autofree char *isa = NULL;
  if (c->isa_level)
    isa = missing ? g_strdup_printf(_("%s (next level needs %s)"), c->isa_level, missing)
                  : g_strdup(c->isa_level);
  /* Plain words first, the level for those who ask. */
  add(p, _("ISA level"), lf_human_isa(c));
  if (isa)
    lf_panel_add(p, "", isa)->role = LF_ROLE_DIM;
  if (lf_human_cpu_features(c))
    add(p, _("Features"), lf_human_cpu_features(c));
  g_autofree char *ct = lf_human_cores(c->cores, c->threads);
  add(p, _("Cores"), ct);
}

static void build_memory(LfPanel *p, const LfReport *r)
{
  const LfMemory *m = &r->memory;
  lf_panel_add_header(p, _("Memory"));
  g_autofree char *installed = lf_known_int(m->installed_mb) ? lf_fmt_mb(m->installed_mb) : NULL;
  g_autofree char *inst = NULL;
  if (installed)
    inst = g_strcmp0(m->installed_source, "estimate") == 0
               ? g_strdup_printf(_("%s (estimate)"), installed)
               : g_strdup(installed);
  if (inst && m->type) {
    g_autofree char *with_type = inst;
    inst = lf_known_int(m->speed_mts)
               ? g_strdup_printf("%s, %s-%" PRId64, with_type, m->type, m->speed_mts)
               : g_strdup_printf("%s, %s", with_type, m->type);
  }
  add(p, _("Installed"), inst);
  g_autofree char *usable = lf_known_int(m->usable_mb) ? lf_fmt_mb(m->usable_mb) : NULL;
  g_autofree char *slots = NULL;
  if (lf_known_int(m->slots_total)) {
    g_autofree char *used = lf_fmt_int(m->slots_used), *max = lf_fmt_mb(m->max_mb);
    slots = g_strdup_printf(_("%s of %" PRId64 " used, board maximum %s"), used, m->slots_total,
                            max);
  } else if (m->soldered == LF_TRI_TRUE) {
    slots = g_strdup(_("none: all memory is soldered"));
  }
  add(p, _("Slots"), slots);
  add(p, _("Usable"), usable);
}

static void build_batteries(LfPanel *p, const LfReport *r)
{
  lf_panel_add_header(p, _("Battery"))->data = GOTO(LF_VIEW_BATTERY);
  if (r->batteries == NULL || r->batteries->len == 0) {
    LfRow *row = lf_panel_add(p, _("Battery"), _("none found"));
    row->role = LF_ROLE_DIM;
    row->data = GOTO(LF_VIEW_BATTERY);
    return;
  }
  for (guint i = 0; i < r->batteries->len; i++) {
    const LfBattery *b = r->batteries->pdata[i];
    g_autofree char *full = lf_fmt_num(b->full_wh, _("%.1f Wh"));
    g_autofree char *design = lf_fmt_num(b->design_wh, _("%.1f Wh"));
    g_autofree char *text = lf_known_num(b->health_pct)
                                ? g_strdup_printf(_("health %.0f %% (%s of %s)"), b->health_pct,
                                                  full, design)
                                : g_strdup_printf(_("health unknown (%s of %s)"), full, design);
    LfRow *row = lf_panel_add(p, lf_fmt_or_unknown(b->name), text);
    if (lf_known_num(b->health_pct))
      row->bar = CLAMP(b->health_pct / 100.0, 0.0, 1.0);
    static const LfRole health_roles[] = {
      [LF_BATTERY_HEALTH_UNKNOWN] = LF_ROLE_DIM, [LF_BATTERY_HEALTH_GOOD] = LF_ROLE_NORMAL,
      [LF_BATTERY_HEALTH_WORN] = LF_ROLE_WARN, [LF_BATTERY_HEALTH_POOR] = LF_ROLE_FAIL,
    };
    row->role = health_roles[lf_battery_health(b)];
    row->data = GOTO(LF_VIEW_BATTERY);
  }
}

static void build_storage(LfPanel *p, const LfReport *r)
{
  lf_panel_add_header(p, _("Storage"));
  if (r->storage == NULL || r->storage->len == 0) {
    lf_panel_add(p, _("Disks"), _("none found"))->role = LF_ROLE_DIM;
    return;
  }
  for (guint i = 0; i < r->storage->len; i++) {
    const LfStorage *s = r->storage->pdata[i];
    g_autofree char *desc = lf_human_storage(s);
    lf_panel_add(p, lf_fmt_or_unknown(s->name), desc);
  }
}

static void build_recommendations(LfTui *tui, LfPanel *p)
{
  lf_panel_add_header(p, _("Recommended distributions"))->data = GOTO(LF_VIEW_RECOMMEND);
  const GError *error = NULL;
  LfTuiVerdicts *v = lf_tui_verdicts(tui, &error);
  if (v == NULL || v->rec->best->len == 0) {
    LfRow *row = lf_panel_add_text(p, error ? error->message : _("No edition fits this machine."),
                                   LF_ROLE_DIM);
    row->data = GOTO(LF_VIEW_RECOMMEND);
    return;
  }
  /* The recommender's best three, one line each so the batteries stay on an 80x24
   * first screen: who the edition is for (the whole why is on the Recommend screen). */
  for (guint i = 0; i < v->rec->best->len; i++) {
    const LfBestPick *b = v->rec->best->pdata[i];
    const LfTuiEdition *e = lf_tui_edition_of(v, b->verdict);
    LfRow *row = lf_panel_add(p, NULL, "");
    g_free(row->value);
    row->value = g_strdup_printf("%s: %s", e->name, _(b->who));
    row->badge = g_strdup(lf_fmt_verdict_badge(b->verdict->status, &row->badge_role));
    row->data = GOTO(LF_VIEW_RECOMMEND);
  }
}

static void overview_build(LfTui *tui, LfView *view, int width)
{
  LfPanel *p = &view->list;
  const LfReport *r = tui->report;
  build_machine(p, r);
  build_cpu(p, r);
  build_memory(p, r);
  /* Above batteries and disks, which vary in number: at 80x24 the top three
   * stay on the first screen. */
  build_recommendations(tui, p);
  build_batteries(p, r);
  build_storage(p, r);
  build_more(p, r);
}

static LfHandlerResult overview_key(LfTui *tui, LfView *view, int key)
{
  if (key != '\r' && key != '\n' && key != KEY_ENTER)
    return LF_IGNORED;
  LfRow *row = lf_panel_selected(&view->list);
  if (row && row->data == GOTO(LF_VIEW_RECOMMEND) && row->badge) {
    /* A recommendation row: open the Recommend screen on that edition. */
    const GError *error = NULL;
    LfTuiVerdicts *v = lf_tui_verdicts(tui, &error);
    int index = view->list.selected;
    int first = index;
    for (int i = index; v && i >= 0; i--) {       /* pick = position among badge rows */
      LfRow *r = view->list.rows->pdata[i];
      if (!r->badge)
        break;
      first = i;
    }
    guint pick = (guint)(index - first);
    if (v && pick < v->rec->best->len) {
      const LfBestPick *b = v->rec->best->pdata[pick];
      g_free(tui->rec_focus);
      tui->rec_focus = g_strdup(b->verdict->edition->id);
    }
  }
  if (row && row->data) {
    lf_tui_show_view(tui, GPOINTER_TO_INT(row->data) - 1);
    return LF_HANDLED;
  }
  return LF_IGNORED;
}

const LfViewClass lf_view_overview_class = {
  .id = "overview",
  /* TRANSLATORS: screen (tab) name; keep it short */
  .name = N_("Overview"),
  .build = overview_build,
  .key = overview_key,
  /* TRANSLATORS: key bar: Enter opens the screen of the selected row */
  .enter_hint = N_("Open"),
};
