/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Battery: health, cycles, and the live charge, power draw and remaining
 * time, which screen.c refreshes every two seconds from sysfs. */
#include <glib/gi18n.h>
#include <inttypes.h>

#include "core/human.h"
#include "tui.h"

static const char *flag_text(const char *flag)
{
  if (g_str_equal(flag, "health-over-100"))
    return _("The battery reports more capacity than it was designed for; the health figure is "
             "capped and may be wrong.");
  if (g_str_equal(flag, "design-missing"))
    return _("The battery does not report its design capacity, so its health is unknown.");
  return flag;
}

static void add_value(LfPanel *p, const char *label, char *value_owned)
{
  g_autofree char *value = value_owned;
  LfRow *row = lf_panel_add(p, label, value);
  if (g_strcmp0(value, _("unknown")) == 0)
    row->role = LF_ROLE_DIM;
}

static void build_one(LfPanel *p, const LfBattery *b, gboolean live)
{
  g_autofree char *title = NULL;
  g_autofree char *who = g_strstrip(g_strjoin(" ", b->vendor ? b->vendor : "",
                                              b->model ? b->model : "", NULL));
  title = *who ? g_strdup_printf("%s: %s", lf_fmt_or_unknown(b->name), who)
               : g_strdup(lf_fmt_or_unknown(b->name));
  if (b->technology) {
    g_autofree char *t = title;
    title = g_strdup_printf("%s (%s)", t, b->technology);
  }
  lf_panel_add_header(p, title);

  g_autofree char *full = lf_fmt_num(b->full_wh, _("%.1f Wh"));
  g_autofree char *design = lf_fmt_num(b->design_wh, _("%.1f Wh"));
  g_autofree char *health = lf_known_num(b->health_pct)
                                ? g_strdup_printf(_("%.0f %% (%s of %s when new)"), b->health_pct,
                                                  full, design)
                                : g_strdup_printf(_("unknown (%s of %s when new)"), full, design);
  LfRow *row = lf_panel_add(p, _("Health"), health);
  if (lf_known_num(b->health_pct))
    row->bar = CLAMP(b->health_pct / 100.0, 0.0, 1.0);
  add_value(p, _("Cycles"), lf_fmt_int(b->cycles));

  g_autofree char *now = lf_fmt_num(b->now_wh, _("%.1f Wh"));
  g_autofree char *charge = lf_known_num(b->percent)
                                ? g_strdup_printf(_("%.0f %% (%s)"), b->percent, now)
                                : g_strdup(now);
  row = lf_panel_add(p, _("Charge"), charge);
  if (lf_known_num(b->percent))
    row->bar = CLAMP(b->percent / 100.0, 0.0, 1.0);
  lf_panel_add(p, _("State"), lf_human_battery_state(b->state));
  add_value(p, _("Power draw"), lf_fmt_num(b->power_w, _("%.1f W")));
  if (g_strcmp0(b->state, "charging") == 0)
    add_value(p, _("Time to full"), lf_fmt_duration(b->time_to_full_s));
  else
    add_value(p, _("Time to empty"), lf_fmt_duration(b->time_to_empty_s));
  if (lf_known_num(b->voltage_v))
    add_value(p, _("Voltage"), lf_fmt_num(b->voltage_v, _("%.2f V")));
  /* The pack's rated voltage: with the design capacity it tells a fitting replacement. */
  if (lf_known_num(b->design_voltage_v))
    add_value(p, _("Design voltage"), lf_fmt_num(b->design_voltage_v, _("%.2f V")));
  if (lf_known_int(b->charge_start_threshold) || lf_known_int(b->charge_stop_threshold)) {
    g_autofree char *start = lf_fmt_int(b->charge_start_threshold);
    g_autofree char *stop = lf_fmt_int(b->charge_stop_threshold);
    char *limits =
        /* TRANSLATORS: charge thresholds in percent, e.g. "start at 75 %, stop at 80 %" */
        g_strdup_printf(_("start at %s %%, stop at %s %%"), start, stop);
    add_value(p, _("Thresholds"), limits);
  }
  add_value(p, _("Source"), g_strdup(lf_fmt_or_unknown(b->source)));
  for (guint i = 0; b->flags && i < b->flags->len; i++)
    lf_panel_add_wrapped(p, flag_text(b->flags->pdata[i]), LF_ROLE_WARN, 1);
  (void)live;
}

static void battery_build(LfTui *tui, LfView *view, int width)
{
  LfPanel *p = &view->list;
  const LfReport *r = tui->report;
  gboolean live = tui->source.report == NULL;
  if (r->batteries == NULL || r->batteries->len == 0) {
    lf_panel_add_header(p, _("Battery"));
    lf_panel_add_text(p, _("No battery found: this machine runs on mains power only, or the "
                           "battery is not connected."),
                      LF_ROLE_DIM);
  }
  for (guint i = 0; r->batteries && i < r->batteries->len; i++) {
    if (i > 0)
      lf_panel_add_blank(p);
    build_one(p, r->batteries->pdata[i], live);
  }
  lf_panel_add_blank(p);
  if (live)
    lf_panel_add_wrapped(p,
                         _("Charge, power draw and time are read from sysfs again every "
                           "2 seconds."),
                         LF_ROLE_DIM, 0);
  else {
    g_autofree char *note = g_strdup_printf(
        _("Values from a saved report (generated %s), not live."), lf_fmt_or_unknown(r->generated));
    lf_panel_add_wrapped(p, note, LF_ROLE_DIM, 0);
  }
}

static void battery_draw(LfTui *tui, LfView *view, int y, int h)
{
  lf_panel_draw(&view->list, y, 0, h, COLS);
  if (tui->source.report == NULL && tui->battery_updated_us > 0) {
    double ago = (g_get_monotonic_time() - tui->battery_updated_us) / (double)G_USEC_PER_SEC;
    g_autofree char *when = g_strdup_printf(
        ngettext("updated %.0f s ago, %u refresh", "updated %.0f s ago, %u refreshes",
                 tui->battery_polls),
        ago, tui->battery_polls);
    int w = lf_crt_width(when);
    if (w + 2 < COLS)
      lf_crt_put(y, COLS - w - 2, w, when, LF_ROLE_DIM, FALSE);
  }
}

const LfViewClass lf_view_battery_class = {
  .id = "battery",
  /* TRANSLATORS: screen (tab) name; keep it short */
  .name = N_("Battery"),
  .build = battery_build,
  .draw = battery_draw,
};
